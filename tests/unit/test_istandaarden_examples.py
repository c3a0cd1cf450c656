"""Every example message of the reference folder (except the claims 323/325) reads, writes back
valid against its schema, and breaks no level-2 rule, except where the example itself breaks one."""

from __future__ import annotations

from pathlib import Path

import pytest

from smi_core.istandaarden.findings import Rule
from smi_core.istandaarden.rules import check_message
from smi_core.istandaarden.schemas import SchemaCheck
from smi_core.istandaarden.xml import read, write
from tests.istandaarden_factories import reference_schemas
from tests.istandaarden_reference import REFERENCE, REFERENCE_MISSING

EXAMPLES = sorted(
    path for path in REFERENCE.glob("*/examples/*.xml") if not path.name.endswith(("323.xml", "325.xml"))
)
#: Examples that break a level-2 rule themselves, with the finding and why.
KNOWN_FINDINGS = {
    # The NieuwProduct wishes to start on 2026-11-01 and end on 2024-02-28: an end before its start.
    "JW317.xml": [(Rule.DATE_ORDER, "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[1]/Einddatum")],
}


def test_the_reference_folder_holds_the_examples() -> None:
    if not REFERENCE.is_dir():
        pytest.skip(REFERENCE_MISSING)

    assert len(EXAMPLES) == 16


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_an_example_reads_and_writes_back_valid_against_its_schema(path: Path) -> None:
    schemas = reference_schemas()
    assert schemas is not None, REFERENCE_MISSING
    message = read(path.read_bytes(), schemas)

    written = write(message)

    expected = (
        SchemaCheck.PASSED if schemas.has_schema(message.kind, message.domain) else SchemaCheck.UNAVAILABLE
    )
    assert schemas.validate(written, message.kind, message.domain) is expected
    assert read(written) == message


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_an_example_breaks_no_level_2_rule_unless_known(path: Path) -> None:
    message = read(path.read_bytes())

    findings = check_message(message)

    assert [(finding.rule, finding.path) for finding in findings] == KNOWN_FINDINGS.get(path.name, [])
