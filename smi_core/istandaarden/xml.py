"""Writing a message model as XML and reading XML back into the model.

``write(message)`` gives UTF-8 XML in the set's namespaces with every element in schema order: the
models' fields follow the schemas' ``xs:sequence`` (read from the XSDs when the models were
written), the RetourCodes of a class come last, and list fields are wrapped as ``LIST_ITEMS`` says.
The examples' namespace prefixes are used (``wmo301:``/``iwmo:``, ``jw301:``/``ijw:``).

``read(data)`` parses either set with the hardened parser of ``safe_xml``, recognises the message
by its root's namespace and the BerichtCode, and returns the typed model. Without a ``SchemaSet`` it
still refuses what does not fit the models (an unknown or misplaced element, a missing one, a value
out of range) as ``SchemaInvalid``; with one, the message's XSD is checked first where it exists.
"""

from __future__ import annotations

import re
import types
from datetime import date, time
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from lxml import etree
from pydantic import ValidationError

from smi_core.istandaarden.codes import BERICHT_SUBVERSIE, BERICHT_VERSIE, Domain, MessageKind
from smi_core.istandaarden.common import Node, xml_name
from smi_core.istandaarden.errors import SchemaInvalid, UnknownMessageSet
from smi_core.istandaarden.messages import MESSAGE_TYPES, Message
from smi_core.istandaarden.paths import LIST_ITEMS, ROOT
from smi_core.istandaarden.safe_xml import parse

if TYPE_CHECKING:
    from smi_core.istandaarden.schemas import SchemaSet

_MESSAGE_NAMESPACE = re.compile(r"^http://www\.istandaarden\.nl/(iwmo|ijw)/3_2/(wmo|jw)(\d{3})/schema$")
_RETOUR_CODES = "retour_codes"
#: The fixed first elements of every header, written from the kind.
_FIXED_HEADER = ("BerichtCode", "BerichtVersie", "BerichtSubversie")


# -- writing ------------------------------------------------------------------------------------


def write(message: Message) -> bytes:
    """The message as UTF-8 XML (with an XML declaration, without a byte order mark)."""
    domain, kind = message.domain, message.kind
    message_ns, basis_ns = domain.message_namespace(kind), domain.basis_namespace
    root = etree.Element(
        f"{{{message_ns}}}Bericht",
        nsmap={domain.message_prefix(kind): message_ns, domain.standaard: basis_ns},
    )
    header = etree.SubElement(root, f"{{{message_ns}}}Header")
    fixed = (kind.bericht_code(domain), str(BERICHT_VERSIE), str(BERICHT_SUBVERSIE))
    for name, value in zip(_FIXED_HEADER, fixed, strict=True):
        etree.SubElement(header, f"{{{message_ns}}}{name}").text = value
    _write_fields(header, message.header, message_ns, basis_ns)
    body = message.body
    if body is not None:
        element = etree.SubElement(root, f"{{{message_ns}}}{xml_name(message.body_field)}")
        _write_fields(element, body, message_ns, basis_ns)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _field_order(model: type[Node]) -> list[str]:
    """The fields in XML order: the schema's sequence, with a class's RetourCodes last."""
    names = [name for name in model.model_fields if name != "domain"]
    if _RETOUR_CODES in names:
        names.remove(_RETOUR_CODES)
        names.append(_RETOUR_CODES)
    return names


def _write_fields(parent: etree._Element, node: Node, message_ns: str, basis_ns: str) -> None:
    ns = basis_ns if node.in_basisschema else message_ns
    for name in _field_order(type(node)):
        value = getattr(node, name)
        if value is None or value == ():
            continue
        element = etree.SubElement(parent, f"{{{ns}}}{xml_name(name)}")
        if isinstance(value, tuple):
            for item in value:
                child = etree.SubElement(element, f"{{{ns}}}{LIST_ITEMS[name]}")
                _write_value(child, item, message_ns, basis_ns)
        else:
            _write_value(element, value, message_ns, basis_ns)


def _write_value(element: etree._Element, value: object, message_ns: str, basis_ns: str) -> None:
    if isinstance(value, Node):
        _write_fields(element, value, message_ns, basis_ns)
    else:
        element.text = _text(value)


def _text(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# -- reading ------------------------------------------------------------------------------------


def identify(root: etree._Element) -> tuple[Domain, MessageKind]:
    """The set and kind of a parsed message, from its root element's namespace and name."""
    tag = etree.QName(root)
    match = _MESSAGE_NAMESPACE.match(tag.namespace or "")
    if match is None or tag.localname != "Bericht" or match.group(1) != "i" + match.group(2):
        raise UnknownMessageSet("the root is not the Bericht of an iWmo 3.2 or iJw 3.2 message")
    domain = Domain(match.group(2))
    try:
        kind = MessageKind(match.group(3))
    except ValueError:
        raise UnknownMessageSet(f"message {match.group(3)} of {domain.label} is not handled here") from None
    return domain, kind


def read(data: bytes, schemas: SchemaSet | None = None) -> Message:
    """The message in ``data``; raises ``NotXml``, ``MessageTooLarge``, ``UnknownMessageSet`` or
    ``SchemaInvalid``. With ``schemas``, the XSD is checked first (where the kind has one)."""
    tree = parse(data)
    root = tree.getroot()
    domain, kind = identify(root)
    if schemas is not None:
        schemas.validate(tree, kind, domain)
    return to_model(root, domain, kind)


def to_model(root: etree._Element, domain: Domain, kind: MessageKind) -> Message:
    """The model of a parsed message whose set and kind are known."""
    model = MESSAGE_TYPES[kind]
    message_ns, basis_ns = domain.message_namespace(kind), domain.basis_namespace
    children = _elements(root, ROOT)
    expected = [f"{{{message_ns}}}Header", f"{{{message_ns}}}{xml_name(model.body_field)}"]
    if [child.tag for child in children] not in (expected, expected[:1]):
        raise SchemaInvalid("a message holds a Header and then its body", path=ROOT)
    header = children[0]
    header_children = _elements(header, f"{ROOT}/Header")
    fixed = (kind.bericht_code(domain), str(BERICHT_VERSIE), str(BERICHT_SUBVERSIE))
    for position, (name, value) in enumerate(zip(_FIXED_HEADER, fixed, strict=True)):
        path = f"{ROOT}/Header/{name}"
        if len(header_children) <= position or header_children[position].tag != f"{{{message_ns}}}{name}":
            raise SchemaInvalid(f"the header starts with {name}", path=path)
        if (header_children[position].text or "").strip() != value:
            raise SchemaInvalid(f"{name} is not the one of this message kind", path=path)
    header_model = model.model_fields["header"].annotation
    assert isinstance(header_model, type) and issubclass(header_model, Node)
    data: dict[str, Any] = {
        "domain": domain,
        "header": _read_fields(header, header_model, f"{ROOT}/Header", message_ns, basis_ns, skip=3),
    }
    if len(children) == 2:
        body_model = _node_type(model.model_fields[model.body_field].annotation)
        assert body_model is not None
        path = f"{ROOT}/{xml_name(model.body_field)}"
        data[model.body_field] = _read_fields(children[1], body_model, path, message_ns, basis_ns)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False)[0]
        raise SchemaInvalid(str(first["msg"]), path=_path_of(first["loc"])) from None


def _elements(element: etree._Element, path: str) -> list[etree._Element]:
    """The child elements, refusing text between them (the message types have no mixed content)."""
    if (element.text or "").strip():
        raise SchemaInvalid("text where only elements belong", path=path)
    children = []
    for child in element:
        if (child.tail or "").strip():
            raise SchemaInvalid("text where only elements belong", path=path)
        if isinstance(child.tag, str):
            children.append(child)
    return children


def _read_fields(
    element: etree._Element, model: type[Node], path: str, message_ns: str, basis_ns: str, skip: int = 0
) -> dict[str, Any]:
    ns = basis_ns if model.in_basisschema else message_ns
    order = _field_order(model)
    position_of = {f"{{{ns}}}{xml_name(name)}": (index, name) for index, name in enumerate(order)}
    data: dict[str, Any] = {}
    last = -1
    for child in _elements(element, path)[skip:]:
        found = position_of.get(child.tag)
        child_path = f"{path}/{etree.QName(child).localname}"
        if found is None:
            raise SchemaInvalid("an element that does not belong here", path=child_path)
        index, name = found
        if index <= last:
            raise SchemaInvalid("an element out of order or repeated", path=child_path)
        last = index
        data[name] = _read_value(
            child, model.model_fields[name].annotation, name, child_path, message_ns, basis_ns
        )
    return data


def _read_value(
    element: etree._Element, annotation: Any, name: str, path: str, message_ns: str, basis_ns: str
) -> Any:
    if _is_tuple(annotation):
        item_type = _tuple_item(annotation)
        item_tag = LIST_ITEMS[name]
        items = []
        for position, child in enumerate(_elements(element, path), start=1):
            item_path = f"{path}/{item_tag}[{position}]"
            if etree.QName(child).localname != item_tag or etree.QName(child).namespace != message_ns:
                raise SchemaInvalid(f"a {xml_name(name)} holds {item_tag} elements", path=item_path)
            items.append(_read_value(child, item_type, name, item_path, message_ns, basis_ns))
        return items
    node_type = _node_type(annotation)
    if node_type is not None:
        return _read_fields(element, node_type, path, message_ns, basis_ns)
    if any(isinstance(child.tag, str) for child in element):
        raise SchemaInvalid("a simple value holds elements", path=path)
    text = element.text or ""
    return text.strip() if _scalar_type(annotation) in (int, date, time) else text


def _unwrap(annotation: Any) -> list[Any]:
    """The types an annotation allows, without None and without ``Annotated`` metadata."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return [t for arg in get_args(annotation) if arg is not type(None) for t in _unwrap(arg)]
    return [annotation]


def _is_tuple(annotation: Any) -> bool:
    return any(get_origin(t) is tuple for t in _unwrap(annotation))


def _tuple_item(annotation: Any) -> Any:
    return next(get_args(t)[0] for t in _unwrap(annotation) if get_origin(t) is tuple)


def _node_type(annotation: Any) -> type[Node] | None:
    for candidate in _unwrap(annotation):
        if isinstance(candidate, type) and issubclass(candidate, Node):
            return candidate
    return None


def _scalar_type(annotation: Any) -> Any:
    candidates = _unwrap(annotation)
    return candidates[0] if len(candidates) == 1 else str


def _path_of(loc: tuple[int | str, ...]) -> str:
    """The XPath-like place of a pydantic error location (union branch names are skipped)."""
    path, previous = ROOT, ""
    for part in loc:
        if isinstance(part, int) and previous in LIST_ITEMS:
            path = f"{path}/{LIST_ITEMS[previous]}[{part + 1}]"
        elif isinstance(part, str) and part in _FIELD_NAMES:
            path = f"{path}/{xml_name(part)}"
            previous = part
    return path


def _all_field_names() -> frozenset[str]:
    names: set[str] = set()
    pending: list[type[Node]] = [Node]
    while pending:
        model = pending.pop()
        names.update(model.model_fields)
        pending.extend(model.__subclasses__())
    return frozenset(names - {"domain"})


_FIELD_NAMES = _all_field_names()

__all__ = ["identify", "read", "to_model", "write"]
