"""Step 9: the reference number, what happens next, contact details, and the PDF receipt."""

from __future__ import annotations

import streamlit as st

from smi_intake.receipt import receipt_pdf
from smi_web.intake_form import SENT, StepPage
from smi_web.services import services
from smi_web.ui import _, contact_block, current_locale

svc = services()
municipality = svc.municipality
page = StepPage("verzonden")
sent = st.session_state.get(SENT)

if not sent:
    st.info(_("You have not sent a request in this session."), icon=":material/info:")
    st.page_link("pages/intake/start.py", label=_("Start a request"), icon=":material/edit_note:")
    st.stop()

st.success(_("Thank you. We have received your request."), icon=":material/check_circle:")
st.subheader(_("Your reference number"))
st.code(sent["reference"], language=None)
st.write(_("Keep this number and your resume code. With both you can look up the status of your request."))

st.subheader(_("What happens next?"))
st.markdown(
    "\n".join(
        f"{n}. {line}"
        for n, line in enumerate(
            (
                _("%(team)s reads your request.", team=municipality.social_team),
                _(
                    "%(team)s contacts you within %(days)s working days for a talk at your home.",
                    team=municipality.social_team,
                    days=municipality.contact_overdue_working_days,
                ),
                _(
                    "After the talk the team decides whether you get SMI. %(team)s tells you the decision.",
                    team=municipality.social_team,
                ),
            ),
            start=1,
        )
    )
)
contact_block(municipality)

stored = svc.intake.sent_request(sent["reference"])  # the answers and the check stored when sent
pdf = receipt_pdf(
    stored.reference,
    stored.received_at,
    stored.answers,
    sent["consents"],
    stored.check,
    current_locale(),
    municipality,
)
st.download_button(
    _("Download your receipt (PDF)"),
    data=pdf,
    file_name=f"{sent['reference']}.pdf",
    mime="application/pdf",
    key="verzonden_receipt",
    icon=":material/download:",
)
st.page_link("pages/status.py", label=_("Look up the status of your request"), icon=":material/search:")
