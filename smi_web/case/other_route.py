"""SMI does not fit: the family is referred to another route and the case is closed."""

from __future__ import annotations

import streamlit as st

from smi_core.casework import OtherRoute
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import submit, text
from smi_web.services import now, services
from smi_web.ui import _, plain


def other_route_form(case: CaseView, worker: Account) -> None:
    labels = {
        "route": _("The other route"),
        "advice": _("The advice given to the family"),
        "message_to_family": _("Message to the family (shown on their status page)"),
    }
    key = f"case_route_{case.reference}"

    def act(version: int) -> int:
        route = OtherRoute.model_validate({name: text(f"{key}_{name}") for name in labels})
        return services().casework.refer_other_route(case.reference, worker, version, route, now())

    with st.form(key, border=True):
        st.markdown("**" + _("SMI does not fit: refer to another route and close the case") + "**")
        st.text_input(labels["route"], max_chars=200, key=f"{key}_route")
        st.text_area(labels["advice"], max_chars=5000, key=f"{key}_advice")
        st.text_area(labels["message_to_family"], max_chars=5000, key=f"{key}_message_to_family")
        st.form_submit_button(
            _("Record the other route and close the case"),
            key=f"{key}_submit",
            **submit(
                case,
                act,
                _("The other route is recorded and the case is closed. The family sees the message."),
                labels,
            ),
        )


def recorded_other_route(case: CaseView) -> None:
    route = case.records.other_route
    if route:
        with st.expander(_("Other route"), expanded=True):
            plain(_("The other route") + ": " + route.route)
            plain(_("The advice given to the family") + ": " + route.advice)
