"""The retour of a heen message (IV028, IV032; ``shared/domain/istandaarden.md`` section 6).

``make_retour(message, findings, …)`` answers a heen message after its checks of level 2 and 3:

- no findings: the header only, without RetourCodes (accepted);
- a level-2 finding (the message breaks a rule inside itself): the header only, with RetourCode
  0001 and the XsltVersie of the rules (the whole message is refused as technically wrong);
- a finding in the header (TR056, a repeated Identificatie): the header only, with the rule's code;
- otherwise (level-3 findings in the client's classes): every class of the message is copied, each
  with the codes of the rules it breaks, 0233 (not judged) when a class above it was refused, and
  0200 (no remark) otherwise. The whole message is refused.

The retour header is the heen header with the retour's BerichtCode (Afzender and Ontvanger are not
swapped), plus IdentificatieRetour, DagtekeningRetour and XsdVersieRetour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from smi_core.istandaarden.codes import RetourCode
from smi_core.istandaarden.common import Node, XsdVersie
from smi_core.istandaarden.findings import Finding
from smi_core.istandaarden.header import RetourHeader
from smi_core.istandaarden.messages import MESSAGE_TYPES, HeenMessage, RetourMessage
from smi_core.istandaarden.paths import child_path, walk
from smi_core.istandaarden.products import Berichtklasse

#: The version of this package's level-2 rules, stated as XsltVersie when they refuse a message.
RULES_VERSION = "1.0.0"
#: The schema versions a retour states by default (XsdVersieRetour): those of the 3.2 examples.
XSD_VERSIE = XsdVersie(basisschema_xsd_versie="1.0.0", bericht_xsd_versie="1.0.0")


def make_retour(
    message: HeenMessage,
    findings: Sequence[Finding],
    *,
    identification: str,
    on: date,
    xsd_versie: XsdVersie = XSD_VERSIE,
    rules_version: str = RULES_VERSION,
) -> RetourMessage:
    """The retour of ``message`` given the findings of its level-2 and level-3 checks.

    ``identification`` and ``on`` are the retour's own IdentificatieRetour and DagtekeningRetour.
    """
    level_2 = [finding for finding in findings if finding.level == 2]
    in_header = [finding for finding in findings if finding.level != 2 and finding.in_header]
    header_codes: tuple[RetourCode, ...] = ()
    if level_2:
        header_codes = (RetourCode.TECHNISCH_AFGEKEURD,)
    elif in_header:
        header_codes = _unique(finding.retour_code for finding in in_header)
    header = RetourHeader(
        **message.header.model_dump(),
        identificatie_retour=identification,
        dagtekening_retour=on,
        xslt_versie=rules_version if level_2 else None,
        xsd_versie_retour=xsd_versie,
        retour_codes=header_codes,
    )
    data: dict[str, Any] = {"domain": message.domain, "header": header}
    body = message.body
    if findings and not header_codes and body is not None:
        data[message.body_field] = _with_codes(
            body, message.body_path, _codes_per_class(body, message.body_path, findings)
        )
    retour = MESSAGE_TYPES[message.kind.retour].model_validate(data)
    assert isinstance(retour, RetourMessage)
    return retour


def _unique(codes: Any) -> tuple[RetourCode, ...]:
    return tuple(dict.fromkeys(codes))


def _codes_per_class(
    body: Node, body_path: str, findings: Sequence[Finding]
) -> dict[str, tuple[RetourCode, ...]]:
    """The RetourCodes of every class (by path): each finding goes to the deepest class holding it."""
    class_paths = [path for path, node in walk(body, body_path) if isinstance(node, Berichtklasse)]
    own: dict[str, list[RetourCode]] = {}
    for finding in findings:
        holder = max(
            (path for path in class_paths if finding.path == path or finding.path.startswith(path + "/")),
            key=len,
            default=body_path,
        )
        own.setdefault(holder, []).append(finding.retour_code)
    codes: dict[str, tuple[RetourCode, ...]] = {}
    for path in class_paths:
        if path in own:
            codes[path] = _unique(own[path])
        elif any(path.startswith(refused + "/") for refused in own):
            codes[path] = (RetourCode.NIET_BEOORDEELD,)
        else:
            codes[path] = (RetourCode.GEEN_OPMERKING,)
    return codes


def _with_codes(node: Node, path: str, codes: Mapping[str, tuple[RetourCode, ...]]) -> Node:
    """A copy of ``node`` whose classes carry their RetourCodes."""
    update: dict[str, Any] = {}
    for field in type(node).model_fields:
        value = getattr(node, field)
        if isinstance(value, Node):
            update[field] = _with_codes(value, child_path(path, field), codes)
        elif isinstance(value, tuple) and value and isinstance(value[0], Node):
            update[field] = tuple(
                _with_codes(item, child_path(path, field, position), codes)
                for position, item in enumerate(value, 1)
            )
    if isinstance(node, Berichtklasse):
        update["retour_codes"] = codes[path]
    return node.model_copy(update=update)


__all__ = ["RULES_VERSION", "XSD_VERSIE", "make_retour"]
