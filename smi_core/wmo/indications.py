"""A client's running begeleiding indications, read from the 301s the municipality sent, and the
clients who have more than one: the candidates for one traject (``CONV-WHEN``, source text 002).

A ZIN indication is a toewijzing: its latest version (by provider and ToewijzingNummer) in the
301s, oldest first, counts; one removed (RedenWijziging 13) or ended before the day does not. It is
begeleiding when its product is in a begeleiding category of the set (iWmo 02 begeleiding and 07
dagbesteding: source 002 counts double and triple indications of dagbesteding and individual
begeleiding) or in a category or product code the catalogue puts in a segment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from smi_core.istandaarden.codes import CategorieWmo, Domain, RedenWijziging
from smi_core.istandaarden.common import Product
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.products import ToegewezenProduct
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.conversion import CurrentIndication, Form, conversion_due

#: The end of an open-ended toewijzing (a 301 without Einddatum): it runs on.
OPEN_END = date.max

#: ``CONV-WHEN``: how long before the first indication expires the conversion is due. A Wmo melding
#: is assessed within six weeks and decided within two more (Wmo 2015, art. 2.3.2 and 2.3.5), so
#: the kitchen-table conversation starts eight weeks before the first end.
CONVERSION_WINDOW = timedelta(weeks=8)


@dataclass(frozen=True)
class RunningAssignment:
    """The latest version of one toewijzing of a client at a provider, still running."""

    provider: str
    product: ToegewezenProduct


def running_assignments(messages: Sequence[ToewijzingBericht], on: date) -> list[RunningAssignment]:
    """The toewijzingen of one client in ``messages`` (oldest first) still running on ``on``: the
    latest version of each, by provider and ToewijzingNummer, in the order they were first given."""
    latest: dict[tuple[str, int], ToegewezenProduct] = {}
    for message in messages:
        for product in message.client.toegewezen_producten:
            latest[(message.provider, product.toewijzing_nummer)] = product
    return [
        RunningAssignment(provider, product)
        for (provider, _number), product in latest.items()
        if product.reden_wijziging is not RedenWijziging.VERWIJDERD
        and (product.einddatum is None or product.einddatum >= on)
    ]


def begeleiding_categories(catalogue: Catalogue) -> frozenset[str]:
    """The iWmo categories that hold begeleiding: 02 and 07, and those of the catalogue's segments."""
    segmented = {p.category for p in catalogue.products_of(Domain.WMO) if p.segment is not None}
    return frozenset({CategorieWmo.BEGELEIDING.value, CategorieWmo.DAGBESTEDING.value, *segmented})


def is_begeleiding(product: Product | None, catalogue: Catalogue) -> bool:
    """Whether a 301's product is begeleiding (its category, or a product of a segment)."""
    if product is None:
        return False
    if product.categorie.value in begeleiding_categories(catalogue):
        return True
    listed = catalogue.product(Domain.WMO, product.code) if product.code else None
    return listed is not None and listed.segment is not None


def current_indications(
    running: Sequence[RunningAssignment], catalogue: Catalogue
) -> list[CurrentIndication]:
    """The running begeleiding toewijzingen as the conversion's current ZIN indications; each is
    known by its ToewijzingNummer."""
    return [
        CurrentIndication(
            reference=str(assignment.product.toewijzing_nummer),
            provider=assignment.provider,
            product_code=_code(assignment.product.product),
            form=Form.ZIN,
            start=assignment.product.ingangsdatum,
            end=assignment.product.einddatum or OPEN_END,
            toewijzing_nummer=assignment.product.toewijzing_nummer,
        )
        for assignment in running
        if is_begeleiding(assignment.product.product, catalogue)
    ]


def _code(product: Product | None) -> str:
    if product is None:
        return ""
    return product.code or product.categorie.value


def mask_bsn(bsn: str) -> str:
    """A BSN as a list shows it: its last three digits only."""
    return "•" * max(len(bsn) - 3, 0) + bsn[-3:]


@dataclass(frozen=True)
class Candidate:
    """A client with more than one current begeleiding indication."""

    bsn: str
    count: int
    first_end: date
    """The day the first of them ends (``OPEN_END`` when none has an end)."""
    due: bool
    """``CONV-WHEN``: the first ends within ``CONVERSION_WINDOW``."""

    @property
    def masked_bsn(self) -> str:
        return mask_bsn(self.bsn)


def is_due(first_end: date, today: date) -> bool:
    """``CONV-WHEN``: the first indication ends within the window (an open end is never due)."""
    return first_end != OPEN_END and first_end - today <= CONVERSION_WINDOW


def running_together(current: Sequence[CurrentIndication], today: date) -> list[CurrentIndication]:
    """The indications that run at the same time as another one, on some day from ``today`` on.

    One that ends before the next begins is not a second indication: a renewal, or what a
    conversion leaves (the dropped ones end the day before the traject starts)."""
    return [
        one
        for one in current
        if any(
            other is not one and max(one.start, other.start, today) <= min(one.end, other.end)
            for other in current
        )
    ]


def candidates(current: Mapping[str, Sequence[CurrentIndication]], today: date) -> list[Candidate]:
    """The clients (by BSN) with more than one indication running at the same time, on some day
    from ``today`` on, the first of those to expire first."""
    found = []
    for bsn, indications in current.items():
        together = running_together(indications, today)
        first_end = conversion_due(together)
        if len(together) > 1 and first_end is not None:
            found.append(Candidate(bsn, len(together), first_end, is_due(first_end, today)))
    return sorted(found, key=lambda candidate: (candidate.first_end, candidate.masked_bsn))


__all__ = [
    "CONVERSION_WINDOW",
    "OPEN_END",
    "Candidate",
    "RunningAssignment",
    "begeleiding_categories",
    "candidates",
    "current_indications",
    "is_begeleiding",
    "is_due",
    "mask_bsn",
    "running_assignments",
    "running_together",
]
