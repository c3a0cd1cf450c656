"""Step 7: a separate consent for each sharing of data, recorded with the text version shown."""

from __future__ import annotations

from smi_intake.intake_steps import validate_toestemming
from smi_web.intake_form import StepPage, answers
from smi_web.request_parts import consent_step
from smi_web.services import now

page = StepPage("toestemming")
consent_step(page, lambda given: validate_toestemming(answers(), given, now().date()))
