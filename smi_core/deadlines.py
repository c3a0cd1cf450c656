"""What falls due in the life of the running indications: the deadlines view of WIJzer.

The dates come from the review calendar (``smi_core.timeline``) as the services store them on
each indication, so the deadlines are found without decrypting anything. An indication that
has ended has no deadlines. The open deadlines of one that runs:

- ``CONTACT``: the contact about the situation (start + 3 months), until it is recorded as done;
- ``PERIOD_END``: the last day of the current period, by which the worker decides to extend or
  to end; the label says whether one more extension is still possible;
- ``HARD_STOP``: instead of ``PERIOD_END`` when the last day is the definitive end (start + 12
  months), after which no extension is possible;
- ``AGE_LIMIT``: a child's last day before the age limit, when that comes before the last day
  of the indication. It is a moment, not a task: nothing records it as done, so it is shown
  until the day has passed and never as overdue.

A deadline whose day has passed (and that is still open) is overdue. The windows of the view do
not overlap: overdue; due in 0 to 14 days (today counts as 0); due in 15 to 28 days.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from smi_core.constants import N_
from smi_core.wmo.terms import Law, Term, TermState

#: The windows of the view, in days from today (inclusive).
FIRST_WINDOW_DAYS = 14
SECOND_WINDOW_DAYS = 28


class IndicationDates(BaseModel):
    """The dates of one indication, as stored in the clear (the columns of ``IndicationRow``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reference: str
    owner: str | None = None
    start: date
    contact_due: date
    contact_done_on: date | None = None
    last_day: date
    hard_stop: date
    age_limit_day: date | None = None
    """A child's last day before the age limit, when it comes before ``last_day``."""
    extensions: int = Field(default=0, ge=0)
    max_extensions: int = Field(default=2, ge=0)
    ended_on: date | None = None

    @property
    def can_extend(self) -> bool:
        """Whether the count and the definitive end still allow one more extension.

        Whether the age limit allows it too needs the children's dates of birth: the extension
        check (``smi_core.timeline.check_extension``) decides that when an extension is asked.
        """
        return self.extensions < self.max_extensions and self.last_day < self.hard_stop


class DeadlineKind(StrEnum):
    """What falls due."""

    CONTACT = "contact"
    PERIOD_END = "period_end"
    AGE_LIMIT = "age_limit"
    HARD_STOP = "hard_stop"
    WMO_ONDERZOEK = "wmo_onderzoek"
    """A Wmo case's investigation with its written account (``TOE-ONDERZOEK-TERM``)."""
    WMO_BESCHIKKING = "wmo_beschikking"
    """A Wmo case's beschikking after the aanvraag (``TOE-BESCHIKKING-TERM``)."""
    WMO_CONTACT = "wmo_contact"
    """The coalition's contact with the resident after the 301 (``BEG-CONTACT-1W``)."""
    JEUGD_BESCHIKKING = "jeugd_beschikking"
    """A youth case's beschikking after the aanvraag, under the Jeugdwet (``TOE-BESCHIKKING-TERM``)."""


DEADLINE_LABELS = {
    DeadlineKind.CONTACT: N_("Contact about the situation"),
    DeadlineKind.PERIOD_END: N_("Decide: extend or end"),
    DeadlineKind.AGE_LIMIT: N_("A child's last day before the age limit"),
    DeadlineKind.HARD_STOP: N_("Definitive end"),
    DeadlineKind.WMO_ONDERZOEK: N_("Wmo: investigation and written report (6 weeks after the melding)"),
    DeadlineKind.WMO_BESCHIKKING: N_("Wmo: beschikking (2 weeks after the aanvraag)"),
    DeadlineKind.WMO_CONTACT: N_("Wmo: the coalition contacts the resident (1 week after the toewijzing)"),
    DeadlineKind.JEUGD_BESCHIKKING: N_("Youth care: beschikking (8 weeks after the aanvraag, Jeugdwet)"),
}
#: The label of a period end after which no extension is possible any more.
PERIOD_END_FINAL_LABEL = N_("End of the indication: no extension possible")


class Deadline(BaseModel):
    """One open deadline of one indication."""

    model_config = ConfigDict(frozen=True)

    reference: str
    owner: str | None
    kind: DeadlineKind
    due: date
    overdue: bool
    can_extend: bool = False
    """For ``PERIOD_END``: one more extension is still possible."""

    @property
    def label(self) -> str:
        """The message id of what falls due (translate it to show it)."""
        if self.kind is DeadlineKind.PERIOD_END and not self.can_extend:
            return PERIOD_END_FINAL_LABEL
        return DEADLINE_LABELS[self.kind]

    def days_left(self, today: date) -> int:
        """Days from ``today`` to the due day: negative when overdue, 0 on the day itself."""
        return (self.due - today).days


_KIND_ORDER = {kind: index for index, kind in enumerate(DeadlineKind)}


def _of(item: IndicationDates, today: date) -> list[Deadline]:
    if item.ended_on is not None:
        return []
    found: list[Deadline] = []

    def add(kind: DeadlineKind, due: date, *, can_extend: bool = False) -> None:
        found.append(
            Deadline(
                reference=item.reference,
                owner=item.owner,
                kind=kind,
                due=due,
                overdue=due < today,
                can_extend=can_extend,
            )
        )

    if item.contact_done_on is None and item.contact_due <= item.last_day:
        add(DeadlineKind.CONTACT, item.contact_due)
    if item.age_limit_day is not None and today <= item.age_limit_day < item.last_day:
        add(DeadlineKind.AGE_LIMIT, item.age_limit_day)
    if item.last_day >= item.hard_stop:
        add(DeadlineKind.HARD_STOP, item.last_day)
    else:
        add(DeadlineKind.PERIOD_END, item.last_day, can_extend=item.can_extend)
    return found


def term_deadlines(
    reference: str, owner: str | None, states: Iterable[TermState], law: Law = Law.WMO
) -> list[Deadline]:
    """The open legal terms of a Wmo or youth case (route T, under ``law``) as deadlines: those
    not done yet."""
    kinds = {
        Term.ONDERZOEK: DeadlineKind.WMO_ONDERZOEK,
        Term.BESCHIKKING: (
            DeadlineKind.JEUGD_BESCHIKKING if law is Law.JEUGDWET else DeadlineKind.WMO_BESCHIKKING
        ),
        Term.CONTACT: DeadlineKind.WMO_CONTACT,
    }
    return [
        Deadline(reference=reference, owner=owner, kind=kinds[s.term], due=s.due, overdue=s.overdue)
        for s in states
        if s.done_on is None and s.term in kinds
    ]


def deadlines(items: Iterable[IndicationDates], today: date) -> list[Deadline]:
    """The open deadlines of the indications that have not ended, by due day, then reference."""
    found = [deadline for item in items for deadline in _of(item, today)]
    found.sort(key=lambda d: (d.due, d.reference, _KIND_ORDER[d.kind]))
    return found


class DeadlineWindows(BaseModel):
    """The deadlines in the view's three windows, which do not overlap."""

    model_config = ConfigDict(frozen=True)

    overdue: list[Deadline]
    """Due before today."""
    within_2_weeks: list[Deadline]
    """Due today or in the next 14 days."""
    within_4_weeks: list[Deadline]
    """Due in 15 to 28 days (not those of the first two weeks)."""


def windows(found: Iterable[Deadline], today: date) -> DeadlineWindows:
    """Sort deadlines into overdue, due in 0-14 days and due in 15-28 days; later ones are left out."""
    overdue: list[Deadline] = []
    first: list[Deadline] = []
    second: list[Deadline] = []
    for deadline in found:
        days = deadline.days_left(today)
        if days < 0:
            overdue.append(deadline)
        elif days <= FIRST_WINDOW_DAYS:
            first.append(deadline)
        elif days <= SECOND_WINDOW_DAYS:
            second.append(deadline)
    return DeadlineWindows(overdue=overdue, within_2_weeks=first, within_4_weeks=second)
