"""The scheduled job's commands: ``messages import`` writes a retour per message and says what
became of each file; ``messages export`` writes the messages to send as envelope files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.xml import read, write
from smi_core.municipality import DEFAULT_MUNICIPALITY_FILE
from smi_intake import cli
from smi_intake.composition import build_services
from smi_intake.settings import get_settings
from tests import istandaarden_factories as make

pytestmark = pytest.mark.db


@pytest.fixture
def settings_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_database_url: str) -> Iterator[Path]:
    municipality = tmp_path / "gemeente.toml"
    text = DEFAULT_MUNICIPALITY_FILE.read_text(encoding="utf-8")
    municipality.write_text(text.replace('cbs_code = "0531"', f'cbs_code = "{make.MUNICIPALITY}"'), "utf-8")
    monkeypatch.setenv("SMI_DATABASE_URL", empty_database_url)
    monkeypatch.setenv("SMI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SMI_MUNICIPALITY_FILE", str(municipality))
    monkeypatch.setenv("SMI_ISTANDAARDEN_DIR", str(make.REFERENCE))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_importing_writes_a_retour_per_message_and_fails_for_a_file_that_is_no_message(
    settings_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = settings_env / "start.xml"
    start.write_bytes(write(make.start_zorg()))
    broken = settings_env / "kapot.xml"
    broken.write_bytes(b"geen xml")
    retours = settings_env / "retours"

    code = cli.main(["messages", "import", str(start), str(broken), "--retours", str(retours)])

    printed = capsys.readouterr()
    [retour_file] = retours.iterdir()
    assert code == 1
    assert "start.xml: jw 305 rejected TR019" in printed.out
    assert "kapot.xml: not imported" in printed.err
    assert read(retour_file.read_bytes()).kind.value == "306"


def test_exporting_writes_each_message_to_send_as_an_envelope_once(
    settings_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svc = build_services(get_settings(), datetime.now(UTC), purge_expired_drafts=False)
    svc.messages.send(make.toewijzing(), cli.JOB, datetime.now(UTC))
    svc.dispose()
    out = settings_env / "uit"

    first = cli.main(["messages", "export", "--out", str(out)])
    second = cli.main(["messages", "export", "--out", str(out)])

    [written] = out.iterdir()
    assert (first, second) == (0, 0)
    assert read_envelope(written.read_bytes()).functie == "JW301"
    assert "messages exported: 1" in capsys.readouterr().out
