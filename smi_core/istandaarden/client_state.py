"""One client's state between a municipality and a provider, folded from the accepted heen messages
(oldest first): the latest version of every toewijzing, the requests and what answered them, and
the starts and stops of care. The level-3 checks read it; it only ever sees one client's messages.

Each message's part in the state is its ``facts`` (``facts_of``): a small JSON-ready list of what
the checks compare (ToewijzingNummers, product keys, dates, references, reasons), nothing else. A
store keeps them beside the message, so a check folds a few facts instead of rebuilding whole
messages; ``ClientState.apply(message)`` folds a message through its facts, so there is one fold.

Keys follow the standard: a start or stop is known by its ToewijzingNummer (or, without one, by its
product) and its Begindatum (TR413-TR415: "same Bsn, ToewijzingNummer, Begindatum").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from smi_core.istandaarden.codes import (
    TIJDELIJK_BEEINDIGD,
    RedenWijziging,
    StatusAanlevering,
    VerzoekAntwoord,
)
from smi_core.istandaarden.common import Period, Product, product_key
from smi_core.istandaarden.messages import (
    AntwoordBericht,
    Message,
    StartZorgBericht,
    StopZorgBericht,
    ToewijzingBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from smi_core.istandaarden.products import StartProduct, StopProduct

#: A product as the checks compare it: (category, code).
ProductKey = tuple[str, str | None]
#: What a start or stop is about: its ToewijzingNummer, or its product when there is none.
Owner = int | ProductKey | None
#: What identifies a delivery: the owner and the Begindatum.
DeliveryKey = tuple[Owner, date]
#: A message's part in the state, JSON-ready (see ``facts_of``).
Facts = list[Any]

_TOEWIJZING, _START, _STOP, _ANSWER, _REQUEST = "t", "s", "p", "a", "r"
_FIRST = StatusAanlevering.EERSTE_AANLEVERING.value
_DELETE = StatusAanlevering.VERWIJDEREN.value


@dataclass(frozen=True, slots=True)
class Assigned:
    """The latest version of one toewijzing, as the checks need it."""

    product: ProductKey | None
    start: date
    end: date | None
    removed: bool  # RedenWijziging 13: removed from the start, as if never assigned

    @property
    def period(self) -> Period:
        return self.start, self.end


@dataclass(frozen=True, slots=True)
class Stopped:
    """One current stop of a delivery."""

    end: date
    reason: str  # the RedenBeeindiging code

    @property
    def temporary(self) -> bool:
        return self.reason == TIJDELIJK_BEEINDIGD


def delivery_key(product: StartProduct | StopProduct) -> DeliveryKey:
    """The key of a start or stop: (ToewijzingNummer or product, Begindatum)."""
    return product_owner(product), product.begindatum


def product_owner(product: StartProduct | StopProduct) -> Owner:
    """What a start or stop is about, without its Begindatum (TR326: one current start per product)."""
    number = product.toewijzing_nummer
    return number if number is not None else product_key(product.product)


def references_of(message: Message) -> list[str]:
    """The ReferentieAanbieder values of a request (315: one per product; 317: one for the whole)."""
    if isinstance(message, VerzoekOmToewijzingBericht):
        return [product.referentie_aanbieder for product in message.client.aangevraagde_producten]
    if isinstance(message, VerzoekOmWijzigingBericht):
        return [message.client.verzoek.referentie_aanbieder]
    return []


# -- facts --------------------------------------------------------------------------------------


def _owner_fact(owner: Owner) -> Any:
    return list(owner) if isinstance(owner, tuple) else owner


def _owner_of(fact: Any) -> Owner:
    return (fact[0], fact[1]) if isinstance(fact, list) else fact


def _day(fact: str | None) -> date | None:
    return None if fact is None else date.fromisoformat(fact)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def facts_of(message: Message) -> Facts:
    """What ``message`` adds to its client's state, as a small JSON-ready list of entries."""
    facts: Facts = []
    if isinstance(message, ToewijzingBericht):
        for product in message.client.toegewezen_producten:
            key = product_key(product.product)
            facts.append(
                [
                    _TOEWIJZING,
                    product.toewijzing_nummer,
                    None if key is None else list(key),
                    product.ingangsdatum.isoformat(),
                    _iso(product.einddatum),
                    product.reden_wijziging is RedenWijziging.VERWIJDERD,
                    product.referentie_aanbieder,
                ]
            )
    elif isinstance(message, StartZorgBericht):
        for start in message.client.start_producten:
            owner = _owner_fact(product_owner(start))
            facts.append([_START, start.status_aanlevering.value, owner, start.begindatum.isoformat()])
    elif isinstance(message, StopZorgBericht):
        for stop in message.client.stop_producten:
            owner = _owner_fact(product_owner(stop))
            facts.append(
                [
                    _STOP,
                    stop.status_aanlevering.value,
                    owner,
                    stop.begindatum.isoformat(),
                    stop.einddatum.isoformat(),
                    stop.reden_beeindiging.value,
                ]
            )
    elif isinstance(message, AntwoordBericht):
        answer = message.antwoord
        refused = answer.verzoek_antwoord is VerzoekAntwoord.AFGEWEZEN
        facts.append([_ANSWER, answer.referentie_aanbieder, refused])
    references = references_of(message)
    if references:
        facts.append([_REQUEST, *references])
    return facts


# -- the state ----------------------------------------------------------------------------------


@dataclass
class ClientState:
    """What the earlier messages say about one client."""

    toewijzingen: dict[int, Assigned] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    assigned_references: set[str] = field(default_factory=set)
    refused_references: set[str] = field(default_factory=set)
    in_onderzoek_references: set[str] = field(default_factory=set)
    starts: set[DeliveryKey] = field(default_factory=set)
    stops: dict[DeliveryKey, list[Stopped]] = field(default_factory=dict)

    def current_toewijzingen(self, on: date) -> dict[int, Assigned]:
        """The toewijzingen still running on ``on`` (not ended before it, not removed with reason 13)."""
        return {
            number: assigned
            for number, assigned in self.toewijzingen.items()
            if not assigned.removed and (assigned.end is None or assigned.end >= on)
        }

    def open_references(self) -> set[str]:
        """Requests not yet closed by a 301 with their reference or a refusal (319 answer 1)."""
        closed = self.assigned_references | self.refused_references
        return {reference for reference in self.requests if reference not in closed}

    def active_starts(self) -> set[DeliveryKey]:
        """Starts that no stop has ended (a temporary stop ends the start too; care restarts anew)."""
        return {key for key in self.starts if not self.stops.get(key)}

    def apply(self, message: Message) -> None:
        """Fold one more (later) message into the state."""
        self.apply_facts(facts_of(message))

    def apply_facts(self, facts: Iterable[Sequence[Any]]) -> None:
        """Fold one more (later) message's facts (``facts_of``) into the state."""
        for fact in facts:
            tag = fact[0]
            if tag == _TOEWIJZING:
                _, number, key, start, end, removed, reference = fact
                product = None if key is None else (key[0], key[1])
                self.toewijzingen[number] = Assigned(product, date.fromisoformat(start), _day(end), removed)
                if reference is not None:
                    self.assigned_references.add(reference)
            elif tag == _START:
                _, status, owner, start = fact
                self._apply_start(status, (_owner_of(owner), date.fromisoformat(start)))
            elif tag == _STOP:
                _, status, owner, start, end, reason = fact
                key = (_owner_of(owner), date.fromisoformat(start))
                self._apply_stop(status, key, Stopped(date.fromisoformat(end), reason))
            elif tag == _ANSWER:
                _, reference, refused = fact
                (self.refused_references if refused else self.in_onderzoek_references).add(reference)
            elif tag == _REQUEST:
                self.requests.extend(fact[1:])

    def _apply_start(self, status: str, key: DeliveryKey) -> None:
        if status == _DELETE:
            self.starts.discard(key)
        elif status == _FIRST:
            self.starts.add(key)

    def _apply_stop(self, status: str, key: DeliveryKey, stop: Stopped) -> None:
        current = self.stops.setdefault(key, [])
        if status == _FIRST:
            current.append(stop)
        elif status == _DELETE and current:
            same = [earlier for earlier in current if earlier == stop]
            current.remove(same[-1] if same else current[-1])


def client_state(messages: Sequence[Message]) -> ClientState:
    """The state after ``messages`` (oldest first)."""
    state = ClientState()
    for message in messages:
        state.apply(message)
    return state


def is_temporary(stop: StopProduct) -> bool:
    return stop.reden_beeindiging.value == TIJDELIJK_BEEINDIGD


def same_product(first: ProductKey | None, second: Product | None) -> bool:
    """Whether a known product key and a message's product are the same product."""
    return first is not None and first == product_key(second)


__all__ = [
    "Assigned",
    "ClientState",
    "DeliveryKey",
    "Facts",
    "Owner",
    "ProductKey",
    "Stopped",
    "client_state",
    "delivery_key",
    "facts_of",
    "is_temporary",
    "product_owner",
    "references_of",
    "same_product",
]
