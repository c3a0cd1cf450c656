"""Route G: a certified institution's *bepaling jeugdhulp* (G2, ``GI-DECIDES``) with its uniform
registration form (*aanmeldformulier*), which go to the chosen provider and to a municipal worker
(G3); the provider's answer that it cannot deliver in time (G3b, ``GI-NOT-IN-TIME``, inferred: the
GI is told and chooses another provider by an adjusted bepaling).

A GI decides on youth care for a child under a protection measure (Jeugdwet art. 3.5); the
municipality follows with a 301 to the provider and a beschikking to the family **without**
objection clause (G4, ``GI-BESCHIKKING-NO-BEZWAAR``).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from smi_core.constants import N_
from smi_core.istandaarden.codes import CategorieJw, Eenheid, Frequentie
from smi_core.istandaarden.rules import CD076_FREQUENCY
from smi_core.istandaarden.scalars import AgbCode, ProductCode
from smi_core.wmo.casework import WmoClient

WorkerText = Annotated[str, Field(max_length=5000)]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Measure(StrEnum):
    """The child protection or youth probation measure under which the GI decides."""

    OTS = "ots"
    VOOGDIJ = "voogdij"
    JEUGDRECLASSERING = "jeugdreclassering"


MEASURE_LABELS = {
    Measure.OTS: N_("supervision order (OTS)"),
    Measure.VOOGDIJ: N_("guardianship"),
    Measure.JEUGDRECLASSERING: N_("youth probation"),
}


class Child(WmoClient):
    """The child as the GI names them: the client of a 301 (BSN, name, gender) with the given
    name and the date of birth that the 301 and the beschikking need."""

    given_name: Annotated[str, Field(max_length=200)] = Field(default="", repr=False)
    date_of_birth: date = Field(repr=False)


class RegistrationForm(_Record):
    """The uniform registration form (*aanmeldformulier*) that goes with the bepaling to the
    provider: why the child is registered, what the help must reach, how urgent, who to contact."""

    reason: WorkerText
    goals: WorkerText
    urgent: bool = False
    parents_informed: bool = True
    contact_name: Annotated[str, Field(max_length=200)] = ""
    contact_phone: Annotated[str, Field(max_length=40)] = ""
    notes: WorkerText = ""

    @model_validator(mode="after")
    def _filled(self) -> RegistrationForm:
        if not self.reason or not self.goals:
            raise ValueError("the registration form names the reason and the goals")
        return self


class Bepaling(_Record):
    """The GI's bepaling jeugdhulp: which youth care the child needs (an iJw category and code,
    volume, period) and by which provider, under which measure, decided on which day."""

    gi_organisation: Name
    """The certified institution's name (its account's organisation)."""
    gi_code: AgbCode | None = None
    """The GI's AGB code, if it has one: the provider's 315 names it as the referrer (type 04)."""
    jeugdbeschermer: Name
    """Who decided: the jeugdbeschermer's name, as the municipal worker and the provider see it."""
    measure: Measure
    child: Child
    category: Annotated[str, Field(pattern=r"^\d{2}$")]
    product_code: ProductCode | None = None
    product_name: Annotated[str, Field(max_length=120)] = ""
    volume: Annotated[int, Field(ge=1, le=99_999_999)]
    unit: Eenheid
    frequency: Frequentie
    start: date
    end: date | None = None
    provider_agb: AgbCode
    provider_name: Annotated[str, Field(max_length=120)] = ""
    motivation: WorkerText
    decided_on: date
    registration: RegistrationForm

    @model_validator(mode="after")
    def _consistent(self) -> Bepaling:
        if self.category not in CategorieJw.codes():
            raise ValueError(f"category {self.category!r} is not a youth-care category (JZ020)")
        if self.end is not None and self.end < self.start:
            raise ValueError("the end comes before the start")
        if self.frequency is CD076_FREQUENCY and self.end is None:
            raise ValueError("this frequency needs an end date (CD076)")
        if not self.motivation:
            raise ValueError("give the motivation of the bepaling")
        return self


class NotInTime(_Record):
    """The provider's word that it cannot deliver in time (G3b): the GI is told and chooses
    another provider (``GI-NOT-IN-TIME``)."""

    provider_agb: AgbCode
    reported_on: date
    earliest_start: date | None = None
    note: WorkerText = ""


__all__ = ["MEASURE_LABELS", "Bepaling", "Child", "Measure", "NotInTime", "RegistrationForm"]
