"""Youth care step 7: every answer with a change link per part, the preliminary check rule by
rule, send."""

from __future__ import annotations

from smi_core.jeugd.youth_check import YOUTH_ROUTE_SUMMARIES
from smi_core.wmo.melding import Route
from smi_intake.jeugd_summary import jeugd_summary_sections
from smi_web.intake_form import JEUGD_FLOW, StepPage, consent_choices
from smi_web.request_parts import answer_sections, check_section, send_section
from smi_web.services import now, services
from smi_web.ui import _, current_locale

flow = JEUGD_FLOW
svc = services()
team = svc.municipality.social_team
page = StepPage("controleren", flow)

answer_sections(page, jeugd_summary_sections(page.answers, consent_choices(flow), current_locale(), team))
check_section(
    page,
    svc.jeugd_intake.preliminary_check(page.answers, current_locale(), now().date()),
    YOUTH_ROUTE_SUMMARIES,
    Route.YOUTH_CARE,
    (Route.WMO, _("Back to the start: support for an adult")),
)
send_section(page, svc.jeugd_intake.submit)
