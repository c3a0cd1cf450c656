"""The one way this package parses XML from outside: a hardened lxml parser.

No DTD is loaded or allowed, entities are not resolved, nothing is fetched from the network, and
data larger than the limit (25 MB, OP179) is refused before it is parsed. A document with a
DOCTYPE is refused as a whole, so an entity trick (XXE, "billion laughs") stays inert.
"""

from __future__ import annotations

from lxml import etree

from smi_core.istandaarden.errors import MessageTooLarge, NotXml

#: OP179: a message is at most 25 MB. Read as 25 MiB (25 x 1024 x 1024 bytes).
MAX_MESSAGE_BYTES = 25 * 1024 * 1024


def hardened_parser() -> etree.XMLParser:
    """A new parser (lxml parsers are not shared between threads) that loads no DTD and no entity."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
    )


def parse(data: bytes | bytearray | memoryview, *, limit: int = MAX_MESSAGE_BYTES) -> etree._ElementTree:
    """Parse ``data`` as one XML document, or raise ``MessageTooLarge`` or ``NotXml``.

    The error text names the line and libxml2's kind of error, never the content.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise NotXml("a message is bytes")
    if len(data) > limit:
        raise MessageTooLarge(len(data), limit)
    try:
        root = etree.fromstring(bytes(data), hardened_parser())
    except etree.XMLSyntaxError as error:
        kind = error.error_log.last_error.type_name if error.error_log else "XML_ERR"
        raise NotXml(f"not well-formed XML ({kind})", line=error.lineno) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise NotXml("a message may not have a DOCTYPE (no DTD, no entities)")
    if (tree.docinfo.encoding or "UTF-8").upper() != "UTF-8":
        raise NotXml("a message is encoded in UTF-8")
    for node in root.iter():
        if isinstance(node, etree._Entity):
            raise NotXml("a message may not use entities", line=node.sourceline)
    return tree


__all__ = ["MAX_MESSAGE_BYTES", "hardened_parser", "parse"]
