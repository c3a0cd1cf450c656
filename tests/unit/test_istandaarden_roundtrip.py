"""Every message kind of both sets, with any content: written, it passes its schema (where the schema
exists) and reads back as the same model."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smi_core.istandaarden.codes import Domain, MessageKind
from smi_core.istandaarden.schemas import SchemaCheck
from smi_core.istandaarden.xml import read, write
from tests.istandaarden_factories import reference_schemas, toewijzing
from tests.istandaarden_reference import REFERENCE_MISSING
from tests.istandaarden_strategies import messages

ROUND_TRIP = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CASES = [(kind, domain) for kind in MessageKind for domain in Domain]


@pytest.mark.parametrize(("kind", "domain"), CASES, ids=[f"{d.prefix}{k.value}" for k, d in CASES])
@ROUND_TRIP
@given(data=st.data())
def test_a_written_message_passes_its_schema_and_reads_back_as_the_same_model(
    kind: MessageKind, domain: Domain, data: st.DataObject
) -> None:
    schemas = reference_schemas()
    if schemas is None:
        pytest.skip(REFERENCE_MISSING)
    message = data.draw(messages(kind, domain))

    written = write(message)

    expected = SchemaCheck.PASSED if schemas.has_schema(kind, domain) else SchemaCheck.UNAVAILABLE
    assert schemas.validate(written, kind, domain) is expected
    assert read(written) == message


def test_a_written_message_is_utf8_without_a_byte_order_mark_in_the_sets_namespaces() -> None:
    message = toewijzing(Domain.WMO)

    written = write(message)

    assert written.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<wmo301:Bericht")
    assert b'xmlns:wmo301="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"' in written
    assert b'xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"' in written


def test_the_reference_folder_lacks_only_the_iwmo_retour_schemas() -> None:
    schemas = reference_schemas()
    if schemas is None:
        pytest.skip(REFERENCE_MISSING)

    unavailable = [kind for kind in MessageKind if not schemas.has_schema(kind, Domain.WMO)]

    assert unavailable == [kind for kind in MessageKind if kind.is_retour]
    assert all(schemas.has_schema(kind, Domain.JW) for kind in MessageKind)
