"""Wmo step 7: every answer with a change link per part, the preliminary check rule by rule, send."""

from __future__ import annotations

from smi_core.wmo.melding import ROUTE_SUMMARIES, Route
from smi_intake.wmo_summary import wmo_summary_sections
from smi_web.intake_form import WMO_FLOW, StepPage, consent_choices
from smi_web.request_parts import answer_sections, check_section, send_section
from smi_web.services import now, services
from smi_web.ui import _, current_locale

flow = WMO_FLOW
svc = services()
team = svc.municipality.social_team
page = StepPage("controleren", flow)

answer_sections(page, wmo_summary_sections(page.answers, consent_choices(flow), current_locale(), team))
check_section(
    page,
    svc.wmo_intake.preliminary_check(page.answers, current_locale(), now().date()),
    ROUTE_SUMMARIES,
    Route.WMO,
    (Route.YOUTH_CARE, _("Back to the start: support for a child")),
)
send_section(page, svc.wmo_intake.submit)
