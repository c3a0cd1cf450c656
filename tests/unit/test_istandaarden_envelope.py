"""The StUF-GGk envelope: a Di01 round trip, and reading a Du01 and a Fo01."""

from __future__ import annotations

import base64
import uuid
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smi_core.istandaarden.codes import Domain, MessageKind
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
from smi_core.istandaarden.errors import EnvelopeInvalid, MessageTooLarge, NotXml
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.safe_xml import MAX_MESSAGE_BYTES
from smi_core.istandaarden.xml import read, write
from tests.istandaarden_factories import MUNICIPALITY, PROVIDER, toewijzing

SENT = datetime(2026, 4, 1, 12, 30, 15, 250_000)
GGK = Partner(organisatie="GGK", applicatie="GGK")

FO01 = b"""<?xml version="1.0" encoding="UTF-8"?>
<StUF:Fo01Bericht xmlns:StUF="http://www.egem.nl/StUF/StUF0301">
  <StUF:stuurgegevens>
    <StUF:berichtcode>Fo01</StUF:berichtcode>
    <StUF:zender><StUF:organisatie>0384</StUF:organisatie><StUF:applicatie>Zaaksysteem</StUF:applicatie></StUF:zender>
    <StUF:ontvanger><StUF:organisatie>GGK</StUF:organisatie></StUF:ontvanger>
    <StUF:referentienummer>6f1c2b7e-8c1a-4d7e-9f3b-2a5d1c0e4b11</StUF:referentienummer>
    <StUF:tijdstipBericht>20260401123015250</StUF:tijdstipBericht>
    <StUF:crossRefnummer>0b9e8a53-2f44-4c7e-8d21-7c1f3e5a9d02</StUF:crossRefnummer>
  </StUF:stuurgegevens>
  <StUF:body>
    <StUF:code>StUF055</StUF:code>
    <StUF:plek>server</StUF:plek>
    <StUF:omschrijving>Het bericht voldoet niet aan het XSD</StUF:omschrijving>
  </StUF:body>
</StUF:Fo01Bericht>"""


def test_a_di01_carries_the_message_and_reads_back() -> None:
    message = write(toewijzing(Domain.WMO))
    reference = uuid.uuid4()

    envelope = read_envelope(
        write_di01(
            message, MessageKind.TOEWIJZING.functie(Domain.WMO), MUNICIPALITY, GGK, reference, sent_at=SENT
        )
    )

    assert envelope == Envelope(
        berichtcode=EnvelopeKind.DI01,
        zender=Partner(organisatie=MUNICIPALITY),
        ontvanger=GGK,
        referentienummer=reference,
        tijdstip_bericht=SENT,
        functie="WMO301",
        payload=message,
    )
    assert read(envelope.payload or b"") == toewijzing(Domain.WMO)


def test_a_di01_gets_a_new_uuid_v4_and_a_base64_payload_without_byte_order_mark() -> None:
    message = write(toewijzing(Domain.JW))

    data = write_di01(b"\xef\xbb\xbf" + message, "JW301", MUNICIPALITY, GGK)
    envelope = read_envelope(data)

    assert envelope.referentienummer.version == 4
    assert base64.b64encode(message) in data
    assert envelope.payload == message


def test_a_du01_names_the_di01_it_answers() -> None:
    heen = toewijzing(Domain.JW)
    di01 = read_envelope(write_di01(write(heen), "JW301", MUNICIPALITY, GGK))
    retour = write(make_retour(heen, [], identification="R-1", on=SENT.date()))

    du01 = read_envelope(write_du01(retour, "JW302", PROVIDER, GGK, cross_reference=di01.referentienummer))

    assert du01.berichtcode is EnvelopeKind.DU01
    assert du01.crossrefnummer == di01.referentienummer
    assert du01.functie == "JW302"
    assert read(du01.payload or b"").kind is MessageKind.TOEWIJZING_RETOUR


def test_a_fo01_reads_as_its_error_code_and_text() -> None:
    envelope = read_envelope(FO01)

    assert envelope.berichtcode is EnvelopeKind.FO01
    assert envelope.fout == Fout(
        code="StUF055", plek="server", omschrijving="Het bericht voldoet niet aan het XSD"
    )
    assert envelope.crossrefnummer == uuid.UUID("0b9e8a53-2f44-4c7e-8d21-7c1f3e5a9d02")
    assert envelope.zender == Partner(organisatie="0384", applicatie="Zaaksysteem")
    assert envelope.payload is None


def test_a_written_fo01_reads_back() -> None:
    fout = Fout(code="StUF055", plek="client", omschrijving="XSD")
    cross = uuid.uuid4()

    envelope = read_envelope(write_fo01(fout, MUNICIPALITY, GGK, cross, sent_at=SENT))

    assert (envelope.fout, envelope.crossrefnummer, envelope.tijdstip_bericht) == (fout, cross, SENT)


def test_an_envelope_larger_than_its_limit_is_refused_before_parsing() -> None:
    data = write_di01(b"<x/>", "WMO301", MUNICIPALITY, GGK) + b" " * (MAX_MESSAGE_BYTES * 2)

    with pytest.raises(MessageTooLarge) as caught:
        read_envelope(data)

    assert caught.value.rule == "OP179"


def test_a_payload_larger_than_25_mb_cannot_be_sent() -> None:
    with pytest.raises(MessageTooLarge):
        write_di01(b" " * (MAX_MESSAGE_BYTES + 1), "WMO301", MUNICIPALITY, GGK)


def test_a_reference_that_is_not_a_uuid_v4_is_refused() -> None:
    with pytest.raises(ValueError, match="version 4"):
        write_di01(b"<x/>", "WMO301", MUNICIPALITY, GGK, uuid.uuid1())


@pytest.mark.parametrize(
    "data",
    [
        b"<other/>",
        FO01.replace(b"<StUF:berichtcode>Fo01", b"<StUF:berichtcode>Di01"),
        FO01.replace(b"6f1c2b7e-8c1a-4d7e-9f3b-2a5d1c0e4b11", b"not-a-uuid"),
        FO01.replace(b"20260401123015250", b"2026-04-01"),
        write_di01(b"<x/>", "WMO301", MUNICIPALITY, GGK).replace(b"PHgvPg==", b"not base64!"),
    ],
    ids=["another root", "wrong berichtcode", "bad reference", "bad timestamp", "bad base64"],
)
def test_a_malformed_envelope_is_refused_as_such(data: bytes) -> None:
    with pytest.raises(EnvelopeInvalid) as caught:
        read_envelope(data)

    assert (caught.value.level, caught.value.rule) == (1, "StUF-GGk")


def test_an_envelope_with_a_doctype_is_refused() -> None:
    with pytest.raises(NotXml):
        read_envelope(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + FO01.split(b"?>", 1)[1])


@settings(max_examples=25, deadline=None)
@given(payload=st.text(min_size=1, max_size=200).map(lambda text: text.encode("utf-8")))
def test_any_utf8_payload_survives_the_envelope(payload: bytes) -> None:
    if payload.startswith(b"\xef\xbb\xbf"):
        payload = payload[3:] or b"x"

    envelope = read_envelope(write_di01(payload, "JW305", PROVIDER, GGK))

    assert envelope.payload == payload
