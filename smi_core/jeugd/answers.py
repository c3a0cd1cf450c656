"""What a youth-care case records of a provider's request for an assignment (315) and of the back
office's answer: the request as it came in (sealed with its event: it names the child), the 319
that sets it *in onderzoek*, the 301 with its beschikking, the 319 that refuses it, and the access
worker who becomes involved.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from smi_core.istandaarden.codes import CategorieJw, Eenheid, Frequentie, RedenAfwijzingVerzoek, TypeVerwijzer
from smi_core.istandaarden.common import Omvang, Product, Verwijzer
from smi_core.istandaarden.messages import VerzoekOmToewijzingBericht
from smi_core.istandaarden.products import AangevraagdProduct
from smi_core.istandaarden.scalars import AgbCode
from smi_core.jeugd.bepaling import Child
from smi_core.wmo.casework import Assignment, Beschikking, ProvisionChoice

WorkerText = Annotated[str, Field(max_length=5000)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class JeugdRequest(_Record):
    """One requested product of a provider's 315, with the child it is for."""

    message_id: int
    identification: str
    provider_agb: AgbCode
    received_on: date
    referentie_aanbieder: str
    child: Child
    category: Annotated[str, Field(pattern=r"^\d{2}$")] | None = None
    product_code: str | None = None
    start: date
    end: date | None = None
    volume: int | None = None
    unit: Eenheid | None = None
    frequency: Frequentie | None = None
    beschikking_nummer: int | None = None
    referrer_type: TypeVerwijzer
    referrer_code: str | None = None
    referrer_name: str | None = None

    @classmethod
    def of(
        cls, message: VerzoekOmToewijzingBericht, product: AangevraagdProduct, message_id: int
    ) -> JeugdRequest:
        client = message.client
        naam = client.naam
        omvang = product.omvang
        return cls(
            message_id=message_id,
            identification=message.identification,
            provider_agb=message.sender,
            received_on=message.header.bericht_identificatie.dagtekening,
            referentie_aanbieder=product.referentie_aanbieder,
            child=Child(
                bsn=client.bsn,
                surname=naam.geslachtsnaam.achternaam,
                prefix=naam.geslachtsnaam.voorvoegsel or "",
                initials=naam.voorletters or "",
                given_name=naam.voornamen or "",
                gender=client.geslacht,
                date_of_birth=client.geboortedatum.datum,
            ),
            category=product.product.categorie.value if product.product else None,
            product_code=product.product.code if product.product else None,
            start=product.toewijzing_ingangsdatum,
            end=product.toewijzing_einddatum,
            volume=omvang.volume if omvang else None,
            unit=omvang.eenheid if omvang else None,
            frequency=omvang.frequentie if omvang else None,
            beschikking_nummer=product.beschikking_nummer,
            referrer_type=product.verwijzer.type,
            referrer_code=product.verwijzer.zorgverlener_code,
            referrer_name=product.verwijzer.naam,
        )

    def requested_product(self) -> AangevraagdProduct:
        """The requested product as the 315 gave it (for the back office's check)."""
        omvang = None
        if self.volume is not None and self.unit is not None and self.frequency is not None:
            omvang = Omvang(volume=self.volume, eenheid=self.unit, frequentie=self.frequency)
        return AangevraagdProduct(
            referentie_aanbieder=self.referentie_aanbieder,
            beschikking_nummer=self.beschikking_nummer,
            product=Product(categorie=CategorieJw(self.category), code=self.product_code)
            if self.category is not None
            else None,
            toewijzing_ingangsdatum=self.start,
            toewijzing_einddatum=self.end,
            omvang=omvang,
            verwijzer=Verwijzer(
                type=self.referrer_type, naam=self.referrer_name, zorgverlener_code=self.referrer_code
            ),
        )


class RequestInOnderzoek(_Record):
    """The 319 (VerzoekAntwoord 2) that sets the request *in onderzoek*: at most once, then the
    final answer within 8 weeks of the request (TR360, TR365)."""

    referentie_aanbieder: str
    message_id: int
    on: date


class RequestRefused(_Record):
    """The 319 (VerzoekAntwoord 1) that refuses the request, with its reason; a woonplaatsbeginsel
    refusal (8) names the responsible municipality's CBS code (TR377, TR409)."""

    referentie_aanbieder: str
    message_id: int
    reason: RedenAfwijzingVerzoek
    responsible_municipality: Annotated[str, Field(pattern=r"^\d{4}$")] | None = None
    motivation: WorkerText

    @model_validator(mode="after")
    def _woonplaats(self) -> RequestRefused:
        if (self.reason is RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL) != (
            self.responsible_municipality is not None
        ):
            raise ValueError(
                "a woonplaatsbeginsel refusal, and only that, names the responsible municipality"
            )
        return self


class RequestAnswered(_Record):
    """The 301 that honours the request (its ReferentieAanbieder, TR379) with the provision it
    assigns and the beschikking to the family (without objection clause on route G)."""

    referentie_aanbieder: str
    provision: ProvisionChoice
    beschikking: Beschikking
    assignment: Assignment
    results: tuple[WorkerText, ...] = ()
    """The results to reach, as the provider set them with the family (for the beschikking)."""


class Involvement(_Record):
    """An access worker involved in a case that came in without one."""

    reason: WorkerText = ""


__all__ = ["Involvement", "JeugdRequest", "RequestAnswered", "RequestInOnderzoek", "RequestRefused"]
