"""What a Wmo case's page shows: the legal terms, the melding as the resident sent it with its
preliminary check, what route T recorded, and the messages of its toewijzing, all as plain text."""

from datetime import date

import streamlit as st

from smi_core.case.kinds import EVENT_LABELS
from smi_core.case.route import LAWS, Provision
from smi_core.wmo.melding import LifeArea
from smi_core.wmo.terms import Law
from smi_intake.services.wmo_cases import WmoCaseView
from smi_intake.services.wmo_views import JeugdCaseView
from smi_web.ui import _, plain, plain_table
from smi_web.wmo_labels import route_label


def day(on: date) -> str:
    return on.strftime("%d-%m-%Y")


def term_label(rule: str, provision: Provision = Provision.WMO) -> str:
    """What a term is, with its length under the law of the case's provision."""
    beschikking = (
        _("Beschikking (8 weeks after the aanvraag, Jeugdwet)")
        if LAWS[provision] is Law.JEUGDWET
        else _("Beschikking (2 weeks after the aanvraag)")
    )
    labels = {
        "TOE-ONDERZOEK-TERM": _("Investigation and written report (6 weeks after the melding)"),
        "TOE-BESCHIKKING-TERM": beschikking,
    }
    return labels.get(rule, rule)


def terms_table(view: WmoCaseView | JeugdCaseView) -> None:
    provision = Provision.JEUGD if isinstance(view, JeugdCaseView) else view.provision
    rows = []
    for term in view.terms:
        if term.done_on is not None:
            when = _("done on %(date)s", date=day(term.done_on)) + (
                " — " + _("%(days)s days late", days=term.days_late) if term.overdue else ""
            )
        elif term.overdue:
            when = _("Overdue by %(days)s days", days=term.days_late)
        else:
            when = _("%(days)s days left", days=term.days_left)
        rows.append(
            {
                _("Rule"): term.term.value,
                _("What"): term_label(term.term.value, provision),
                _("Due date"): day(term.due),
                _("Where it stands"): when,
            }
        )
    plain_table(rows)


def melding_view(view: WmoCaseView) -> None:
    melding, check = view.melding, view.check
    areas = {
        LifeArea.SELF_RELIANCE: _("Self-reliance"),
        LifeArea.PARTICIPATION: _("Participation"),
        LifeArea.HOUSEHOLD: _("Household"),
        LifeArea.HEALTH: _("Health"),
        LifeArea.CARER_LOAD: _("Load on the carer"),
        LifeArea.DEVELOPMENT: _("Development"),
        LifeArea.BEHAVIOUR: _("Feelings and behaviour"),
        LifeArea.SCHOOL: _("School or childcare"),
        LifeArea.PARENTING: _("Bringing up the child"),
        LifeArea.FAMILY: _("At home"),
    }
    with st.expander(_("The melding as sent"), expanded=view.status.value in {"new", "in_triage"}):
        plain_table(
            [
                {_("Life area"): areas[area], _("In the resident's words"): need}
                for area, need in melding.described_needs.items()
            ]
        )
        plain(_("Own possibilities") + ": " + melding.own_possibilities)
        plain(_("Network") + ": " + melding.network)
        plain(_("General provisions tried") + ": " + melding.general_provisions_tried)
        if view.provision is Provision.JEUGD:
            plain(_("Filled in by") + ": " + f"{melding.asked_by} ({melding.asked_by_relation})")
            plain(_("School or childcare") + ": " + melding.school)
            plain(_("Who else is involved") + ": " + melding.involved)
        plain(_("Hands in a persoonlijk plan") + ": " + (_("Yes") if melding.personal_plan else _("No")))
        plain(_("Wants client support") + ": " + (_("Yes") if melding.wants_client_support else _("No")))
    st.subheader(_("Preliminary check"))
    st.write(_("Points to: %(route)s. The access worker decides.", route=route_label(check.route.value)))
    plain_table(
        [
            {
                _("Rule"): f.rule_id.value,
                _("Finding"): f.status.value,
                _("Explanation"): f.explanation,
                _("Advice"): f.advice or "",
            }
            for f in check.findings
        ]
    )


def recorded(view: WmoCaseView) -> None:
    r = view.records
    if r.investigation is None and r.plan is None and r.provision is None and r.beschikking is None:
        return
    st.subheader(_("Recorded"))
    if r.investigation is not None:
        with st.expander(_("Investigation")):
            i = r.investigation
            plain(_("Conversation held on") + ": " + day(i.held_on))
            plain(_("The need for support") + ": " + i.need)
            plain(_("Own possibilities") + ": " + i.own_possibilities)
            plain(_("Network") + ": " + i.network)
            plain(_("General provisions") + ": " + i.general_provisions)
            plain(_("Written report sent to the resident on") + ": " + day(i.account_sent_on))
    if r.plan is not None:
        with st.expander(_("Support plan"), expanded=True):
            for result in r.plan.results:
                plain("- " + result)
    if r.provision is not None:
        p = r.provision
        plain_table(
            [
                {
                    _("Product"): f"{p.product_code} {p.product_name}",
                    _("Volume"): f"{p.volume} ({p.unit.label}, {p.frequency.label})",
                    _("Period"): day(p.start) + " – " + (day(p.end) if p.end else "…"),
                    _("Care provider"): p.provider_name or p.provider_agb,
                    _("Evaluation moments"): ", ".join(day(d) for d in p.evaluations),
                }
            ]
        )
        if p.non_contracted_reason:
            plain(
                _("Why a provider that is not contracted for it (TOE-CONTRACTED)")
                + ": "
                + p.non_contracted_reason
            )
    if r.beschikking is not None:
        b = r.beschikking
        with st.expander(_("Beschikking"), expanded=True):
            plain(
                _("Decision")
                + ": "
                + (_("granted") if b.granted else _("refused"))
                + ", "
                + day(b.decided_on)
            )
            plain(_("Motivation") + ": " + b.motivation)
            plain(_("Objection clause") + ": " + b.objection_clause)
    if r.assignment is not None:
        plain(_("ToewijzingNummer") + ": " + str(r.assignment.toewijzing_nummer))


def messages_table(view: WmoCaseView | JeugdCaseView) -> None:
    if not view.messages:
        st.caption(
            _("No toewijzing yet. Once the beschikking grants the provision, the back office sends the 301.")
        )
        return
    plain_table(
        [
            {
                _("Message"): m.kind,
                _("Direction"): _("out") if m.direction.value == "out" else _("in"),
                _("Identification"): m.identification,
                _("Date"): day(m.dagtekening),
                _("State"): m.state.value,
            }
            for m in view.messages
        ]
    )


def timeline_section(view: WmoCaseView | JeugdCaseView) -> None:
    """The case's timeline: when, who, what (the note's text is shown in its own section)."""
    st.subheader(_("Timeline"))
    plain_table(
        [
            {
                _("When"): e.occurred_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                _("Who"): e.actor,
                _("What"): _(EVENT_LABELS[e.kind]) if e.kind in EVENT_LABELS else e.kind,
            }
            for e in view.timeline
        ]
    )


__all__ = [
    "day",
    "melding_view",
    "messages_table",
    "recorded",
    "term_label",
    "terms_table",
    "timeline_section",
]
