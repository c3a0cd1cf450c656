"""Where a part sits in a message: the XML element of every field, the item element of every list,
and an XPath-like walk over a message's parts (``/Bericht/Client/ToegewezenProducten/
ToegewezenProduct[2]/Einddatum``, positions counted from 1).

A list field is written as a wrapper element named after the field holding one element per item
(``toegewezen_producten`` is ``<ToegewezenProducten><ToegewezenProduct>…``); ``LIST_ITEMS`` names
the item element of each list field.
"""

from __future__ import annotations

from collections.abc import Iterator

from smi_core.istandaarden.common import Node, xml_name

#: The item element of each list field (the wrapper element is ``xml_name(field)``).
LIST_ITEMS: dict[str, str] = {
    "relaties": "Relatie",
    "contactgegevens": "Contact",
    "toegewezen_producten": "ToegewezenProduct",
    "start_producten": "StartProduct",
    "stop_producten": "StopProduct",
    "aangevraagde_producten": "AangevraagdProduct",
    "ongewijzigde_producten": "OngewijzigdProduct",
    "te_wijzigen_producten": "TeWijzigenProduct",
    "nieuwe_producten": "NieuwProduct",
    "retour_codes": "RetourCode",
}

#: The root element of every message.
ROOT = "/Bericht"


def child_path(path: str, field: str, position: int | None = None) -> str:
    """The path of a field of the part at ``path``; with ``position``, of that item of a list field."""
    if position is None:
        return f"{path}/{xml_name(field)}"
    return f"{path}/{xml_name(field)}/{LIST_ITEMS[field]}[{position}]"


def walk(node: Node, path: str) -> Iterator[tuple[str, Node]]:
    """Every part of ``node`` (itself first), depth first in schema order, with its path."""
    yield path, node
    for field in type(node).model_fields:
        value = getattr(node, field)
        if isinstance(value, Node):
            yield from walk(value, child_path(path, field))
        elif isinstance(value, tuple):
            for position, item in enumerate(value, start=1):
                if isinstance(item, Node):
                    yield from walk(item, child_path(path, field, position))


__all__ = ["LIST_ITEMS", "ROOT", "child_path", "walk"]
