"""The deadlines page: a worker sees what is overdue and what falls due soon, opens a case from it,
and downloads the deadlines as a calendar file with only the case references."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.constants import CareType
from smi_core.dates import add_months
from smi_core.placement import IndicatedChild, Indication
from smi_intake.db.cases import indication_columns
from smi_intake.db.engine import make_engine
from smi_intake.db.models import CaseRow, IndicationRow
from smi_intake.db.uow import uow_factory
from smi_intake.demo import seed_demo
from smi_intake.settings import get_settings, make_cipher
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app

pytestmark = pytest.mark.db

PASSWORD = "een-lang-wachtwoord"


def _place(database_url: str, owner: str, start: date) -> IndicationRow:
    """One of the demo cases, owned by ``owner`` and placed with an indication from ``start``."""
    svc = services()  # migrates the database
    now = datetime.now(UTC)
    placed = Indication(
        start=start,
        period_months=6,
        care_type=CareType.KDV,
        children=[IndicatedChild(name="Sam", date_of_birth=date(2023, 4, 2), dagdelen_per_week=4)],
    )
    engine = make_engine(database_url)
    try:
        uows = uow_factory(engine, make_cipher(get_settings()))
        seed_demo(uows, svc.intake, now, "WIJzer")
        with uows() as uow:
            case = uow.session.scalars(
                select(CaseRow)
                .where(CaseRow.reference.not_in(select(IndicationRow.reference)))
                .order_by(CaseRow.reference)
                .limit(1)
            ).one()
            case.owner = owner
            columns = indication_columns(placed, svc.municipality, make_cipher(get_settings()), now)
            row = IndicationRow(case_id=case.id, reference=case.reference, **columns)
            uow.session.add(row)
            uow.commit()
            return row
    finally:
        engine.dispose()


def _today() -> date:
    return datetime.now(UTC).astimezone().date()


def _worker_app(role: Role = Role.WIJZER, username: str = "medewerker") -> AppTest:
    svc = services()
    now = datetime.now(UTC)
    svc.accounts.create_account(username, "Test medewerker", role, PASSWORD, now)
    app = new_app()
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.run()
    app.switch_page("pages/staff/deadlines.py").run()
    return app


@pytest.fixture
def calendars(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str, str | None]]:
    """Every file the page offers for download: its data, its type and its name."""
    offered: list[tuple[bytes, str, str | None]] = []
    add = MediaFileManager.add

    def spy(self: MediaFileManager, data: Any, mimetype: str, *args: Any, **kwargs: Any) -> str:
        offered.append((data, mimetype, kwargs.get("file_name")))
        return add(self, data, mimetype, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", spy)
    return offered


def _events(data: bytes) -> list[dict[str, str]]:
    """The events of a calendar file: unfolded, each a dict of property name to value."""
    lines = data.decode("utf-8").replace("\r\n ", "").split("\r\n")
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and ":" in line:
            head, value = line.split(":", 1)
            events[-1].setdefault(head.split(";")[0], value)
    return events


def _seed(database_url: str) -> tuple[IndicationRow, IndicationRow]:
    """Mine: contact overdue, period end within 2 weeks. A colleague's: everything far ahead."""
    today = _today()
    mine = _place(database_url, "medewerker", add_months(today + timedelta(days=10), -6))
    theirs = _place(database_url, "collega", today + timedelta(days=60))
    return mine, theirs


def test_a_worker_sees_an_overdue_contact_and_a_period_end_within_two_weeks(
    app_environment: str, calendars: list[tuple[bytes, str, str | None]]
) -> None:
    mine, theirs = _seed(app_environment)

    app = _worker_app()

    assert not app.exception
    assert app.toggle(key="deadlines_mine").value is True
    overdue, soon, later = (metric.value for metric in app.metric)
    assert (overdue, soon, later) == ("1", "1", "0")
    overdue_table, soon_table = (table.value for table in app.table)
    assert list(overdue_table.iloc[:, 0]) == [mine.reference]
    assert list(overdue_table.iloc[:, 2]) == [mine.contact_due.strftime("%d-%m-%Y")]
    days_overdue = (_today() - mine.contact_due).days
    assert str(days_overdue) in overdue_table.iloc[0, 3]
    assert list(soon_table.iloc[:, 0]) == [mine.reference]
    assert list(soon_table.iloc[:, 2]) == [mine.last_day.strftime("%d-%m-%Y")]
    assert list(overdue_table.iloc[:, 4]) == ["medewerker"]
    assert theirs.reference not in str(app.table[0].value) + str(app.table[1].value)

    data, mimetype, name = calendars[-1]
    assert mimetype == "text/calendar"
    assert name == f"smi-deadlines-{_today().isoformat()}.ics"
    events = _events(data)
    assert [(e["DTSTART"], e["UID"].split("-")[4]) for e in events] == [
        (f"{mine.contact_due:%Y%m%d}", "contact"),
        (f"{mine.last_day:%Y%m%d}", "period_end"),
    ]
    assert all(e["SUMMARY"].startswith(f"SMI {mine.reference}: ") for e in events)
    assert b"medewerker" not in data
    assert b"Sam" not in data


def test_all_cases_and_every_later_deadline_in_the_calendar_when_only_my_cases_is_off(
    app_environment: str, calendars: list[tuple[bytes, str, str | None]]
) -> None:
    mine, theirs = _seed(app_environment)
    app = _worker_app()

    app.toggle(key="deadlines_mine").set_value(False).run()

    assert not app.exception
    references = {e["SUMMARY"].split(":")[0].removeprefix("SMI ") for e in _events(calendars[-1][0])}
    assert references == {mine.reference, theirs.reference}


def test_the_coordinator_sees_every_case_by_default(app_environment: str) -> None:
    _seed(app_environment)

    app = _worker_app(Role.COORDINATOR, "coordinator")

    assert not app.exception
    assert app.toggle(key="deadlines_mine").value is False
    assert [metric.value for metric in app.metric] == ["1", "1", "0"]


def test_a_case_is_opened_from_the_deadlines(app_environment: str) -> None:
    mine, _ = _seed(app_environment)
    app = _worker_app()

    app.selectbox(key="deadlines_open_reference").set_value(mine.reference)
    app.button(key="deadlines_open").click().run()

    assert not app.exception
    assert app.text_input(key="case_reference").value == mine.reference
