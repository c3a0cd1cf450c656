"""The Toewijzingen page: a care provider sees the assignments to its own organisation, sends a start
through the form and is told it was accepted; a refused message names its retour codes and keeps what
was filled in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.i18n import gettext
from smi_core.istandaarden.codes import Domain, Frequentie, TypeVerwijzer
from smi_intake.db.messages import MessageFilter, MessageState, StoredMessage
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import istandaarden_factories as make
from tests.app.conftest import APP

pytestmark = pytest.mark.db

PAGE = str(Path(APP).parent / "pages" / "staff" / "assignments.py")
PASSWORD = "een-lang-wachtwoord"


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


def _assign(provider: str, number: int, bsn: str, identification: str) -> None:
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account(f"office-{number}", "Back office", Role.GEMEENTE, PASSWORD, now)
    office = svc.accounts.session_account(f"office-{number}", now)
    assert office is not None
    start = now.date() - timedelta(days=7)
    toegewezen = make.toegewezen(number=number, toewijzingsdatum=start, ingangsdatum=start)
    message = make.toewijzing(Domain.JW, toegewezen, bsn=bsn, identificatie=identification)
    svc.messages.send(make.between(message, make.MUNICIPALITY, provider), office, now)


def _stored(kind: str) -> list[StoredMessage]:
    """The messages of ``kind`` in the store, as the back office lists them."""
    office = services().accounts.session_account("office-1001", datetime.now(UTC))
    if office is None:
        services().accounts.create_account(
            "office-1001", "Back office", Role.GEMEENTE, PASSWORD, datetime.now(UTC)
        )
        office = services().accounts.session_account("office-1001", datetime.now(UTC))
    assert office is not None
    return services().messages.messages(office, MessageFilter(kinds=frozenset({kind})))


def page_as_provider(agb: str = make.PROVIDER) -> AppTest:
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account("zorg", "Zorg (test)", Role.PROVIDER, PASSWORD, now, organisation=agb)
    app = AppTest.from_file(PAGE, default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("zorg", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    return app.run()


def test_the_provider_sees_the_assignments_to_its_own_organisation_only() -> None:
    _assign(make.PROVIDER, 1001, make.BSN, "BER-0001")
    _assign("42420002", 1002, make.OTHER_BSN, "BER-0002")

    app = page_as_provider()

    assert not app.exception
    assert app.title[0].value == nl("Assignments")
    [table] = app.table
    rows = table.value
    assert list(rows[nl("Assignment number")]) == [1001]
    assert list(rows[nl("Client")]) == ["de Wit"]
    assert list(app.selectbox(key="assignments_choice").options) == [
        nl(
            "%(domain)s, assignment number %(number)s: %(product)s",
            domain="Jeugd",
            number=1001,
            product="45 Jeugdhulp ambulant",
        )
    ]


def test_a_start_sent_through_the_form_is_accepted_and_listed_with_its_retour() -> None:
    _assign(make.PROVIDER, 1001, make.BSN, "BER-0001")
    app = page_as_provider()

    app.button(key="assignments_send_start").click().run()

    assert not app.exception
    [stored] = _stored("305")
    accepted = nl(
        "Accepted: the municipality received your message %(kind)s (identification "
        "%(identification)s) and answered with a retour without remarks.",
        kind="305",
        identification=stored.identification,
    )
    assert [s.value for s in app.success] == [accepted]
    assert (stored.sender, stored.state) == (make.PROVIDER, MessageState.ACCEPTED)
    last = app.table[-1].value
    assert list(last[nl("Message")]) == ["305"]
    assert list(last[nl("State")]) == [nl("Accepted")]


def test_a_second_start_is_refused_with_its_retour_code_and_the_date_stays_filled_in() -> None:
    _assign(make.PROVIDER, 1001, make.BSN, "BER-0001")
    app = page_as_provider()
    app.button(key="assignments_send_start").click().run()
    begun = date.today() - timedelta(days=1)
    app.date_input(key="assignments_start_date").set_value(begun)

    app.button(key="assignments_send_start").click().run()

    assert not app.exception
    refused = nl(
        "Refused: the municipality did not accept your message %(kind)s. Nothing you filled in "
        "is lost: correct it and send again.",
        kind="305",
    )
    assert refused in [e.value for e in app.error]
    codes = [t.value for t in app.table if nl("Retour code") in t.value.columns]
    assert codes and "9326" in list(codes[0][nl("Retour code")])
    assert app.date_input(key="assignments_start_date").value == begun


def test_a_request_with_a_bsn_that_fails_the_elfproef_is_not_sent() -> None:
    app = page_as_provider()
    app.text_input(key="assignments_request_bsn").input("123456789")

    app.button(key="assignments_send_request").click().run()

    assert not app.exception
    assert nl("This BSN is not right: it needs 9 digits that pass the elfproef. Check the number.") in [
        e.value for e in app.error
    ]
    assert app.text_input(key="assignments_request_bsn").value == "123456789"
    assert _stored("315") == []


def test_a_request_for_an_assignment_sent_through_the_form_waits_for_the_municipalitys_answer() -> None:
    app = page_as_provider()
    app.radio(key="assignments_request_domain").set_value(Domain.JW).run()
    app.text_input(key="assignments_request_bsn").input(make.BSN)
    app.date_input(key="assignments_request_born").set_value(date(2012, 5, 17))
    app.text_input(key="assignments_request_surname").input("Wit")
    app.date_input(key="assignments_request_start").set_value(date.today() + timedelta(days=14))
    app.number_input(key="assignments_request_volume").set_value(4)
    app.selectbox(key="assignments_request_referrer").select(TypeVerwijzer.HUISARTS)
    app.text_input(key="assignments_request_referrer_agb").input("01234567")

    app.button(key="assignments_send_request").click().run()

    assert not app.exception and [e.value for e in app.error] == []
    [stored] = _stored("315")
    assert (stored.sender, stored.state, stored.domain) == (make.PROVIDER, MessageState.ACCEPTED, "jw")
    assert app.text_input(key="assignments_request_surname").value == "Wit"


def test_a_request_per_week_without_an_end_date_is_refused_with_the_rule_and_its_place() -> None:
    app = page_as_provider()
    app.text_input(key="assignments_request_bsn").input(make.BSN)
    app.date_input(key="assignments_request_born").set_value(date(2012, 5, 17))
    app.text_input(key="assignments_request_surname").input("Wit")
    app.date_input(key="assignments_request_start").set_value(date.today() + timedelta(days=14))
    app.number_input(key="assignments_request_volume").set_value(2)
    app.selectbox(key="assignments_request_frequency").select(Frequentie.PER_WEEK)

    app.button(key="assignments_send_request").click().run()

    assert not app.exception
    [rule] = [t.value for t in app.table if nl("Rule") in t.value.columns]
    assert list(rule[nl("Rule")]) == ["CD076"]
    assert next(iter(rule[nl("Where")])).endswith("ToewijzingEinddatum")
    assert [s.state for s in _stored("315")] == [MessageState.REJECTED]


def test_a_stop_without_its_dates_is_not_sent_and_says_what_is_missing() -> None:
    _assign(make.PROVIDER, 1001, make.BSN, "BER-0001")
    app = page_as_provider()

    app.button(key="assignments_send_stop").click().run()

    assert nl("Fill in the start date of the care, the day it ended and the reason.") in [
        e.value for e in app.error
    ]
    assert _stored("307") == []
