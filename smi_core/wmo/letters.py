"""The two letters a resident gets in the Wmo route, as content (``../shared/domain/wmo-jeugd-routes.md``):
the beschikking (step T4, G4, M6) and the DAT letter (step B2).

A *beschikking* is the formal decision on a request (Awb): what is granted, by whom it is
delivered, how much and for how long, the results to reach, why, when it is evaluated, and how to
object. ``check_letter`` names every rule a draft breaks (``TOE-BESCHIKKING-CONTENT``); a
renderer refuses to print a beschikking that breaks one (``ensure_complete``). The objection
clause is always part of a decision of the municipality, and never of one where a certified
institution (a *GI*, Jeugdwet 3.5) decided which youth care is needed (``GI-BESCHIKKING-NO-BEZWAAR``).

The *DAT letter* tells a resident that the request for begeleiding has gone to the coalition of
providers. It is not a beschikking and cannot be objected to (``BEG-DAT-NOT-BESCHIKKING``): the
coalition's counsellor contacts the resident within a week (``BEG-CONTACT-1W``), and the plan of
approach made with the resident is the beschikking, under the college's mandate (``BEG-MANDATE``).

Names, addresses, the results and the motivation are passed in as typed; this module keeps them out
of its findings, which name rules, provisions by their number and product code, and fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import ClassVar

from smi_core.constants import N_
from smi_core.errors import Refusal
from smi_core.istandaarden.codes import CategorieJw, CategorieWmo, Eenheid, Frequentie
from smi_core.wmo.catalogue import CatalogueProduct
from smi_core.wmo.conversion import Form
from smi_core.wmo.terms import Law, Term, due


class Decision(StrEnum):
    """What the decision says about the request."""

    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REFUSED = "refused"

    @property
    def grants(self) -> bool:
        """Whether anything is granted, so that provisions are part of it."""
        return self is not Decision.REFUSED


class LetterRule(StrEnum):
    """The rules the two letters follow, by their rule id."""

    TERM = "TOE-BESCHIKKING-TERM"
    CONTENT = "TOE-BESCHIKKING-CONTENT"
    NO_BEZWAAR = "GI-BESCHIKKING-NO-BEZWAAR"
    DAT_NOT_BESCHIKKING = "BEG-DAT-NOT-BESCHIKKING"
    CONTACT = "BEG-CONTACT-1W"
    MANDATE = "BEG-MANDATE"


#: The laws' names as a resident reads them.
LAW_LABELS: dict[Law, str] = {
    Law.WMO: N_("Social Support Act (Wmo)"),
    Law.JEUGDWET: N_("Youth Act (Jeugdwet)"),
}

#: How support is delivered, as a resident reads it.
FORM_LABELS: dict[Form, str] = {
    Form.ZIN: N_("support from a provider the municipality pays (zorg in natura)"),
    Form.PGB: N_("a personal budget to buy the support yourself (pgb)"),
}


@dataclass(frozen=True)
class Resident:
    """Who the letter is for: the name and the address lines, as they are to be printed."""

    name: str
    address_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provision:
    """One granted provision (*maatwerkvoorziening*): the product from the catalogue, how much of it
    (volume, unit and frequency), from when to when, in kind or as a pgb, and by which provider.

    A field that is not known yet is None (or empty) in a draft; ``check_letter`` names it.
    """

    category: str
    """The product category code of the set (``02``: Wmo begeleiding)."""
    product_code: str
    product_name: str
    volume: int | None
    unit: Eenheid | None
    frequency: Frequentie | None
    start: date | None
    end: date | None
    form: Form
    provider: str = ""
    """The provider's name: who delivers (ZIN), or who is paid from the pgb, if known."""

    @classmethod
    def of(
        cls,
        product: CatalogueProduct,
        *,
        volume: int | None,
        start: date | None,
        end: date | None,
        form: Form,
        provider: str = "",
    ) -> Provision:
        """A provision of a catalogue product, counted in the product's own unit and frequency."""
        return cls(
            category=product.category,
            product_code=product.code,
            product_name=product.name,
            volume=volume,
            unit=product.unit,
            frequency=product.frequency,
            start=start,
            end=end,
            form=form,
            provider=provider,
        )


def category_label(law: Law, category: str) -> str:
    """The standard's name of a product category (its Dutch label), or the code when unknown."""
    codes: type[CategorieWmo] | type[CategorieJw] = CategorieWmo if law is Law.WMO else CategorieJw
    return codes(category).label if category in codes.codes() else category


@dataclass(frozen=True)
class BeschikkingLetter:
    """The letter that tells a resident the decision on a request for a maatwerkvoorziening under
    the Wmo or the Jeugdwet. (Route T's record of the decision on the case is
    ``smi_core.wmo.casework.Beschikking``; ``smi_core.case.wmo_letter`` builds this letter from it.)"""

    law: Law
    decision: Decision
    request_date: date
    decision_date: date
    resident: Resident
    motivation: str
    """Why, in the worker's own words: printed exactly as typed."""
    provisions: tuple[Provision, ...] = ()
    results: tuple[str, ...] = ()
    """The results to reach, from the support plan."""
    evaluation_moments: tuple[date, ...] = ()
    decided_by_certified_institution: bool = False
    """A certified institution (GI) decided which youth care is needed (route G)."""

    @property
    def objection_clause(self) -> bool:
        """``GI-BESCHIKKING-NO-BEZWAAR``: how to object is part of every decision of the
        municipality, and of none where a certified institution decided."""
        return not self.decided_by_certified_institution

    @property
    def due(self) -> date:
        """``TOE-BESCHIKKING-TERM``: the last day to decide."""
        return beschikking_due(self.request_date, self.law)


def beschikking_due(request_date: date, law: Law) -> date:
    """``TOE-BESCHIKKING-TERM``: the beschikking within 2 weeks of the aanvraag under the Wmo, within
    8 weeks under the Jeugdwet."""
    return due(Term.BESCHIKKING, request_date, law)


@dataclass(frozen=True)
class Finding:
    """A rule a draft letter breaks, and what is wrong (never a resident's text)."""

    rule: LetterRule
    detail: str


class LetterIncomplete(Refusal, ValueError):
    """A beschikking letter that cannot be sent: every rule it breaks, not just the first.

    (Not the case's ``smi_core.case.errors.BeschikkingIncomplete``, which refuses to record a
    decision without its motivation or objection clause: this one refuses to print the letter.)"""

    def __init__(self, findings: Sequence[Finding]) -> None:
        super().__init__(
            "; ".join(f"{f.rule.value}: {f.detail}" for f in findings),
            rules=sorted({f.rule.value for f in findings}),
        )
        self.findings = tuple(findings)

    @property
    def rules(self) -> set[LetterRule]:
        return {finding.rule for finding in self.findings}


def check_letter(beschikking: BeschikkingLetter) -> tuple[Finding, ...]:
    """Every rule the beschikking breaks (``TOE-BESCHIKKING-CONTENT``, ``GI-BESCHIKKING-NO-BEZWAAR``);
    none when it can be sent."""
    findings: list[Finding] = []

    def content(detail: str) -> None:
        findings.append(Finding(LetterRule.CONTENT, detail))

    if not beschikking.motivation.strip():
        content("the motivation is missing")
    if not beschikking.resident.name.strip():
        content("the resident's name is missing")
    if beschikking.decision_date < beschikking.request_date:
        content("the decision is dated before the request")
    if beschikking.decided_by_certified_institution and beschikking.law is not Law.JEUGDWET:
        findings.append(
            Finding(LetterRule.NO_BEZWAAR, "a certified institution decides on youth care only (Jeugdwet)")
        )
    if beschikking.decision.grants:
        if not beschikking.provisions:
            content("a grant names the provisions granted")
        if not any(result.strip() for result in beschikking.results):
            content("a grant names the results to reach")
    elif beschikking.provisions:
        content("a refusal grants no provisions")
    for number, provision in enumerate(beschikking.provisions, start=1):
        for detail in _provision_problems(provision, beschikking.law):
            content(f"provision {number} ({provision.product_code or 'no product'}): {detail}")
    return tuple(findings)


def _provision_problems(provision: Provision, law: Law) -> list[str]:
    problems: list[str] = []
    if not provision.product_code.strip() or not provision.product_name.strip():
        problems.append("the product (code and name) is missing")
    codes = CategorieWmo.codes() if law is Law.WMO else CategorieJw.codes()
    if provision.category not in codes:
        problems.append(f"category {provision.category!r} is not a product category of the {law.value}")
    if provision.volume is None or provision.volume <= 0:
        problems.append("the volume is missing")
    if provision.unit is None:
        problems.append("the unit is missing")
    if provision.frequency is None:
        problems.append("the frequency is missing")
    if provision.start is None:
        problems.append("the start date is missing")
    if provision.end is None:
        problems.append("the end date is missing")
    if provision.start is not None and provision.end is not None and provision.end < provision.start:
        problems.append("it ends before it starts")
    if provision.form is Form.ZIN and not provision.provider.strip():
        problems.append("the provider is missing (zorg in natura)")
    return problems


def ensure_complete(beschikking: BeschikkingLetter) -> BeschikkingLetter:
    """The beschikking itself when it can be sent; else ``LetterIncomplete`` with every finding."""
    if findings := check_letter(beschikking):
        raise LetterIncomplete(findings)
    return beschikking


class DatStep(StrEnum):
    """What happens after the DAT letter, in order, by the rule each follows."""

    CONTACT = "BEG-CONTACT-1W"
    """The coalition's fixed counsellor contacts the resident within a week."""
    CONVERSATION = "BEG-START-DATE"
    """The in-depth conversation; its date is the start of the support."""
    PLAN = "BEG-MANDATE"
    """The plan of approach, sent to the resident: the beschikking, under the college's mandate."""


class DatLetterInvalid(ValueError):
    """A DAT letter that cannot be sent, with why."""


@dataclass(frozen=True)
class DatLetter:
    """The letter a resident gets when the request for begeleiding is passed to the coalition."""

    resident: Resident
    passed_on: date
    """The day the request (and its 301) went to the coalition."""
    coalition: str
    """The coalition's name, as the catalogue names it."""
    letter_date: date

    #: ``BEG-DAT-NOT-BESCHIKKING``: not a decision, so no objection is possible against it.
    is_beschikking: ClassVar[bool] = False
    next_steps: ClassVar[tuple[DatStep, ...]] = tuple(DatStep)

    def __post_init__(self) -> None:
        if not self.coalition.strip():
            raise DatLetterInvalid("the coalition's name is missing")
        if self.letter_date < self.passed_on:
            raise DatLetterInvalid("the letter is dated before the request was passed on")

    @property
    def contact_due(self) -> date:
        """``BEG-CONTACT-1W``: the last day on which the counsellor contacts the resident."""
        return due(Term.CONTACT, self.passed_on, Law.WMO)
