"""Wmo step 3: the need in the resident's own words, along the life areas of the investigation."""

from __future__ import annotations

from smi_intake.wmo_steps import NEED_QUESTIONS, validate_vraag
from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.request_parts import need_step
from smi_web.services import now
from smi_web.ui import _

page = StepPage("vraag", WMO_FLOW)
need_step(
    page,
    _(
        "Tell us in your own words what is hard. Fill in only the parts that matter to you. "
        "You do not have to know what kind of help you need."
    ),
    NEED_QUESTIONS,
    lambda: validate_vraag(page.answers, now().date()),
)
