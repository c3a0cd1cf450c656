"""Example iStandaarden messages: builders for documentation, tests, benchmarks and the demo.

Every builder makes a valid message of a fictional client that breaks no level-2 rule, between the
example parties (``MUNICIPALITY`` and ``PROVIDER``), and changes only what its caller names.
``between`` moves a message to other parties (the demo's municipality and provider).
"""

from __future__ import annotations

from datetime import date, time
from typing import Any, TypeVar

from smi_core.istandaarden.client import (
    Contact,
    StartClient,
    StopClient,
    ToewijzingClient,
    VerzoekOmToewijzingClient,
    VerzoekOmWijzigingClient,
)
from smi_core.istandaarden.codes import (
    AdresSoort,
    CategorieJw,
    CategorieWmo,
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    MessageKind,
    NaamGebruik,
    Partij,
    RedenBeeindigingJw,
    RedenBeeindigingWmo,
    RedenVerzoek,
    StatusAanlevering,
    TypeVerwijzer,
    VerzoekAntwoord,
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
    XsdVersie,
)
from smi_core.istandaarden.header import Header
from smi_core.istandaarden.messages import (
    AntwoordBericht,
    Message,
    StartZorgBericht,
    StopZorgBericht,
    ToewijzingBericht,
    VerzoekOmToewijzingBericht,
    VerzoekOmWijzigingBericht,
)
from smi_core.istandaarden.products import (
    AangevraagdProduct,
    Antwoord,
    NieuwProduct,
    OngewijzigdProduct,
    StartProduct,
    StopProduct,
    TeWijzigenProduct,
    ToegewezenProduct,
    Verzoek,
)

M = TypeVar("M", bound=Message)

MUNICIPALITY = "0384"
PROVIDER = "42420001"
#: A test Bsn that passes the elfproef (CS002).
BSN = "999900006"
OTHER_BSN = "999900018"
DAY = date(2026, 4, 1)
VERSIONS = XsdVersie(basisschema_xsd_versie="1.0.0", bericht_xsd_versie="1.0.0")


def header(kind: MessageKind, identificatie: str = "BER-0001", dagtekening: date = DAY) -> Header:
    """A heen header from the party that sends ``kind``."""
    gemeente_sends = kind.heen.sender is Partij.GEMEENTE
    return Header(
        afzender=MUNICIPALITY if gemeente_sends else PROVIDER,
        ontvanger=PROVIDER if gemeente_sends else MUNICIPALITY,
        bericht_identificatie=BerichtIdentificatie(identificatie=identificatie, dagtekening=dagtekening),
        xsd_versie=VERSIONS,
    )


def product(domain: Domain, code: str | None = None, category: str | None = None) -> Product:
    """A product of the set: begeleiding (iWmo 02) or jeugdhulp ambulant (iJw 45)."""
    if domain is Domain.WMO:
        return Product(categorie=CategorieWmo(category or "02"), code=code)
    return Product(categorie=CategorieJw(category or "45"), code=code)


def omvang(frequentie: Frequentie = Frequentie.PER_MAAND, volume: int = 4) -> Omvang:
    return Omvang(volume=volume, eenheid=Eenheid.UUR, frequentie=frequentie)


def full_name() -> VolledigeNaam:
    return VolledigeNaam(
        geslachtsnaam=Achternaam(achternaam="Wit", voorvoegsel="de"), naam_gebruik=NaamGebruik.EIGEN_NAAM
    )


def short_name() -> VerkorteNaam:
    return VerkorteNaam(geslachtsnaam=Achternaam(achternaam="Wit", voorvoegsel="de"), voorletters="T")


def born() -> Geboortedatum:
    return Geboortedatum(datum=date(2012, 5, 17))


def toegewezen(domain: Domain = Domain.JW, number: int = 1001, **changes: Any) -> ToegewezenProduct:
    """A toewijzing of 4 hours a month from 1 April 2026, open-ended."""
    data: dict[str, Any] = {
        "toewijzing_nummer": number,
        "product": product(domain),
        "toewijzingsdatum": DAY,
        "toewijzingstijd": time(12, 0),
        "ingangsdatum": DAY,
        "omvang": omvang(),
    }
    data.update(changes)
    return ToegewezenProduct(**data)


def toewijzing(
    domain: Domain = Domain.JW, *products: ToegewezenProduct, bsn: str = BSN, identificatie: str = "BER-0001"
) -> ToewijzingBericht:
    return ToewijzingBericht(
        domain=domain,
        header=header(MessageKind.TOEWIJZING, identificatie),
        client=ToewijzingClient(
            bsn=bsn,
            geboortedatum=born(),
            geslacht=Geslacht.VROUWELIJK,
            naam=full_name(),
            contactgegevens=(Contact(soort=AdresSoort.BRP_ADRES),),
            toegewezen_producten=products or (toegewezen(domain),),
        ),
    )


def start(number: int | None = 1001, **changes: Any) -> StartProduct:
    data: dict[str, Any] = {
        "toewijzing_nummer": number,
        "toewijzing_ingangsdatum": DAY,
        "begindatum": date(2026, 4, 3),
        "status_aanlevering": StatusAanlevering.EERSTE_AANLEVERING,
    }
    data.update(changes)
    return StartProduct(**data)


def start_zorg(
    domain: Domain = Domain.JW, *products: StartProduct, bsn: str = BSN, identificatie: str = "BER-0002"
) -> StartZorgBericht:
    return StartZorgBericht(
        domain=domain,
        header=header(MessageKind.START_ZORG, identificatie),
        client=StartClient(
            bsn=bsn,
            geboortedatum=born(),
            geslacht=Geslacht.VROUWELIJK,
            naam=short_name(),
            start_producten=products or (start(),),
        ),
    )


def stop(
    domain: Domain = Domain.JW, number: int | None = 1001, reason: str = "20", **changes: Any
) -> StopProduct:
    """A stop of the start of ``start()``; reason 20 is the temporary stop in both sets."""
    reasons = RedenBeeindigingWmo if domain is Domain.WMO else RedenBeeindigingJw
    data: dict[str, Any] = {
        "toewijzing_nummer": number,
        "toewijzing_ingangsdatum": DAY,
        "begindatum": date(2026, 4, 3),
        "reden_beeindiging": reasons(reason),
        "einddatum": date(2026, 6, 30),
        "status_aanlevering": StatusAanlevering.EERSTE_AANLEVERING,
    }
    data.update(changes)
    return StopProduct(**data)


def stop_zorg(
    domain: Domain = Domain.JW, *products: StopProduct, bsn: str = BSN, identificatie: str = "BER-0003"
) -> StopZorgBericht:
    return StopZorgBericht(
        domain=domain,
        header=header(MessageKind.STOP_ZORG, identificatie),
        client=StopClient(
            bsn=bsn,
            geboortedatum=born(),
            geslacht=Geslacht.VROUWELIJK,
            naam=short_name(),
            stop_producten=products or (stop(domain),),
        ),
    )


def aangevraagd(domain: Domain = Domain.JW, reference: str = "REF-1", **changes: Any) -> AangevraagdProduct:
    data: dict[str, Any] = {
        "referentie_aanbieder": reference,
        "product": product(domain),
        "toewijzing_ingangsdatum": date(2026, 5, 1),
        "toewijzing_einddatum": date(2026, 12, 31),
        "omvang": omvang(),
        "verwijzer": Verwijzer(type=TypeVerwijzer.HUISARTS, zorgverlener_code="01234567"),
    }
    data.update(changes)
    return AangevraagdProduct(**data)


def verzoek_om_toewijzing(
    domain: Domain = Domain.JW, *products: AangevraagdProduct, bsn: str = BSN, identificatie: str = "BER-0004"
) -> VerzoekOmToewijzingBericht:
    return VerzoekOmToewijzingBericht(
        domain=domain,
        header=header(MessageKind.VERZOEK_OM_TOEWIJZING, identificatie),
        client=VerzoekOmToewijzingClient(
            bsn=bsn,
            geboortedatum=born(),
            geslacht=Geslacht.VROUWELIJK,
            naam=short_name(),
            aangevraagde_producten=products or (aangevraagd(domain),),
        ),
    )


def verzoek_om_wijziging(
    domain: Domain = Domain.JW,
    *,
    reference: str = "VOW-1",
    unchanged: tuple[int, ...] = (1001,),
    changed: tuple[TeWijzigenProduct, ...] = (),
    new: tuple[NieuwProduct, ...] = (),
    bsn: str = BSN,
    identificatie: str = "BER-0005",
    dagtekening: date = date(2026, 6, 1),
) -> VerzoekOmWijzigingBericht:
    return VerzoekOmWijzigingBericht(
        domain=domain,
        header=header(MessageKind.VERZOEK_OM_WIJZIGING, identificatie, dagtekening),
        client=VerzoekOmWijzigingClient(
            bsn=bsn,
            verzoek=Verzoek(
                referentie_aanbieder=reference,
                reden_verzoek=RedenVerzoek.ZORGPLAN,
                ongewijzigde_producten=tuple(OngewijzigdProduct(toewijzing_nummer=n) for n in unchanged),
                te_wijzigen_producten=changed,
                nieuwe_producten=new,
            ),
        ),
    )


def te_wijzigen(number: int = 1001, **changes: Any) -> TeWijzigenProduct:
    data: dict[str, Any] = {
        "toewijzing_nummer": number,
        "gewenste_ingangsdatum": date(2026, 7, 1),
        "omvang": omvang(),
    }
    data.update(changes)
    return TeWijzigenProduct(**data)


def nieuw(domain: Domain = Domain.JW, **changes: Any) -> NieuwProduct:
    data: dict[str, Any] = {
        "product": product(domain, category="41" if domain is Domain.JW else "07"),
        "gewenste_ingangsdatum": date(2026, 7, 1),
        "omvang": omvang(),
    }
    data.update(changes)
    return NieuwProduct(**data)


def antwoord(
    domain: Domain = Domain.JW,
    reference: str = "REF-1",
    answer: VerzoekAntwoord = VerzoekAntwoord.IN_ONDERZOEK,
    identificatie: str = "BER-0006",
    **changes: Any,
) -> AntwoordBericht:
    data: dict[str, Any] = {"referentie_aanbieder": reference, "verzoek_antwoord": answer}
    data.update(changes)
    return AntwoordBericht(
        domain=domain, header=header(MessageKind.ANTWOORD, identificatie), antwoord=Antwoord(**data)
    )


def between(message: M, municipality: str, provider: str) -> M:
    """``message`` between other parties: the municipality's CBS code and the provider's AGB code."""
    gemeente_sends = message.kind.heen.sender is Partij.GEMEENTE
    sender, receiver = (municipality, provider) if gemeente_sends else (provider, municipality)
    header = message.header.model_copy(update={"afzender": sender, "ontvanger": receiver})
    return message.model_copy(update={"header": header})


__all__ = [
    "BSN",
    "DAY",
    "MUNICIPALITY",
    "OTHER_BSN",
    "PROVIDER",
    "VERSIONS",
    "aangevraagd",
    "antwoord",
    "between",
    "born",
    "full_name",
    "header",
    "nieuw",
    "omvang",
    "product",
    "short_name",
    "start",
    "start_zorg",
    "stop",
    "stop_zorg",
    "te_wijzigen",
    "toegewezen",
    "toewijzing",
    "verzoek_om_toewijzing",
    "verzoek_om_wijziging",
]
