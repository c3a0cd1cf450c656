"""The iWmo 3.2 and iJw 3.2 messages: models, XML, the three check levels, retours, the GGk envelope
and the reaction times. Pure: no Streamlit, no SQLAlchemy; lxml for the XML.

A receiving side runs, in this order::

    message = read(data, schemas)                  # level 1: NotXml, SchemaInvalid, ... (no retour)
    findings = check_message(message)              # level 2: the rules inside the message
    findings += check_against_history(message, history)   # level 3: against earlier messages
    retour = make_retour(message, findings, identification=..., on=today)
    payload = write(retour)

Modules, one concept each:

- ``codes``: the code lists (``Domain``, ``MessageKind``, ``RetourCode``, ``CategorieWmo`` …);
- ``scalars``, ``common``, ``header``, ``products``, ``client``, ``messages``: the models; ``paths``
  maps their fields to XML names and places;
- ``xml``: ``write`` and ``read``; ``safe_xml``: the hardened parser; ``schemas``: level 1;
- ``findings``: ``Finding`` and the rule catalogue; ``rules``: level 2; ``history``: the store's
  Protocol and ``InMemoryHistory``; ``client_state`` and ``crosschecks``: level 3;
- ``retour``: ``make_retour``; ``envelope``: the StUF-GGk envelope; ``deadlines``: reaction times;
- ``errors``: ``MessageRejected`` and its conditions.

The digest these follow: ``shared/domain/istandaarden.md``.
"""

from __future__ import annotations

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
    CategorieJw,
    CategorieWmo,
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
    RedenBeeindigingJw,
    RedenBeeindigingWmo,
    RedenVerzoek,
    RedenWijziging,
    RetourCode,
    SoortRelatie,
    StatusAanlevering,
    TypeVerwijzer,
    VerzoekAntwoord,
    WettelijkeVertegenwoordiging,
    stop_reason_for,
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
    xml_name,
)
from smi_core.istandaarden.crosschecks import check_against_history
from smi_core.istandaarden.deadlines import (
    add_working_days,
    answer_due,
    answer_overdue,
    final_answer_due,
    final_answer_overdue,
    retour_due,
    retour_overdue,
)
from smi_core.istandaarden.envelope import (
    Envelope,
    EnvelopeKind,
    Fout,
    Partner,
    read_envelope,
    write_di01,
    write_du01,
    write_fo01,
)
from smi_core.istandaarden.errors import (
    DuplicateIdentification,
    EnvelopeInvalid,
    MessageRejected,
    MessageTooLarge,
    NotXml,
    RuleViolated,
    SchemaInvalid,
    SchemasUnavailable,
    UnknownMessageSet,
)
from smi_core.istandaarden.findings import RULES, Finding, Rule
from smi_core.istandaarden.header import Header, RetourHeader
from smi_core.istandaarden.history import InMemoryHistory, MessageHistory
from smi_core.istandaarden.messages import (
    MESSAGE_TYPES,
    AntwoordBericht,
    AntwoordRetour,
    HeenMessage,
    Message,
    RetourMessage,
    StartZorgBericht,
    StartZorgRetour,
    StopZorgBericht,
    StopZorgRetour,
    ToewijzingBericht,
    ToewijzingRetour,
    VerzoekOmToewijzingBericht,
    VerzoekOmToewijzingRetour,
    VerzoekOmWijzigingBericht,
    VerzoekOmWijzigingRetour,
)
from smi_core.istandaarden.paths import LIST_ITEMS
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
from smi_core.istandaarden.retour import RULES_VERSION, make_retour
from smi_core.istandaarden.rules import check_message, elfproef
from smi_core.istandaarden.safe_xml import MAX_MESSAGE_BYTES
from smi_core.istandaarden.schemas import SchemaCheck, SchemaSet
from smi_core.istandaarden.xml import read, write

__all__ = [
    "CATEGORIE",
    "LIST_ITEMS",
    "MAX_MESSAGE_BYTES",
    "MESSAGE_TYPES",
    "REDEN_BEEINDIGING",
    "RULES",
    "RULES_VERSION",
    "AanduidingWoonadres",
    "AangevraagdProduct",
    "Achternaam",
    "Adres",
    "AdresSoort",
    "Antwoord",
    "AntwoordBericht",
    "AntwoordRetour",
    "BerichtIdentificatie",
    "CategorieJw",
    "CategorieWmo",
    "Communicatie",
    "Communicatievorm",
    "Contact",
    "DatumGebruik",
    "Domain",
    "DuplicateIdentification",
    "Eenheid",
    "Envelope",
    "EnvelopeInvalid",
    "EnvelopeKind",
    "Finding",
    "Fout",
    "Frequentie",
    "Geboortedatum",
    "Geslacht",
    "Header",
    "HeenMessage",
    "Huis",
    "InMemoryHistory",
    "JaNee",
    "JuridischeStatus",
    "LandCode",
    "Message",
    "MessageHistory",
    "MessageKind",
    "MessageRejected",
    "MessageTooLarge",
    "NaamGebruik",
    "NieuwProduct",
    "NotXml",
    "Omvang",
    "OngewijzigdProduct",
    "OpenPeriode",
    "Partij",
    "Partner",
    "Product",
    "RedenAfwijzingVerzoek",
    "RedenBeeindigingJw",
    "RedenBeeindigingWmo",
    "RedenVerzoek",
    "RedenWijziging",
    "Relatie",
    "RetourCode",
    "RetourHeader",
    "RetourMessage",
    "Rule",
    "RuleViolated",
    "SchemaCheck",
    "SchemaInvalid",
    "SchemaSet",
    "SchemasUnavailable",
    "SoortRelatie",
    "StartClient",
    "StartProduct",
    "StartZorgBericht",
    "StartZorgRetour",
    "StatusAanlevering",
    "StopClient",
    "StopProduct",
    "StopZorgBericht",
    "StopZorgRetour",
    "TeWijzigenProduct",
    "Telefoon",
    "Telefoonnummers",
    "ToegewezenProduct",
    "ToewijzingBericht",
    "ToewijzingClient",
    "ToewijzingRetour",
    "TypeVerwijzer",
    "UnknownMessageSet",
    "VerkorteNaam",
    "Verwijzer",
    "Verzoek",
    "VerzoekAntwoord",
    "VerzoekOmToewijzingBericht",
    "VerzoekOmToewijzingClient",
    "VerzoekOmToewijzingRetour",
    "VerzoekOmWijzigingBericht",
    "VerzoekOmWijzigingClient",
    "VerzoekOmWijzigingRetour",
    "VolledigeNaam",
    "WettelijkeVertegenwoordiging",
    "Woonplaatsbeginsel",
    "XsdVersie",
    "add_working_days",
    "answer_due",
    "answer_overdue",
    "check_against_history",
    "check_message",
    "elfproef",
    "final_answer_due",
    "final_answer_overdue",
    "make_retour",
    "read",
    "read_envelope",
    "retour_due",
    "retour_overdue",
    "stop_reason_for",
    "write",
    "write_di01",
    "write_du01",
    "write_fo01",
    "xml_name",
]
