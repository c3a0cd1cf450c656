"""The life of an indication: review moments, extensions and the hard stop.

An SMI is always temporary. With start date D: contact at D + 3 months, end at
D + 6, at most two extensions of 3 months each, definitive end at D + 12, and
never past the day before a child's 13th birthday (all configurable per
municipality).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from smi_core.constants import N_
from smi_core.dates import add_months, last_day_before_age, period_last_day
from smi_core.municipality import MunicipalityConfig, default_municipality


class ReviewKind(StrEnum):
    """What happens at a review moment."""

    CONTACT = "contact"
    END = "end"
    EXTENSION_END = "extension_end"
    HARD_STOP = "hard_stop"
    AGE_LIMIT = "age_limit"


REVIEW_LABELS = {
    ReviewKind.CONTACT: N_("Contact about the situation"),
    ReviewKind.END: N_("End of the indication"),
    ReviewKind.EXTENSION_END: N_("End of an extension"),
    ReviewKind.HARD_STOP: N_("Definitive end"),
    ReviewKind.AGE_LIMIT: N_("Last day before the age limit"),
}


class ReviewMoment(BaseModel):
    """A dated moment in the life of an indication."""

    model_config = ConfigDict(frozen=True)

    kind: ReviewKind
    due: date
    child: str | None = None


class IndicationTimeline(BaseModel):
    """When an indication is reviewed and ends, given its extensions so far."""

    model_config = ConfigDict(frozen=True)

    start: date
    extensions_granted: int
    last_day: date = Field(description="the last day of care under the indication")
    hard_stop: date = Field(description="the last possible day, whatever is extended")
    child_last_days: dict[str, date]
    cut_by_age: bool
    moments: list[ReviewMoment]


def indication_timeline(
    start: date,
    dates_of_birth: Mapping[str, date],
    *,
    extensions_granted: int = 0,
    municipality: MunicipalityConfig | None = None,
    period_months: int | None = None,
) -> IndicationTimeline:
    """The review calendar of an indication starting on ``start``.

    ``dates_of_birth`` maps each child's name to its date of birth. An
    indication, extended or not, never runs past the hard stop nor past the
    day before a child turns ``max_age + 1``; each child has its own last day.
    ``period_months`` is the first period (at most, and by default, the municipality's
    ``initial_period_months``).
    """
    m = municipality or default_municipality()
    if not 0 <= extensions_granted <= m.max_extensions:
        raise ValueError(f"extensions_granted must lie between 0 and {m.max_extensions}")
    period = m.initial_period_months if period_months is None else period_months
    if not 1 <= period <= m.initial_period_months:
        raise ValueError(f"period_months must lie between 1 and {m.initial_period_months}")
    hard_stop = period_last_day(start, m.hard_stop_months)
    months = period + extensions_granted * m.extension_months
    planned_end = min(period_last_day(start, months), hard_stop)
    age_limits = {
        name: last_day_before_age(dob, m.max_age + 1, m.leap_day_birthday)
        for name, dob in dates_of_birth.items()
    }
    child_last_days = {name: min(planned_end, limit) for name, limit in age_limits.items()}
    last_day = max(child_last_days.values(), default=planned_end)
    moments = [ReviewMoment(kind=ReviewKind.CONTACT, due=add_months(start, m.contact_after_months))]
    moments.append(ReviewMoment(kind=ReviewKind.END, due=period_last_day(start, period)))
    for n in range(1, extensions_granted + 1):
        due = period_last_day(start, period + n * m.extension_months)
        moments.append(ReviewMoment(kind=ReviewKind.EXTENSION_END, due=min(due, hard_stop)))
    moments.append(ReviewMoment(kind=ReviewKind.HARD_STOP, due=hard_stop))
    for name, limit in age_limits.items():
        if limit < planned_end:
            moments.append(ReviewMoment(kind=ReviewKind.AGE_LIMIT, due=limit, child=name))
    moments.sort(key=lambda moment: moment.due)
    return IndicationTimeline(
        start=start,
        extensions_granted=extensions_granted,
        last_day=last_day,
        hard_stop=hard_stop,
        child_last_days=child_last_days,
        cut_by_age=any(limit < planned_end for limit in age_limits.values()),
        moments=moments,
    )


class ExtensionAnswers(BaseModel):
    """What the policy asks to record before an extension."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    family_cooperated: bool | None = None
    why_no_improvement: str = ""
    can_reduce_dagdelen: bool | None = None
    reduce_explanation: str = ""
    anonymised_consultation_held: bool = False


class ExtensionRefusal(StrEnum):
    """Why an extension is not allowed."""

    MAX_REACHED = "max_reached"
    HARD_STOP = "hard_stop"
    AGE_LIMIT = "age_limit"
    COOPERATION_UNANSWERED = "cooperation_unanswered"
    DID_NOT_COOPERATE = "did_not_cooperate"
    NO_IMPROVEMENT_REASON = "no_improvement_reason"
    REDUCTION_UNANSWERED = "reduction_unanswered"
    NO_CONSULTATION = "no_consultation"


EXTENSION_REFUSAL_LABELS = {
    ExtensionRefusal.MAX_REACHED: N_("The maximum number of extensions has been reached."),
    ExtensionRefusal.HARD_STOP: N_("The indication has reached its definitive end."),
    ExtensionRefusal.AGE_LIMIT: N_("Every child reaches the age limit before an extension could start."),
    ExtensionRefusal.COOPERATION_UNANSWERED: N_("Record whether the family cooperated actively."),
    ExtensionRefusal.DID_NOT_COOPERATE: N_(
        "An extension requires that the family cooperated actively with the plan."
    ),
    ExtensionRefusal.NO_IMPROVEMENT_REASON: N_("Record why there was no or too little improvement."),
    ExtensionRefusal.REDUCTION_UNANSWERED: N_("Record whether the number of part-days can go down."),
    ExtensionRefusal.NO_CONSULTATION: N_(
        "Record the anonymised consultation with the neighbourhood-team coordinator and the "
        "municipal policy officer."
    ),
}


class ExtensionCheck(BaseModel):
    """Whether one more extension may be granted, and until when."""

    model_config = ConfigDict(frozen=True)

    allowed: bool
    refusals: list[ExtensionRefusal]
    new_last_day: date | None


def check_extension(
    start: date,
    dates_of_birth: Mapping[str, date],
    extensions_granted: int,
    answers: ExtensionAnswers,
    *,
    municipality: MunicipalityConfig | None = None,
    period_months: int | None = None,
) -> ExtensionCheck:
    """Check an extension against the count, the hard stop, the age limit and the answers."""
    m = municipality or default_municipality()
    refusals: list[ExtensionRefusal] = []
    new_last_day: date | None = None
    current = indication_timeline(
        start,
        dates_of_birth,
        extensions_granted=extensions_granted,
        municipality=m,
        period_months=period_months,
    )
    if extensions_granted >= m.max_extensions:
        refusals.append(ExtensionRefusal.MAX_REACHED)
    elif current.last_day >= current.hard_stop:
        refusals.append(ExtensionRefusal.HARD_STOP)
    else:
        extended = indication_timeline(
            start,
            dates_of_birth,
            extensions_granted=extensions_granted + 1,
            municipality=m,
            period_months=period_months,
        )
        if extended.last_day <= current.last_day:
            refusals.append(ExtensionRefusal.AGE_LIMIT)
        else:
            new_last_day = extended.last_day
    if answers.family_cooperated is None:
        refusals.append(ExtensionRefusal.COOPERATION_UNANSWERED)
    elif not answers.family_cooperated:
        refusals.append(ExtensionRefusal.DID_NOT_COOPERATE)
    if not answers.why_no_improvement.strip():
        refusals.append(ExtensionRefusal.NO_IMPROVEMENT_REASON)
    if answers.can_reduce_dagdelen is None:
        refusals.append(ExtensionRefusal.REDUCTION_UNANSWERED)
    if not answers.anonymised_consultation_held:
        refusals.append(ExtensionRefusal.NO_CONSULTATION)
    return ExtensionCheck(
        allowed=not refusals,
        refusals=refusals,
        new_last_day=new_last_day if not refusals else None,
    )
