"""The message classes (*berichtklassen*) about products: what a 301 assigns, what a 305/307 starts
and stops, what a 315/317 asks for, and the answer of a 319.

A *berichtklasse* is a unit the retour judges: in a retour every class carries its RetourCodes.
The heen message and its retour share these models; ``retour_codes`` is empty in a heen message
and filled in a retour. In the XML the RetourCodes element is always the last child of its class
(the XML layer writes it there; as a field it is inherited, so it comes first in the model).

Dutch terms: *toewijzing* (the municipality's order to deliver a product), *ToewijzingNummer* (its
number), *ReferentieAanbieder* (the provider's reference of a request), *beschikking* (the formal
decision), *verwijzer* (referrer), *woonplaatsbeginsel* (the rule that decides which municipality
pays for youth care).
"""

from __future__ import annotations

from pydantic import Field

from smi_core.istandaarden.codes import (
    JaNee,
    RedenAfwijzingVerzoek,
    RedenBeeindigingJw,
    RedenBeeindigingWmo,
    RedenVerzoek,
    RedenWijziging,
    RetourCode,
    StatusAanlevering,
    VerzoekAntwoord,
)
from smi_core.istandaarden.common import Node, Omvang, Product, Verwijzer
from smi_core.istandaarden.scalars import (
    Budget,
    Commentaar,
    Datum,
    GemeenteCode,
    Nummer,
    Referentie,
    Tijd,
)


class Berichtklasse(Node):
    """A message class: judged as a unit, and carrying RetourCodes in a retour."""

    retour_codes: tuple[RetourCode, ...] = Field(default=())


class ToegewezenProduct(Berichtklasse):
    """A toewijzing in a 301: the product, its period, and its volume or budget."""

    toewijzing_nummer: Nummer
    referentie_aanbieder: Referentie | None = None
    product: Product | None = None
    toewijzingsdatum: Datum
    toewijzingstijd: Tijd
    ingangsdatum: Datum
    einddatum: Datum | None = None
    reden_wijziging: RedenWijziging | None = None
    omvang: Omvang | None = None
    budget: Budget | None = None
    commentaar: Commentaar | None = None


class StartProduct(Berichtklasse):
    """A start of care in a 305."""

    toewijzing_nummer: Nummer | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: Datum | None = None
    begindatum: Datum
    status_aanlevering: StatusAanlevering


class StopProduct(Berichtklasse):
    """A stop of care in a 307; RedenBeeindiging comes from the set's own list."""

    toewijzing_nummer: Nummer | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: Datum | None = None
    begindatum: Datum
    reden_beeindiging: RedenBeeindigingWmo | RedenBeeindigingJw
    einddatum: Datum
    status_aanlevering: StatusAanlevering


class AangevraagdProduct(Berichtklasse):
    """A product a provider asks for in a 315 (verzoek om toewijzing)."""

    referentie_aanbieder: Referentie
    beschikking_nummer: Nummer | None = None
    product: Product | None = None
    beschikking_ingangsdatum: Datum | None = None
    toewijzing_ingangsdatum: Datum
    toewijzing_einddatum: Datum | None = None
    omvang: Omvang | None = None
    budget: Budget | None = None
    verwijzer: Verwijzer
    raamcontract: JaNee | None = None
    commentaar: Commentaar | None = None


class OngewijzigdProduct(Berichtklasse):
    """A current toewijzing a 317 keeps as it is."""

    toewijzing_nummer: Nummer


class TeWijzigenProduct(Berichtklasse):
    """A current toewijzing a 317 asks to change from GewensteIngangsdatum on."""

    toewijzing_nummer: Nummer
    gewenste_ingangsdatum: Datum
    einddatum: Datum | None = None
    omvang: Omvang | None = None
    budget: Budget | None = None


class NieuwProduct(Berichtklasse):
    """A new product a 317 asks for."""

    product: Product | None = None
    gewenste_ingangsdatum: Datum
    einddatum: Datum | None = None
    omvang: Omvang | None = None
    budget: Budget | None = None


class Verzoek(Berichtklasse):
    """The request of a 317 (verzoek om wijziging): the whole wished package of products."""

    referentie_aanbieder: Referentie
    reden_verzoek: RedenVerzoek
    ongewijzigde_producten: tuple[OngewijzigdProduct, ...] = ()
    te_wijzigen_producten: tuple[TeWijzigenProduct, ...] = ()
    nieuwe_producten: tuple[NieuwProduct, ...] = ()


class Woonplaatsbeginsel(Berichtklasse):
    """iJw only: the municipality that is responsible under the woonplaatsbeginsel (TR377, TR409)."""

    gemeente: GemeenteCode


class Antwoord(Berichtklasse):
    """The answer of a 319 to a 315 or 317: refused, or *in onderzoek* (being looked into)."""

    referentie_aanbieder: Referentie
    verzoek_antwoord: VerzoekAntwoord
    reden_afwijzing_verzoek: RedenAfwijzingVerzoek | None = None
    woonplaatsbeginsel: Woonplaatsbeginsel | None = None


__all__ = [
    "AangevraagdProduct",
    "Antwoord",
    "Berichtklasse",
    "NieuwProduct",
    "OngewijzigdProduct",
    "StartProduct",
    "StopProduct",
    "TeWijzigenProduct",
    "ToegewezenProduct",
    "Verzoek",
    "Woonplaatsbeginsel",
]
