"""Youth care step 8: the reference, what happens next (the beschikking within 8 weeks,
TOE-BESCHIKKING-TERM, with its objection clause), contact and the receipt."""

from __future__ import annotations

from smi_web.intake_form import JEUGD_FLOW, StepPage
from smi_web.request_parts import sent_page
from smi_web.services import services
from smi_web.ui import _

svc = services()
team = svc.municipality.social_team
page = StepPage("verzonden", JEUGD_FLOW)
sent_page(
    JEUGD_FLOW,
    (
        _("%(team)s reads your request and contacts you for a talk.", team=team),
        _("In the talk you look together at what is hard for your child, what you can do, and who can help."),
        _("You get a decision within 8 weeks after your request."),
        _("You can object to the decision if you do not agree with it."),
    ),
    svc.jeugd_intake,
    youth=True,
)
