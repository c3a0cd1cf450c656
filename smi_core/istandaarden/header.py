"""The header of a message and of a retour (IV028).

BerichtCode, BerichtVersie and BerichtSubversie are fixed per message kind and set (the schema pins
them), so they are not fields: the XML layer writes them from the kind and checks them on reading.
"""

from __future__ import annotations

from pydantic import Field

from smi_core.istandaarden.codes import RetourCode
from smi_core.istandaarden.common import BerichtIdentificatie, Node, XsdVersie
from smi_core.istandaarden.scalars import AgbCode, Datum, GemeenteCode, Identificatie, Versie


class Header(Node):
    """The header of a heen message: who sends it to whom, its identification and schema versions.

    Afzender and Ontvanger are a municipality's 4-digit CBS code and a provider's 8-digit AGB code,
    the way round the message kind says (checked by the message).
    """

    afzender: GemeenteCode | AgbCode
    ontvanger: GemeenteCode | AgbCode
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie


class RetourHeader(Header):
    """The header of a retour: the heen header (Afzender and Ontvanger not swapped) plus the retour's
    own identification, date and schema version, the version of the rules (XsltVersie, required when
    the rules rejected the message) and the RetourCodes of a header-level verdict."""

    identificatie_retour: Identificatie
    dagtekening_retour: Datum
    xslt_versie: Versie | None = None
    xsd_versie_retour: XsdVersie
    retour_codes: tuple[RetourCode, ...] = Field(default=())


__all__ = ["Header", "RetourHeader"]
