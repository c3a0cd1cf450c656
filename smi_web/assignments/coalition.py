"""The coalition's own section of its assignments page (B3-B5): the requests passed to it, and for
one of them the contact with the resident (``BEG-CONTACT-1W``), the plan of approach that is the
beschikking under mandate (``BEG-MANDATE``), and the ending plan. The 305 and 307 are sent with the
page's own forms; the 305's date is the in-depth conversation's (``BEG-START-DATE``)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_core.case.route import ACTION_LABELS, CaseAction
from smi_core.cases import STATUS_FOR_RESIDENTS
from smi_core.wmo.coalition import CoalitionContact, EndingPlan, PlanOfApproach
from smi_intake.services.accounts import Account
from smi_intake.services.coalition import CoalitionCase
from smi_web.case.action import DATE_FORMAT, lines, run, show_flash, text, value
from smi_web.case.wmo_coalition import coalition_table, term_text
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain_table

A = CaseAction
KEY = "assignments_coalition"


def is_coalition(provider: Account) -> bool:
    """Whether the signed-in organisation is the coalition in the municipality's catalogue."""
    found = services().coalition.catalogue.provider(provider.organisation)
    return found is not None and found.coalition


def coalition_cases(provider: Account) -> list[CoalitionCase]:
    """The section's cases (each read logged); none for an organisation that is not the coalition."""
    if not is_coalition(provider):
        return []
    try:
        return services().coalition.cases_of(provider, now())
    except REFUSALS as refused:
        show_refusal(refused, Screen.ASSIGNMENTS)
        return []


def coalition_section(provider: Account, cases: list[CoalitionCase]) -> None:
    """The requests passed to the coalition, and the counsellor's forms for one of them."""
    if not is_coalition(provider):
        return
    st.header(_("Begeleiding through the coalition"))
    st.caption(
        _(
            "Contact the resident within a week of the toewijzing. The plan of approach you send the "
            "resident is the beschikking, on behalf of the municipality. Its in-depth conversation is "
            "the start date of the 305."
        )
    )
    show_flash()
    if not cases:
        st.caption(_("No request has been passed to your organisation yet."))
        return
    plain_table(
        [
            {
                _("Case"): c.reference,
                _("Client"): c.client_name,
                _("Assignment number"): str(c.toewijzing_nummer or "—"),
                _("Status"): _(STATUS_FOR_RESIDENTS[c.status][0]),
                _("Contact (BEG-CONTACT-1W)"): term_text(c.contact_term),
            }
            for c in cases
        ]
    )
    index = st.selectbox(
        _("Request"),
        range(len(cases)),
        format_func=lambda i: f"{cases[i].reference}: {cases[i].client_name}",
        key=f"{KEY}_choice",
    )
    case = cases[index or 0]
    coalition_table(case)
    if case.records.handover is not None:
        with st.expander(_("Plan of approach, part 1 (from the access point)")):
            plain_table(
                [{_("The situation"): case.records.handover.situation}]
                + [{_("The situation"): _("Goal") + ": " + goal} for goal in case.records.handover.goals]
            )
    contact_tab, plan_tab, ending_tab = st.tabs([_("Contact"), _("Plan of approach"), _("Ending plan")])
    with contact_tab:
        _contact_form(provider, case)
    with plan_tab:
        _plan_form(provider, case)
    with ending_tab:
        _ending_form(provider, case)


def _contact_form(provider: Account, case: CoalitionCase) -> None:
    key = f"{KEY}_contact"
    labels = {"contacted_on": _("Contacted the resident on"), "counsellor": _("Counsellor")}

    def act() -> int:
        contacted_on: date = value(f"{key}_on") or now().date()
        contact = CoalitionContact(contacted_on=contacted_on, counsellor=text(f"{key}_counsellor"))
        return services().coalition.record_contact(case.reference, provider, contact, now())

    with st.form(key):
        st.date_input(labels["contacted_on"], value="today", format=DATE_FORMAT, key=f"{key}_on")
        st.text_input(labels["counsellor"], max_chars=120, key=f"{key}_counsellor")
        st.form_submit_button(
            _(ACTION_LABELS[A.RECORD_COALITION_CONTACT]),
            type="primary",
            key=f"{key}_submit",
            on_click=run,
            args=(act, _("The contact is recorded."), labels),
        )


def _plan_form(provider: Account, case: CoalitionCase) -> None:
    key = f"{KEY}_plan"
    labels = {
        "conversation_on": _("In-depth conversation on (the start date)"),
        "goals": _("Goals (one per line)"),
        "results": _("Results (one per line)"),
        "sent_on": _("Sent to the resident on"),
    }
    current = case.records.plan
    goals = current.goals if current else (case.records.handover.goals if case.records.handover else ())

    def act() -> int:
        plan = PlanOfApproach(
            conversation_on=value(f"{key}_conversation") or now().date(),
            goals=tuple(lines(f"{key}_goals")),
            results=tuple(lines(f"{key}_results")),
            sent_on=value(f"{key}_sent") or now().date(),
        )
        return services().coalition.record_plan(case.reference, provider, plan, now())

    with st.form(key):
        st.date_input(labels["conversation_on"], value="today", format=DATE_FORMAT, key=f"{key}_conversation")
        st.text_area(labels["goals"], value="\n".join(goals), max_chars=5000, key=f"{key}_goals")
        st.text_area(
            labels["results"],
            value="\n".join(current.results) if current else "",
            max_chars=5000,
            key=f"{key}_results",
        )
        st.date_input(labels["sent_on"], value="today", format=DATE_FORMAT, key=f"{key}_sent")
        st.form_submit_button(
            _(ACTION_LABELS[A.RECORD_PLAN_OF_APPROACH]),
            key=f"{key}_submit",
            on_click=run,
            args=(act, _("The plan of approach is recorded."), labels),
        )


def _ending_form(provider: Account, case: CoalitionCase) -> None:
    key = f"{KEY}_ending"
    labels = {
        "results_reached": _("Results reached"),
        "follow_up": _("What comes next (for instance in the neighbourhood)"),
        "sent_on": _("Sent to the resident on"),
    }

    def act() -> int:
        ending = EndingPlan(
            results_reached=text(f"{key}_results"),
            follow_up=text(f"{key}_follow_up"),
            sent_on=value(f"{key}_sent") or now().date(),
        )
        return services().coalition.record_ending(case.reference, provider, ending, now())

    with st.form(key):
        st.text_area(labels["results_reached"], max_chars=5000, key=f"{key}_results")
        st.text_area(labels["follow_up"], max_chars=5000, key=f"{key}_follow_up")
        st.date_input(labels["sent_on"], value="today", format=DATE_FORMAT, key=f"{key}_sent")
        st.form_submit_button(
            _(ACTION_LABELS[A.RECORD_ENDING_PLAN]),
            key=f"{key}_submit",
            on_click=run,
            args=(act, _("The ending plan is recorded."), labels),
        )


def start_dates(cases: list[CoalitionCase]) -> dict[int, date]:
    """``BEG-START-DATE``: per ToewijzingNummer, the in-depth conversation's day, for the 305."""
    return {
        c.toewijzing_nummer: c.records.plan.conversation_on
        for c in cases
        if c.toewijzing_nummer is not None and c.records.plan is not None
    }


__all__ = ["coalition_cases", "coalition_section", "is_coalition", "start_dates"]
