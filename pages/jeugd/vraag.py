"""Youth care step 3: the child's need in the parent's own words, along the areas of growing up."""

from __future__ import annotations

from smi_intake.jeugd_steps import YOUTH_NEED_QUESTIONS, validate_vraag
from smi_web.intake_form import JEUGD_FLOW, StepPage
from smi_web.request_parts import need_step
from smi_web.services import now
from smi_web.ui import _

page = StepPage("vraag", JEUGD_FLOW)
need_step(
    page,
    _(
        "Tell us in your own words what is hard for your child or for you. Fill in only the parts "
        "that matter. You do not have to know what kind of help is needed."
    ),
    YOUTH_NEED_QUESTIONS,
    lambda: validate_vraag(page.answers, now().date()),
)
