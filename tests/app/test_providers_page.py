"""The providers page: the coordinator adds, changes, deactivates and imports locations; a WIJzer
worker reads the register and downloads it, without any way to change it.

Texts are checked through keys and data, not through translated labels.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.constants import CareType
from smi_core.providers import ProviderLocationEntry
from smi_intake.services.accounts import Account
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app

pytestmark = pytest.mark.db

PAGE = "pages/staff/providers.py"
#: The SMI coordinator keeps the register (administrators may too).
EDITOR = Role.COORDINATOR
HEADER = "houder;contactpersoon;telefoon;e-mail;locatie;adres;lrk;opvangsoorten"


def _app(role: Role) -> AppTest:
    svc = services()
    now = datetime.now(UTC)
    username = f"test-{role.value}"
    svc.accounts.create_account(username, "Test", role, "een-lang-wachtwoord", now)
    app = new_app()
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.run()
    app.switch_page(PAGE).run()
    assert not app.exception
    return app


def _seed_location(name: str = "Centrum", lrk: str = "100000001") -> int:
    editor = Account("seed", "Seed", Role.ADMIN, "", "", True)
    entry = ProviderLocationEntry(
        provider_name="Kinderopvang De Voorbeeldtuin",
        contact_name="Demo planner",
        phone="078 000 00 01",
        email="planning@voorbeeldtuin.example",
        location_name=name,
        address="Voorbeeldlaan 1, 3341 AA Hendrik-Ido-Ambacht",
        lrk_number=lrk,
        care_types=frozenset({CareType.KDV}),
    )
    return services().providers.save(editor, entry, datetime.now(UTC))


def _table_column(app: AppTest, position: int) -> list[str]:
    frame = app.dataframe[0].value
    return [str(value) for value in frame.iloc[:, position]]


def test_a_coordinator_adds_a_location_and_sees_it_in_the_register() -> None:
    app = _app(EDITOR)

    app.text_input(key="providers_new_provider_name").input("Kinderopvang De Proeftuin")
    app.text_input(key="providers_new_location_name").input("Proeftuin Zuid")
    app.text_input(key="providers_new_address").input("Proefstraat 3, 3343 CC Hendrik-Ido-Ambacht")
    app.text_input(key="providers_new_lrk_number").input("100 000 009")
    app.multiselect(key="providers_new_care_types").select(CareType.BSO)
    app.text_input(key="providers_new_phone").input("+31 78 000 00 09")
    app.button(key="providers_new_save").click().run()

    assert not app.exception
    assert not app.error
    assert len(app.success) == 1
    assert _table_column(app, 0) == ["Kinderopvang De Proeftuin"]
    assert _table_column(app, 1) == ["Proeftuin Zuid"]
    assert _table_column(app, 2) == ["100000009"]
    assert _table_column(app, 3) == ["BSO"]
    (saved,) = services().providers.locations()
    assert (saved.phone, saved.care_types) == ("+31 78 000 00 09", frozenset({CareType.BSO}))
    assert app.selectbox(key="providers_edit_choice").value == saved.id


def test_a_wrong_lrk_number_in_the_form_is_explained_and_nothing_is_saved() -> None:
    app = _app(EDITOR)

    app.text_input(key="providers_new_provider_name").input("Kinderopvang De Proeftuin")
    app.text_input(key="providers_new_location_name").input("Proeftuin Zuid")
    app.text_input(key="providers_new_lrk_number").input("12345")
    app.button(key="providers_new_save").click().run()

    assert not app.exception
    assert len(app.error) == 2  # the LRK number and the missing care type
    assert services().providers.locations(active_only=False) == []


def test_a_coordinator_changes_and_deactivates_an_existing_location() -> None:
    location_id = _seed_location()
    app = _app(EDITOR)

    app.selectbox(key="providers_edit_choice").set_value(location_id).run()
    prefix = f"providers_{location_id}_"
    assert app.text_input(key=f"{prefix}location_name").value == "Centrum"
    app.text_input(key=f"{prefix}location_name").input("Centrum-Oost")
    app.button(key=f"{prefix}save").click().run()
    app.button(key="providers_toggle_active").click().run()

    assert not app.exception
    view = services().providers.location(location_id)
    assert (view.name, view.active) == ("Centrum-Oost", False)
    assert not app.dataframe  # the default list shows active locations only
    app.checkbox(key="providers_show_inactive").check().run()
    assert _table_column(app, 1) == ["Centrum-Oost"]


def test_a_wijzer_worker_reads_and_downloads_the_register_but_cannot_change_it() -> None:
    _seed_location("Centrum", "100000001")
    _seed_location("Noord", "100000002")

    app = _app(Role.WIJZER)

    assert _table_column(app, 1) == ["Centrum", "Noord"]
    assert app.download_button
    assert not app.text_input
    assert not app.file_uploader
    assert not [b for b in app.button if b.key and b.key.startswith("providers_")]


def test_the_care_type_filter_narrows_the_register() -> None:
    _seed_location("Centrum", "100000001")
    app = _app(Role.WIJZER)

    app.selectbox(key="providers_care_type").set_value(CareType.BSO).run()

    assert not app.dataframe
    app.selectbox(key="providers_care_type").set_value(CareType.KDV).run()
    assert _table_column(app, 1) == ["Centrum"]


def _upload(app: AppTest, *rows: str) -> AppTest:
    data = ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")
    app.file_uploader(key="providers_upload").set_value(("register.csv", data, "text/csv")).run()
    return app


ROW = "Kinderopvang De Proeftuin;;;;{name};Proefstraat 3;{lrk};kdv|bso"


def test_an_upload_with_a_wrong_line_names_the_line_and_saves_nothing() -> None:
    _seed_location("Centrum", "100000001")
    app = _app(EDITOR)

    _upload(
        app,
        ROW.format(name="Zuid", lrk="100000002"),
        ROW.format(name="West", lrk="100000003"),
        ROW.format(name="Oost", lrk="1000"),
    )

    assert not app.exception
    (message,) = [e.value for e in app.error]
    assert "4" in message
    assert "lrk" in message
    assert not [b for b in app.button if b.key == "providers_import"]
    assert [v.name for v in services().providers.locations(active_only=False)] == ["Centrum"]


def test_a_correct_upload_is_previewed_and_imported_on_request() -> None:
    _seed_location("Centrum", "100000001")
    app = _app(EDITOR)

    _upload(
        app, ROW.format(name="Centrum vernieuwd", lrk="100000001"), ROW.format(name="Zuid", lrk="100000002")
    )
    assert not app.error
    assert any("2" in i.value for i in app.info)
    assert [v.name for v in services().providers.locations()] == ["Centrum"]
    app.button(key="providers_import").click().run()

    assert not app.exception
    assert len(app.success) == 1
    views = services().providers.locations()
    assert sorted((v.lrk_number, v.name) for v in views) == [
        ("100000001", "Centrum vernieuwd"),
        ("100000002", "Zuid"),
    ]
