"""The legal terms of the access route (``../shared/domain/wmo-jeugd-routes.md``), each with its
rule id, and when each falls due.

- ``TOE-ONDERZOEK-TERM``: the investigation within 6 weeks of the melding (Wmo 2015 art. 2.3.2).
- ``TOE-PLAN-7D``: a persoonlijk plan may be handed in within 7 days of the melding (art. 2.3.2
  lid 2); the investigation waits for it, so it is a window, not a task of the worker.
- ``TOE-BESCHIKKING-TERM``: the beschikking within 2 weeks of the aanvraag under the Wmo (art.
  2.3.5 lid 2), within 8 weeks under the Jeugdwet, which sets no term (Awb 4:13).
- ``BEG-CONTACT-1W``: the coalition's counsellor contacts the resident within one week of the
  toewijzing.

A term counts in calendar days from the day after the event: a melding on a Monday has its
persoonlijk plan due the next Monday. A term is overdue from the day after its due day, until what
it asks is done; something done late stays late, and says by how many days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Law(StrEnum):
    """The law a request falls under, which sets the beschikking's term."""

    WMO = "wmo"
    JEUGDWET = "jeugdwet"


class Term(StrEnum):
    """A term of the route, by its rule id."""

    ONDERZOEK = "TOE-ONDERZOEK-TERM"
    PERSOONLIJK_PLAN = "TOE-PLAN-7D"
    BESCHIKKING = "TOE-BESCHIKKING-TERM"
    CONTACT = "BEG-CONTACT-1W"


#: The length of each term in days, per law where they differ.
_DAYS: dict[tuple[Term, Law], int] = {
    (Term.ONDERZOEK, Law.WMO): 6 * 7,
    (Term.PERSOONLIJK_PLAN, Law.WMO): 7,
    (Term.BESCHIKKING, Law.WMO): 2 * 7,
    (Term.BESCHIKKING, Law.JEUGDWET): 8 * 7,
    (Term.CONTACT, Law.WMO): 7,
}


class NoSuchTerm(ValueError):
    """The term does not exist under that law (e.g. the Jeugdwet has no persoonlijk plan)."""

    def __init__(self, term: Term, law: Law) -> None:
        super().__init__(f"{term.value} does not apply under the {law.value}")
        self.term, self.law = term, law


def days_of(term: Term, law: Law = Law.WMO) -> int:
    """The length of ``term`` under ``law``, in days."""
    try:
        return _DAYS[(term, law)]
    except KeyError:
        raise NoSuchTerm(term, law) from None


def due(term: Term, event: date, law: Law = Law.WMO) -> date:
    """The last day of ``term`` that starts with ``event`` (the melding, the aanvraag, the
    toewijzing)."""
    return event + timedelta(days=days_of(term, law))


@dataclass(frozen=True)
class TermState:
    """Where a term stands on a day: its due day, and whether it is met, open, or overdue."""

    term: Term
    due: date
    done_on: date | None
    on: date

    @property
    def met(self) -> bool:
        """Done on or before its due day."""
        return self.done_on is not None and self.done_on <= self.due

    @property
    def overdue(self) -> bool:
        """Not done by its due day: still open after it, or done after it."""
        if self.done_on is not None:
            return self.done_on > self.due
        return self.on > self.due

    @property
    def days_late(self) -> int:
        """How many days after its due day it was done (or, when open, the day is): 0 when not late."""
        last = self.done_on if self.done_on is not None else self.on
        return max(0, (last - self.due).days)

    @property
    def days_left(self) -> int | None:
        """Days until the due day while open and not overdue (0 on the day itself); else None."""
        if self.done_on is not None or self.overdue:
            return None
        return (self.due - self.on).days


def state_of(term: Term, event: date, on: date, done_on: date | None = None, law: Law = Law.WMO) -> TermState:
    """Where ``term``, started by ``event``, stands on ``on``; ``done_on`` is when what it asks was
    done, if it was."""
    if done_on is not None and done_on < event:
        raise ValueError(f"{term.value} cannot be done before the day it starts")
    return TermState(term=term, due=due(term, event, law), done_on=done_on, on=on)
