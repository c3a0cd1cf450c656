"""Hypothesis strategies for every message kind of both sets: any content the models (and so the
schemas) allow, including texts with characters XML must escape."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from smi_core.istandaarden.client import (
    Contact,
    Relatie,
    StartClient,
    StopClient,
    ToewijzingClient,
    VerzoekOmToewijzingClient,
    VerzoekOmWijzigingClient,
)
from smi_core.istandaarden.codes import (
    CATEGORIE,
    REDEN_BEEINDIGING,
    AanduidingWoonadres,
    AdresSoort,
    Communicatievorm,
    DatumGebruik,
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    JaNee,
    JuridischeStatus,
    LandCode,
    MessageKind,
    NaamGebruik,
    Partij,
    RedenAfwijzingVerzoek,
    RedenVerzoek,
    RedenWijziging,
    RetourCode,
    SoortRelatie,
    StatusAanlevering,
    TypeVerwijzer,
    VerzoekAntwoord,
    WettelijkeVertegenwoordiging,
)
from smi_core.istandaarden.common import (
    Achternaam,
    Adres,
    BerichtIdentificatie,
    Communicatie,
    Geboortedatum,
    Huis,
    Omvang,
    OpenPeriode,
    Product,
    Telefoon,
    Telefoonnummers,
    VerkorteNaam,
    Verwijzer,
    VolledigeNaam,
    XsdVersie,
)
from smi_core.istandaarden.header import Header, RetourHeader
from smi_core.istandaarden.messages import MESSAGE_TYPES, Message
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
    Woonplaatsbeginsel,
)

#: Letters, digits, spaces and the characters XML escapes.
CHARACTERS = "abcXYZ019 -'.,&<>\"éÀß"
COMMENT_CHARACTERS = CHARACTERS + "\n\t"


def text(max_size: int, characters: str = CHARACTERS) -> st.SearchStrategy[str]:
    """A text of at most ``max_size`` characters holding at least one that is not a space."""
    return st.text(characters, min_size=1, max_size=max_size).filter(
        lambda value: value.strip(" \t\n\r") != ""
    )


def digits(count: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=count, max_size=count)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31))
NUMBERS = st.integers(0, 999_999_999)
AMOUNTS = st.integers(0, 99_999_999)
VERSIONS = st.builds(
    XsdVersie,
    basisschema_xsd_versie=st.from_regex(r"\A(0|[1-9][0-9]?)\.(0|[1-9])\.(0|[1-9])\Z"),
    bericht_xsd_versie=st.just("1.0.0"),
)
NAME = st.builds(Achternaam, achternaam=text(200), voorvoegsel=optional(text(10)))
INITIALS = st.text("ABCxyzÀé", min_size=1, max_size=6)
FULL_NAME = st.builds(
    VolledigeNaam,
    geslachtsnaam=NAME,
    partnernaam=optional(NAME),
    voornamen=optional(text(200)),
    voorletters=optional(INITIALS),
    naam_gebruik=st.sampled_from(NaamGebruik),
)
SHORT_NAME = st.builds(
    VerkorteNaam, geslachtsnaam=NAME, voornamen=optional(text(200)), voorletters=optional(INITIALS)
)
BORN = st.builds(Geboortedatum, datum=DATES, datum_gebruik=optional(st.sampled_from(DatumGebruik)))
OMVANG = st.builds(
    Omvang, volume=AMOUNTS, eenheid=st.sampled_from(Eenheid), frequentie=st.sampled_from(Frequentie)
)
PHONE = st.builds(Telefoon, telefoonnummer=st.text("0123456789", min_size=1, max_size=15), landnummer=text(4))
ADDRESS = st.builds(
    Adres,
    huis=optional(
        st.builds(
            Huis,
            huisnummer=st.integers(0, 99_999),
            huisletter=optional(st.sampled_from("ABz")),
            huisnummer_toevoeging=optional(text(4)),
            aanduiding_woonadres=optional(st.sampled_from(AanduidingWoonadres)),
        )
    ),
    postcode=optional(text(8)),
    straatnaam=optional(text(24)),
    plaatsnaam=optional(text(80)),
    land_code=optional(st.sampled_from(LandCode)),
)


def codes(retour: bool) -> st.SearchStrategy[tuple[RetourCode, ...]]:
    """The RetourCodes of a class: none in a heen message, one or more in a retour."""
    if not retour:
        return st.just(())
    return st.lists(st.sampled_from(RetourCode), min_size=1, max_size=3).map(tuple)


def products(domain: Domain) -> st.SearchStrategy[Product]:
    return st.builds(Product, categorie=st.sampled_from(CATEGORIE[domain]), code=optional(text(5)))


def contact(retour: bool) -> st.SearchStrategy[Contact]:
    return st.builds(
        Contact,
        soort=st.sampled_from(AdresSoort),
        adres=optional(ADDRESS),
        organisatie=optional(text(35)),
        telefoon=optional(st.builds(Telefoonnummers, telefoon01=PHONE, telefoon02=optional(PHONE))),
        emailadres=optional(text(80)),
        periode=optional(st.builds(OpenPeriode, begindatum=optional(DATES), einddatum=optional(DATES))),
        retour_codes=codes(retour),
    )


def _toewijzing_client(domain: Domain, retour: bool) -> st.SearchStrategy[ToewijzingClient]:
    relatie = st.builds(
        Relatie,
        nummer=text(20),
        volgorde=optional(st.integers(0, 99)),
        soort=st.sampled_from(SoortRelatie),
        geboortedatum=optional(BORN),
        geslacht=optional(st.sampled_from(Geslacht)),
        naam=FULL_NAME,
        contact=contact(retour),
        retour_codes=codes(retour),
    )
    product = st.builds(
        ToegewezenProduct,
        toewijzing_nummer=NUMBERS,
        referentie_aanbieder=optional(text(36)),
        product=optional(products(domain)),
        toewijzingsdatum=DATES,
        toewijzingstijd=st.times(),
        ingangsdatum=DATES,
        einddatum=optional(DATES),
        reden_wijziging=optional(st.sampled_from(RedenWijziging)),
        omvang=optional(OMVANG),
        budget=optional(AMOUNTS),
        commentaar=optional(text(300, COMMENT_CHARACTERS)),
        retour_codes=codes(retour),
    )
    return st.builds(
        ToewijzingClient,
        bsn=digits(9),
        geboortedatum=BORN,
        geslacht=st.sampled_from(Geslacht),
        naam=FULL_NAME,
        communicatie=optional(
            st.builds(Communicatie, vorm=st.sampled_from(Communicatievorm), taal=optional(text(25)))
        ),
        juridische_status=optional(st.sampled_from(JuridischeStatus)),
        wettelijke_vertegenwoordiging=optional(st.sampled_from(WettelijkeVertegenwoordiging)),
        commentaar=optional(text(300, COMMENT_CHARACTERS)),
        relaties=st.lists(relatie, max_size=2).map(tuple),
        contactgegevens=st.lists(contact(retour), min_size=1, max_size=2).map(tuple),
        toegewezen_producten=st.lists(product, min_size=1, max_size=3).map(tuple),
        retour_codes=codes(retour),
    )


def _delivery(domain: Domain, retour: bool, stop: bool) -> st.SearchStrategy[Any]:
    fields: dict[str, Any] = {
        "toewijzing_nummer": optional(NUMBERS),
        "product": optional(products(domain)),
        "toewijzing_ingangsdatum": optional(DATES),
        "begindatum": DATES,
        "status_aanlevering": st.sampled_from(StatusAanlevering),
        "retour_codes": codes(retour),
    }
    if not stop:
        return st.builds(StartProduct, **fields)
    return st.builds(
        StopProduct, **fields, reden_beeindiging=st.sampled_from(REDEN_BEEINDIGING[domain]), einddatum=DATES
    )


def _client(kind: MessageKind, domain: Domain, retour: bool) -> st.SearchStrategy[Any]:
    short: dict[str, Any] = {
        "bsn": digits(9),
        "geboortedatum": BORN,
        "geslacht": st.sampled_from(Geslacht),
        "naam": SHORT_NAME,
        "retour_codes": codes(retour),
    }
    heen = kind.heen
    if heen is MessageKind.TOEWIJZING:
        return _toewijzing_client(domain, retour)
    if heen in (MessageKind.START_ZORG, MessageKind.STOP_ZORG):
        stop = heen is MessageKind.STOP_ZORG
        items = st.lists(_delivery(domain, retour, stop), min_size=1, max_size=3).map(tuple)
        if stop:
            return st.builds(StopClient, **short, stop_producten=items)
        return st.builds(StartClient, **short, start_producten=items)
    if heen is MessageKind.VERZOEK_OM_TOEWIJZING:
        asked = st.builds(
            AangevraagdProduct,
            referentie_aanbieder=text(36),
            beschikking_nummer=optional(NUMBERS),
            product=optional(products(domain)),
            beschikking_ingangsdatum=optional(DATES),
            toewijzing_ingangsdatum=DATES,
            toewijzing_einddatum=optional(DATES),
            omvang=optional(OMVANG),
            budget=optional(AMOUNTS),
            verwijzer=st.builds(
                Verwijzer,
                type=st.sampled_from(TypeVerwijzer),
                naam=optional(text(64)),
                zorgverlener_code=optional(digits(8)),
            ),
            raamcontract=optional(st.sampled_from(JaNee)),
            commentaar=optional(text(300, COMMENT_CHARACTERS)),
            retour_codes=codes(retour),
        )
        return st.builds(
            VerzoekOmToewijzingClient,
            **short,
            gezagsdrager_bekend=optional(st.sampled_from(JaNee)) if domain is Domain.JW else st.none(),
            commentaar=optional(text(300, COMMENT_CHARACTERS)),
            aangevraagde_producten=st.lists(asked, min_size=1, max_size=3).map(tuple),
        )
    amounts: dict[str, Any] = {
        "einddatum": optional(DATES),
        "omvang": optional(OMVANG),
        "budget": optional(AMOUNTS),
    }
    verzoek = st.builds(
        Verzoek,
        referentie_aanbieder=text(36),
        reden_verzoek=st.sampled_from(RedenVerzoek),
        ongewijzigde_producten=st.lists(
            st.builds(OngewijzigdProduct, toewijzing_nummer=NUMBERS, retour_codes=codes(retour)), max_size=2
        ).map(tuple),
        te_wijzigen_producten=st.lists(
            st.builds(
                TeWijzigenProduct,
                toewijzing_nummer=NUMBERS,
                gewenste_ingangsdatum=DATES,
                retour_codes=codes(retour),
                **amounts,
            ),
            max_size=2,
        ).map(tuple),
        nieuwe_producten=st.lists(
            st.builds(
                NieuwProduct,
                product=optional(products(domain)),
                gewenste_ingangsdatum=DATES,
                retour_codes=codes(retour),
                **amounts,
            ),
            max_size=2,
        ).map(tuple),
        retour_codes=codes(retour),
    )
    return st.builds(VerzoekOmWijzigingClient, bsn=digits(9), verzoek=verzoek, retour_codes=codes(retour))


def _antwoord(domain: Domain, retour: bool) -> st.SearchStrategy[Antwoord]:
    woonplaats = st.builds(Woonplaatsbeginsel, gemeente=digits(4), retour_codes=codes(retour))
    return st.builds(
        Antwoord,
        referentie_aanbieder=text(36),
        verzoek_antwoord=st.sampled_from(VerzoekAntwoord),
        reden_afwijzing_verzoek=optional(st.sampled_from(RedenAfwijzingVerzoek)),
        woonplaatsbeginsel=optional(woonplaats) if domain is Domain.JW else st.none(),
        retour_codes=codes(retour),
    )


def headers(kind: MessageKind) -> st.SearchStrategy[Header]:
    gemeente_sends = kind.heen.sender is Partij.GEMEENTE
    municipality, provider = digits(4), digits(8)
    heen: dict[str, Any] = {
        "afzender": municipality if gemeente_sends else provider,
        "ontvanger": provider if gemeente_sends else municipality,
        "bericht_identificatie": st.builds(BerichtIdentificatie, identificatie=text(12), dagtekening=DATES),
        "xsd_versie": VERSIONS,
    }
    if not kind.is_retour:
        return st.builds(Header, **heen)
    return st.builds(
        RetourHeader,
        **heen,
        identificatie_retour=text(12),
        dagtekening_retour=DATES,
        xslt_versie=optional(st.just("1.0.0")),
        xsd_versie_retour=VERSIONS,
        retour_codes=st.lists(st.sampled_from(RetourCode), max_size=2).map(tuple),
    )


def messages(kind: MessageKind, domain: Domain) -> st.SearchStrategy[Message]:
    """Any valid message of ``kind`` in ``domain`` (a retour's body may be absent)."""
    model = MESSAGE_TYPES[kind]
    body = (
        _antwoord(domain, kind.is_retour)
        if model.body_field == "antwoord"
        else _client(kind, domain, kind.is_retour)
    )
    if kind.is_retour:
        body = optional(body)
    return st.builds(model, domain=st.just(domain), header=headers(kind), **{model.body_field: body})
