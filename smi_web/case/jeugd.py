"""The page of a youth-care case that came in without a melding (route G or M): the certified
institution's bepaling with its registration form and the providers' not-in-time answers (G), the
provider's requests (315) and the back office's answers, the terms, the messages of the toewijzing and the
timeline; the owner (an involved access worker) judges a provider's change request (317) here, on
route T's judge/answer path."""

from __future__ import annotations

import streamlit as st

from smi_core.case.jeugd_records import JEUGD_ROUTE_LABELS
from smi_core.cases import STATUS_FOR_RESIDENTS
from smi_intake.services.accounts import Account
from smi_web.bepaling_view import bepaling_details, not_in_time_text
from smi_web.case.action import show_flash
from smi_web.case.wmo_change import judge_change_form
from smi_web.case.wmo_sections import day, messages_table, terms_table, timeline_section
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain, plain_table


def jeugd_case_page(reference: str, worker: Account) -> None:
    """The whole page of the youth-care case ``reference``."""
    try:
        view = services().jeugd_requests.view(reference, worker, now())
    except REFUSALS as refused:
        show_refusal(refused, Screen.CASE)
        return
    show_flash()
    st.subheader(reference)
    plain_table(
        [
            {
                _("Provision"): _("Youth care"),
                _("Route"): _(JEUGD_ROUTE_LABELS[view.route]),
                _("Status"): _(STATUS_FOR_RESIDENTS[view.status][0]),
                _("Received"): view.received_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                _("Owner"): view.owner or "—",
            }
        ]
    )
    bepaling = view.jeugd.bepaling
    if bepaling is not None:  # route G: what the certified institution decided (GI-DECIDES)
        bepaling_details(bepaling)
        for report in view.jeugd.not_in_time:
            plain(not_in_time_text(report) + (" " + report.note if report.note else ""))
    st.subheader(_("Terms"))
    terms_table(view)
    st.subheader(_("Requests for assignment (315)"))
    honoured = {a.referentie_aanbieder for a in view.jeugd.answered}
    turned_down = {r.referentie_aanbieder for r in view.jeugd.refused}
    plain_table(
        [
            {
                _("Reference of the provider"): r.referentie_aanbieder,
                _("Youth-care provider"): r.provider_agb,
                _("Product"): f"{r.category or '-'} {r.product_code or ''}".strip(),
                _("From"): day(r.start),
                _("To"): day(r.end) if r.end else "—",
                _("Referrer type"): r.referrer_type.value,
                _("Answer"): "301"
                if r.referentie_aanbieder in honoured
                else "319"
                if r.referentie_aanbieder in turned_down
                else _("open"),
            }
            for r in view.jeugd.requests
        ]
    )
    if view.may_change and view.records.change is not None:
        judge_change_form(view, worker)
    st.subheader(_("Messages of the toewijzing"))
    messages_table(view)
    timeline_section(view)


__all__ = ["jeugd_case_page"]
