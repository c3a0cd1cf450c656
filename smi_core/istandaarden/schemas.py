"""Check level 1: the message's XSD, from an iStandaarden download on disk.

``SchemaSet.from_folder(path)`` takes a folder holding ``iwmo-3.2/`` and ``ijw-3.2/`` (the setting
``SMI_ISTANDAARDEN_DIR``); each schema is loaded the first time it is needed, from its file, so that
its import of ``basisschema.xsd`` resolves. A missing folder raises ``SchemasUnavailable`` (the app
says schema checks are off). A kind without a schema file, such as every iWmo retour (the source
lacks them), is not an error: ``validate`` returns ``SchemaCheck.UNAVAILABLE`` and the caller says
the schema check is unavailable for that kind.
"""

from __future__ import annotations

import threading
from enum import StrEnum
from pathlib import Path

from lxml import etree

from smi_core.istandaarden.codes import Domain, MessageKind
from smi_core.istandaarden.errors import SchemaInvalid, SchemasUnavailable
from smi_core.istandaarden.safe_xml import parse

#: How many schema errors a SchemaInvalid names (the first ones, in document order).
ERRORS_SHOWN = 3


class SchemaCheck(StrEnum):
    """The outcome of a schema check that did not fail."""

    PASSED = "passed"
    UNAVAILABLE = "unavailable"


class SchemaSet:
    """The XSDs of iWmo 3.2 and iJw 3.2 in one folder, loaded lazily and shared between threads."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._schemas: dict[tuple[Domain, MessageKind], etree.XMLSchema | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_folder(cls, folder: Path | str) -> SchemaSet:
        """The schemas under ``folder``; ``SchemasUnavailable`` unless it holds both sets' folders."""
        path = Path(folder)
        missing = [
            domain.folder for domain in Domain if not (path / domain.folder / "basisschema.xsd").is_file()
        ]
        if missing:
            raise SchemasUnavailable(f"no iStandaarden schemas in the folder: {', '.join(missing)} missing")
        return cls(path)

    def schema_file(self, kind: MessageKind, domain: Domain) -> Path:
        return self.folder / domain.folder / domain.schema_file(kind)

    def has_schema(self, kind: MessageKind, domain: Domain) -> bool:
        """Whether this kind of this set has a schema file (no iWmo retour has one here)."""
        return self.schema_file(kind, domain).is_file()

    def _schema(self, kind: MessageKind, domain: Domain) -> etree.XMLSchema | None:
        key = (domain, kind)
        if key not in self._schemas:
            file = self.schema_file(kind, domain)
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            self._schemas[key] = etree.XMLSchema(etree.parse(str(file), parser)) if file.is_file() else None
        return self._schemas[key]

    def validate(
        self, message: bytes | etree._ElementTree | etree._Element, kind: MessageKind, domain: Domain
    ) -> SchemaCheck:
        """Check a message against its XSD: ``PASSED``, ``UNAVAILABLE`` (no schema for this kind), or
        ``SchemaInvalid`` naming the line and place of the first errors (never the values)."""
        tree = parse(message) if isinstance(message, bytes | bytearray | memoryview) else message
        with self._lock:
            schema = self._schema(kind, domain)
            if schema is None:
                return SchemaCheck.UNAVAILABLE
            if schema.validate(tree):
                return SchemaCheck.PASSED
            errors = list(schema.error_log)[:ERRORS_SHOWN]
        first = errors[0]
        places = "; ".join(
            f"line {error.line} {_plain_path(error.path)} {error.type_name}" for error in errors
        )
        raise SchemaInvalid(
            f"the {domain.schema_file(kind)} schema refuses it: {places}",
            path=_plain_path(first.path),
            line=first.line,
        )


def _plain_path(path: str | None) -> str:
    """libxml2's path without namespace prefixes: ``/wmo301:Bericht/wmo301:Client`` -> ``/Bericht/Client``."""
    if not path:
        return ""
    return "/".join(step.split(":", 1)[-1] for step in path.split("/"))


__all__ = ["ERRORS_SHOWN", "SchemaCheck", "SchemaSet"]
