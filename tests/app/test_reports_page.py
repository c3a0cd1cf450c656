"""The reports page: municipality staff and the SMI coordinator see each report as a chart with its
figures beside it and can download them as CSV; a WIJzer worker cannot open it."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.dates import add_months
from smi_core.i18n import gettext
from smi_core.reports import Quarter, month_label, month_start
from smi_intake.db.engine import make_engine
from smi_intake.db.models import (
    AuditEvent,
    CaseEventRow,
    CaseRow,
    IndicationRow,
    ProviderRow,
    SubsidyApplicationRow,
)
from smi_intake.db.uow import uow_factory
from smi_intake.documents import format_cell
from smi_intake.services.reports import LOCAL_ZONE, local_day
from smi_intake.settings import get_settings, make_cipher
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import APP, new_app

pytestmark = pytest.mark.db

PAGE = str(Path(APP).parent / "pages" / "staff" / "reports.py")
TODAY = local_day(datetime.now(UTC))
THIS_MONTH = month_start(TODAY)
LAST_MONTH = add_months(THIS_MONTH, -1)
TABLES = ["requests", "outcomes", "days", "active", "extensions", "costs"]


def nl(message: str) -> str:
    return gettext("nl", message)


def moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LOCAL_ZONE).astimezone(UTC)


def _case(reference: str, received: date, source: str = "ouder", status: str = "new") -> CaseRow:
    return CaseRow(
        reference=reference,
        source=source,
        status=status,
        outcome="eligible",
        received_at=moment(received),
        locale="nl",
        payload=b"sealed",
        organisation="GGD" if source == "instantie" else "",
        created_by="test",
    )


def _seed(database_url: str) -> None:
    """Last month: two requests from parents, one granted after 10 days; an indication running since
    then; a paid subsidy application of 1 234,56 euros. This month: one request from an agency."""
    services()  # migrates the database
    engine = make_engine(database_url)
    with uow_factory(engine, make_cipher(get_settings()))() as uow:
        granted = _case("SMI-TEST-000001", LAST_MONTH + timedelta(days=2), status="granted")
        waiting = _case("SMI-TEST-000002", LAST_MONTH + timedelta(days=4))
        agency = _case("SMI-TEST-000003", THIS_MONTH, source="instantie")
        provider = ProviderRow(name="Kinderopvang De Boomhut", updated_at=moment(LAST_MONTH))
        uow.session.add_all([granted, waiting, agency, provider])
        uow.session.flush()
        quarter = Quarter.of(LAST_MONTH)
        uow.session.add_all(
            [
                CaseEventRow(
                    case_id=granted.id,
                    occurred_at=moment(LAST_MONTH + timedelta(days=12)),
                    actor="w.jansen",
                    kind="team_decision",
                    from_status="in_team_meeting",
                    to_status="granted",
                    note="granted",
                ),
                IndicationRow(
                    case_id=granted.id,
                    reference="SMI-TEST-000001",
                    care_type="kdv",
                    start=LAST_MONTH,
                    period_months=6,
                    extensions=1,
                    contact_due=add_months(LAST_MONTH, 3),
                    last_day=add_months(LAST_MONTH, 9),
                    hard_stop=add_months(LAST_MONTH, 12),
                    children=1,
                    dagdelen_per_week=4,
                    payload=b"sealed",
                    updated_at=moment(LAST_MONTH),
                ),
                SubsidyApplicationRow(
                    provider_id=provider.id,
                    year=quarter.year,
                    quarter=quarter.number,
                    status="paid",
                    amount_cents=123_456,
                    submitted_by="houder",
                    submitted_at=moment(LAST_MONTH),
                ),
            ]
        )
        uow.commit()
    engine.dispose()


def _page_as(role: Role, username: str) -> AppTest:
    svc = services()
    now = datetime.now(UTC)
    svc.accounts.create_account(username, f"Test {username}", role, "een-lang-wachtwoord", now)
    app = AppTest.from_file(PAGE, default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    return app.run()


def _tables(app: AppTest) -> dict[str, Any]:
    assert len(app.table) == len(TABLES)
    return {name: table.value for name, table in zip(TABLES, app.table, strict=True)}


@pytest.mark.parametrize(("role", "username"), [(Role.GEMEENTE, "g.beleid"), (Role.COORDINATOR, "c.devos")])
def test_municipality_staff_and_the_coordinator_see_the_figures_of_the_seeded_data(
    app_environment: str, role: Role, username: str
) -> None:
    _seed(app_environment)

    app = _page_as(role, username)

    assert not app.exception
    assert app.title[0].value == nl("Reports")
    tables = _tables(app)
    requests = tables["requests"]
    assert list(requests.index) == [month_label(m) for m in _months()]
    assert requests.loc[month_label(LAST_MONTH)].tolist() == ["2", "0", "2"]
    assert requests.loc[month_label(THIS_MONTH)].tolist() == ["0", "1", "1"]
    outcomes = tables["outcomes"].iloc[:, 0]
    assert outcomes[nl("Granted")] == "1"
    assert outcomes[nl("No decision yet")] == "2"
    days = tables["days"]
    assert days.loc[month_label(LAST_MONTH)].tolist() == ["1", "10", "10", "10"]
    assert days.loc[nl("All")].tolist() == ["1", "10", "10", "10"]
    active = tables["active"].iloc[:, 0]
    assert active[month_label(LAST_MONTH)] == "1" and active[month_label(THIS_MONTH)] == "1"
    assert active[month_label(add_months(LAST_MONTH, -1))] == "0"
    assert tables["extensions"].iloc[:, 0].tolist() == ["0", "1", "0"]
    euros = format_cell(Decimal("1234.56"), "nl")
    assert tables["costs"].loc[Quarter.of(LAST_MONTH).label].tolist() == ["1", euros, euros, euros]


def _months() -> list[date]:
    first = add_months(THIS_MONTH, -11)
    return [add_months(first, n) for n in range(12)]


def test_every_report_has_a_chart_a_table_and_a_csv_download_and_one_for_all(app_environment: str) -> None:
    app = _page_as(Role.GEMEENTE, "g.beleid")

    keys = [b.key for b in app.get("download_button")]
    charts = app.get("vega_lite_chart")

    assert keys == [
        "reports_csv_requests_per_month",
        "reports_csv_outcomes",
        "reports_csv_days_to_decision",
        "reports_csv_active_indications",
        "reports_csv_extensions",
        "reports_csv_costs_per_quarter",
        "reports_csv_all",
    ]
    assert len(charts) == 6
    assert len(app.table) == 6
    first = json.loads(charts[0].proto.spec)
    assert first["title"] == nl("Requests per month")
    assert first["encoding"]["x"]["title"] == nl("Month")
    assert first["encoding"]["y"]["title"] == nl("Requests")
    assert all(chart.proto.alt for chart in charts)


def test_the_csv_files_open_in_excel_with_the_figures(
    app_environment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(app_environment)
    files: dict[str, bytes] = {}
    load = MemoryMediaFileStorage.load_and_get_id

    def keep(
        self: MemoryMediaFileStorage, data: str | bytes, mimetype: str, kind: Any, filename: str | None = None
    ) -> str:
        if filename and isinstance(data, bytes):
            files[filename] = data
        return load(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)

    app = _page_as(Role.COORDINATOR, "c.devos")

    assert not app.exception
    since, until = add_months(THIS_MONTH, -11), TODAY
    costs = files[f"smi-costs_per_quarter-{since.isoformat()}-{until.isoformat()}.csv"]
    assert costs.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(costs.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [nl(h) for h in ("Quarter", "Applications", "Applied for", "Approved", "Paid")]
    assert [Quarter.of(LAST_MONTH).label, "1", "1234,56", "1234,56", "1234,56"] in rows
    everything = files[f"smi-reports-{since.isoformat()}-{until.isoformat()}.csv"].decode("utf-8-sig")
    all_rows = list(csv.reader(io.StringIO(everything), delimiter=";"))
    assert all_rows[0] == [nl(h) for h in ("Report", "Row", "Measure", "Value")]
    assert [nl("Requests per month"), month_label(LAST_MONTH), nl("Total"), "2"] in all_rows


def test_a_shorter_period_shows_only_its_months_and_is_audited(app_environment: str) -> None:
    _seed(app_environment)
    app = _page_as(Role.GEMEENTE, "g.beleid")

    app.date_input(key="reports_since").set_value(LAST_MONTH)
    app.date_input(key="reports_until").set_value(month_start(TODAY) - timedelta(days=1)).run()

    assert not app.exception
    requests = _tables(app)["requests"]
    assert list(requests.index) == [month_label(LAST_MONTH)]
    engine = make_engine(app_environment)
    with uow_factory(engine, make_cipher(get_settings()))() as uow:
        details = list(
            uow.session.scalars(
                select(AuditEvent.detail).where(AuditEvent.action == "reports.viewed").order_by(AuditEvent.id)
            )
        )
    engine.dispose()
    last_day = (THIS_MONTH - timedelta(days=1)).isoformat()
    assert details[-1] == f"{LAST_MONTH.isoformat()}..{last_day}"


def test_a_period_ending_before_it_starts_gets_a_clear_message(app_environment: str) -> None:
    app = _page_as(Role.GEMEENTE, "g.beleid")

    app.date_input(key="reports_since").set_value(TODAY)
    app.date_input(key="reports_until").set_value(TODAY - timedelta(days=1)).run()

    assert not app.exception
    assert [e.value for e in app.error] == [nl("Choose a period whose start lies before its end.")]
    assert len(app.table) == 0


def test_a_wijzer_worker_cannot_open_the_reports(app_environment: str) -> None:
    _seed(app_environment)

    direct = _page_as(Role.WIJZER, "w.jansen")

    assert [e.value for e in direct.error] == [nl("You do not have access to this page.")]
    assert len(direct.title) == 0 and len(direct.table) == 0
    app = new_app()
    app.session_state[ACCOUNT_KEY] = direct.session_state[ACCOUNT_KEY]
    app.session_state[SIGNED_IN_AT_KEY] = direct.session_state[SIGNED_IN_AT_KEY]
    app.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("pages/staff/reports.py")
