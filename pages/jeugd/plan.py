"""Youth care step 5: the offer of free client support (the Jeugdwet has no persoonlijk plan, so
``TOE-PLAN-7D`` is not offered)."""

from __future__ import annotations

from smi_intake.jeugd_steps import validate_plan
from smi_web.intake_form import JEUGD_FLOW, StepPage
from smi_web.request_parts import plan_step
from smi_web.services import now

page = StepPage("plan", JEUGD_FLOW)
plan_step(page, lambda: validate_plan(page.answers, now().date()), personal_plan=False)
