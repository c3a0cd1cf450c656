"""The 0-100 meeting: putting the case on its agenda, recording its decision, and the decision."""

from __future__ import annotations

import streamlit as st

from smi_core.casework import MEETING_ROLE_LABELS, MeetingRole, TeamDecision
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import DATE_FORMAT, submit, value
from smi_web.services import now, services
from smi_web.ui import _, plain


def team_meeting_button(case: CaseView, worker: Account) -> None:
    def act(version: int) -> int:
        return services().casework.to_team_meeting(case.reference, worker, version, now())

    st.button(
        _("Present in the 0-100 meeting"),
        key="case_to_team",
        type="primary",
        **submit(case, act, _("The case is on the agenda of the 0-100 meeting.")),
    )


def decision_form(case: CaseView, worker: Account) -> None:
    labels = {
        "granted": _("Team decision"),
        "reasons": _("Reasons"),
        "decided_on": _("Date of the meeting"),
        "roles_present": _("Roles present (the SMI coordinator and at least one other)"),
        "message_to_family": _("Message to the family (optional, shown on their status page)"),
    }
    key = f"case_decision_{case.reference}"

    def act(version: int) -> int:
        data = {name: value(f"{key}_{name}") for name in labels}
        data["reasons"] = data["reasons"] or ""
        data["message_to_family"] = data["message_to_family"] or ""
        data["roles_present"] = data["roles_present"] or []
        decision = TeamDecision.model_validate(data)
        return services().casework.record_decision(case.reference, worker, version, decision, now())

    with st.form(key, border=True):
        st.markdown("**" + _("Record the decision of the 0-100 meeting") + "**")
        st.radio(
            labels["granted"],
            [True, False],
            index=None,
            format_func=lambda v: _("Granted") if v else _("Refused"),
            horizontal=True,
            key=f"{key}_granted",
        )
        st.text_area(labels["reasons"], max_chars=5000, key=f"{key}_reasons")
        st.date_input(labels["decided_on"], value=None, format=DATE_FORMAT, key=f"{key}_decided_on")
        st.multiselect(
            labels["roles_present"],
            list(MeetingRole),
            format_func=lambda r: _(MEETING_ROLE_LABELS[r]),
            key=f"{key}_roles_present",
        )
        st.text_area(labels["message_to_family"], max_chars=5000, key=f"{key}_message_to_family")
        st.form_submit_button(
            _("Save the decision"),
            key=f"{key}_submit",
            **submit(case, act, _("The team decision is recorded."), {**labels, "": labels["roles_present"]}),
        )


def recorded_decision(case: CaseView) -> None:
    decision = case.records.decision
    if decision:
        with st.expander(_("Decision of the 0-100 meeting"), expanded=True):
            verdict = _("Granted") if decision.granted else _("Refused")
            plain(f"{verdict}, {decision.decided_on.strftime('%d-%m-%Y')}")
            plain(_("Reasons") + ": " + decision.reasons)
            plain(
                _("Roles present")
                + ": "
                + ", ".join(_(MEETING_ROLE_LABELS[r]) for r in decision.roles_present)
            )
