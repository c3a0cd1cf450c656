"""The Berichten page: the municipal back office sees the outbox and exports it as envelopes, finds
a client's messages, and is told when the schema check is off; others cannot open it."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.i18n import gettext
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.xml import write
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import istandaarden_factories as make
from tests.app.conftest import APP

pytestmark = pytest.mark.db

PAGE = str(Path(APP).parent / "pages" / "staff" / "messages.py")


def nl(message: str, **values: object) -> str:
    return gettext("nl", message, **values)


@pytest.fixture(autouse=True)
def municipality_of_the_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The factories' messages are for municipality 0384; the schemas are the reference ones."""
    from smi_core.municipality import DEFAULT_MUNICIPALITY_FILE
    from smi_intake.settings import get_settings

    file = tmp_path / "gemeente.toml"
    text = DEFAULT_MUNICIPALITY_FILE.read_text(encoding="utf-8")
    file.write_text(text.replace('cbs_code = "0531"', f'cbs_code = "{make.MUNICIPALITY}"'), "utf-8")
    monkeypatch.setenv("SMI_MUNICIPALITY_FILE", str(file))
    monkeypatch.setenv("SMI_ISTANDAARDEN_DIR", str(make.REFERENCE))
    get_settings.cache_clear()
    services.clear()


def page_as(role: Role, username: str = "g.backoffice") -> AppTest:
    svc = services()
    now = datetime.now(UTC)
    organisation = "GGD" if role is Role.AGENCY else ""
    svc.accounts.create_account(
        username, f"Test {username}", role, "een-lang-wachtwoord", now, organisation=organisation
    )
    app = AppTest.from_file(PAGE, default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    return app.run()


def test_the_back_office_exports_the_messages_to_send_as_envelopes() -> None:
    app = page_as(Role.GEMEENTE)
    account = services().accounts.session_account("g.backoffice", datetime.now(UTC))
    services().messages.send(make.toewijzing(), account, datetime.now(UTC))
    app.run()

    assert [m.value for m in app.metric] == ["1", "0"]
    app.button(key="messages_export").click().run()

    assert not app.exception
    assert [m.value for m in app.metric] == ["0", "0"]
    assert any(nl("%(count)s messages are ready as envelope files.", count=1) in s.value for s in app.success)
    data, _count = app.session_state["messages_exported"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        [name] = archive.namelist()
        assert read_envelope(archive.read(name)).functie == "JW301"


def test_a_clients_messages_are_found_by_bsn_and_a_wrong_number_is_told() -> None:
    app = page_as(Role.GEMEENTE)
    account = services().accounts.session_account("g.backoffice", datetime.now(UTC))
    services().messages.send(make.toewijzing(), account, datetime.now(UTC))
    app.run()

    app.text_input(key="messages_find_client").input("12345").run()
    wrong = [e.value for e in app.error]
    app.text_input(key="messages_find_client").input(make.BSN).run()

    assert nl("Write only the digits of the number.") in wrong
    found = app.table[-1].value
    assert list(found["Bericht"]) == ["301"] and make.BSN not in found.to_string()


def test_without_a_schema_folder_the_page_says_the_schema_check_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smi_intake.settings import get_settings

    monkeypatch.delenv("SMI_ISTANDAARDEN_DIR")
    get_settings.cache_clear()
    services.clear()

    app = page_as(Role.GEMEENTE)

    assert any("SMI_ISTANDAARDEN_DIR" in i.value for i in app.info)


@pytest.mark.parametrize("role", [Role.WIJZER, Role.COORDINATOR, Role.AGENCY, Role.ADMIN])
def test_no_one_else_opens_the_messages(role: Role) -> None:
    app = page_as(role, f"user.{role.value}")

    assert not app.tabs
    assert not app.metric


def test_a_providers_request_waiting_for_an_answer_shows_on_the_deadlines_page() -> None:
    office = page_as(Role.GEMEENTE)
    assert not office.exception
    account = services().accounts.session_account("g.backoffice", datetime.now(UTC))
    [outcome] = services().messages.import_files(
        [("315.xml", write(make.verzoek_om_toewijzing()))], account, datetime.now(UTC)
    )
    svc = services()
    now = datetime.now(UTC)
    svc.accounts.create_account("w.jansen", "W. Jansen", Role.WIJZER, "een-lang-wachtwoord", now)
    app = AppTest.from_file(str(Path(APP).parent / "pages" / "staff" / "deadlines.py"), default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("w.jansen", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.run()

    assert outcome.accepted and not app.exception
    assert any(nl("Requests of providers waiting for an answer") in h.value for h in app.subheader)
    [table] = [t.value for t in app.table if "Referentie van de aanbieder" in t.value.columns]
    assert list(table["Bericht"]) == ["iJw 315"] and list(table["Referentie van de aanbieder"]) == ["REF-1"]
