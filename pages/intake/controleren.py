"""Step 8: every answer with a change link per section, and the preliminary check, rule by rule."""

from __future__ import annotations

import logging

import streamlit as st

from smi_core import outcome_summary
from smi_core.constants import LABELS, Outcome
from smi_intake.summary import summary_sections
from smi_web.intake_form import (
    StepPage,
    answers,
    consent_choices,
    draft,
)
from smi_web.request_parts import answer_sections, findings_list, send_section
from smi_web.services import now, services
from smi_web.ui import _, current_locale

log = logging.getLogger(__name__)

svc = services()
page = StepPage("controleren")
data = answers()

answer_sections(
    page, summary_sections(data, consent_choices(), current_locale(), svc.municipality.social_team)
)

st.header(_("Preliminary check"))
result = svc.intake.preliminary_check(draft(), current_locale(), now().date())
if result is None:
    st.warning(
        _("Some answers are still missing, so we cannot check your request yet. Go back to the steps."),
        icon=":material/warning:",
    )
else:
    box = st.success if result.outcome is Outcome.ELIGIBLE else st.info
    if result.outcome is Outcome.NOT_ELIGIBLE:
        box = st.warning
    box(f"**{_(LABELS[result.outcome])}**", icon=":material/fact_check:")
    st.write(outcome_summary(result.outcome, current_locale(), svc.municipality))
    findings_list(result.findings)

send_section(page, svc.intake.submit)
