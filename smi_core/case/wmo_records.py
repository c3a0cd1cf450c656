"""The fold over a Wmo case's events: what route T recorded, and where its legal terms stand.

``wmo_records`` gives the newest record of each step (the support plan's versions all); its
``terms`` the state of ``TOE-ONDERZOEK-TERM`` (from the melding to the written account) and of
``TOE-BESCHIKKING-TERM`` (from the aanvraag to the beschikking) on a day.

The days the terms need are also in the events' notes, in the clear (a day is not personal
data), so the deadlines are found without decrypting anything (``term_days``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from smi_core.case import jeugd_events as jev
from smi_core.case import wmo_events as wev
from smi_core.case.event_base import BaseEvent
from smi_core.case.kinds import EventKind
from smi_core.wmo.casework import (
    Assignment,
    Beschikking,
    CareReported,
    ChangeAnswered,
    ChangeJudgement,
    ChangeRequest,
    InvestigationReport,
    ProvisionChoice,
    WmoClient,
    WmoSupportPlan,
)
from smi_core.wmo.terms import Law, Term, TermState, state_of


@dataclass(frozen=True)
class WmoRecords:
    """What the access worker and the provider recorded on a Wmo case; the newest of each counts."""

    client: WmoClient | None = None
    investigation: InvestigationReport | None = None
    plans: tuple[WmoSupportPlan, ...] = ()
    provision: ProvisionChoice | None = None
    beschikking: Beschikking | None = None
    assignment: Assignment | None = None
    started: CareReported | None = None
    ended: CareReported | None = None
    """The provider's start and stop of the current toewijzing."""
    numbers: tuple[int, ...] = ()
    """Every ToewijzingNummer the case was given, oldest first (the last is the current one)."""
    change: ChangeRequest | None = None
    """The provider's change request waiting for its answer."""
    judgement: ChangeJudgement | None = None
    """The access worker's judgement of that request."""
    answers: tuple[ChangeAnswered, ...] = ()

    @property
    def plan(self) -> WmoSupportPlan | None:
        return self.plans[-1] if self.plans else None

    @property
    def requested_on(self) -> date | None:
        """The day of the aanvraag: the beschikking's, or the chosen provision's."""
        if self.beschikking is not None:
            return self.beschikking.requested_on
        return self.provision.requested_on if self.provision is not None else None

    def terms(self, melding_on: date, on: date, law: Law = Law.WMO) -> tuple[TermState, ...]:
        """The route's terms under ``law`` as they stand on ``on``: the investigation's (from the
        melding; the Wmo's only), and the beschikking's once there is an aanvraag."""
        return terms_of(TermDays.of(self, melding_on), on, law)


@dataclass(frozen=True)
class TermDays:
    """The days the terms need: the melding, the written account, the aanvraag, the beschikking."""

    melding_on: date
    account_sent_on: date | None = None
    requested_on: date | None = None
    decided_on: date | None = None

    @classmethod
    def of(cls, records: WmoRecords, melding_on: date) -> TermDays:
        return cls(
            melding_on,
            records.investigation.account_sent_on if records.investigation else None,
            records.requested_on,
            records.beschikking.decided_on if records.beschikking else None,
        )


def terms_of(days: TermDays, on: date, law: Law = Law.WMO) -> tuple[TermState, ...]:
    """The terms under ``law``: the Wmo's investigation term (the Jeugdwet sets none), and the
    beschikking's (2 weeks under the Wmo, 8 under the Jeugdwet: ``TOE-BESCHIKKING-TERM``)."""
    found = []
    if law is Law.WMO:
        found.append(state_of(Term.ONDERZOEK, days.melding_on, on, days.account_sent_on))
    if days.requested_on is not None:
        found.append(state_of(Term.BESCHIKKING, days.requested_on, on, days.decided_on, law))
    return tuple(found)


def wmo_records(events: Iterable[BaseEvent]) -> WmoRecords:
    """Fold a Wmo case's timeline (oldest first) into its records."""
    client = investigation = provision = beschikking = assignment = None
    change: ChangeRequest | None = None
    judgement: ChangeJudgement | None = None
    plans: list[WmoSupportPlan] = []
    numbers: list[int] = []
    answers: list[ChangeAnswered] = []
    starts: dict[int, CareReported] = {}
    stops: dict[int, CareReported] = {}

    def assign(new: Assignment) -> None:
        nonlocal assignment
        assignment = new
        if new.toewijzing_nummer not in numbers:
            numbers.append(new.toewijzing_nummer)

    for e in events:
        if isinstance(e, wev.InvestigationStarted):
            client = e.payload
        elif isinstance(e, wev.InvestigationReported):
            investigation = e.payload
        elif isinstance(e, wev.WmoPlanSaved):
            plans.append(e.payload)
        elif isinstance(e, wev.ProvisionChosen):
            provision = e.payload
        elif isinstance(e, wev.BeschikkingRecorded):
            beschikking = e.payload
        elif isinstance(e, wev.Assigned):
            assign(e.payload)
        elif isinstance(e, wev.CareStarted):
            starts[e.payload.toewijzing_nummer] = e.payload
            stops.pop(e.payload.toewijzing_nummer, None)
        elif isinstance(e, wev.CareEnded):
            stops[e.payload.toewijzing_nummer] = e.payload
        elif isinstance(e, wev.ChangeRequested):
            change, judgement = e.payload, None
        elif isinstance(e, wev.ChangeJudged):
            judgement = e.payload
        elif isinstance(e, jev.RequestReceived) and client is None:
            # a youth-care request (315): the child as the provider names them
            client = e.payload.child
        elif isinstance(e, jev.RequestAnswer):
            # the 301 that honours a 315 is the case's provision, beschikking and toewijzing, so
            # the provider's 305, 307 and 317 find it as on route T
            provision, beschikking = e.payload.provision, e.payload.beschikking
            assign(e.payload.assignment)
        elif isinstance(e, wev.ChangeAnswer):
            change, judgement = None, None
            answers.append(e.payload)
            if e.payload.assignment is not None:
                assign(e.payload.assignment)
    current = assignment.toewijzing_nummer if assignment is not None else None
    return WmoRecords(
        client,
        investigation,
        tuple(plans),
        provision,
        beschikking,
        assignment,
        starts.get(current) if current is not None else None,
        stops.get(current) if current is not None else None,
        tuple(numbers),
        change,
        judgement,
        tuple(answers),
    )


#: The event kinds whose note holds a day a term needs.
TERM_KINDS = frozenset(
    {
        EventKind.WMO_INVESTIGATION_REPORTED,
        EventKind.WMO_PROVISION,
        EventKind.WMO_BESCHIKKING,
        EventKind.VOT_RECEIVED,
        EventKind.VOT_ANSWERED,
    }
)


def term_note(record: InvestigationReport | ProvisionChoice | Beschikking) -> str:
    """The clear note of an event that a term needs: its day (ISO)."""
    if isinstance(record, InvestigationReport):
        return record.account_sent_on.isoformat()
    if isinstance(record, ProvisionChoice):
        return record.requested_on.isoformat()
    return f"{record.requested_on.isoformat()}/{record.decided_on.isoformat()}"


def term_days(melding_on: date, notes: Iterable[tuple[str, str]]) -> TermDays:
    """The term days from the clear notes of a case's events (``(kind, note)``, oldest first): a
    youth-care request's day (315) is an aanvraag, its answer's day (301) the decision."""
    account = requested = decided = None
    for kind, note in notes:
        if kind == EventKind.WMO_INVESTIGATION_REPORTED:
            account = date.fromisoformat(note)
        elif kind == EventKind.WMO_PROVISION:
            requested = date.fromisoformat(note)
        elif kind == EventKind.WMO_BESCHIKKING:
            asked, _, done = note.partition("/")
            requested, decided = date.fromisoformat(asked), date.fromisoformat(done)
        elif kind == EventKind.VOT_RECEIVED and requested is None:
            # a youth-care request (315): the aanvraag whose beschikking the answer gives
            requested = date.fromisoformat(note)
        elif kind == EventKind.VOT_ANSWERED:
            decided = date.fromisoformat(note)
    return TermDays(melding_on, account, requested, decided)


__all__ = ["TERM_KINDS", "TermDays", "WmoRecords", "term_days", "term_note", "terms_of", "wmo_records"]
