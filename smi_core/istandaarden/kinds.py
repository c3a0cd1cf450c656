"""The message sets and kinds of iWmo 3.2 and iJw 3.2: ``Domain`` (which set, with its namespaces),
``MessageKind`` (301 to 320, with the BerichtCode of each set, the retour of each heen message and
who sends it) and ``Partij``.

The BerichtCodes, namespaces and schema file names were read from the message schemas.

Dutch terms kept here:

- *iWmo* / *iJw*: the message standards of the Wmo 2015 (social support for adults) and of the
  Jeugdwet (youth care); each is a *set* of messages in its own XML namespaces.
- *gemeente* / *aanbieder*: the municipality and the care provider, the two parties of every message.
- *heen* / *retour*: a message and the answer that says whether it was accepted.
"""

from __future__ import annotations

from smi_core.istandaarden.codelist import CodeList

_NAMESPACE_ROOT = "http://www.istandaarden.nl"


class Domain(CodeList):
    """The message set: iWmo (Wmo 2015) or iJw (Jeugdwet), release 3.2."""

    WMO = "wmo", "iWmo"
    JW = "jw", "iJw"

    @property
    def standaard(self) -> str:
        """The standard's name in the namespaces: ``iwmo`` or ``ijw``."""
        return "i" + self.value

    @property
    def prefix(self) -> str:
        """The message-code prefix of the schema files and of the envelope functie: ``WMO`` or ``JW``."""
        return self.value.upper()

    @property
    def folder(self) -> str:
        """The folder of the set's schemas in an iStandaarden download: ``iwmo-3.2`` or ``ijw-3.2``."""
        return f"{self.standaard}-3.2"

    @property
    def basis_namespace(self) -> str:
        """The namespace of the basisschema (the shared data types)."""
        return f"{_NAMESPACE_ROOT}/{self.standaard}/3_2/basisschema/schema"

    def message_namespace(self, kind: MessageKind) -> str:
        """The namespace of one message schema, e.g. ``.../ijw/3_2/jw301/schema``."""
        return f"{_NAMESPACE_ROOT}/{self.standaard}/3_2/{self.message_prefix(kind)}/schema"

    def message_prefix(self, kind: MessageKind) -> str:
        """The namespace prefix the examples use for a message: ``wmo301``, ``jw301``."""
        return f"{self.value}{kind.value}"

    def schema_file(self, kind: MessageKind) -> str:
        """The file name of a message schema: ``WMO301.xsd``, ``JW301.xsd``."""
        return f"{self.prefix}{kind.value}.xsd"


class Partij(CodeList):
    """The two parties of every message."""

    GEMEENTE = "gemeente", "Gemeente"
    AANBIEDER = "aanbieder", "Aanbieder"


class MessageKind(CodeList):
    """The message kinds this package handles (not the claim messages 323/325)."""

    TOEWIJZING = "301", "Toewijzing"
    TOEWIJZING_RETOUR = "302", "Toewijzing retour"
    START_ZORG = "305", "Start zorg"
    START_ZORG_RETOUR = "306", "Start zorg retour"
    STOP_ZORG = "307", "Stop zorg"
    STOP_ZORG_RETOUR = "308", "Stop zorg retour"
    VERZOEK_OM_TOEWIJZING = "315", "Verzoek om toewijzing"
    VERZOEK_OM_TOEWIJZING_RETOUR = "316", "Verzoek om toewijzing retour"
    VERZOEK_OM_WIJZIGING = "317", "Verzoek om wijziging"
    VERZOEK_OM_WIJZIGING_RETOUR = "318", "Verzoek om wijziging retour"
    ANTWOORD = "319", "Antwoordbericht"
    ANTWOORD_RETOUR = "320", "Antwoordbericht retour"

    @property
    def is_retour(self) -> bool:
        """Whether this is a retour (302, 306, ...): the answer that accepts or rejects a heen message."""
        return self in _RETOURS

    @property
    def heen(self) -> MessageKind:
        """The heen message a retour answers (a heen kind answers itself)."""
        return _HEEN_OF[self]

    @property
    def retour(self) -> MessageKind:
        """The retour that answers this heen message (a retour kind gives itself)."""
        return self if self.is_retour else MessageKind(str(int(self.value) + 1))

    @property
    def sender(self) -> Partij:
        """Who sends a message of this kind. A retour is sent by the receiver of its heen message."""
        return _SENDER_OF[self]

    def bericht_code(self, domain: Domain) -> str:
        """The BerichtCode of this kind in a set (COD002), e.g. 414 for an iWmo 301."""
        return _BERICHT_CODES[domain][self]

    def functie(self, domain: Domain) -> str:
        """The envelope's functie for this kind: ``WMO301``, ``JW301`` (see ``envelope``)."""
        return f"{domain.prefix}{self.value}"


_HEEN_SENDERS = {
    MessageKind.TOEWIJZING: Partij.GEMEENTE,
    MessageKind.START_ZORG: Partij.AANBIEDER,
    MessageKind.STOP_ZORG: Partij.AANBIEDER,
    MessageKind.VERZOEK_OM_TOEWIJZING: Partij.AANBIEDER,
    MessageKind.VERZOEK_OM_WIJZIGING: Partij.AANBIEDER,
    MessageKind.ANTWOORD: Partij.GEMEENTE,
}

#: The kinds by their code's parity (a retour's code is even), and what each answers and who sends it:
#: worked out once, because every check asks.
_RETOURS = frozenset(kind for kind in MessageKind if int(kind.value) % 2 == 0)
_HEEN_OF = {kind: MessageKind(str(int(kind.value) - 1)) if kind in _RETOURS else kind for kind in MessageKind}
_SENDER_OF = {
    kind: _HEEN_SENDERS[kind]
    if kind not in _RETOURS
    else Partij.AANBIEDER
    if _HEEN_SENDERS[_HEEN_OF[kind]] is Partij.GEMEENTE
    else Partij.GEMEENTE
    for kind in MessageKind
}

_BERICHT_CODES: dict[Domain, dict[MessageKind, str]] = {
    Domain.WMO: dict(
        zip(
            MessageKind,
            ("414", "415", "418", "419", "420", "421", "444", "445", "480", "481", "482", "483"),
            strict=True,
        )
    ),
    Domain.JW: dict(
        zip(
            MessageKind,
            ("436", "437", "438", "439", "440", "441", "446", "447", "486", "487", "488", "489"),
            strict=True,
        )
    ),
}

#: The BerichtVersie (CS025) and BerichtSubversie (CS015) of release 3.2.
BERICHT_VERSIE = 3
BERICHT_SUBVERSIE = 2


def kind_of_bericht_code(code: str) -> tuple[Domain, MessageKind] | None:
    """The set and kind a BerichtCode belongs to, or None for a code this package does not handle."""
    for domain, codes in _BERICHT_CODES.items():
        for kind, bericht_code in codes.items():
            if bericht_code == code:
                return domain, kind
    return None


__all__ = [
    "BERICHT_SUBVERSIE",
    "BERICHT_VERSIE",
    "Domain",
    "MessageKind",
    "Partij",
    "kind_of_bericht_code",
]
