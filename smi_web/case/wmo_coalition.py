"""The coalition's part of a Wmo case page (B2-B5): the form that passes a coalition provision on
with part 1 of the plan of approach, and, once passed, what the coalition recorded (the one-week
contact term, the contact, the plan of approach, the start and the end) with the resident's DAT
letter to download. Everything typed is shown as plain text."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_core.case import CaseAction
from smi_core.case.kinds import EventKind
from smi_core.case.route import ACTION_LABELS
from smi_core.wmo.coalition import CoalitionHandover, start_date_follows_rule
from smi_core.wmo.terms import TermState
from smi_intake.services.accounts import Account
from smi_intake.services.coalition import CoalitionCase
from smi_intake.services.wmo_cases import WmoCaseView
from smi_web.case.action import DATE_FORMAT, lines, text, value
from smi_web.case.wmo_forms import submit_on_version
from smi_web.case.wmo_sections import day
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain, plain_table

#: The DAT letter made on this page: (reference, PDF, locale).
DAT_KEY = "case_wmo_dat_letter"


def goes_to_coalition(view: WmoCaseView) -> bool:
    """Whether the case's chosen provision is begeleiding for the coalition (B2)."""
    return services().coalition.goes_to_coalition(view.records.provision)


def was_passed(view: WmoCaseView) -> bool:
    """Whether the request went to the coalition (from the timeline's clear kinds)."""
    return any(entry.kind == EventKind.WMO_PASSED_TO_COALITION for entry in view.timeline)


def pass_form(view: WmoCaseView, worker: Account) -> None:
    """Pass the request to the coalition with part 1 of the plan of approach, instead of a beschikking."""
    key = f"case_wmo_coalition_{view.reference}"
    labels = {
        "situation": _("The situation (plan of approach, part 1)"),
        "goals": _("Goals (one per line)"),
        "passed_on": _("Passed on to the coalition on"),
    }
    st.info(
        _(
            "This is begeleiding for the coalition. You do not write a beschikking: the request goes "
            "to the coalition with part 1 of the plan of approach, and the resident gets the DAT letter."
        ),
        icon=":material/groups:",
    )

    def act(version: int) -> int:
        passed_on: date = value(f"{key}_passed_on") or now().date()
        handover = CoalitionHandover(
            passed_on=passed_on, situation=text(f"{key}_situation"), goals=tuple(lines(f"{key}_goals"))
        )
        return services().coalition.pass_to_coalition(view.reference, worker, version, handover, now())

    with st.form(key):
        st.markdown("**" + _(ACTION_LABELS[CaseAction.HAND_TO_COALITION]) + "**")
        st.text_area(labels["situation"], max_chars=5000, key=f"{key}_situation")
        plan = view.records.plan
        st.text_area(
            labels["goals"], value="\n".join(plan.results) if plan else "", max_chars=5000, key=f"{key}_goals"
        )
        st.date_input(labels["passed_on"], value="today", format=DATE_FORMAT, key=f"{key}_passed_on")
        st.form_submit_button(
            _("Pass the request to the coalition"),
            type="primary",
            key=f"{key}_submit",
            **submit_on_version(view, act, _("The request is passed to the coalition."), labels),
        )


def term_text(term: TermState | None) -> str:
    """Where the contact term stands, in words (overdue is said, not only coloured)."""
    if term is None:
        return _("Starts when the toewijzing (301) goes to the coalition")
    if term.done_on is not None:
        late = " — " + _("%(days)s days late", days=term.days_late) if term.overdue else ""
        return _("done on %(date)s", date=day(term.done_on)) + late
    if term.overdue:
        return _("Overdue by %(days)s days", days=term.days_late)
    return _("%(days)s days left", days=term.days_left)


def coalition_table(case: CoalitionCase) -> None:
    """What the coalition's route recorded, as one plain table (for the case page and the coalition)."""
    r, wmo = case.records, case.wmo
    started = wmo.started
    start = "—"
    if started is not None:
        start = day(started.begindatum)
        if not start_date_follows_rule(r.plan, started.begindatum):
            start += " — " + _("not the day of the in-depth conversation (BEG-START-DATE)")
    plain_table(
        [
            {
                _("Passed on"): day(r.handover.passed_on) if r.handover else "—",
                _("Contact (BEG-CONTACT-1W)"): term_text(case.contact_term),
                _("Counsellor"): r.contact.counsellor if r.contact else "—",
                _("Plan of approach sent (BEG-MANDATE)"): day(r.plan.sent_on) if r.plan else "—",
                _("Care started (305)"): start,
                _("Care ended (307)"): day(wmo.ended.einddatum) if wmo.ended and wmo.ended.einddatum else "—",
                _("Ending plan sent"): day(r.ending.sent_on) if r.ending else "—",
            }
        ]
    )


def coalition_section(view: WmoCaseView, worker: Account) -> None:
    """The coalition's part of the case, once the request went to the coalition."""
    if not was_passed(view):
        return
    svc = services().coalition
    try:
        case = svc.case(view.reference, worker, now())
    except REFUSALS as refused:
        show_refusal(refused, Screen.CASE)
        return
    st.subheader(_("Begeleiding through the coalition"))
    coalition_table(case)
    r = case.records
    if r.handover is not None:
        with st.expander(_("Plan of approach, part 1 (as passed on)")):
            plain(_("The situation") + ": " + r.handover.situation)
            for goal in r.handover.goals:
                plain("- " + goal)
    if r.plan is not None:
        with st.expander(_("Plan of approach of the coalition (the beschikking under mandate)")):
            plain(_("In-depth conversation on") + ": " + day(r.plan.conversation_on))
            for goal in r.plan.goals:
                plain(_("Goal") + ": " + goal)
            for result in r.plan.results:
                plain(_("Result") + ": " + result)
    if r.ending is not None:
        with st.expander(_("Ending plan")):
            plain(_("Results reached") + ": " + r.ending.results_reached)
            plain(_("What comes next") + ": " + r.ending.follow_up)
    st.caption(
        _(
            "The DAT letter tells the resident that the request went to the coalition. It is not a "
            "decision (BEG-DAT-NOT-BESCHIKKING). It is in the resident's language."
        )
    )
    made = st.session_state.get(DAT_KEY)
    if made and made[0] == view.reference:
        st.download_button(
            _("Download the DAT letter (PDF)"),
            data=made[1],
            file_name=f"dat-brief-{view.reference}-{made[2]}.pdf",
            mime="application/pdf",
            key=f"case_wmo_dat_download_{view.reference}",
        )
    elif st.button(
        _("Make the DAT letter"), key=f"case_wmo_dat_{view.reference}", help=_("Making a PDF is logged.")
    ):
        try:
            pdf, locale = svc.dat_letter(view.reference, worker, now())
        except REFUSALS as refused:
            show_refusal(refused, Screen.CASE)
            return
        st.session_state[DAT_KEY] = (view.reference, pdf, locale)
        st.rerun()


__all__ = [
    "coalition_section",
    "coalition_table",
    "goes_to_coalition",
    "pass_form",
    "term_text",
    "was_passed",
]
