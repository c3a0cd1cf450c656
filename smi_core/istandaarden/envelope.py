"""The StUF-GGk envelope a message travels in between the municipality's GGk (Gemeentelijk
Gegevensknooppunt) and the provider's VECOZO: Di01 carries a heen message, Du01 its retour, Fo01 an
error (for instance StUF055 for a payload that breaks its schema).

The envelope specification itself (StUF-GGk envelope 2.1 patch 4) is not available here, nor its
XSD. This module follows what the digest and the specification's public outline name, and is no
more than that:

- the stuurgegevens in the StUF 03.01 namespace (``http://www.egem.nl/StUF/StUF0301``), in this
  order: berichtcode, zender and ontvanger (each an organisatie and an optional applicatie),
  referentienummer (a UUID v4), tijdstipBericht (``yyyymmddhhmmssfff``), crossRefnummer (on a Du01
  and a Fo01: the referentienummer of the message answered) and functie (the message type: ``WMO301``
  … for iWmo; for iJw ``JW301`` … is assumed, the official iJw functie names were not found);
- the payload in the GGk namespace (``http://www.egem.nl/StUF/sector/ggk/0210``) as
  ``Body/Bericht/Inhoud``: the message's UTF-8 bytes without a byte order mark, in base64;
- a Fo01 as ``StUF:Fo01Bericht`` with a body of code, plek and omschrijving.

A real exchange must be checked against the official envelope schema before it is relied on.
A message payload is at most 25 MB (OP179); an envelope may be a third larger for the base64.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from lxml import etree
from pydantic import BaseModel, ConfigDict

from smi_core.istandaarden.errors import EnvelopeInvalid, MessageTooLarge
from smi_core.istandaarden.safe_xml import MAX_MESSAGE_BYTES, parse

STUF = "http://www.egem.nl/StUF/StUF0301"
GGK = "http://www.egem.nl/StUF/sector/ggk/0210"
#: The largest envelope read: a 25 MB payload in base64 plus room for the stuurgegevens.
MAX_ENVELOPE_BYTES = MAX_MESSAGE_BYTES * 4 // 3 + 64 * 1024
_TIMESTAMP = "%Y%m%d%H%M%S"
_BOM = b"\xef\xbb\xbf"


class EnvelopeKind(StrEnum):
    """The envelope's berichtcode."""

    DI01 = "Di01"
    DU01 = "Du01"
    FO01 = "Fo01"


class Partner(BaseModel):
    """A zender or ontvanger: the organisation (a CBS or AGB code, or ``GGK``) and its application."""

    model_config = ConfigDict(frozen=True)

    organisatie: str
    applicatie: str | None = None


class Fout(BaseModel):
    """The error a Fo01 reports: a code such as ``StUF055``, where it arose, and a description."""

    model_config = ConfigDict(frozen=True)

    code: str
    plek: str
    omschrijving: str


class Envelope(BaseModel):
    """A read envelope; ``payload`` is the message's bytes (Di01, Du01), ``fout`` the error (Fo01)."""

    model_config = ConfigDict(frozen=True)

    berichtcode: EnvelopeKind
    zender: Partner
    ontvanger: Partner
    referentienummer: UUID
    tijdstip_bericht: datetime
    crossrefnummer: UUID | None = None
    functie: str | None = None
    payload: bytes | None = None
    fout: Fout | None = None


def _partner(value: Partner | str) -> Partner:
    return value if isinstance(value, Partner) else Partner(organisatie=value)


def _uuid4(reference: UUID | None) -> UUID:
    if reference is None:
        return uuid.uuid4()
    if reference.version != 4:
        raise ValueError("a referentienummer is a UUID of version 4")
    return reference


def _stamp(moment: datetime | None) -> str:
    moment = moment or datetime.now()
    return moment.strftime(_TIMESTAMP) + f"{moment.microsecond // 1000:03d}"


def _stuurgegevens(
    parent: etree._Element,
    kind: EnvelopeKind,
    sender: Partner | str,
    receiver: Partner | str,
    reference: UUID,
    sent_at: datetime | None,
    cross_reference: UUID | None,
    functie: str | None,
) -> None:
    ns = STUF if kind is EnvelopeKind.FO01 else GGK
    stuurgegevens = etree.SubElement(parent, f"{{{ns}}}stuurgegevens")
    etree.SubElement(stuurgegevens, f"{{{STUF}}}berichtcode").text = kind.value
    for name, partner in (("zender", _partner(sender)), ("ontvanger", _partner(receiver))):
        element = etree.SubElement(stuurgegevens, f"{{{STUF}}}{name}")
        etree.SubElement(element, f"{{{STUF}}}organisatie").text = partner.organisatie
        if partner.applicatie is not None:
            etree.SubElement(element, f"{{{STUF}}}applicatie").text = partner.applicatie
    etree.SubElement(stuurgegevens, f"{{{STUF}}}referentienummer").text = str(reference)
    etree.SubElement(stuurgegevens, f"{{{STUF}}}tijdstipBericht").text = _stamp(sent_at)
    if cross_reference is not None:
        etree.SubElement(stuurgegevens, f"{{{STUF}}}crossRefnummer").text = str(cross_reference)
    if functie is not None:
        etree.SubElement(stuurgegevens, f"{{{STUF}}}functie").text = functie


def _encoded(payload: bytes) -> str:
    if len(payload) > MAX_MESSAGE_BYTES:
        raise MessageTooLarge(len(payload), MAX_MESSAGE_BYTES)
    if payload.startswith(_BOM):
        payload = payload[len(_BOM) :]
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("an envelope's payload is UTF-8") from None
    return base64.b64encode(payload).decode("ascii")


def _with_payload(
    kind: EnvelopeKind,
    payload: bytes,
    functie: str,
    sender: Partner | str,
    receiver: Partner | str,
    reference: UUID | None,
    sent_at: datetime | None,
    cross_reference: UUID | None,
) -> bytes:
    root = etree.Element(f"{{{GGK}}}{kind.value}", nsmap={"ggk": GGK, "StUF": STUF})
    _stuurgegevens(root, kind, sender, receiver, _uuid4(reference), sent_at, cross_reference, functie)
    bericht = etree.SubElement(etree.SubElement(root, f"{{{GGK}}}Body"), f"{{{GGK}}}Bericht")
    etree.SubElement(bericht, f"{{{GGK}}}Inhoud").text = _encoded(payload)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def write_di01(
    payload: bytes,
    functie: str,
    sender: Partner | str,
    receiver: Partner | str,
    reference: UUID | None = None,
    *,
    sent_at: datetime | None = None,
) -> bytes:
    """A Di01 carrying a heen message; ``reference`` (default: a new UUID v4) is its referentienummer."""
    return _with_payload(EnvelopeKind.DI01, payload, functie, sender, receiver, reference, sent_at, None)


def write_du01(
    payload: bytes,
    functie: str,
    sender: Partner | str,
    receiver: Partner | str,
    cross_reference: UUID,
    reference: UUID | None = None,
    *,
    sent_at: datetime | None = None,
) -> bytes:
    """A Du01 carrying a retour; ``cross_reference`` is the referentienummer of the heen's Di01."""
    return _with_payload(
        EnvelopeKind.DU01, payload, functie, sender, receiver, reference, sent_at, cross_reference
    )


def write_fo01(
    fout: Fout,
    sender: Partner | str,
    receiver: Partner | str,
    cross_reference: UUID,
    reference: UUID | None = None,
    *,
    sent_at: datetime | None = None,
) -> bytes:
    """A Fo01 reporting ``fout`` about the envelope with referentienummer ``cross_reference``."""
    root = etree.Element(f"{{{STUF}}}Fo01Bericht", nsmap={"StUF": STUF})
    _stuurgegevens(
        root, EnvelopeKind.FO01, sender, receiver, _uuid4(reference), sent_at, cross_reference, None
    )
    body = etree.SubElement(root, f"{{{STUF}}}body")
    for name in ("code", "plek", "omschrijving"):
        etree.SubElement(body, f"{{{STUF}}}{name}").text = getattr(fout, name)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def read_envelope(data: bytes) -> Envelope:
    """The envelope in ``data``: ``MessageTooLarge`` above the limit, ``NotXml`` for what is not XML,
    ``EnvelopeInvalid`` for XML that is not a Di01, Du01 or Fo01 as written here."""
    tree = parse(data, limit=MAX_ENVELOPE_BYTES)
    root = tree.getroot()
    name = etree.QName(root)
    if (name.namespace, name.localname) == (STUF, "Fo01Bericht"):
        kind, ns = EnvelopeKind.FO01, STUF
    elif name.namespace == GGK and name.localname in (EnvelopeKind.DI01, EnvelopeKind.DU01):
        kind, ns = EnvelopeKind(name.localname), GGK
    else:
        raise EnvelopeInvalid("not a StUF-GGk Di01, Du01 or Fo01")
    stuurgegevens = root.find(f"{{{ns}}}stuurgegevens")
    if stuurgegevens is None:
        raise EnvelopeInvalid("no stuurgegevens")

    def text(path: str) -> str | None:
        found = stuurgegevens.findtext(path.replace("S:", f"{{{STUF}}}"))
        return None if found is None else found.strip()

    if text("S:berichtcode") != kind.value:
        raise EnvelopeInvalid("the berichtcode does not match the envelope")
    try:
        fields = {
            "berichtcode": kind,
            "zender": Partner(
                organisatie=text("S:zender/S:organisatie"), applicatie=text("S:zender/S:applicatie")
            ),
            "ontvanger": Partner(
                organisatie=text("S:ontvanger/S:organisatie"), applicatie=text("S:ontvanger/S:applicatie")
            ),
            "referentienummer": UUID(text("S:referentienummer") or ""),
            "tijdstip_bericht": _moment(text("S:tijdstipBericht") or ""),
            "crossrefnummer": UUID(cross) if (cross := text("S:crossRefnummer")) else None,
            "functie": text("S:functie"),
        }
    except (ValueError, TypeError):
        raise EnvelopeInvalid("the stuurgegevens are incomplete or malformed") from None
    if kind is EnvelopeKind.FO01:
        body = root.find(f"{{{STUF}}}body")
        if body is None:
            raise EnvelopeInvalid("a Fo01 without a body")
        parts = {
            part: (body.findtext(f"{{{STUF}}}{part}") or "").strip()
            for part in ("code", "plek", "omschrijving")
        }
        return Envelope(**fields, fout=Fout(**parts))
    return Envelope(**fields, payload=_payload(root))


def _moment(stamp: str) -> datetime:
    if len(stamp) != 17 or not stamp.isdigit():
        raise ValueError("tijdstipBericht is yyyymmddhhmmssfff")
    return datetime.strptime(stamp[:14], _TIMESTAMP).replace(microsecond=int(stamp[14:]) * 1000)


def _payload(root: etree._Element) -> bytes:
    content = root.findtext(f"{{{GGK}}}Body/{{{GGK}}}Bericht/{{{GGK}}}Inhoud")
    if content is None:
        raise EnvelopeInvalid("no payload (Body/Bericht/Inhoud)")
    try:
        payload = base64.b64decode("".join(content.split()), validate=True)
    except (binascii.Error, ValueError):
        raise EnvelopeInvalid("the payload is not base64") from None
    if len(payload) > MAX_MESSAGE_BYTES:
        raise MessageTooLarge(len(payload), MAX_MESSAGE_BYTES)
    return payload


__all__ = [
    "GGK",
    "MAX_ENVELOPE_BYTES",
    "STUF",
    "Envelope",
    "EnvelopeKind",
    "Fout",
    "Partner",
    "read_envelope",
    "write_di01",
    "write_du01",
    "write_fo01",
]
