"""Wmo step 8: the reference, what happens next (TOE-ONDERZOEK-TERM), contact and the receipt."""

from __future__ import annotations

from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.request_parts import sent_page
from smi_web.services import services
from smi_web.ui import _

svc = services()
team = svc.municipality.social_team
page = StepPage("verzonden", WMO_FLOW)
sent_page(
    WMO_FLOW,
    (
        _("%(team)s reads your request and contacts you for a talk.", team=team),
        _("In the talk you look together at what is hard, what you can do, and who can help."),
        _("This investigation takes at most 6 weeks. Afterwards you get a written report of it."),
        _("Then you can ask for support, and you get a decision from the municipality."),
    ),
    svc.wmo_intake,
)
