"""Wmo step 7: every answer with a change link per part, the preliminary check rule by rule, send."""

from __future__ import annotations

import logging

import streamlit as st

from smi_core.constants import FindingStatus
from smi_core.wmo.melding import ROUTE_SUMMARIES, Route
from smi_intake.wmo_summary import wmo_summary_sections
from smi_web.intake_form import WMO_FLOW, StepPage, consent_choices
from smi_web.request_parts import answer_sections, findings_list, send_section
from smi_web.services import now, services
from smi_web.ui import _, current_locale

log = logging.getLogger(__name__)
flow = WMO_FLOW
svc = services()
team = svc.municipality.social_team
page = StepPage("controleren", flow)

answer_sections(page, wmo_summary_sections(page.answers, consent_choices(flow), current_locale(), team))

st.header(_("Preliminary check"))
check = svc.wmo_intake.preliminary_check(page.answers, current_locale(), now().date())
if check is None:
    st.warning(
        _("Some answers are still missing, so we cannot check your request yet. Go back to the steps."),
        icon=":material/warning:",
    )
else:
    box = st.success if check.route is Route.WMO else st.info
    if any(f.status is FindingStatus.NOT_MET for f in check.findings):
        box = st.warning
    box(_(ROUTE_SUMMARIES[check.route], team=team), icon=":material/fact_check:")
    findings_list(check.findings)
    if check.route is Route.YOUTH_CARE:
        st.page_link(
            "pages/home.py", label=_("Back to the start: support for a child"), icon=":material/home:"
        )

send_section(page, svc.wmo_intake.submit)
