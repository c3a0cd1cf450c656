"""The queue page: a WIJzer worker sees the open cases, urgent and longest waiting first, and takes one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from smi_core.access import Role
from smi_intake.db.engine import make_engine
from smi_intake.db.models import AuditEvent
from smi_intake.db.uow import uow_factory
from smi_intake.demo import seed_demo
from smi_intake.settings import get_settings, make_cipher
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app

pytestmark = pytest.mark.db


def _worker_app(username: str = "medewerker"):  # type: ignore[no-untyped-def]
    svc = services()
    now = datetime.now(UTC)
    svc.accounts.create_account(username, "Test medewerker", Role.WIJZER, "een-lang-wachtwoord", now)
    app = new_app()
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.run()
    app.switch_page("pages/staff/queue.py").run()
    return app


def _seed(database_url: str) -> None:
    engine = make_engine(database_url)
    seed_demo(
        uow_factory(engine, make_cipher(get_settings())), services().intake, datetime.now(UTC), "WIJzer"
    )
    engine.dispose()


def test_the_queue_lists_every_open_case_with_its_counts(app_environment: str) -> None:
    _seed(app_environment)

    app = _worker_app()

    assert not app.exception
    assert app.title[0].value == "Wachtrij aanvragen"
    table = app.table[0].value
    assert len(table) == 4
    assert set(table["Status"]) == {"Ontvangen"}
    assert any("4 casussen" in h.value for h in app.subheader)


def test_taking_a_case_makes_the_worker_its_owner(app_environment: str) -> None:
    _seed(app_environment)
    app = _worker_app()
    reference = app.selectbox(key="queue_take_reference").value

    app.button(key="queue_take").click().run()

    table = app.table[0].value
    row = table[table["Kenmerk"] == reference].iloc[0]
    assert row["Regiehouder"] == "medewerker"
    assert row["Status"] == "Wordt gelezen"


def test_a_worker_opens_a_case_from_the_queue_and_the_opening_is_logged(app_environment: str) -> None:
    _seed(app_environment)
    app = _worker_app()
    reference = app.table[0].value["Kenmerk"].iloc[0]
    app.switch_page("pages/staff/case.py").run()

    app.text_input(key="case_reference").input(reference).run()

    assert not app.exception
    assert any(h.value == reference for h in app.subheader)
    texts = " ".join(m.value for m in app.markdown)
    assert "Demo\\: a parent recovers from surgery" in texts
    engine = make_engine(app_environment)
    with engine.connect() as connection:
        logged = connection.execute(
            select(AuditEvent.actor).where(
                AuditEvent.action == "case.viewed", AuditEvent.subject_id == reference
            )
        ).all()
    engine.dispose()
    assert logged == [("medewerker",)]
