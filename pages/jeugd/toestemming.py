"""Youth care step 6: a separate consent for each sharing of data, recorded with the text shown."""

from __future__ import annotations

from smi_intake.jeugd_steps import validate_toestemming
from smi_web.intake_form import JEUGD_FLOW, StepPage
from smi_web.request_parts import consent_step

page = StepPage("toestemming", JEUGD_FLOW)
consent_step(page, validate_toestemming)
