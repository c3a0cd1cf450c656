"""The back office's section of the youth-care requests for an assignment (315) on the messages
page: each request with its check, answered with a 301 and beschikking or refused with a 319;
an incomplete answer is told, never a traceback."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.cases import CaseStatus
from smi_core.i18n import gettext
from smi_core.istandaarden.codes import (
    CategorieJw,
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    RedenAfwijzingVerzoek,
    TypeVerwijzer,
)
from smi_core.istandaarden.common import Omvang, Product
from smi_core.istandaarden.provider import Referral, RequestedClient
from smi_intake.db.messages import MessageFilter
from smi_intake.services.queue import QueueQuery
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import wmo_factories as make
from tests.app.conftest import APP

pytestmark = pytest.mark.db

PAGE = str(Path(APP).parent / "pages" / "staff" / "messages.py")
PROVIDER_AGB = "99990001"  # contracted for 45A01 only


def nl(message: str, **values: object) -> str:
    return gettext("nl", message, **values)


def send_request(code: str) -> None:
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account(
        "zorg", "Zorg", Role.PROVIDER, "een-lang-wachtwoord", now, organisation=PROVIDER_AGB
    )
    child = RequestedClient(
        bsn=make.BSN, born=date(2015, 6, 12), gender=Geslacht.VROUWELIJK, surname="Jansen", initials="L"
    )
    start = now.date().replace(day=1)
    outcome = svc.provider_exchange.send_assignment_request(
        svc.accounts.session_account("zorg", now),
        Domain.JW,
        child,
        Product(categorie=CategorieJw(code[:2]), code=code),
        start,
        start.replace(year=start.year + 1),
        Omvang(volume=4, eenheid=Eenheid.UUR, frequentie=Frequentie.PER_WEEK),
        Referral(type=TypeVerwijzer.HUISARTS, code="01234567"),
        now,
    )
    assert outcome.accepted


def back_office() -> AppTest:
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account("g.backoffice", "Backoffice", Role.GEMEENTE, "een-lang-wachtwoord", now)
    app = AppTest.from_file(PAGE, default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("g.backoffice", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    return app.run()


def outbox(kind: str) -> list[str]:
    account = services().accounts.session_account("g.backoffice", datetime.now(UTC))
    found = services().messages.messages(account, MessageFilter(kinds=frozenset({kind})))
    return [m.kind for m in found]


def test_the_back_office_sees_the_check_and_answers_with_a_301_and_a_beschikking() -> None:
    send_request("45A01")
    app = back_office()

    tables = " ".join(t.value.to_csv() for t in app.table)
    assert "MSG-315-NEEDS-REFERRAL" in tables and "MED-STAPELING" in tables and "MED-17PLUS" in tables
    app.button(key="messages_vot_assign").click().run()  # nothing typed yet

    assert not app.exception
    assert any(nl("Give the motivation of the beschikking.") in e.value for e in app.error)
    assert outbox("301") == []
    app.text_area(key="messages_vot_motivation").input("De huisarts verwees.")
    app.text_area(key="messages_vot_results").input("Weer naar school.")
    app.button(key="messages_vot_assign").click().run()

    assert not app.exception
    assert any(
        nl("The toewijzing is in the outbox; the beschikking is ready.") in s.value for s in app.success
    )
    assert outbox("301") == ["301"]
    reference, pdf = app.session_state["messages_vot_pdf"]
    assert reference.startswith("JEUGD-") and pdf.startswith(b"%PDF")
    assert any(nl("No request for an assignment is waiting for its answer.") in c.value for c in app.caption)


def test_a_request_the_check_refuses_is_answered_with_a_319() -> None:
    send_request("54A01")  # the provider has no contract for it
    app = back_office()

    app.text_area(key="messages_vot_motivation").input("Past.")
    app.text_area(key="messages_vot_results").input("Weer naar school.")
    app.button(key="messages_vot_assign").click().run()
    assert not app.exception
    assert any("MED-CONTRACTED" in e.value for e in app.error)
    assert app.selectbox(key="messages_vot_reason").value is RedenAfwijzingVerzoek.GEEN_CONTRACT
    app.text_area(key="messages_vot_refuse_motivation").input("Geen contract voor dit product.")
    app.button(key="messages_vot_refuse").click().run()

    assert not app.exception
    assert any(nl("The refusal is in the outbox.") in s.value for s in app.success)
    assert outbox("319") == ["319"] and outbox("301") == []


def test_a_providers_request_is_in_the_queue_where_an_access_worker_becomes_involved() -> None:
    send_request("45A01")
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account("w.jansen", "Jansen", Role.WIJZER, "een-lang-wachtwoord", now)
    app = AppTest.from_file(str(Path(APP).parent / "pages" / "staff" / "queue.py"), default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("w.jansen", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.run()

    assert not app.exception
    assert "JEUGD-" in " ".join(t.value.to_csv() for t in app.table)
    assert CaseStatus.REQUESTED in app.multiselect(key="queue_statuses").value  # filterable
    app.button(key="queue_involve").click().run()

    assert not app.exception
    assert "w.jansen" in " ".join(t.value.to_csv() for t in app.table)  # the owner now
    assert "queue_involve" not in [b.key for b in app.button]


def test_the_case_page_of_a_providers_request_shows_the_request_and_its_terms() -> None:
    send_request("45A01")
    svc, now = services(), datetime.now(UTC)
    svc.accounts.create_account("w.jansen", "Jansen", Role.WIJZER, "een-lang-wachtwoord", now)
    [reference] = [
        r.reference
        for r in svc.queue.queue(svc.accounts.session_account("w.jansen", now), QueueQuery(), now).rows
    ]
    app = AppTest.from_file(str(Path(APP).parent / "pages" / "staff" / "case.py"), default_timeout=30)
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("w.jansen", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.session_state["case_open"] = reference
    app.run()

    assert not app.exception
    tables = " ".join(t.value.to_csv() for t in app.table)
    assert "TOE-BESCHIKKING-TERM" in tables and "45 45A01" in tables
