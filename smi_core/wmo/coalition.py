"""Begeleiding through the coalition (the 5-step plan, ``shared/domain/wmo-jeugd-routes.md`` B1-B5).

When the provision chosen on route T is begeleiding in a segment (2a, 2b) for the provider that is
the coalition (*Coalitie HvB*), the access worker does not write a beschikking: the request passes
to the coalition with part 1 of the *plan van aanpak* (the situation and the goals, B2), the back
office sends the 301 to the coalition, and the resident gets the DAT letter, which is no decision
(``BEG-DAT-NOT-BESCHIKKING``). Then the coalition's side:

- ``CoalitionContact``: the fixed counsellor contacts the resident within a week of the 301
  (``BEG-CONTACT-1W``, B3).
- ``PlanOfApproach``: the plan with goals and results, sent to the resident: the beschikking under
  the college's mandate (``BEG-MANDATE``, B3). The day of the in-depth conversation is the start
  date of the support, and the 305 carries it (``BEG-START-DATE``, B4).
- ``EndingPlan``: when the results are reached, the plan sent then is the ending beschikking; the
  coalition sends the 307 (B5).
- ``CakReport``: the back office's report of a start or an end to the CAK for the own contribution
  (``BEG-CAK``; the CAK's own message standard is not available here, so it is a list, an export
  and a mark per line).

Free text is the worker's or the counsellor's own words, shown back as plain text only.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from smi_core.istandaarden.kinds import Domain
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.terms import Term, TermState, state_of

WorkerText = Annotated[str, Field(max_length=5000)]
Line = Annotated[str, Field(min_length=1, max_length=500)]
Lines = Annotated[tuple[Line, ...], Field(min_length=1, max_length=20)]


class CoalitionRule(StrEnum):
    """The rules of the coalition's route, by their rule id."""

    DAT_NOT_BESCHIKKING = "BEG-DAT-NOT-BESCHIKKING"
    CONTACT = "BEG-CONTACT-1W"
    MANDATE = "BEG-MANDATE"
    START_DATE = "BEG-START-DATE"
    CAK = "BEG-CAK"


def goes_to_coalition(catalogue: Catalogue, product_code: str, provider_agb: str) -> bool:
    """Whether a chosen provision goes the coalition's way (B2): a Wmo product of a segment, for a
    provider that is the coalition and is contracted for it."""
    product = catalogue.product(Domain.WMO, product_code)
    provider = catalogue.provider(provider_agb)
    return (
        product is not None
        and product.segment is not None
        and provider is not None
        and provider.coalition
        and catalogue.is_contracted(provider_agb, product)
    )


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CoalitionHandover(_Record):
    """Part 1 of the plan van aanpak, with which the access worker passes the request on (B2)."""

    passed_on: date
    situation: Annotated[str, Field(min_length=1, max_length=5000)]
    goals: Lines


class CoalitionContact(_Record):
    """The counsellor's first contact with the resident (``BEG-CONTACT-1W``)."""

    contacted_on: date
    counsellor: Annotated[str, Field(min_length=1, max_length=120)]


class PlanOfApproach(_Record):
    """The coalition's plan van aanpak, sent to the resident: the beschikking under mandate
    (``BEG-MANDATE``); the in-depth conversation's day is the start date (``BEG-START-DATE``)."""

    conversation_on: date
    goals: Lines
    results: Lines
    sent_on: date

    @model_validator(mode="after")
    def _sent_after_the_conversation(self) -> PlanOfApproach:
        if self.sent_on < self.conversation_on:
            raise ValueError("the plan cannot be sent before the in-depth conversation")
        return self


class EndingPlan(_Record):
    """The plan sent when the results are reached: the ending beschikking under mandate (B5)."""

    results_reached: Annotated[str, Field(min_length=1, max_length=5000)]
    follow_up: WorkerText = ""
    """What comes next, for instance in the social base (*voorliggend veld*)."""
    sent_on: date


class CakLine(StrEnum):
    """What a line of the CAK report is about."""

    START = "start"
    END = "end"


class CakReport(_Record):
    """The back office reported a start or an end of begeleiding to the CAK (``BEG-CAK``)."""

    line: CakLine
    toewijzing_nummer: int
    reported_on: date


# -- the pure rules ----------------------------------------------------------------------------


def contact_term(assigned_on: date, on: date, contacted_on: date | None = None) -> TermState:
    """``BEG-CONTACT-1W``: the contact within a week of the 301, as it stands on ``on``."""
    return state_of(Term.CONTACT, assigned_on, on, contacted_on)


def start_date(plan: PlanOfApproach | None) -> date | None:
    """``BEG-START-DATE``: the start date of the support is the in-depth conversation's day."""
    return plan.conversation_on if plan is not None else None


def start_date_follows_rule(plan: PlanOfApproach | None, begindatum: date) -> bool:
    """Whether a 305's start date is the in-depth conversation's day (without a plan: unknown, so
    it is not held against the start)."""
    conversation = start_date(plan)
    return conversation is None or conversation == begindatum


__all__ = [
    "CakLine",
    "CakReport",
    "CoalitionContact",
    "CoalitionHandover",
    "CoalitionRule",
    "EndingPlan",
    "PlanOfApproach",
    "contact_term",
    "goes_to_coalition",
    "start_date",
    "start_date_follows_rule",
]
