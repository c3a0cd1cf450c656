"""The case page of a Wmo case: it shows the melding, the check with its rule ids and the terms,
takes a worker through the first steps of route T by its forms, and never crashes in any status;
the queue lists the Wmo case with its provision."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.istandaarden.codes import Frequentie, RedenVerzoek
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.provider import change_request, start_message
from smi_core.istandaarden.xml import read, write
from smi_intake.db.engine import make_engine
from smi_intake.db.models import AuditEvent
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import wmo_factories as make
from tests.app.conftest import APP, new_app
from tests.pdf_text import pdf_text

pytestmark = pytest.mark.db


def _signed_in(username: str, role: Role = Role.WIJZER) -> AppTest:
    svc = services()
    moment = datetime.now(UTC)
    svc.accounts.create_account(username, f"Test {username}", role, "een-lang-wachtwoord", moment)
    app = new_app()
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account(username, moment)
    app.session_state[SIGNED_IN_AT_KEY] = moment
    app.run()
    return app


def _open_case(app: AppTest, reference: str) -> AppTest:
    app.switch_page("pages/staff/case.py").run()
    app.text_input(key="case_reference").input(reference).run()
    assert not app.exception, app.exception
    return app


def _shown(app: AppTest) -> str:
    texts = [e.value for e in [*app.success, *app.error, *app.info, *app.markdown, *app.caption]]
    return " ".join(str(t) for t in texts)


def test_a_worker_takes_a_wmo_case_and_starts_its_investigation(app_environment: str) -> None:
    app = _signed_in("consulent")
    reference = services().wmo.submit_melding(make.melding(), [], "nl", datetime.now(UTC)).reference
    app = _open_case(app, reference)
    assert "WMO-NEED" in " ".join(str(t.value) for t in app.table)

    app.button(key="case_wmo_take").click().run()
    key = f"case_wmo_client_{reference}"
    app.text_input(key=f"{key}_bsn").input(make.BSN)
    app.text_input(key=f"{key}_surname").input(make.SURNAME)
    app.button(key=f"{key}_submit").click().run()

    assert not app.exception, app.exception
    assert "Het onderzoek is gestart." in _shown(app)
    assert str(app.table[0].value["Status"].iloc[0]) == "We kijken wat u nodig heeft"
    assert make.BSN not in _shown(app)


def test_a_wrong_bsn_gives_a_message_and_changes_nothing(app_environment: str) -> None:
    app = _signed_in("consulent")
    reference = services().wmo.submit_melding(make.melding(), [], "nl", datetime.now(UTC)).reference
    app = _open_case(app, reference)
    app.button(key="case_wmo_take").click().run()
    key = f"case_wmo_client_{reference}"

    app.text_input(key=f"{key}_bsn").input("123456789")
    app.text_input(key=f"{key}_surname").input(make.SURNAME)
    app.button(key=f"{key}_submit").click().run()

    assert not app.exception, app.exception
    assert "BSN" in " ".join(e.value for e in app.error)
    assert str(app.table[0].value["Status"].iloc[0]) == "Wordt gelezen"


@pytest.mark.parametrize("step", ["plan", "provision", "decided"])
def test_the_wmo_case_page_renders_in_every_stage(app_environment: str, step: str) -> None:
    app = _signed_in("consulent")
    worker = services().accounts.session_account("consulent", datetime.now(UTC))
    wmo = services().wmo
    now = datetime.now(UTC)
    reference = wmo.submit_melding(make.melding(), [], "nl", now).reference
    version = wmo.take(reference, worker, now)
    version = wmo.start_investigation(reference, worker, version, make.client(), now)
    version = wmo.report_investigation(
        reference, worker, version, make.report(held_on=now.date(), account_sent_on=now.date()), now
    )
    if step != "plan":
        version = wmo.save_plan(reference, worker, version, make.plan(), now)
    if step == "decided":
        version = wmo.choose_provision(reference, worker, version, make.choice(requested_on=now.date()), now)
        wmo.record_beschikking(
            reference,
            worker,
            version,
            make.beschikking(requested_on=now.date(), decided_on=now.date()),
            now,
        )

    app = _open_case(app, reference)

    assert not app.exception, app.exception
    tables = " ".join(str(t.value) for t in app.table)
    assert "TOE-ONDERZOEK-TERM" in tables
    if step == "decided":
        assert "TOE-BESCHIKKING-TERM" in tables and "backoffice" in _shown(app)


def test_the_queue_lists_a_wmo_case_with_its_provision(app_environment: str) -> None:
    app = _signed_in("consulent")
    reference = services().wmo.submit_melding(make.melding(), [], "nl", datetime.now(UTC)).reference

    app.switch_page("pages/staff/queue.py").run()

    assert not app.exception, app.exception
    [table] = [t for t in app.table if "Voorziening" in t.value.columns]
    row = table.value[table.value["Kenmerk"] == reference]
    assert row["Voorziening"].iloc[0] == "Wmo" and row["Voorlopige uitkomst"].iloc[0] == "Wmo-ondersteuning"


def test_the_deadlines_page_lists_an_overdue_investigation_term(app_environment: str) -> None:
    app = _signed_in("consulent")
    worker = services().accounts.session_account("consulent", datetime.now(UTC))
    melding_at = datetime.now(UTC) - timedelta(days=50)
    reference = services().wmo.submit_melding(make.melding(), [], "nl", melding_at).reference
    services().wmo.take(reference, worker, datetime.now(UTC))

    app.switch_page("pages/staff/deadlines.py").run()

    assert not app.exception, app.exception
    overdue = app.table[0].value
    assert list(overdue["Kenmerk"]) == [reference]
    assert "onderzoek en verslag (6 weken na de melding)" in str(overdue["Wat"].iloc[0])


def _decided_case(now: datetime) -> str:
    svc = services()
    svc.accounts.create_account("consulent", "Test consulent", Role.WIJZER, "een-lang-wachtwoord", now)
    worker = svc.accounts.session_account("consulent", now)
    wmo = svc.wmo
    reference = wmo.submit_melding(make.melding(), [], "nl", now).reference
    version = wmo.take(reference, worker, now)
    version = wmo.start_investigation(reference, worker, version, make.client(), now)
    report = make.report(held_on=now.date(), account_sent_on=now.date())
    version = wmo.report_investigation(reference, worker, version, report, now)
    version = wmo.save_plan(reference, worker, version, make.plan(), now)
    version = wmo.choose_provision(reference, worker, version, make.choice(requested_on=now.date()), now)
    wmo.record_beschikking(
        reference, worker, version, make.beschikking(requested_on=now.date(), decided_on=now.date()), now
    )
    return reference


def test_the_back_office_queues_the_toewijzing_of_a_granted_provision(app_environment: str) -> None:
    reference = _decided_case(datetime.now(UTC))
    app = _signed_in("backoffice", Role.GEMEENTE)
    app.switch_page("pages/staff/messages.py").run()
    assert app.selectbox(key="messages_wmo_case").value == reference

    app.button(key="messages_wmo_assign").click().run()

    assert not app.exception, app.exception
    assert any("staat klaar om te versturen" in s.value for s in app.success)
    assert [m.value for m in app.metric] == ["1", "0"]
    assert "messages_wmo_case" not in [s.key for s in app.selectbox]


def test_a_worker_judges_a_change_request_and_the_back_office_answers_it(app_environment: str) -> None:
    now = datetime.now(UTC)
    reference = _decided_case(now)
    svc = services()
    svc.accounts.create_account("backoffice", "Test backoffice", Role.GEMEENTE, "een-lang-wachtwoord", now)
    back_office = svc.accounts.session_account("backoffice", now)
    number = svc.wmo.assign(reference, back_office, now).toewijzing_nummer
    [(_name, envelope)] = svc.messages.export(back_office, now)
    toewijzing = read(read_envelope(envelope).payload or b"")
    assert isinstance(toewijzing, ToewijzingBericht)
    begin = make.choice(requested_on=now.date()).start
    start = start_message(toewijzing, number, begin, identification="BER-305", on=now.date())
    request = change_request(
        toewijzing,
        number,
        reference="VOW-1",
        reason=RedenVerzoek.ZORGPLAN,
        from_date=begin + timedelta(days=30),
        omvang=None,
        einddatum=begin + timedelta(days=200),
        unchanged=[],
        identification="BER-317",
        on=now.date(),
    )
    svc.messages.import_files([("305.xml", write(start)), ("317.xml", write(request))], back_office, now)
    app = AppTest.from_file(APP, default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("consulent", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app = _open_case(app.run(), reference)
    key = f"case_wmo_change_{reference}"

    app.radio(key=f"{key}_honoured").set_value(False)
    app.text_area(key=f"{key}_motivation").input("Het plan vraagt dit niet")
    app.button(key=f"{key}_submit").click().run()
    assert not app.exception, app.exception
    office = _signed_in("backoffice2", Role.GEMEENTE)
    office.switch_page("pages/staff/messages.py").run()
    office.button(key="messages_wmo_answer").click().run()

    assert not office.exception, office.exception
    worker = svc.accounts.session_account("consulent", now)
    answered = svc.wmo.view(reference, worker, now).records.answers
    assert [a.honoured for a in answered] == [False]


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str, str | None]]:
    """Every file the page offers for download: its data, its type and its name."""
    files: list[tuple[bytes, str, str | None]] = []
    add = MediaFileManager.add

    def spy(self: MediaFileManager, data: Any, mimetype: str, *args: Any, **kwargs: Any) -> str:
        files.append((data, mimetype, kwargs.get("file_name")))
        return add(self, data, mimetype, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", spy)
    return files


def _chosen_case(locale: str, **choice: Any) -> str:
    """A Wmo case of a resident who wrote in ``locale``, carried to the chosen provision."""
    now = datetime.now(UTC)
    worker = services().accounts.session_account("consulent", now)
    wmo = services().wmo
    reference = wmo.submit_melding(make.melding(), [], locale, now).reference
    version = wmo.take(reference, worker, now)
    version = wmo.start_investigation(reference, worker, version, make.client(), now)
    report = make.report(held_on=now.date(), account_sent_on=now.date())
    version = wmo.report_investigation(reference, worker, version, report, now)
    version = wmo.save_plan(reference, worker, version, make.plan(), now)
    wmo.choose_provision(reference, worker, version, make.choice(requested_on=now.date(), **choice), now)
    return reference


def _record_beschikking(app: AppTest, reference: str) -> AppTest:
    key = f"case_wmo_beschikking_{reference}"
    app.text_area(key=f"{key}_motivation").input(make.MOTIVATION)
    app.button(key=f"{key}_submit").click().run()
    assert not app.exception, app.exception
    assert "De beschikking is vastgelegd." in _shown(app)
    return app


def _audited(database_url: str, reference: str) -> set[str]:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        actions = set(
            connection.execute(select(AuditEvent.action).where(AuditEvent.subject_id == reference)).scalars()
        )
    engine.dispose()
    return actions


def test_a_worker_records_the_beschikking_and_downloads_its_letter_in_the_resident_s_language(
    app_environment: str, offered: list[tuple[bytes, str, str | None]]
) -> None:
    app = _signed_in("consulent")
    reference = _chosen_case("en")
    app = _record_beschikking(_open_case(app, reference), reference)
    due = (date.today() + timedelta(days=14)).strftime("%d-%m-%Y")
    assert f"Uiterste datum (TOE-BESCHIKKING-TERM): {due}." in _shown(app)
    assert "beschikking.exported" not in _audited(app_environment, reference)

    app.button(key="case_wmo_letter_make").click().run()

    assert not app.exception, app.exception
    [(pdf, mime, name)] = [file for file in offered if file[1] == "application/pdf"]
    assert (mime, name) == ("application/pdf", f"beschikking-{reference}.pdf")
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "You get the support you asked for." in text and "U krijgt" not in text
    assert make.MOTIVATION in text and make.RESULT in text
    assert "J. Vermeulen-Wmotest" in text and make.BSN not in text
    assert [b.label for b in app.get("download_button")] == ["Beschikking downloaden (pdf)"]
    assert "beschikking.exported" in _audited(app_environment, reference)


def test_a_beschikking_that_cannot_be_a_letter_gives_a_message_and_makes_nothing(
    app_environment: str, offered: list[tuple[bytes, str, str | None]]
) -> None:
    app = _signed_in("consulent")
    reference = _chosen_case("nl", end=None, frequency=Frequentie.PER_MAAND)
    app = _record_beschikking(_open_case(app, reference), reference)

    app.button(key="case_wmo_letter_make").click().run()

    assert not app.exception, app.exception
    message = " ".join(e.value for e in app.error)
    assert "De beschikking kan nog niet als brief worden gemaakt (TOE-BESCHIKKING-CONTENT)." in message
    assert f"voorziening 1 ({make.PRODUCT}): de einddatum ontbreekt" in message
    assert not [file for file in offered if file[1] == "application/pdf"]
    assert "beschikking.exported" not in _audited(app_environment, reference)
