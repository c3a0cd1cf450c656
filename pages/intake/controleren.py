"""Step 8: every answer with a change link per section, and the preliminary check, rule by rule."""

from __future__ import annotations

import logging

import streamlit as st

from smi_core import outcome_summary
from smi_core.constants import LABELS, Outcome
from smi_intake.intake_steps import step_by_slug
from smi_intake.summary import summary_sections
from smi_web.intake_form import (
    RETURN_TO_REVIEW,
    StepPage,
    answers,
    consent_choices,
    draft,
)
from smi_web.request_parts import findings_list, send_section
from smi_web.services import now, services
from smi_web.ui import _, current_locale, plain

log = logging.getLogger(__name__)

svc = services()
page = StepPage("controleren")
data = answers()

st.write(_('Check your answers. Is something wrong? Choose "Change" at that part.'))
for section in summary_sections(data, consent_choices(), current_locale(), svc.municipality.social_team):
    with st.container(border=True):
        head, change = st.columns([4, 1])
        head.subheader(section.title)
        if change.button(_("Change"), key=f"controleren_change_{section.step}", help=section.title):
            st.session_state[RETURN_TO_REVIEW] = True
            st.switch_page(step_by_slug(section.step).page)
        for row_label, value in section.rows:
            plain(f"{row_label}: {value}")

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
