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

from datetime import datetime

from smi_core.istandaarden.client import Contact, ToewijzingClient
from smi_core.istandaarden.codes import AdresSoort, CategorieWmo, Domain, NaamGebruik
from smi_core.istandaarden.common import (
    Achternaam,
    BerichtIdentificatie,
    Geboortedatum,
    Omvang,
    Product,
    VolledigeNaam,
)
from smi_core.istandaarden.header import Header
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.products import ToegewezenProduct
from smi_core.istandaarden.retour import XSD_VERSIE
from smi_core.wmo.casework import ProvisionChoice, WmoClient
from smi_core.wmo.melding import WmoMelding


def client_name(client: WmoClient) -> VolledigeNaam:
    """The client's full name as a 301 gives it."""
    return VolledigeNaam(
        geslachtsnaam=Achternaam(achternaam=client.surname, voorvoegsel=client.prefix or None),
        voorletters=client.initials or None,
        naam_gebruik=NaamGebruik.EIGEN_NAAM,
    )


def toewijzing_of(
    *,
    municipality_code: str,
    melding: WmoMelding,
    client: WmoClient,
    provision: ProvisionChoice,
    number: int,
    identification: str,
    now: datetime,
) -> ToewijzingBericht:
    """The 301 that orders ``provision``'s provider to deliver it to ``client``, as ToewijzingNummer
    ``number``, dated ``now``."""
    return ToewijzingBericht(
        domain=Domain.WMO,
        header=Header(
            afzender=municipality_code,
            ontvanger=provision.provider_agb,
            bericht_identificatie=BerichtIdentificatie(identificatie=identification, dagtekening=now.date()),
            xsd_versie=XSD_VERSIE,
        ),
        client=ToewijzingClient(
            bsn=client.bsn,
            geboortedatum=Geboortedatum(datum=melding.date_of_birth),
            geslacht=client.gender,
            naam=client_name(client),
            contactgegevens=(Contact(soort=AdresSoort.BRP_ADRES),),
            toegewezen_producten=(
                ToegewezenProduct(
                    toewijzing_nummer=number,
                    product=Product(categorie=CategorieWmo(provision.category), code=provision.product_code),
                    toewijzingsdatum=now.date(),
                    toewijzingstijd=now.time().replace(microsecond=0, tzinfo=None),
                    ingangsdatum=provision.start,
                    einddatum=provision.end,
                    omvang=Omvang(
                        volume=provision.volume, eenheid=provision.unit, frequentie=provision.frequency
                    ),
                ),
            ),
        ),
    )


__all__ = ["client_name", "toewijzing_of"]
