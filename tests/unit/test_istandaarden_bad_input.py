"""Bad input is refused with a named error that says the level, the rule and the place, and never
shows a Bsn or a name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smi_core.errors import Refusal
from smi_core.istandaarden.codes import Domain, MessageKind
from smi_core.istandaarden.errors import (
    MessageRejected,
    MessageTooLarge,
    NotXml,
    SchemaInvalid,
    SchemasUnavailable,
    UnknownMessageSet,
)
from smi_core.istandaarden.safe_xml import MAX_MESSAGE_BYTES
from smi_core.istandaarden.schemas import SchemaSet
from smi_core.istandaarden.xml import read, write
from tests.istandaarden_factories import BSN, reference_schemas, toewijzing
from tests.istandaarden_reference import REFERENCE_MISSING

NAME = "Wit"


def valid() -> bytes:
    return write(toewijzing(Domain.JW))


def rejection(data: bytes, schemas: SchemaSet | None = None) -> MessageRejected:
    with pytest.raises(MessageRejected) as caught:
        read(data, schemas)
    return caught.value


def shows_no_personal_data(error: Exception) -> bool:
    return all(secret not in text for secret in (BSN, NAME, BSN[:8]) for text in (str(error), repr(error)))


def test_data_that_is_not_xml_is_refused_at_level_1() -> None:
    error = rejection(b"Bsn 999900006, not XML at all")

    assert isinstance(error, NotXml)
    assert (error.level, error.rule, error.retour_code) == (1, "XSD", None)
    assert shows_no_personal_data(error)


def test_xml_of_another_namespace_is_an_unknown_message_set() -> None:
    data = valid().replace(b"http://www.istandaarden.nl/ijw/3_2/jw301/schema", b"urn:example:other")

    error = rejection(data)

    assert isinstance(error, UnknownMessageSet)
    assert (error.level, error.path) == (1, "/")


def test_a_claim_message_is_an_unknown_message_set_here() -> None:
    data = valid().replace(b"jw301", b"jw323")

    error = rejection(data)

    assert isinstance(error, UnknownMessageSet)
    assert "323" in str(error)


def test_an_external_entity_stays_inert_and_is_refused() -> None:
    data = (
        valid()
        .replace(
            b"<?xml version='1.0' encoding='UTF-8'?>",
            b"<?xml version='1.0' encoding='UTF-8'?>\n"
            b'<!DOCTYPE Bericht [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        )
        .replace(b"<ijw:Achternaam>Wit", b"<ijw:Achternaam>&secret;Wit", 1)
    )

    error = rejection(data)

    assert isinstance(error, NotXml)
    assert "root:" not in str(error)


def test_an_entity_expansion_bomb_stays_inert_and_is_refused() -> None:
    bomb = b'<!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><b>&b;</b>'

    error = rejection(bomb)

    assert isinstance(error, NotXml)


def test_a_message_larger_than_25_mb_is_refused_before_it_is_parsed() -> None:
    data = valid() + b" " * MAX_MESSAGE_BYTES

    error = rejection(data)

    assert isinstance(error, MessageTooLarge)
    assert (error.level, error.rule) == (1, "OP179")


def test_a_schema_error_names_the_place_and_line_but_not_the_value() -> None:
    schemas = reference_schemas()
    if schemas is None:
        pytest.skip(REFERENCE_MISSING)
    data = valid().replace(f"<jw301:Bsn>{BSN}".encode(), f"<jw301:Bsn>{BSN[:8]}".encode())

    error = rejection(data, schemas)

    assert isinstance(error, SchemaInvalid)
    assert (error.level, error.rule, error.path) == (1, "XSD", "/Bericht/Client/Bsn")
    assert error.line is not None
    assert shows_no_personal_data(error)


def test_without_schemas_a_value_out_of_range_is_still_a_schema_error_at_its_place() -> None:
    data = valid().replace(b"<jw301:ToewijzingNummer>1001<", b"<jw301:ToewijzingNummer>1000000000<")

    error = rejection(data)

    assert isinstance(error, SchemaInvalid)
    assert error.path == "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/ToewijzingNummer"


def test_without_schemas_an_element_out_of_order_is_a_schema_error() -> None:
    data = (
        valid()
        .replace(b"<jw301:Geslacht>2</jw301:Geslacht>", b"")
        .replace(b"<jw301:Contactgegevens>", b"<jw301:Geslacht>2</jw301:Geslacht><jw301:Contactgegevens>")
    )

    error = rejection(data)

    assert isinstance(error, SchemaInvalid)
    assert error.path == "/Bericht/Client/Geslacht"


def test_a_wrong_bericht_code_is_a_schema_error_in_the_header() -> None:
    data = valid().replace(b"<jw301:BerichtCode>436<", b"<jw301:BerichtCode>414<")

    error = rejection(data)

    assert isinstance(error, SchemaInvalid)
    assert error.path == "/Bericht/Header/BerichtCode"


def test_a_missing_schema_folder_says_schema_checks_are_off() -> None:
    with pytest.raises(SchemasUnavailable) as caught:
        SchemaSet.from_folder("/nonexistent/istandaarden")

    assert isinstance(caught.value, Refusal)
    assert caught.value.message_id == "istandaarden.schemas_off"


def test_a_kind_without_a_schema_file_is_reported_as_unavailable_not_as_an_error() -> None:
    schemas = reference_schemas()
    if schemas is None:
        pytest.skip(REFERENCE_MISSING)

    outcome = schemas.validate(valid(), MessageKind.TOEWIJZING_RETOUR, Domain.WMO)

    assert outcome == "unavailable"


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=400))
def test_any_bytes_read_as_a_message_or_a_named_rejection(data: bytes) -> None:
    try:
        read(data)
    except MessageRejected as error:
        assert error.level == 1
        assert error.rule in {"XSD", "OP179"}


@settings(max_examples=50, deadline=None)
@given(cut=st.integers(min_value=1, max_value=2000))
def test_a_truncated_message_is_not_xml(cut: int) -> None:
    data = valid()

    error = rejection(data[: min(cut, len(data) - 1)])

    assert isinstance(error, NotXml)
    assert shows_no_personal_data(error)


@pytest.mark.parametrize("with_schemas", [True, False], ids=["with schemas", "without schemas"])
@settings(max_examples=25, deadline=None)
@given(value=st.text("0123456789abcXYZ", min_size=10, max_size=12))
def test_a_wrong_bsn_never_shows_in_the_error(with_schemas: bool, value: str) -> None:
    data = valid().replace(f"<jw301:Bsn>{BSN}".encode(), f"<jw301:Bsn>{value}".encode())

    error = rejection(data, reference_schemas() if with_schemas else None)

    assert error.path == "/Bericht/Client/Bsn"
    assert value not in str(error)
    assert value not in repr(error)
