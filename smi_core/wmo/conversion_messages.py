"""The 301s a conversion into one traject sends (``CONV-ONE``, ``CONV-STOP-OTHERS``).

A 301 holds all the client's toewijzingen at its provider that run on or after its date, plus the
ones it changes (OP087). So a conversion sends one 301 per provider it concerns, in this order:

- to the provider of the new ZIN indication: the new toewijzing with a new ToewijzingNummer (and,
  if that provider also held one of the dropped ones, that one ended);
- to every other provider with a dropped ZIN assignment: that assignment repeated with the same
  ToewijzingNummer, the new Einddatum and the reason of change (the provider answers with a 307).

The provider's other running toewijzingen are repeated unchanged, without a RedenWijziging
(IV099) and without a ReferentieAanbieder (no request is answered, TR379). A pgb indication is not
messaged: with a pgb outcome only the endings are sent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from smi_core.istandaarden.client import ToewijzingClient
from smi_core.istandaarden.codes import CategorieWmo, Domain
from smi_core.istandaarden.common import BerichtIdentificatie, Omvang, Product, XsdVersie
from smi_core.istandaarden.header import Header
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.products import ToegewezenProduct
from smi_core.wmo.conversion import Conversion, Ending, Form, NewIndication
from smi_core.wmo.indications import RunningAssignment

#: The volume of a traject: one, in the product's unit and frequency (``CONV-NO-VOLUME-DEBATE``:
#: the current volumes decide nothing).
TRAJECT_VOLUME = 1


def conversion_toewijzingen(
    conversion: Conversion,
    running: Sequence[RunningAssignment],
    client: ToewijzingClient,
    *,
    municipality: str,
    versions: XsdVersie,
    new_number: int | None,
    identification: Callable[[], str],
    now: datetime,
) -> list[ToewijzingBericht]:
    """The 301s of ``conversion``, in order. ``running`` are all the client's running toewijzingen
    (begeleiding or not), ``client`` the client block of their latest 301, ``new_number`` the new
    ToewijzingNummer (None for a pgb), ``identification`` gives each message its identification."""
    ending = {e.indication.toewijzing_nummer: e for e in conversion.endings if e.by_message}
    providers: list[str] = []
    if conversion.new.form is Form.ZIN:
        if new_number is None:
            raise ValueError("a ZIN indication needs a new ToewijzingNummer")
        providers.append(conversion.new.provider)
    for e in conversion.endings:
        if e.by_message and e.indication.provider not in providers:
            providers.append(e.indication.provider)
    messages = []
    for provider in providers:
        products = [
            _repeated(assignment.product, ending.get(assignment.product.toewijzing_nummer))
            for assignment in running
            if assignment.provider == provider
        ]
        if provider == conversion.new.provider and conversion.new.form is Form.ZIN:
            assert new_number is not None
            products.append(new_toewijzing(conversion.new, new_number, now))
        header = Header(
            afzender=municipality,
            ontvanger=provider,
            bericht_identificatie=BerichtIdentificatie(
                identificatie=identification(), dagtekening=now.date()
            ),
            xsd_versie=versions,
        )
        messages.append(
            ToewijzingBericht(
                domain=Domain.WMO,
                header=header,
                client=client.model_copy(update={"toegewezen_producten": tuple(products)}),
            )
        )
    return messages


def new_toewijzing(new: NewIndication, number: int, now: datetime) -> ToegewezenProduct:
    """The toewijzing of the new traject indication."""
    return ToegewezenProduct(
        toewijzing_nummer=number,
        product=Product(categorie=CategorieWmo(new.product.category), code=new.product.code),
        toewijzingsdatum=now.date(),
        toewijzingstijd=now.time().replace(microsecond=0, tzinfo=None),
        ingangsdatum=new.start,
        einddatum=new.end,
        omvang=Omvang(volume=TRAJECT_VOLUME, eenheid=new.product.unit, frequentie=new.product.frequency),
    )


def _repeated(product: ToegewezenProduct, ending: Ending | None) -> ToegewezenProduct:
    """A running toewijzing as the 301 repeats it: ended, or unchanged."""
    if ending is None:
        return product.model_copy(update={"reden_wijziging": None, "referentie_aanbieder": None})
    return product.model_copy(
        update={"einddatum": ending.last_day, "reden_wijziging": ending.reason, "referentie_aanbieder": None}
    )


__all__ = ["TRAJECT_VOLUME", "conversion_toewijzingen", "new_toewijzing"]
