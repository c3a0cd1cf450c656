"""The provider's side of the exchange: its messages made from what the municipality assigned.

A provider answers a toewijzing (301) with a start (305) and a stop (307) of care, and asks for a
change (317); without a toewijzing it asks for one (315). Each builder takes the facts the provider
chooses (dates, a reason, a volume) and copies the rest from the toewijzing the way the standard
expects: the client's Bsn, date of birth, gender and name (the short name a provider sends), the
ToewijzingNummer, the product and the toewijzing's start date. The message still goes through the
same checks as any received file (levels 1-3); nothing here decides whether it is right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from smi_core.istandaarden.client import (
    StartClient,
    StopClient,
    VerzoekOmToewijzingClient,
    VerzoekOmWijzigingClient,
)
from smi_core.istandaarden.codes import (
    REDEN_BEEINDIGING,
    Domain,
    Geslacht,
    MessageKind,
    RedenVerzoek,
    StatusAanlevering,
    TypeVerwijzer,
)
from smi_core.istandaarden.common import (
    Achternaam,
    BerichtIdentificatie,
    Geboortedatum,
    Omvang,
    Product,
    VerkorteNaam,
    Verwijzer,
    VolledigeNaam,
)
from smi_core.istandaarden.header import Header
from smi_core.istandaarden.messages import (
    StartZorgBericht,
    StopZorgBericht,
    ToewijzingBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from smi_core.istandaarden.products import (
    AangevraagdProduct,
    OngewijzigdProduct,
    StartProduct,
    StopProduct,
    TeWijzigenProduct,
    ToegewezenProduct,
    Verzoek,
)
from smi_core.istandaarden.retour import XSD_VERSIE


class NotAssigned(LookupError):
    """The toewijzing does not hold this ToewijzingNummer."""

    def __init__(self, number: int) -> None:
        super().__init__(f"the toewijzing holds no product with ToewijzingNummer {number}")
        self.number = number


def _header(kind: MessageKind, municipality: str, provider: str, identification: str, on: date) -> Header:
    return Header(
        afzender=provider,
        ontvanger=municipality,
        bericht_identificatie=BerichtIdentificatie(identificatie=identification, dagtekening=on),
        xsd_versie=XSD_VERSIE,
    )


def _answering(toewijzing: ToewijzingBericht, kind: MessageKind, identification: str, on: date) -> Header:
    """The header of a provider's message about a toewijzing: to the municipality that sent it."""
    return _header(kind, toewijzing.municipality, toewijzing.provider, identification, on)


def short_name(name: VolledigeNaam) -> VerkorteNaam:
    """The short name a provider sends, from the full name a 301 gives."""
    return VerkorteNaam(
        geslachtsnaam=name.geslachtsnaam, voornamen=name.voornamen, voorletters=name.voorletters
    )


def assigned(toewijzing: ToewijzingBericht, number: int) -> ToegewezenProduct:
    """The product of ``toewijzing`` with this ToewijzingNummer (``NotAssigned`` if none)."""
    for product in toewijzing.client.toegewezen_producten:
        if product.toewijzing_nummer == number:
            return product
    raise NotAssigned(number)


def start_message(
    toewijzing: ToewijzingBericht, number: int, begindatum: date, *, identification: str, on: date
) -> StartZorgBericht:
    """The 305 that starts the care of one assigned product on ``begindatum``."""
    product = assigned(toewijzing, number)
    return StartZorgBericht(
        domain=toewijzing.domain,
        header=_answering(toewijzing, MessageKind.START_ZORG, identification, on),
        client=StartClient(
            **_client_of(toewijzing),
            start_producten=(StartProduct(**_delivery(product, begindatum)),),
        ),
    )


def _client_of(toewijzing: ToewijzingBericht) -> dict[str, Any]:
    """The client as a provider's 305 or 307 names it: the 301's client, with the short name."""
    client = toewijzing.client
    return {
        "bsn": client.bsn,
        "geboortedatum": client.geboortedatum,
        "geslacht": client.geslacht,
        "naam": short_name(client.naam),
    }


def _delivery(product: ToegewezenProduct, begindatum: date) -> dict[str, Any]:
    return {
        "toewijzing_nummer": product.toewijzing_nummer,
        "product": product.product,
        "toewijzing_ingangsdatum": product.ingangsdatum,
        "begindatum": begindatum,
        "status_aanlevering": StatusAanlevering.EERSTE_AANLEVERING,
    }


def stop_message(
    toewijzing: ToewijzingBericht,
    number: int,
    begindatum: date,
    einddatum: date,
    reason: str,
    *,
    identification: str,
    on: date,
) -> StopZorgBericht:
    """The 307 that stops the care started on ``begindatum`` on ``einddatum``, for ``reason`` (a
    RedenBeeindiging code of the toewijzing's set)."""
    product = assigned(toewijzing, number)
    return StopZorgBericht(
        domain=toewijzing.domain,
        header=_answering(toewijzing, MessageKind.STOP_ZORG, identification, on),
        client=StopClient(
            **_client_of(toewijzing),
            stop_producten=(
                StopProduct(
                    **_delivery(product, begindatum),
                    reden_beeindiging=REDEN_BEEINDIGING[toewijzing.domain](reason),
                    einddatum=einddatum,
                ),
            ),
        ),
    )


def change_request(
    toewijzing: ToewijzingBericht,
    number: int,
    *,
    reference: str,
    reason: RedenVerzoek,
    from_date: date,
    omvang: Omvang | None,
    einddatum: date | None,
    unchanged: Iterable[int],
    identification: str,
    on: date,
) -> VerzoekOmWijzigingBericht:
    """The 317 that asks to change one assigned product from ``from_date`` (a new volume, a new
    end date, or both), listing the client's other current ToewijzingNummers as unchanged (TR349)."""
    assigned(toewijzing, number)
    return VerzoekOmWijzigingBericht(
        domain=toewijzing.domain,
        header=_answering(toewijzing, MessageKind.VERZOEK_OM_WIJZIGING, identification, on),
        client=VerzoekOmWijzigingClient(
            bsn=toewijzing.client.bsn,
            verzoek=Verzoek(
                referentie_aanbieder=reference,
                reden_verzoek=reason,
                ongewijzigde_producten=tuple(
                    OngewijzigdProduct(toewijzing_nummer=other) for other in sorted(set(unchanged) - {number})
                ),
                te_wijzigen_producten=(
                    TeWijzigenProduct(
                        toewijzing_nummer=number,
                        gewenste_ingangsdatum=from_date,
                        einddatum=einddatum,
                        omvang=omvang,
                    ),
                ),
            ),
        ),
    )


@dataclass(frozen=True)
class RequestedClient:
    """Who a 315 is for, as the provider knows the client (from the referral)."""

    bsn: str
    born: date
    gender: Geslacht
    surname: str
    initials: str | None = None


@dataclass(frozen=True)
class Referral:
    """Who referred the client (a 315 always names one, CD066-CD068)."""

    type: TypeVerwijzer
    code: str | None = None
    """The referrer's ZorgverlenerCode (AGB), for a care professional (types 02-05)."""
    name: str | None = None


def assignment_request(
    domain: Domain,
    *,
    municipality: str,
    provider: str,
    client: RequestedClient,
    product: Product,
    start: date,
    end: date | None,
    omvang: Omvang,
    referral: Referral,
    reference: str,
    identification: str,
    on: date,
) -> VerzoekOmToewijzingBericht:
    """The 315 that asks the municipality to assign ``product`` to the client from ``start``."""
    return VerzoekOmToewijzingBericht(
        domain=domain,
        header=_header(MessageKind.VERZOEK_OM_TOEWIJZING, municipality, provider, identification, on),
        client=VerzoekOmToewijzingClient(
            bsn=client.bsn,
            geboortedatum=Geboortedatum(datum=client.born),
            geslacht=client.gender,
            naam=VerkorteNaam(
                geslachtsnaam=Achternaam(achternaam=client.surname), voorletters=client.initials
            ),
            aangevraagde_producten=(
                AangevraagdProduct(
                    referentie_aanbieder=reference,
                    product=product,
                    toewijzing_ingangsdatum=start,
                    toewijzing_einddatum=end,
                    omvang=omvang,
                    verwijzer=Verwijzer(
                        type=referral.type, zorgverlener_code=referral.code, naam=referral.name
                    ),
                ),
            ),
        ),
    )


__all__ = [
    "NotAssigned",
    "Referral",
    "RequestedClient",
    "assigned",
    "assignment_request",
    "change_request",
    "short_name",
    "start_message",
    "stop_message",
]
