"""Step 8: every answer with a change link per section, and the preliminary check, rule by rule."""

from __future__ import annotations

import logging

import streamlit as st

from smi_core import outcome_summary
from smi_core.constants import LABELS, FindingStatus, Outcome
from smi_core.intake_errors import DraftNotFound, IntakeIncomplete
from smi_intake.db.errors import StorageFailed
from smi_intake.intake_steps import step_by_slug
from smi_intake.summary import summary_sections
from smi_web.intake_form import (
    DRAFT_ID,
    RETURN_TO_REVIEW,
    SENT,
    StepPage,
    answers,
    consent_choices,
    draft,
)
from smi_web.services import now, services
from smi_web.ui import _, current_locale, plain

log = logging.getLogger(__name__)

STATUS_ICONS = {
    FindingStatus.MET: ":material/check_circle:",
    FindingStatus.NOT_MET: ":material/cancel:",
    FindingStatus.MISSING: ":material/help:",
    FindingStatus.TO_ASSESS: ":material/search:",
}

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
    for finding in result.findings:
        status = _(LABELS[finding.status])
        with st.container(border=True):
            st.markdown(f"{STATUS_ICONS[finding.status]} **{status}** · `{finding.rule_id}`")
            plain(finding.explanation)
            if finding.advice:
                plain(_("Other help: %(advice)s", advice=finding.advice))

st.header(_("Send"))
st.write(
    _(
        "When you send the request, %(team)s receives it. The decision is always made by %(team)s.",
        team=svc.municipality.social_team,
    )
)
send = st.button(_("Send the request"), key="controleren_send", type="primary", icon=":material/send:")
if send and st.session_state.get(SENT):  # sent already in this session: a double click or a reload
    st.switch_page(step_by_slug("verzonden").page)
if send and page.save():
    try:
        with st.spinner(_("Sending...")):
            sent = svc.intake.submit(st.session_state[DRAFT_ID], now())
    except IntakeIncomplete:
        st.error(
            _("Some answers are still missing. Go back to the steps and fill them in."),
            icon=":material/error:",
        )
    except DraftNotFound:
        st.error(_("Your saved request has expired. Please start again."), icon=":material/error:")
    except StorageFailed:
        log.exception("sending a request failed")
        st.error(
            _("Sending did not work. Your answers are saved. Please try again in a few minutes."),
            icon=":material/error:",
        )
    else:
        st.session_state[SENT] = {
            "reference": sent.reference,
            "received_at": sent.received_at,
            "consents": consent_choices(),
        }
        st.switch_page(step_by_slug("verzonden").page)

if st.button(_("Back"), key="controleren_back", icon=":material/arrow_back:") and page.save():
    st.switch_page(step_by_slug("toestemming").page)
