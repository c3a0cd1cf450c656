"""What the access worker records along route T for a Wmo case (steps T2-T9), as typed records.

- ``WmoClient``: who the melding is about, as the access worker established it (Wmo 2015 art.
  2.3.2 lid 7: the resident shows who they are); a toewijzing (301) names the client by it.
- ``InvestigationReport``: the investigation (*onderzoek*) with the written account the resident
  receives (``TOE-ONDERZOEK-TERM``, art. 2.3.2 lid 8).
- ``WmoSupportPlan``: the *ondersteuningsplan* with the results to reach (T3).
- ``ProvisionChoice``: the maatwerkvoorziening from the municipality's catalogue, its volume and
  period, the provider (free choice among contracted providers, ``TOE-CONTRACTED``) and the
  evaluation moments (T2).
- ``Beschikking``: the decision on the aanvraag, with its motivation and objection clause
  (``TOE-BESCHIKKING-TERM``, ``TOE-BESCHIKKING-CONTENT``).
- ``Assignment``: the toewijzing queued for the provider (T5, ``MSG-301-AFTER-BESCHIKKING``).
- ``CareReported``: the provider's start (305) or stop (307) of the care (T7, T9).

Free text is the worker's or the resident's own words, shown back as plain text only.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from smi_core.constants import N_
from smi_core.istandaarden.codes import Eenheid, Frequentie, Geslacht, RedenAfwijzingVerzoek
from smi_core.istandaarden.rules import CD076_FREQUENCY, elfproef
from smi_core.istandaarden.scalars import AgbCode, Bsn, ProductCode

#: The objection clause a beschikking carries (Awb 3:45, 6:7): who, within 6 weeks, where. The
#: worker may adapt it; the page offers it in the resident's language.
OBJECTION_CLAUSE = N_(
    "Do you disagree with this decision? Then you can object to it. Send your objection within "
    "6 weeks after the date of this letter to the college of mayor and aldermen of %(municipality)s."
)

WorkerText = Annotated[str, Field(max_length=5000)]
Line = Annotated[str, Field(min_length=1, max_length=500)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class WmoClient(_Record):
    """The client as the access worker identified them: what a 301 needs beside the date of birth."""

    bsn: Bsn = Field(repr=False)
    surname: Annotated[str, Field(min_length=1, max_length=200)] = Field(repr=False)
    prefix: Annotated[str, Field(max_length=10)] = Field(default="", repr=False)
    initials: Annotated[str, Field(max_length=6)] = Field(default="", repr=False)
    gender: Geslacht = Geslacht.ONBEKEND

    @model_validator(mode="after")
    def _valid_bsn(self) -> WmoClient:
        if not elfproef(self.bsn):
            raise ValueError("the BSN does not pass the elfproef (CS002)")
        return self


class InvestigationReport(_Record):
    """The investigation along its subjects, and when the resident got its written account."""

    held_on: date
    need: WorkerText
    own_possibilities: WorkerText = ""
    network: WorkerText = ""
    general_provisions: WorkerText = ""
    maatwerk_needed: bool
    """Whether own possibilities, network and general provisions fall short (``TOE-VOORLIGGEND``)."""
    account_sent_on: date
    """The day the written account of the outcome went to the resident (art. 2.3.2 lid 8)."""

    @model_validator(mode="after")
    def _account_after_talk(self) -> InvestigationReport:
        if self.account_sent_on < self.held_on:
            raise ValueError("the written account cannot be sent before the investigation")
        if not self.need:
            raise ValueError("describe the need")
        return self


class WmoSupportPlan(_Record):
    """The ondersteuningsplan: the results to reach, agreed with the resident."""

    results: Annotated[tuple[Line, ...], Field(min_length=1, max_length=20)]
    agreed_with_resident: bool = True
    notes: WorkerText = ""


class ProvisionChoice(_Record):
    """The chosen maatwerkvoorziening: a catalogue product (its category and code as the messages
    carry them), volume, unit, frequency, period, provider and evaluation moments."""

    product_code: ProductCode
    category: Annotated[str, Field(pattern=r"^\d{2}$")]
    product_name: Annotated[str, Field(min_length=1, max_length=120)]
    volume: Annotated[int, Field(ge=1, le=99_999_999)]
    unit: Eenheid
    frequency: Frequentie
    requested_on: date
    """The day of the resident's aanvraag of this provision: the beschikking term runs from it."""
    start: date
    end: date | None = None
    provider_agb: AgbCode
    provider_name: Annotated[str, Field(max_length=120)] = ""
    non_contracted_reason: WorkerText = ""
    """Why a provider that is not contracted for the product is chosen (``TOE-CONTRACTED``)."""
    evaluations: Annotated[tuple[date, ...], Field(min_length=1, max_length=12)]

    @model_validator(mode="after")
    def _consistent(self) -> ProvisionChoice:
        if self.end is not None and self.end < self.start:
            raise ValueError("the end comes before the start")
        if self.frequency is CD076_FREQUENCY and self.end is None:
            raise ValueError("this frequency needs an end date (CD076)")
        if any(moment < self.start for moment in self.evaluations):
            raise ValueError("an evaluation comes before the start")
        if self.end is not None and any(moment > self.end for moment in self.evaluations):
            raise ValueError("an evaluation comes after the end")
        return self


class Beschikking(_Record):
    """The decision on the aanvraag (Awb 3:45-3:47): granted or refused, with its motivation and
    the objection clause (who, within 6 weeks, where)."""

    requested_on: date
    """The day of the aanvraag: the beschikking term runs from it."""
    decided_on: date
    granted: bool
    motivation: WorkerText
    objection_clause: WorkerText

    @model_validator(mode="after")
    def _order(self) -> Beschikking:
        if self.decided_on < self.requested_on:
            raise ValueError("the decision comes before the aanvraag")
        return self


class Assignment(_Record):
    """The toewijzing queued for the provider: its number, message and start."""

    toewijzing_nummer: int
    message_id: int
    identification: str
    provider_agb: AgbCode
    start: date
    volume: int | None = None
    unit: Eenheid | None = None
    frequency: Frequentie | None = None
    end: date | None = None
    """The toewijzing's volume and end as sent (None: as the chosen provision)."""


class CareReported(_Record):
    """The provider's start (305) or stop (307) of the care of one toewijzing."""

    toewijzing_nummer: int
    message_id: int
    identification: str
    begindatum: date
    einddatum: date | None = None
    reason: str = ""
    """Of a stop: the RedenBeeindiging code."""


class ChangeRequest(_Record):
    """A provider's 317 about the case's toewijzing (T8): from which day, and the wished volume
    and/or end date. The access worker judges it; the back office answers with a 301 or a 319."""

    message_id: int
    identification: str
    referentie_aanbieder: str
    toewijzing_nummer: int
    from_date: date
    volume: int | None = None
    unit: Eenheid | None = None
    frequency: Frequentie | None = None
    einddatum: date | None = None
    new_products: int = 0
    """How many new products the request asks besides (a new provision is a new aanvraag)."""


class ChangeJudgement(_Record):
    """The access worker's judgement of a change request (``MSG-317-ANSWER``)."""

    referentie_aanbieder: str
    honoured: bool
    refusal_reason: RedenAfwijzingVerzoek | None = None
    motivation: WorkerText

    @model_validator(mode="after")
    def _reason_of_a_refusal(self) -> ChangeJudgement:
        if not self.motivation:
            raise ValueError("give the motivation")
        if not self.honoured and self.refusal_reason is None:
            raise ValueError("a refusal names its reason (RedenAfwijzingVerzoek)")
        return self


class ChangeAnswered(_Record):
    """The back office's answer to a change request: the 301 that honours it (with the new
    toewijzing, if the volume changed) or the 319 that refuses it."""

    referentie_aanbieder: str
    message_id: int
    honoured: bool
    assignment: Assignment | None = None
    """The toewijzing that runs from the change on (None for a refusal)."""


__all__ = [
    "OBJECTION_CLAUSE",
    "Assignment",
    "Beschikking",
    "CareReported",
    "ChangeAnswered",
    "ChangeJudgement",
    "ChangeRequest",
    "InvestigationReport",
    "ProvisionChoice",
    "WmoClient",
    "WmoSupportPlan",
]
