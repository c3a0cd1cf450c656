"""One client's state between a municipality and a provider, folded from the accepted heen messages
(oldest first): the latest version of every toewijzing, the requests and what answered them, and
the starts and stops of care. The level-3 checks read it; it only ever sees one client's messages.

Keys follow the standard: a start or stop is known by its ToewijzingNummer (or, without one, by its
product) and its Begindatum (TR413-TR415: "same Bsn, ToewijzingNummer, Begindatum").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from smi_core.istandaarden.codes import (
    TIJDELIJK_BEEINDIGD,
    RedenWijziging,
    StatusAanlevering,
    VerzoekAntwoord,
)
from smi_core.istandaarden.common import Product, product_key
from smi_core.istandaarden.history import references_of
from smi_core.istandaarden.messages import (
    AntwoordBericht,
    Message,
    StartZorgBericht,
    StopZorgBericht,
    ToewijzingBericht,
)
from smi_core.istandaarden.products import StartProduct, StopProduct, ToegewezenProduct

#: What identifies a delivery: the ToewijzingNummer, or the product when there is none.
DeliveryKey = tuple[int | tuple[str, str | None] | None, date]


def delivery_key(product: StartProduct | StopProduct) -> DeliveryKey:
    """The key of a start or stop: (ToewijzingNummer or product, Begindatum)."""
    owner = (
        product.toewijzing_nummer if product.toewijzing_nummer is not None else product_key(product.product)
    )
    return owner, product.begindatum


def product_owner(product: StartProduct | StopProduct) -> int | tuple[str, str | None] | None:
    """What a start or stop is about, without its Begindatum (TR326: one current start per product)."""
    return delivery_key(product)[0]


@dataclass
class ClientState:
    """What the earlier messages say about one client."""

    toewijzingen: dict[int, ToegewezenProduct] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    assigned_references: set[str] = field(default_factory=set)
    refused_references: set[str] = field(default_factory=set)
    in_onderzoek_references: set[str] = field(default_factory=set)
    starts: set[DeliveryKey] = field(default_factory=set)
    stops: dict[DeliveryKey, list[StopProduct]] = field(default_factory=dict)

    def current_toewijzingen(self, on: date) -> dict[int, ToegewezenProduct]:
        """The toewijzingen still running on ``on`` (not ended before it, not removed with reason 13)."""
        return {
            number: product
            for number, product in self.toewijzingen.items()
            if product.reden_wijziging is not RedenWijziging.VERWIJDERD
            and (product.einddatum is None or product.einddatum >= on)
        }

    def open_references(self) -> set[str]:
        """Requests not yet closed by a 301 with their reference or a refusal (319 answer 1)."""
        closed = self.assigned_references | self.refused_references
        return {reference for reference in self.requests if reference not in closed}

    def active_starts(self) -> set[DeliveryKey]:
        """Starts that no stop has ended (a temporary stop ends the start too; care restarts anew)."""
        return {key for key in self.starts if not self.stops.get(key)}

    def _apply_start(self, product: StartProduct) -> None:
        key = delivery_key(product)
        if product.status_aanlevering is StatusAanlevering.VERWIJDEREN:
            self.starts.discard(key)
        elif product.status_aanlevering is StatusAanlevering.EERSTE_AANLEVERING:
            self.starts.add(key)

    def _apply_stop(self, product: StopProduct) -> None:
        key = delivery_key(product)
        current = self.stops.setdefault(key, [])
        if product.status_aanlevering is StatusAanlevering.EERSTE_AANLEVERING:
            current.append(product)
        elif product.status_aanlevering is StatusAanlevering.VERWIJDEREN and current:
            same = [
                stop
                for stop in current
                if (stop.einddatum, stop.reden_beeindiging) == (product.einddatum, product.reden_beeindiging)
            ]
            current.remove(same[-1] if same else current[-1])

    def apply(self, message: Message) -> None:
        """Fold one more (later) message into the state."""
        if isinstance(message, ToewijzingBericht):
            for product in message.client.toegewezen_producten:
                self.toewijzingen[product.toewijzing_nummer] = product
                if product.referentie_aanbieder is not None:
                    self.assigned_references.add(product.referentie_aanbieder)
        elif isinstance(message, StartZorgBericht):
            for start in message.client.start_producten:
                self._apply_start(start)
        elif isinstance(message, StopZorgBericht):
            for stop in message.client.stop_producten:
                self._apply_stop(stop)
        elif isinstance(message, AntwoordBericht):
            reference = message.antwoord.referentie_aanbieder
            if message.antwoord.verzoek_antwoord is VerzoekAntwoord.AFGEWEZEN:
                self.refused_references.add(reference)
            else:
                self.in_onderzoek_references.add(reference)
        self.requests.extend(references_of(message))


def client_state(messages: Sequence[Message]) -> ClientState:
    """The state after ``messages`` (oldest first)."""
    state = ClientState()
    for message in messages:
        state.apply(message)
    return state


def is_temporary(stop: StopProduct) -> bool:
    return stop.reden_beeindiging.value == TIJDELIJK_BEEINDIGD


def same_product(first: Product | None, second: Product | None) -> bool:
    return first is not None and product_key(first) == product_key(second)


__all__ = [
    "ClientState",
    "DeliveryKey",
    "client_state",
    "delivery_key",
    "is_temporary",
    "product_owner",
    "same_product",
]
