"""Screen labels of the iStandaarden codes a provider chooses or reads (the code lists carry the
standard's own Dutch names, which are reference data, not screen texts)."""

from __future__ import annotations

from smi_core.constants import N_
from smi_core.istandaarden.codes import (
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    RedenVerzoek,
    TypeVerwijzer,
)
from smi_core.istandaarden.common import Omvang, Product
from smi_web.ui import _

#: The legal domain of a message (the set it belongs to); names of laws, not translated.
DOMAIN_LABELS = {Domain.WMO: "Wmo", Domain.JW: "Jeugd"}

EENHEID_LABELS = {
    Eenheid.MINUUT: N_("minutes"),
    Eenheid.UUR: N_("hours"),
    Eenheid.ETMAAL: N_("days and nights (etmaal)"),
    Eenheid.DAGDEEL: N_("day parts of 4 hours"),
    Eenheid.STUKS_OUTPUT: N_("pieces (output)"),
    Eenheid.EUROS: N_("euros"),
    Eenheid.STUKS_INSPANNING: N_("pieces (effort)"),
}

FREQUENTIE_LABELS = {
    Frequentie.PER_DAG: N_("per day"),
    Frequentie.PER_WEEK: N_("per week"),
    Frequentie.PER_MAAND: N_("per month"),
    Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR: N_("in total over the assignment"),
}

GESLACHT_LABELS = {
    Geslacht.ONBEKEND: N_("unknown"),
    Geslacht.MANNELIJK: N_("male"),
    Geslacht.VROUWELIJK: N_("female"),
}

REDEN_VERZOEK_LABELS = {
    RedenVerzoek.CLIENTSITUATIE: N_("the client's situation changed"),
    RedenVerzoek.ZORGPLAN: N_("the care plan changed"),
}

VERWIJZER_LABELS = {
    TypeVerwijzer.GEMEENTE: N_("the municipality"),
    TypeVerwijzer.HUISARTS: N_("a general practitioner"),
    TypeVerwijzer.JEUGDARTS: N_("a youth doctor"),
    TypeVerwijzer.GECERTIFICEERDE_INSTELLING: N_("a certified institution"),
    TypeVerwijzer.MEDISCH_SPECIALIST: N_("a medical specialist"),
    TypeVerwijzer.GEEN_VERWIJZER: N_("no referrer (the client came by themselves)"),
    TypeVerwijzer.JUSTITIE: N_("a court, public prosecutor or juvenile institution"),
}


def coded(code: object) -> str:
    """A code with the standard's own (Dutch) name: ``45 Jeugdhulp ambulant``."""
    label = getattr(code, "label", "")
    return f"{code} {label}".strip()


def product_text(product: Product | None) -> str:
    if product is None:
        return ""
    text = coded(product.categorie)
    return _("%(category)s, code %(code)s", category=text, code=product.code) if product.code else text


def volume_text(omvang: Omvang | None) -> str:
    if omvang is None:
        return ""
    return _(
        "%(volume)s %(unit)s %(frequency)s",
        volume=omvang.volume,
        unit=_(EENHEID_LABELS[omvang.eenheid]),
        frequency=_(FREQUENTIE_LABELS[omvang.frequentie]),
    )
