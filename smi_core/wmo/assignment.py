"""The toewijzing (301) of a granted Wmo provision (route T, step T5).

``toewijzing_of`` makes the 301 the back office sends to the chosen provider: the municipality's
CBS code as sender, the provider's AGB code as receiver, the client as the access worker
identified them (BSN, name, gender) with the date of birth of the melding, and one assigned
product: the catalogue product's category and code, its volume, unit and frequency, and its
period. ``MSG-301-AFTER-BESCHIKKING``: only for a beschikking that grants the provision (the case
checks that before anything is made). The message still goes through the levels 1-3 checks of
the message service before it is queued.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from smi_core.constants import N_
from smi_core.i18n import gettext
from smi_core.istandaarden.client import Contact, ToewijzingClient
from smi_core.istandaarden.codes import (
    AdresSoort,
    CategorieJw,
    CategorieWmo,
    Domain,
    NaamGebruik,
    RedenAfwijzingVerzoek,
    RedenWijziging,
    VerzoekAntwoord,
)
from smi_core.istandaarden.common import (
    Achternaam,
    BerichtIdentificatie,
    Geboortedatum,
    Omvang,
    Product,
    VolledigeNaam,
)
from smi_core.istandaarden.header import Header
from smi_core.istandaarden.messages import AntwoordBericht, ToewijzingBericht
from smi_core.istandaarden.products import Antwoord, ToegewezenProduct, Woonplaatsbeginsel
from smi_core.istandaarden.retour import XSD_VERSIE
from smi_core.wmo.casework import Assignment, ChangeRequest, ProvisionChoice, WmoClient
from smi_core.wmo.melding import WmoMelding


def client_name(client: WmoClient) -> VolledigeNaam:
    """The client's full name as a 301 gives it."""
    return VolledigeNaam(
        geslachtsnaam=Achternaam(achternaam=client.surname, voorvoegsel=client.prefix or None),
        voorletters=client.initials or None,
        naam_gebruik=NaamGebruik.EIGEN_NAAM,
    )


def _header(municipality_code: str, provider: str, identification: str, now: datetime) -> Header:
    return Header(
        afzender=municipality_code,
        ontvanger=provider,
        bericht_identificatie=BerichtIdentificatie(identificatie=identification, dagtekening=now.date()),
        xsd_versie=XSD_VERSIE,
    )


def product_of(domain: Domain, category: str, code: str | None) -> Product:
    """The product as a message of ``domain`` names it: the set's category and the code."""
    categorie = CategorieWmo(category) if domain is Domain.WMO else CategorieJw(category)
    return Product(categorie=categorie, code=code)


def _born(melding: WmoMelding | None, date_of_birth: date | None) -> date:
    """The client's date of birth: the melding's, or the one given for a case that came in without
    a melding (a provider's request, a certified institution's bepaling)."""
    if date_of_birth is not None:
        return date_of_birth
    if melding is None:
        raise ValueError("a 301 needs the client's date of birth")
    return melding.date_of_birth


def _message(
    municipality_code: str,
    provider: str,
    date_of_birth: date,
    client: WmoClient,
    products: tuple[ToegewezenProduct, ...],
    identification: str,
    now: datetime,
    domain: Domain = Domain.WMO,
) -> ToewijzingBericht:
    return ToewijzingBericht(
        domain=domain,
        header=_header(municipality_code, provider, identification, now),
        client=ToewijzingClient(
            bsn=client.bsn,
            geboortedatum=Geboortedatum(datum=date_of_birth),
            geslacht=client.gender,
            naam=client_name(client),
            contactgegevens=(Contact(soort=AdresSoort.BRP_ADRES),),
            toegewezen_producten=products,
        ),
    )


def _when(now: datetime) -> dict[str, object]:
    return {"toewijzingsdatum": now.date(), "toewijzingstijd": now.time().replace(microsecond=0, tzinfo=None)}


def toewijzing_of(
    *,
    municipality_code: str,
    melding: WmoMelding | None = None,
    client: WmoClient,
    provision: ProvisionChoice,
    number: int,
    identification: str,
    now: datetime,
    domain: Domain = Domain.WMO,
    referentie_aanbieder: str | None = None,
    date_of_birth: date | None = None,
    contact: str | None = None,
) -> ToewijzingBericht:
    """The 301 of ``domain`` that orders ``provision``'s provider to deliver it to ``client``, as
    ToewijzingNummer ``number``, dated ``now``. A 301 that honours a provider's request (315) carries
    its ``referentie_aanbieder`` (TR379); a case without a melding gives the ``date_of_birth``.
    ``contact`` (``contact_comment``) is the product's Commentaar: who the provider contacts at the
    municipality (T5, ``MSG-301-AFTER-BESCHIKKING``)."""
    product = ToegewezenProduct(
        toewijzing_nummer=number,
        referentie_aanbieder=referentie_aanbieder,
        commentaar=contact or None,
        product=product_of(domain, provision.category, provision.product_code),
        ingangsdatum=provision.start,
        einddatum=provision.end,
        omvang=Omvang(volume=provision.volume, eenheid=provision.unit, frequentie=provision.frequency),
        **_when(now),
    )
    born = _born(melding, date_of_birth)
    return _message(
        municipality_code, provision.provider_agb, born, client, (product,), identification, now, domain
    )


#: The 301's Commentaar naming the municipality's contact for the provider (in Dutch, the
#: standard's language).
CONTACT_COMMENT = N_("Contact at the municipality: %(name)s, %(team)s, %(contact)s")
CONTACT_COMMENT_TEAM = N_("Contact at the municipality: %(team)s, %(contact)s")


def contact_comment(name: str, team: str, contact_details: Sequence[str]) -> str:
    """Who the provider contacts about the toewijzing (T5: the consulent's contact details): the
    access worker by name when one carries the case, and the team's phone and e-mail address."""
    contact = ", ".join(contact_details) or "-"
    if name:
        return gettext("nl", CONTACT_COMMENT, name=name, team=team, contact=contact)
    return gettext("nl", CONTACT_COMMENT_TEAM, team=team, contact=contact)


def honoured_change(
    *,
    municipality_code: str,
    melding: WmoMelding | None = None,
    client: WmoClient,
    provision: ProvisionChoice,
    current: Assignment,
    request: ChangeRequest,
    new_number: int | None,
    identification: str,
    now: datetime,
    domain: Domain = Domain.WMO,
    date_of_birth: date | None = None,
) -> tuple[ToewijzingBericht, Assignment]:
    """The 301 that honours a change request exactly (OP348): a new volume ends the current
    toewijzing the day before the change and issues ``new_number`` from it (IV093); a new end date
    alone moves the current toewijzing's end. Every product carries the request's reference and
    the changed one RedenWijziging 12 (initiated by the provider). Returns the 301 and the
    toewijzing that runs from the change on."""
    volume = current.volume or provision.volume
    unit = current.unit or provision.unit
    frequency = current.frequency or provision.frequency
    end = current.end if current.volume is not None else provision.end
    catalogue_product = product_of(domain, provision.category, provision.product_code)
    common = {
        "product": catalogue_product,
        "referentie_aanbieder": request.referentie_aanbieder,
        **_when(now),
    }
    if request.volume is None or new_number is None:
        new_end = request.einddatum or end
        changed = ToegewezenProduct(
            toewijzing_nummer=current.toewijzing_nummer,
            ingangsdatum=current.start,
            einddatum=new_end,
            reden_wijziging=RedenWijziging.DOOR_AANBIEDER,
            omvang=Omvang(volume=volume, eenheid=unit, frequentie=frequency),
            **common,
        )
        after = current.model_copy(
            update={"volume": volume, "unit": unit, "frequency": frequency, "end": new_end}
        )
        products: tuple[ToegewezenProduct, ...] = (changed,)
    else:
        ended = ToegewezenProduct(
            toewijzing_nummer=current.toewijzing_nummer,
            ingangsdatum=current.start,
            einddatum=request.from_date - timedelta(days=1),
            reden_wijziging=RedenWijziging.DOOR_AANBIEDER,
            omvang=Omvang(volume=volume, eenheid=unit, frequentie=frequency),
            **common,
        )
        new_unit, new_frequency = request.unit or unit, request.frequency or frequency
        new_end = request.einddatum or end
        issued = ToegewezenProduct(
            toewijzing_nummer=new_number,
            ingangsdatum=request.from_date,
            einddatum=new_end,
            omvang=Omvang(volume=request.volume, eenheid=new_unit, frequentie=new_frequency),
            **common,
        )
        after = Assignment(
            toewijzing_nummer=new_number,
            message_id=0,
            identification=identification,
            provider_agb=current.provider_agb,
            start=request.from_date,
            volume=request.volume,
            unit=new_unit,
            frequency=new_frequency,
            end=new_end,
        )
        products = (ended, issued)
    born = _born(melding, date_of_birth)
    message = _message(
        municipality_code, current.provider_agb, born, client, products, identification, now, domain
    )
    return message, after


def answer_of(
    *,
    municipality_code: str,
    provider: str,
    referentie_aanbieder: str,
    identification: str,
    now: datetime,
    domain: Domain = Domain.WMO,
    reason: RedenAfwijzingVerzoek | None = None,
    responsible_municipality: str | None = None,
) -> AntwoordBericht:
    """The 319 that answers a provider's request (a 315 or 317) without a 301: refused with
    ``reason``, or *in onderzoek* without one; a woonplaatsbeginsel refusal (iJw) names the
    ``responsible_municipality`` (TR377, TR409)."""
    return AntwoordBericht(
        domain=domain,
        header=_header(municipality_code, provider, identification, now),
        antwoord=Antwoord(
            referentie_aanbieder=referentie_aanbieder,
            verzoek_antwoord=VerzoekAntwoord.IN_ONDERZOEK if reason is None else VerzoekAntwoord.AFGEWEZEN,
            reden_afwijzing_verzoek=reason,
            woonplaatsbeginsel=(
                None
                if responsible_municipality is None
                else Woonplaatsbeginsel(gemeente=responsible_municipality)
            ),
        ),
    )


__all__ = [
    "CONTACT_COMMENT",
    "answer_of",
    "client_name",
    "contact_comment",
    "honoured_change",
    "product_of",
    "toewijzing_of",
]
