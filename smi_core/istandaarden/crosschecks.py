"""Check level 3: the rules across messages, against the store (``MessageHistory``).

``check_against_history(message, history)`` reads the store through its three questions only: has
the sender used this Identificatie before (TR056), which ToewijzingNummer belongs to whom (TR332),
and the state of this one client folded from its earlier messages (everything else). So its cost
grows with the client's history, never with the store's size.

A 319 names no client: the caller passes ``client_bsn``, the Bsn of the client whose 315 or 317
carried the 319's ReferentieAanbieder (``InMemoryHistory.client_of_reference`` finds it in memory).
Without it no earlier request is known, which is TR355.

Every finding's path lies inside the class it concerns, so ``retour.make_retour`` can put its code
on that class. A retour is checked for TR056 only.

Limits: TR347 (a ReferentieAanbieder unique for the provider in the domain) is checked within this
client's messages only; the store's Protocol has no question across clients for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from smi_core.istandaarden.client_state import (
    ClientState,
    delivery_key,
    is_temporary,
    product_owner,
    references_of,
    same_product,
)
from smi_core.istandaarden.codes import RedenWijziging, StatusAanlevering, VerzoekAntwoord
from smi_core.istandaarden.common import Period, overlaps, product_key
from smi_core.istandaarden.findings import Finding, Rule
from smi_core.istandaarden.history import MessageHistory
from smi_core.istandaarden.messages import (
    AntwoordBericht,
    HeenMessage,
    Message,
    StartZorgBericht,
    StopZorgBericht,
    ToewijzingBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from smi_core.istandaarden.paths import child_path
from smi_core.istandaarden.products import ToegewezenProduct

IDENTIFICATIE = "/Bericht/Header/BerichtIdentificatie/Identificatie"


def check_against_history(
    message: Message, history: MessageHistory, *, client_bsn: str | None = None
) -> list[Finding]:
    """The level-3 findings of ``message`` against the earlier accepted messages."""
    findings: list[Finding] = []
    if history.identification_used(message.domain, message.sender, message.kind, message.identification):
        findings.append(Finding.of(Rule.TR056, IDENTIFICATIE))
    if not isinstance(message, HeenMessage):
        return findings
    bsn = client_bsn if isinstance(message, AntwoordBericht) else message.bsn
    if bsn is None:
        if isinstance(message, AntwoordBericht):
            findings.append(Finding.of(Rule.TR355, f"{message.body_path}/ReferentieAanbieder"))
        return findings
    state = history.client_state(message.domain, message.municipality, message.provider, bsn)
    if isinstance(message, ToewijzingBericht):
        findings += _toewijzing(message, state, history, bsn)
    elif isinstance(message, StartZorgBericht):
        findings += _start(message, state)
    elif isinstance(message, StopZorgBericht):
        findings += _stop(message, state)
    elif isinstance(message, VerzoekOmToewijzingBericht | VerzoekOmWijzigingBericht):
        findings += _request(message, state)
    elif isinstance(message, AntwoordBericht):
        findings += _antwoord(message, state)
    return findings


def _period(product: ToegewezenProduct) -> Period:
    return product.ingangsdatum, product.einddatum


def _toewijzing(
    message: ToewijzingBericht, state: ClientState, history: MessageHistory, bsn: str
) -> Iterator[Finding]:
    in_message = {product.toewijzing_nummer for product in message.client.toegewezen_producten}
    earlier = {
        number: product
        for number, product in state.toewijzingen.items()
        if number not in in_message and not product.removed
    }
    for position, product in enumerate(message.client.toegewezen_producten, start=1):
        path = child_path(message.body_path, "toegewezen_producten", position)
        number = product.toewijzing_nummer
        holder = history.assignment_holder(message.domain, message.municipality, number)
        previous = state.toewijzingen.get(number)
        reused = previous is not None and previous.product != product_key(product.product)
        if (holder is not None and holder != bsn) or reused:
            yield Finding.of(Rule.TR332, f"{path}/ToewijzingNummer")
        reference = product.referentie_aanbieder
        if reference is not None and reference not in state.requests:
            yield Finding.of(Rule.TR379, f"{path}/ReferentieAanbieder")
        if product.reden_wijziging is RedenWijziging.VERWIJDERD:
            continue
        if any(
            same_product(other.product, product.product) and overlaps(other.period, _period(product))
            for other in earlier.values()
        ):
            yield Finding.of(Rule.OP259, f"{path}/Product")


def _start(message: StartZorgBericht, state: ClientState) -> Iterator[Finding]:
    """TR019, and TR326: a first start of a product that has a current start (not yet stopped).
    A start with neither a ToewijzingNummer nor a product names nothing to compare."""
    active_owners = {owner for owner, _ in state.active_starts()}
    for position, start in enumerate(message.client.start_producten, start=1):
        unlinked = _unlinked(start.toewijzing_nummer, state)
        owner = product_owner(start)
        first = start.status_aanlevering is StatusAanlevering.EERSTE_AANLEVERING
        stacked = first and owner is not None and owner in active_owners
        if unlinked or stacked:
            path = child_path(message.body_path, "start_producten", position)
            if unlinked:
                yield Finding.of(Rule.TR019, f"{path}/ToewijzingNummer")
            if stacked:
                yield Finding.of(Rule.TR326, f"{path}/Begindatum")


def _unlinked(number: int | None, state: ClientState) -> bool:
    """TR019/IV096: a start or stop with a ToewijzingNummer refers to a (not removed) toewijzing of
    this client. Without a number (taakgericht work) nothing can be linked."""
    if number is None:
        return False
    toewijzing = state.toewijzingen.get(number)
    return toewijzing is None or toewijzing.removed


def _stop(message: StopZorgBericht, state: ClientState) -> Iterator[Finding]:
    """TR019, and TR413-TR415 against the current stops of the same start (same ToewijzingNummer or
    product, same Begindatum)."""
    for position, stop in enumerate(message.client.stop_producten, start=1):
        path = child_path(message.body_path, "stop_producten", position)
        if _unlinked(stop.toewijzing_nummer, state):
            yield Finding.of(Rule.TR019, f"{path}/ToewijzingNummer")
        if stop.status_aanlevering is not StatusAanlevering.EERSTE_AANLEVERING or product_owner(stop) is None:
            continue
        current = state.stops.get(delivery_key(stop), [])
        if any(not earlier.temporary for earlier in current):
            yield Finding.of(Rule.TR415, f"{path}/RedenBeeindiging")
        if is_temporary(stop) and any(earlier.temporary for earlier in current):
            yield Finding.of(Rule.TR413, f"{path}/RedenBeeindiging")
        if current and stop.einddatum < max(earlier.end for earlier in current):
            yield Finding.of(Rule.TR414, f"{path}/Einddatum")


def _request(
    message: VerzoekOmToewijzingBericht | VerzoekOmWijzigingBericht, state: ClientState
) -> Iterator[Finding]:
    busy = bool(state.open_references())
    if isinstance(message, VerzoekOmWijzigingBericht):
        reference_paths = [f"{child_path(message.body_path, 'verzoek')}/ReferentieAanbieder"]
    else:
        reference_paths = [
            f"{child_path(message.body_path, 'aangevraagde_producten', position)}/ReferentieAanbieder"
            for position in range(1, len(message.client.aangevraagde_producten) + 1)
        ]
    for path, reference in zip(reference_paths, references_of(message), strict=True):
        if busy:
            yield Finding.of(Rule.TR374, path)
        if reference in state.requests:
            yield Finding.of(Rule.TR347, path)
    if isinstance(message, VerzoekOmWijzigingBericht):
        yield from _vow(message, state)
    else:
        yield from _stacked_request(message, state)


def _vow(message: VerzoekOmWijzigingBericht, state: ClientState) -> Iterator[Finding]:
    verzoek = message.client.verzoek
    verzoek_path = child_path(message.body_path, "verzoek")
    current = state.current_toewijzingen(message.header.bericht_identificatie.dagtekening)
    listed = {p.toewijzing_nummer for p in verzoek.ongewijzigde_producten} | {
        p.toewijzing_nummer for p in verzoek.te_wijzigen_producten
    }
    if not set(current) <= listed:
        yield Finding.of(Rule.TR349, f"{verzoek_path}/ReferentieAanbieder")
    for position, unchanged in enumerate(verzoek.ongewijzigde_producten, start=1):
        if unchanged.toewijzing_nummer not in current:
            yield Finding.of(
                Rule.TR350, f"{child_path(verzoek_path, 'ongewijzigde_producten', position)}/ToewijzingNummer"
            )
    for position, changed in enumerate(verzoek.te_wijzigen_producten, start=1):
        if changed.toewijzing_nummer not in current:
            yield Finding.of(
                Rule.TR351, f"{child_path(verzoek_path, 'te_wijzigen_producten', position)}/ToewijzingNummer"
            )


def _stacked_request(message: VerzoekOmToewijzingBericht, state: ClientState) -> Iterator[Finding]:
    """OP347/OP307: no request for a product that is already assigned for (part of) that period."""
    current = state.current_toewijzingen(message.header.bericht_identificatie.dagtekening)
    for position, asked in enumerate(message.client.aangevraagde_producten, start=1):
        period = (asked.toewijzing_ingangsdatum, asked.toewijzing_einddatum)
        if any(
            same_product(toewijzing.product, asked.product) and overlaps(toewijzing.period, period)
            for toewijzing in current.values()
        ):
            yield Finding.of(
                Rule.OP347, f"{child_path(message.body_path, 'aangevraagde_producten', position)}/Product"
            )


def _antwoord(message: AntwoordBericht, state: ClientState) -> Iterator[Finding]:
    reference = message.antwoord.referentie_aanbieder
    path = f"{message.body_path}/ReferentieAanbieder"
    if reference not in state.requests:
        yield Finding.of(Rule.TR355, path)
    if reference in state.assigned_references:
        yield Finding.of(Rule.TR359, path)
    if reference in state.refused_references:
        yield Finding.of(Rule.TR365, path)
    in_onderzoek = message.antwoord.verzoek_antwoord is VerzoekAntwoord.IN_ONDERZOEK
    if in_onderzoek and reference in state.in_onderzoek_references:
        yield Finding.of(Rule.TR360, f"{message.body_path}/VerzoekAntwoord")


__all__ = ["check_against_history"]
