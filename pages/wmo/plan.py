"""Wmo step 5: the offer of a persoonlijk plan (TOE-PLAN-7D) and of free client support."""

from __future__ import annotations

from smi_intake.wmo_steps import validate_plan
from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.request_parts import plan_step
from smi_web.services import now

page = StepPage("plan", WMO_FLOW)
plan_step(page, lambda: validate_plan(page.answers, now().date()))
