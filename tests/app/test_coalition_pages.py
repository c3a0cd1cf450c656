"""Begeleiding through the coalition on its screens: the access worker passes a coalition provision on
from the case page and makes the DAT letter; the coalition records the contact and the plan of
approach on its Toewijzingen page and finds the 305's date offered from the in-depth conversation;
the back office's CAK tab lists the start with the BSN masked and marks it reported; the deadlines
page shows the contact term."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.cases import CaseStatus
from smi_core.i18n import gettext
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_core.wmo.coalition import CoalitionContact, CoalitionHandover, PlanOfApproach
from smi_intake.services.accounts import Account
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests import wmo_factories as make
from tests.app.conftest import APP, new_app

pytestmark = pytest.mark.db

PASSWORD = "een-lang-wachtwoord"
ASSIGNMENTS = str(Path(APP).parent / "pages" / "staff" / "assignments.py")


def nl(message: str, **values: object) -> str:
    return gettext("nl", message, **values)


def _account(username: str, role: Role, organisation: str = "") -> Account:
    svc, moment = services(), datetime.now(UTC)
    if svc.accounts.session_account(username, moment) is None:
        svc.accounts.create_account(username, username, role, PASSWORD, moment, organisation=organisation)
    found = svc.accounts.session_account(username, moment)
    assert found is not None
    return found


def _signed_in(account: Account, page: str | None = None) -> AppTest:
    app = new_app() if page is None else AppTest.from_file(page, default_timeout=30)
    app.session_state[ACCOUNT_KEY] = account
    app.session_state[SIGNED_IN_AT_KEY] = datetime.now(UTC)
    return app.run()


def _chosen(now: datetime) -> tuple[str, int]:
    """A Wmo case with the coalition's begeleiding chosen (product 02A01, the coalition 99990002)."""
    worker, wmo = _account("consulent", Role.WIJZER), services().wmo
    reference = wmo.submit_melding(make.melding(), [], "nl", now).reference
    version = wmo.take(reference, worker, now)
    version = wmo.start_investigation(reference, worker, version, make.client(), now)
    report = make.report(held_on=now.date(), account_sent_on=now.date())
    version = wmo.report_investigation(reference, worker, version, report, now)
    version = wmo.save_plan(reference, worker, version, make.plan(), now)
    version = wmo.choose_provision(reference, worker, version, make.choice(requested_on=now.date()), now)
    return reference, version


def _assigned(now: datetime) -> tuple[str, int]:
    """Passed to the coalition and its 301 queued, exported and answered."""
    reference, version = _chosen(now)
    svc, worker = services(), _account("consulent", Role.WIJZER)
    handover = CoalitionHandover(
        passed_on=now.date(), situation="Na een beroerte", goals=("Zelf de post doen",)
    )
    svc.coalition.pass_to_coalition(reference, worker, version, handover, now)
    office = _account("backoffice", Role.GEMEENTE)
    number = svc.wmo.assign(reference, office, now).toewijzing_nummer
    [(_name, envelope)] = svc.messages.export(office, now)
    toewijzing = read(read_envelope(envelope).payload or b"")
    assert isinstance(toewijzing, ToewijzingBericht)
    retour = make_retour(toewijzing, [], identification="RET-1", on=now.date())
    svc.messages.import_files([("302.xml", write(retour))], office, now)
    return reference, number


def _planned(reference: str, conversation_on: date) -> None:
    coalition, now = _account("coalitie", Role.PROVIDER, make.CONTRACTED), datetime.now(UTC)
    svc = services().coalition
    svc.record_contact(
        reference, coalition, CoalitionContact(contacted_on=conversation_on, counsellor="Anna"), now
    )
    plan = PlanOfApproach(
        conversation_on=conversation_on, goals=("a",), results=("b",), sent_on=conversation_on
    )
    svc.record_plan(reference, coalition, plan, now)


def _open_case(app: AppTest, reference: str) -> AppTest:
    app.switch_page("pages/staff/case.py").run()
    app.text_input(key="case_reference").input(reference).run()
    assert not app.exception, app.exception
    return app


def test_the_access_worker_passes_a_coalition_provision_on_and_makes_the_dat_letter(
    app_environment: str,
) -> None:
    reference, _version = _chosen(datetime.now(UTC))
    app = _open_case(_signed_in(_account("consulent", Role.WIJZER)), reference)
    key = f"case_wmo_coalition_{reference}"
    app.text_area(key=f"{key}_situation").input("Na een beroerte lukt de post niet meer")

    app.button(key=f"{key}_submit").click().run()
    app.button(key=f"case_wmo_dat_{reference}").click().run()

    assert not app.exception, app.exception
    assert services().wmo.view(reference, _account("consulent", Role.WIJZER), datetime.now(UTC)).status is (
        CaseStatus.DECIDED
    )
    assert nl("Begeleiding through the coalition") in [s.value for s in app.subheader]
    assert any(b.proto.label == nl("Download the DAT letter (PDF)") for b in app.get("download_button"))


def test_the_coalition_records_contact_and_plan_and_the_305_offers_the_conversation_day(
    app_environment: str,
) -> None:
    reference, number = _assigned(datetime.now(UTC))
    today = datetime.now(UTC).date()
    app = _signed_in(_account("coalitie", Role.PROVIDER, make.CONTRACTED), ASSIGNMENTS)
    assert not app.exception, app.exception
    app.text_input(key="assignments_coalition_contact_counsellor").input("Anna de Vries")

    app.button(key="assignments_coalition_contact_submit").click().run()
    app.text_area(key="assignments_coalition_plan_results").input("Mevrouw doet haar post zelf")
    app.button(key="assignments_coalition_plan_submit").click().run()

    assert not app.exception, app.exception
    case = services().coalition.cases_of(
        _account("coalitie", Role.PROVIDER, make.CONTRACTED), datetime.now(UTC)
    )[0]
    assert case.records.contact is not None and case.records.contact.counsellor == "Anna de Vries"
    assert case.records.plan is not None and case.records.plan.goals == ("Zelf de post doen",)
    assert case.contact_term is not None and case.contact_term.met
    assert app.date_input(key=f"assignments_start_date_{today.isoformat()}").value == today
    assert number == case.toewijzing_nummer and reference == case.reference


def test_another_provider_sees_no_coalition_section(app_environment: str) -> None:
    app = _signed_in(_account("zorg", Role.PROVIDER, make.NOT_CONTRACTED), ASSIGNMENTS)

    assert not app.exception, app.exception
    assert nl("Begeleiding through the coalition") not in [h.value for h in app.header]


def test_the_back_office_lists_the_start_for_the_cak_masked_and_marks_it_reported(
    app_environment: str,
) -> None:
    reference, number = _assigned(datetime.now(UTC))
    _planned(reference, datetime.now(UTC).date())
    coalition = _account("coalitie", Role.PROVIDER, make.CONTRACTED)
    [assignment] = services().provider_exchange.assignments(coalition, datetime.now(UTC))
    outcome = services().provider_exchange.send_start(
        coalition, assignment.message.id, number, datetime.now(UTC).date(), datetime.now(UTC)
    )
    assert outcome.accepted
    app = _signed_in(_account("backoffice", Role.GEMEENTE))
    app.switch_page("pages/staff/messages.py").run()
    [table] = [t for t in app.table if nl("BSN") in t.value.columns]
    assert list(table.value[nl("BSN")]) == ["••••••" + make.BSN[-3:]]

    app.button(key="messages_cak_mark").click().run()

    assert not app.exception, app.exception
    [entry] = services().cak.entries(_account("backoffice", Role.GEMEENTE), datetime.now(UTC))
    assert entry.reported_on == datetime.now(UTC).date() == entry.on


def test_the_deadlines_page_lists_the_coalitions_contact_term(app_environment: str) -> None:
    reference, _number = _assigned(datetime.now(UTC))
    app = _signed_in(_account("consulent", Role.WIJZER))

    app.switch_page("pages/staff/deadlines.py").run()

    assert not app.exception, app.exception
    shown = " ".join(str(t.value.to_string()) for t in app.table)
    assert reference in shown and "1 week na de toewijzing" in shown
