"""The client classes of the messages: the client of each message kind with its products, and the
contacts and related persons of a 301.

Each message kind has its own client: a 301 names the client fully (``VolledigeNaam``) with
contacts and relations, a 305/307/315 with a short name (``VerkorteNaam``), a 317 by Bsn only. The
319 has no client. ``gezagsdrager_bekend`` (whether the holder of parental authority is known) is
iJw only; the message checks that.

Personal data (Bsn, names, dates of birth, addresses, phone numbers, e-mail) is left out of the
models' ``repr``, so a log line or a test report does not show it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from smi_core.istandaarden.codes import (
    AdresSoort,
    Geslacht,
    JaNee,
    JuridischeStatus,
    SoortRelatie,
    WettelijkeVertegenwoordiging,
)
from smi_core.istandaarden.common import (
    Adres,
    Communicatie,
    Geboortedatum,
    OpenPeriode,
    Telefoonnummers,
    VerkorteNaam,
    VolledigeNaam,
)
from smi_core.istandaarden.products import (
    AangevraagdProduct,
    Berichtklasse,
    StartProduct,
    StopProduct,
    ToegewezenProduct,
    Verzoek,
)
from smi_core.istandaarden.scalars import (
    Bsn,
    Commentaar,
    Emailadres,
    Organisatienaam,
    Persoonsid,
    RelatieVolgorde,
)


class Contact(Berichtklasse):
    """An address, phone numbers or e-mail of the client or of a related person."""

    soort: AdresSoort
    adres: Adres | None = Field(default=None, repr=False)
    organisatie: Organisatienaam | None = None
    telefoon: Telefoonnummers | None = Field(default=None, repr=False)
    emailadres: Emailadres | None = Field(default=None, repr=False)
    periode: OpenPeriode | None = None


class Relatie(Berichtklasse):
    """A person related to the client (a parent, a guardian, a contact person)."""

    nummer: Persoonsid
    volgorde: RelatieVolgorde | None = None
    soort: SoortRelatie
    geboortedatum: Geboortedatum | None = Field(default=None, repr=False)
    geslacht: Geslacht | None = None
    naam: VolledigeNaam = Field(repr=False)
    contact: Contact


class ToewijzingClient(Berichtklasse):
    """The client of a 301 (toewijzing) and 302, with every toewijzing at this provider (OP087)."""

    bsn: Bsn = Field(repr=False)
    geboortedatum: Geboortedatum = Field(repr=False)
    geslacht: Geslacht
    naam: VolledigeNaam = Field(repr=False)
    communicatie: Communicatie | None = None
    juridische_status: JuridischeStatus | None = None
    wettelijke_vertegenwoordiging: WettelijkeVertegenwoordiging | None = None
    commentaar: Commentaar | None = None
    relaties: tuple[Relatie, ...] = ()
    contactgegevens: Annotated[tuple[Contact, ...], Field(min_length=1)]
    toegewezen_producten: Annotated[tuple[ToegewezenProduct, ...], Field(min_length=1)]


class StartClient(Berichtklasse):
    """The client of a 305 (start zorg) and 306."""

    bsn: Bsn = Field(repr=False)
    geboortedatum: Geboortedatum = Field(repr=False)
    geslacht: Geslacht
    naam: VerkorteNaam = Field(repr=False)
    start_producten: Annotated[tuple[StartProduct, ...], Field(min_length=1)]


class StopClient(Berichtklasse):
    """The client of a 307 (stop zorg) and 308."""

    bsn: Bsn = Field(repr=False)
    geboortedatum: Geboortedatum = Field(repr=False)
    geslacht: Geslacht
    naam: VerkorteNaam = Field(repr=False)
    stop_producten: Annotated[tuple[StopProduct, ...], Field(min_length=1)]


class VerzoekOmToewijzingClient(Berichtklasse):
    """The client of a 315 (verzoek om toewijzing) and 316."""

    bsn: Bsn = Field(repr=False)
    geboortedatum: Geboortedatum = Field(repr=False)
    geslacht: Geslacht
    naam: VerkorteNaam = Field(repr=False)
    gezagsdrager_bekend: JaNee | None = None
    commentaar: Commentaar | None = None
    aangevraagde_producten: Annotated[tuple[AangevraagdProduct, ...], Field(min_length=1)]


class VerzoekOmWijzigingClient(Berichtklasse):
    """The client of a 317 (verzoek om wijziging) and 318."""

    bsn: Bsn = Field(repr=False)
    verzoek: Verzoek


__all__ = [
    "Contact",
    "Relatie",
    "StartClient",
    "StopClient",
    "ToewijzingClient",
    "VerzoekOmToewijzingClient",
    "VerzoekOmWijzigingClient",
]
