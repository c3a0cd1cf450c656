"""Why a message is refused, as exceptions named for the condition.

Every refusal of a message derives from ``MessageRejected``, which carries:

- ``level``: the check level (1 the schema and the form of the XML, 2 the rules inside one message,
  3 the rules across messages; see ``shared/domain/istandaarden.md`` section 6);
- ``rule``: the standard's rule id (``CS002``, ``TR056``, ``OP179``; ``XSD`` for the schema);
- ``retour_code``: the RetourCode the standard gives it, where it has one;
- ``path``: where in the message, XPath-like (``/Bericht/Client/Bsn``), or ``""``;
- ``message_id`` (class level): a language-free key the screens translate.

The text of an error (its ``str`` and ``repr``) names the rule, the place and the kind of problem,
never a value from the message: no Bsn, no name, no date of birth.
"""

from __future__ import annotations

from typing import ClassVar

from smi_core.errors import Refusal
from smi_core.istandaarden.codes import RetourCode


class MessageRejected(Refusal, ValueError):
    """A message was refused at some check level."""

    message_id: ClassVar[str] = "istandaarden.message_rejected"

    def __init__(
        self,
        detail: str,
        *,
        level: int,
        rule: str,
        path: str = "",
        retour_code: RetourCode | None = None,
    ) -> None:
        where = f" at {path}" if path else ""
        super().__init__(f"{rule} (level {level}){where}: {detail}", rule=rule, level=level, path=path)
        self.level = level
        self.rule = rule
        self.path = path
        self.retour_code = retour_code
        self.detail = detail


class NotXml(MessageRejected):
    """The data is not well-formed XML, or uses what a message may not (a DTD, entities)."""

    message_id: ClassVar[str] = "istandaarden.not_xml"

    def __init__(self, detail: str, *, line: int | None = None) -> None:
        where = f"line {line}: " if line else ""
        super().__init__(f"{where}{detail}", level=1, rule="XSD")
        self.line = line


class UnknownMessageSet(MessageRejected):
    """Well-formed XML, but not a message of iWmo 3.2 or iJw 3.2 that this package handles."""

    message_id: ClassVar[str] = "istandaarden.unknown_message_set"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, level=1, rule="XSD", path="/")


class SchemaInvalid(MessageRejected):
    """The message breaks its schema (check level 1): no retour, the sender gets an error."""

    message_id: ClassVar[str] = "istandaarden.schema_invalid"

    def __init__(self, detail: str, *, path: str = "", line: int | None = None) -> None:
        where = f"line {line}: " if line else ""
        super().__init__(f"{where}{detail}", level=1, rule="XSD", path=path)
        self.line = line


class MessageTooLarge(MessageRejected):
    """The message (or the envelope's payload) is larger than 25 MB (OP179)."""

    message_id: ClassVar[str] = "istandaarden.message_too_large"

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes, more than the {limit} allowed", level=1, rule="OP179")
        self.size = size
        self.limit = limit


class RuleViolated(MessageRejected):
    """The message breaks a rule of level 2 (inside the message) or 3 (against earlier messages)."""

    message_id: ClassVar[str] = "istandaarden.rule_violated"


class DuplicateIdentification(RuleViolated):
    """The sender used this Identificatie before for a message of this kind (TR056, retour 9056)."""

    message_id: ClassVar[str] = "istandaarden.duplicate_identification"

    def __init__(self, detail: str = "the Identificatie was used before for this kind") -> None:
        super().__init__(
            detail,
            level=3,
            rule="TR056",
            path="/Bericht/Header/BerichtIdentificatie/Identificatie",
            retour_code=RetourCode.TR056,
        )


class EnvelopeInvalid(MessageRejected):
    """The StUF-GGk envelope around a message is not a Di01, Du01 or Fo01 as this package reads them."""

    message_id: ClassVar[str] = "istandaarden.envelope_invalid"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, level=1, rule="StUF-GGk")


class SchemasUnavailable(Refusal, LookupError):
    """The folder with the iStandaarden schemas is not there: the schema checks (level 1) are off.

    Not a refusal of a message: the screens say that schema checks are off, and levels 2 and 3 still
    run.
    """

    message_id: ClassVar[str] = "istandaarden.schemas_off"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


__all__ = [
    "DuplicateIdentification",
    "EnvelopeInvalid",
    "MessageRejected",
    "MessageTooLarge",
    "NotXml",
    "RuleViolated",
    "SchemaInvalid",
    "SchemasUnavailable",
    "UnknownMessageSet",
]
