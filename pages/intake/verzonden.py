"""Step 9: the reference number, what happens next, contact details, and the PDF receipt."""

from __future__ import annotations

import streamlit as st

from smi_intake.receipt import receipt_pdf
from smi_web.intake_form import SMI_FLOW, StepPage
from smi_web.request_parts import sent_foot, sent_head
from smi_web.services import services
from smi_web.ui import _, contact_block, current_locale

svc = services()
municipality = svc.municipality
page = StepPage("verzonden")
sent = sent_head(SMI_FLOW)

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
sent_foot(SMI_FLOW, sent["reference"], pdf)
