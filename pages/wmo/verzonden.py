"""Wmo step 8: the reference, what happens next (TOE-ONDERZOEK-TERM), contact and the receipt."""

from __future__ import annotations

import streamlit as st

from smi_intake.wmo_receipt import wmo_receipt_pdf
from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.request_parts import bullet_list, sent_foot, sent_head
from smi_web.services import services
from smi_web.ui import _, contact_block, current_locale

svc = services()
municipality = svc.municipality
team = municipality.social_team
page = StepPage("verzonden", WMO_FLOW)
sent = sent_head(WMO_FLOW)

bullet_list(
    (
        _("%(team)s reads your request and contacts you for a talk.", team=team),
        _("In the talk you look together at what is hard, what you can do, and who can help."),
        _("This investigation takes at most 6 weeks. Afterwards you get a written report of it."),
        _("Then you can ask for support, and you get a decision from the municipality."),
    )
)
contact_block(municipality)

stored = svc.wmo_intake.sent_melding(sent["reference"])
answers = st.session_state.get(WMO_FLOW.state) or {}
pdf = wmo_receipt_pdf(
    stored.reference,
    stored.received_at,
    answers,
    sent["consents"],
    stored.check,
    current_locale(),
    municipality,
)
sent_foot(WMO_FLOW, sent["reference"], pdf)
