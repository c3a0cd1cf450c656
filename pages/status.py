"""Status of a sent request, for the parents: reference number plus resume code."""

from __future__ import annotations

import streamlit as st

from smi_core.cases import STATUS_FOR_RESIDENTS
from smi_core.i18n import long_date
from smi_intake.app_services import services
from smi_intake.services.intake import CaseNotFound
from smi_intake.ui import _, current_locale, plain

svc = services()
municipality = svc.municipality
st.title(_("Status of your request"))
st.write(_("Fill in your reference number and your resume code."))
with st.form("status_form"):
    reference = st.text_input(_("Reference number"), placeholder="SMI-2026-000123", key="status_reference")
    code = st.text_input(_("Resume code"), placeholder="XXXX-XXXX-XXXX-XXXX", key="status_code")
    look_up = st.form_submit_button(_("Look up"))
if look_up:
    try:
        summary = svc.intake.status(reference, code)
    except CaseNotFound:
        st.error(
            _("We cannot find a request with this number and code. Check both and try again."),
            icon=":material/error:",
        )
    else:
        title, next_step = STATUS_FOR_RESIDENTS[summary.status]
        st.subheader(_("Status: %(status)s", status=_(title)))
        st.write(_(next_step, team=municipality.social_team, days=municipality.contact_overdue_working_days))
        for moment, message in summary.messages:
            with st.container(border=True):
                st.markdown(
                    "**"
                    + _(
                        "Message from %(team)s, %(date)s",
                        team=municipality.social_team,
                        date=long_date(moment.date(), current_locale()),
                    )
                    + "**"
                )
                plain(message)
