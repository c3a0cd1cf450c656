"""Several begeleiding indications become one traject (``../shared/domain/wmo-jeugd-routes.md``,
rules ``CONV-*``, from source text 002).

The access worker records the plan made at the kitchen table (goals first, then the segment that
follows from them, then the provider and the form); ``convert`` checks it against the client's
current indications and the catalogue, and gives exactly one new indication and, for every
current one that drops out, how it ends: a ZIN assignment with a 301 that gives it an end date and
a reason of change (its provider answers with a 307), a pgb recorded only (the iWmo messages are
for ZIN). A plan that breaks a rule is refused with every rule it breaks, not just the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from smi_core.istandaarden.codes import RedenWijziging
from smi_core.istandaarden.kinds import Domain
from smi_core.wmo.catalogue import Catalogue, CatalogueProduct


class Form(StrEnum):
    """How support is delivered: in kind by a contracted provider, or a personal budget."""

    ZIN = "zin"
    PGB = "pgb"


class ConversionRule(StrEnum):
    ONE = "CONV-ONE"
    ONE_PROVIDER = "CONV-ONE-PROVIDER"
    ZIN_XOR_PGB = "CONV-ZIN-XOR-PGB"
    GOALS_FIRST = "CONV-GOALS-FIRST"
    PROVIDER = "CONV-PROVIDER"
    PGB_RARE = "CONV-PGB-RARE"


#: The reason of change in the 301 that ends a dropped assignment: a re-assessment shortens it.
ENDING_REASON = RedenWijziging.VERKORTING


@dataclass(frozen=True)
class CurrentIndication:
    """One of the client's running begeleiding indications."""

    reference: str
    provider: str
    """The provider's AGB code (for a pgb: who is paid from it, as recorded)."""
    product_code: str
    form: Form
    start: date
    end: date
    toewijzing_nummer: int | None = None
    """Of a ZIN indication: the ToewijzingNummer its 301 gave it."""
    social_network_pgb: bool = False
    """A pgb paying someone of the client's social network: the one kind that may stay."""


@dataclass(frozen=True)
class ConversionPlan:
    """What the kitchen-table conversation decided."""

    goals: tuple[str, ...]
    segment: str
    providers: tuple[str, ...]
    """The AGB code of the provider of the new indication: exactly one (``CONV-ONE-PROVIDER``)."""
    form: Form
    start: date
    end: date
    keep: frozenset[str] = frozenset()
    """References of current indications that keep running next to the new one."""
    non_contracted_reason: str = ""
    pgb_reason: str = ""


@dataclass(frozen=True)
class Problem:
    rule: ConversionRule
    detail: str


class ConversionRefused(ValueError):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(f"{p.rule.value}: {p.detail}" for p in problems))
        self.problems = tuple(problems)

    @property
    def rules(self) -> set[ConversionRule]:
        return {problem.rule for problem in self.problems}


@dataclass(frozen=True)
class NewIndication:
    product: CatalogueProduct
    provider: str
    form: Form
    start: date
    end: date
    goals: tuple[str, ...]


@dataclass(frozen=True)
class Ending:
    """How a dropped indication ends: its last day, and whether a 301 tells its provider."""

    indication: CurrentIndication
    last_day: date
    reason: RedenWijziging
    by_message: bool


@dataclass(frozen=True)
class Conversion:
    new: NewIndication
    endings: tuple[Ending, ...]
    kept: tuple[CurrentIndication, ...]


def conversion_due(current: Sequence[CurrentIndication]) -> date | None:
    """``CONV-WHEN``: the conversion is discussed just before the first indication expires."""
    return min((indication.end for indication in current), default=None)


def convert(current: Sequence[CurrentIndication], plan: ConversionPlan, catalogue: Catalogue) -> Conversion:
    """The one new indication and the endings of the others; ``ConversionRefused`` names every
    rule the plan breaks."""
    problems: list[Problem] = []
    if not any(goal.strip() for goal in plan.goals):
        problems.append(
            Problem(ConversionRule.GOALS_FIRST, "the goals come first, before a segment or provider")
        )
    product = _product_of_segment(catalogue, plan.segment)
    if product is None:
        problems.append(Problem(ConversionRule.ONE, f"segment {plan.segment!r} has no traject product"))
    if len(plan.providers) != 1:
        problems.append(
            Problem(ConversionRule.ONE_PROVIDER, f"{len(plan.providers)} providers instead of one")
        )
    if product is not None and len(plan.providers) == 1:
        contracted = catalogue.is_contracted(plan.providers[0], product)
        if plan.form is Form.ZIN and not contracted and not plan.non_contracted_reason.strip():
            problems.append(
                Problem(
                    ConversionRule.PROVIDER,
                    "the provider is not contracted in the segment and no reason is given",
                )
            )
    if plan.form is Form.PGB and not plan.pgb_reason.strip():
        problems.append(
            Problem(ConversionRule.PGB_RARE, "a pgb needs the reason contracted support does not fit")
        )
    references = {indication.reference for indication in current}
    if unknown := sorted(plan.keep - references):
        problems.append(Problem(ConversionRule.ONE, f"no current indication {', '.join(unknown)}"))
    for indication in current:
        if indication.reference not in plan.keep or indication.social_network_pgb:
            continue
        if indication.form is not plan.form:
            problems.append(
                Problem(
                    ConversionRule.ZIN_XOR_PGB,
                    f"{indication.reference} would run as {indication.form.value} next to it",
                )
            )
        else:
            problems.append(Problem(ConversionRule.ONE, f"{indication.reference} would still run next to it"))
    if plan.end < plan.start:
        problems.append(Problem(ConversionRule.ONE, "the new indication ends before it starts"))
    if problems or product is None:
        raise ConversionRefused(problems)
    new = NewIndication(product, plan.providers[0], plan.form, plan.start, plan.end, plan.goals)
    last_day = plan.start - timedelta(days=1)
    endings, kept = [], []
    for indication in current:
        if indication.reference in plan.keep:
            kept.append(indication)
            continue
        shortened = indication.end > last_day  # one that ends by itself before the new start needs no 301
        by_message = shortened and indication.form is Form.ZIN and indication.toewijzing_nummer is not None
        endings.append(Ending(indication, min(last_day, indication.end), ENDING_REASON, by_message))
    return Conversion(new, tuple(endings), tuple(kept))


def _product_of_segment(catalogue: Catalogue, segment: str) -> CatalogueProduct | None:
    return next((p for p in catalogue.products_of(Domain.WMO) if p.segment == segment), None)
