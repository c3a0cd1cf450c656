"""Check level 2: the rules inside one message (the standard checks these with its XSLT).

``check_message(message)`` returns every ``Finding`` of a heen message (a retour is not judged
again: it copies the classes of the message it answers). Any finding rejects the whole message; the
retour then holds the header only, with RetourCode 0001 (``retour.make_retour``).

Where a rule of the digest names fields that several classes share (Omvang, Budget, an end date,
Product), it is checked on every class that has them: the 301's ToegewezenProduct, the 315's
AangevraagdProduct and the 317's TeWijzigenProduct and NieuwProduct. The digest states CD075/CD076
for the 301; applying them to the requests too is inferred.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from datetime import date

from smi_core.istandaarden.codes import (
    Domain,
    Frequentie,
    RedenAfwijzingVerzoek,
    RedenWijziging,
    StatusAanlevering,
)
from smi_core.istandaarden.codes import VerzoekAntwoord as Answer
from smi_core.istandaarden.common import Omvang, Product, Verwijzer, overlaps, product_key
from smi_core.istandaarden.findings import Finding, Rule
from smi_core.istandaarden.messages import (
    AntwoordBericht,
    Message,
    RetourMessage,
    StartZorgBericht,
    StopZorgBericht,
    ToewijzingBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from smi_core.istandaarden.paths import child_path
from smi_core.istandaarden.products import StartProduct, StopProduct

#: CD076: the Frequentie that needs an end date. The digest says 2 (per week); the standard's own
#: text was not available to confirm it (6, "totaal binnen geldigheidsduur", would be the natural
#: reading). Kept as the digest says, in one place.
CD076_FREQUENCY = Frequentie.PER_WEEK


#: CS002's weights of the nine digits (the last one counts negatively).
_ELFPROEF_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def elfproef(bsn: str) -> bool:
    """CS002: 9·d1 + 8·d2 + … + 2·d8 − d9 is divisible by 11 (for a 9-digit Bsn)."""
    if len(bsn) != 9 or not bsn.isdigit() or not bsn.isascii():
        return False
    total: int = sum(map(operator.mul, _ELFPROEF_WEIGHTS, map(int, bsn)))
    return total % 11 == 0


def check_message(message: Message) -> list[Finding]:
    """The level-2 findings of ``message``, in document order (empty for a retour)."""
    if isinstance(message, RetourMessage):
        return []
    findings: list[Finding] = []
    if message.bsn is not None and not elfproef(message.bsn):
        findings.append(Finding.of(Rule.CS002, f"{message.body_path}/Bsn"))
    if isinstance(message, ToewijzingBericht):
        findings += _toewijzing(message)
    elif isinstance(message, StartZorgBericht):
        findings += _status(message.client.start_producten, message.body_path, "start_producten")
    elif isinstance(message, StopZorgBericht):
        findings += _stop(message)
    elif isinstance(message, VerzoekOmToewijzingBericht):
        findings += _verzoek_om_toewijzing(message)
    elif isinstance(message, VerzoekOmWijzigingBericht):
        findings += _verzoek_om_wijziging(message)
    elif isinstance(message, AntwoordBericht):
        findings += _antwoord(message)
    findings += _contact_periods(message)
    return findings


# -- shared checks ------------------------------------------------------------------------------


def _amount(
    path: str,
    *,
    product: Product | None,
    omvang: Omvang | None,
    budget: int | None,
    end: date | None,
    end_field: str,
    has_product: bool = True,
) -> Iterator[Finding]:
    """CD041, CD075 to CD079 on a class with an Omvang or a Budget (and perhaps a Product)."""
    if product is not None and product.code is not None and omvang is None:
        yield Finding.of(Rule.CD041, f"{path}/Omvang")
    if budget is not None and end is None:
        yield Finding.of(Rule.CD075, f"{path}/{end_field}")
    if omvang is not None and omvang.frequentie is CD076_FREQUENCY and end is None:
        yield Finding.of(Rule.CD076, f"{path}/{end_field}")
    if omvang is not None and budget is not None:
        yield Finding.of(Rule.CD077, f"{path}/Budget")
        yield Finding.of(Rule.CD078, f"{path}/Omvang")
    if has_product and budget is None and product is None:
        yield Finding.of(Rule.CD079, f"{path}/Product")


def _order(path: str, start: date | None, end: date | None, end_field: str) -> Iterator[Finding]:
    if start is not None and end is not None and end < start:
        yield Finding.of(Rule.DATE_ORDER, f"{path}/{end_field}")


def _stacked(items: Iterable[tuple[str, Product | None, date, date | None]]) -> Iterator[Finding]:
    """TR302: a product that overlaps an earlier one of the same product in the same message."""
    seen: list[tuple[tuple[str, str | None], tuple[date, date | None]]] = []
    for path, product, start, end in items:
        key = product_key(product)
        if key is None:
            continue
        if any(other == key and overlaps(period, (start, end)) for other, period in seen):
            yield Finding.of(Rule.TR302, f"{path}/Product")
        seen.append((key, (start, end)))


def _status(products: Iterable[StartProduct | StopProduct], body_path: str, field: str) -> Iterator[Finding]:
    """OP033x2: StatusAanlevering 2 is not used (a correction deletes with 3 and sends again)."""
    for position, product in enumerate(products, start=1):
        if product.status_aanlevering is StatusAanlevering.GEWIJZIGDE_AANLEVERING:
            yield Finding.of(Rule.OP033, f"{child_path(body_path, field, position)}/StatusAanlevering")


def _contact_periods(message: Message) -> Iterator[Finding]:
    """The date order of every Contact's Periode, in document order. Only a 301's client has
    contacts: each Relatie's Contact, then the client's own Contactgegevens."""
    if not isinstance(message, ToewijzingBericht):
        return
    client, path = message.client, message.body_path
    located = [
        (child_path(child_path(path, "relaties", position), "contact"), relatie.contact)
        for position, relatie in enumerate(client.relaties, start=1)
    ] + [
        (child_path(path, "contactgegevens", position), contact)
        for position, contact in enumerate(client.contactgegevens, start=1)
    ]
    for contact_path, contact in located:
        if contact.periode is not None:
            periode = contact.periode
            yield from _order(f"{contact_path}/Periode", periode.begindatum, periode.einddatum, "Einddatum")


# -- per message kind ---------------------------------------------------------------------------


def _toewijzing(message: ToewijzingBericht) -> Iterator[Finding]:
    products = message.client.toegewezen_producten
    paths = [child_path(message.body_path, "toegewezen_producten", n) for n in range(1, len(products) + 1)]
    for path, product in zip(paths, products, strict=True):
        yield from _amount(
            path,
            product=product.product,
            omvang=product.omvang,
            budget=product.budget,
            end=product.einddatum,
            end_field="Einddatum",
        )
        yield from _order(path, product.ingangsdatum, product.einddatum, "Einddatum")
        if product.reden_wijziging is RedenWijziging.VERWIJDERD and product.einddatum != product.ingangsdatum:
            yield Finding.of(Rule.CS335, f"{path}/Einddatum")
        if product.reden_wijziging is RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN:
            yield Finding.of(Rule.CS336, f"{path}/RedenWijziging")
        if product.reden_wijziging is RedenWijziging.DOOR_AANBIEDER and product.referentie_aanbieder is None:
            yield Finding.of(Rule.IV097, f"{path}/ReferentieAanbieder")
    yield from _one_reference_for_a_vow(paths, [product.referentie_aanbieder for product in products])
    yield from _stacked(
        (path, product.product, product.ingangsdatum, product.einddatum)
        for path, product in zip(paths, products, strict=True)
        if product.reden_wijziging is not RedenWijziging.VERWIJDERD
    )


def _one_reference_for_a_vow(paths: list[str], references: list[str | None]) -> Iterator[Finding]:
    """IV097/OP348: a ReferentieAanbieder on two products answers a VOW (a VOT's are unique per
    product), and a 301 that honours a VOW carries its reference on every product."""
    shared = {
        reference for reference in references if reference is not None and references.count(reference) > 1
    }
    if len(shared) == 0:
        return
    vow = min(shared)
    for path, reference in zip(paths, references, strict=True):
        if reference != vow:
            yield Finding.of(Rule.IV097, f"{path}/ReferentieAanbieder")


def _stop(message: StopZorgBericht) -> Iterator[Finding]:
    yield from _status(message.client.stop_producten, message.body_path, "stop_producten")
    for position, product in enumerate(message.client.stop_producten, start=1):
        path = child_path(message.body_path, "stop_producten", position)
        yield from _order(path, product.begindatum, product.einddatum, "Einddatum")


def _verwijzer(path: str, verwijzer: Verwijzer) -> Iterator[Finding]:
    """CD066-CD068: a care professional (02-05) is named by a ZorgverlenerCode or a Naam; another
    referrer has no ZorgverlenerCode."""
    if verwijzer.type.is_care_professional:
        if verwijzer.zorgverlener_code is None and verwijzer.naam is None:
            yield Finding.of(Rule.CD066, f"{path}/Verwijzer/ZorgverlenerCode")
            yield Finding.of(Rule.CD067, f"{path}/Verwijzer/Naam")
    elif verwijzer.zorgverlener_code is not None:
        yield Finding.of(Rule.CD068, f"{path}/Verwijzer/ZorgverlenerCode")


def _verzoek_om_toewijzing(message: VerzoekOmToewijzingBericht) -> Iterator[Finding]:
    products = message.client.aangevraagde_producten
    paths = [child_path(message.body_path, "aangevraagde_producten", n) for n in range(1, len(products) + 1)]
    for path, product in zip(paths, products, strict=True):
        yield from _amount(
            path,
            product=product.product,
            omvang=product.omvang,
            budget=product.budget,
            end=product.toewijzing_einddatum,
            end_field="ToewijzingEinddatum",
        )
        yield from _order(
            path, product.toewijzing_ingangsdatum, product.toewijzing_einddatum, "ToewijzingEinddatum"
        )
        yield from _verwijzer(path, product.verwijzer)
    yield from _stacked(
        (path, product.product, product.toewijzing_ingangsdatum, product.toewijzing_einddatum)
        for path, product in zip(paths, products, strict=True)
    )


def _verzoek_om_wijziging(message: VerzoekOmWijzigingBericht) -> Iterator[Finding]:
    verzoek = message.client.verzoek
    verzoek_path = child_path(message.body_path, "verzoek")
    for position, changed in enumerate(verzoek.te_wijzigen_producten, start=1):
        path = child_path(verzoek_path, "te_wijzigen_producten", position)
        yield from _amount(
            path,
            product=None,
            omvang=changed.omvang,
            budget=changed.budget,
            end=changed.einddatum,
            end_field="Einddatum",
            has_product=False,
        )
        yield from _order(path, changed.gewenste_ingangsdatum, changed.einddatum, "Einddatum")
    new_paths = []
    for position, new in enumerate(verzoek.nieuwe_producten, start=1):
        path = child_path(verzoek_path, "nieuwe_producten", position)
        new_paths.append(path)
        yield from _amount(
            path,
            product=new.product,
            omvang=new.omvang,
            budget=new.budget,
            end=new.einddatum,
            end_field="Einddatum",
        )
        yield from _order(path, new.gewenste_ingangsdatum, new.einddatum, "Einddatum")
    yield from _stacked(
        (path, new.product, new.gewenste_ingangsdatum, new.einddatum)
        for path, new in zip(new_paths, verzoek.nieuwe_producten, strict=True)
    )


def _antwoord(message: AntwoordBericht) -> Iterator[Finding]:
    antwoord = message.antwoord
    path = message.body_path
    refused = antwoord.verzoek_antwoord is Answer.AFGEWEZEN
    if refused != (antwoord.reden_afwijzing_verzoek is not None):
        yield Finding.of(Rule.ANSWER_REASON, f"{path}/RedenAfwijzingVerzoek")
    if message.domain is Domain.JW:
        woonplaatsbeginsel = antwoord.reden_afwijzing_verzoek is RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL
        if woonplaatsbeginsel and antwoord.woonplaatsbeginsel is None:
            yield Finding.of(Rule.TR377, f"{path}/Woonplaatsbeginsel")
        if not woonplaatsbeginsel and antwoord.woonplaatsbeginsel is not None:
            yield Finding.of(Rule.TR409, f"{path}/Woonplaatsbeginsel")


__all__ = ["CD076_FREQUENCY", "check_message", "elfproef"]
