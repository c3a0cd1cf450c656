"""Begeleiding through the coalition in a real browser (B2-B4): the access worker passes the
coalition's begeleiding on from the case page and downloads the DAT letter; after the back office's
301, the coalition's counsellor signs in, sees the assignment, records the contact and the plan of
approach, sends the 305 with the in-depth conversation's day, and the case shows the care started."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from smi_core import default_municipality
from smi_core.cases import CaseStatus
from smi_core.i18n import gettext
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import UnitOfWorkFactory, uow_factory
from smi_intake.demo import DEMO_PASSWORD, seed_demo_accounts
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.messages import MessageService
from smi_intake.services.wmo_cases import WmoCaseService
from tests import wmo_factories as make
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import fill, open_page, press, sign_in, wait_for_app

pytestmark = [pytest.mark.e2e, pytest.mark.db]


def nl(message: str, **values: object) -> str:
    return gettext("nl", message, **values)


class Backstage:
    """The services on the served app's database, for what happens outside the browser."""

    def __init__(self, app: RunningApp) -> None:
        self.engine = make_engine(app.database_url)
        self.uows: UnitOfWorkFactory = uow_factory(self.engine, Cipher(app.encryption_key))
        self.accounts = AccountService(self.uows, bcrypt_rounds=4)
        municipality = default_municipality()
        self.messages = MessageService(self.uows, municipality.cbs_code, None)
        self.wmo = WmoCaseService(self.uows, municipality, make.catalogue(), self.messages)

    def account(self, username: str) -> Account:
        return next(a for a in self.accounts.accounts() if a.username == username)


@pytest.fixture
def backstage(running_app: RunningApp) -> Iterator[Backstage]:
    stage = Backstage(running_app)
    seed_demo_accounts(stage.accounts, datetime.now(UTC))
    yield stage
    stage.engine.dispose()


def _chosen(stage: Backstage) -> str:
    """A Wmo melding carried by the demo access worker up to the coalition's begeleiding chosen."""
    now, worker, wmo = datetime.now(UTC), stage.account("wijzer"), stage.wmo
    reference = wmo.submit_melding(make.melding(), [], "nl", now).reference
    version = wmo.take(reference, worker, now)
    version = wmo.start_investigation(reference, worker, version, make.client(), now)
    report = make.report(held_on=now.date(), account_sent_on=now.date())
    version = wmo.report_investigation(reference, worker, version, report, now)
    version = wmo.save_plan(reference, worker, version, make.plan(), now)
    wmo.choose_provision(reference, worker, version, make.choice(requested_on=now.date()), now)
    return reference


def _sent_301(stage: Backstage, reference: str) -> None:
    """The back office queues the 301 to the coalition, exports it and imports its retour."""
    now, office = datetime.now(UTC), stage.account("gemeente")
    stage.wmo.assign(reference, office, now)
    [(_name, envelope)] = stage.messages.export(office, now)
    toewijzing = read(read_envelope(envelope).payload or b"")
    assert isinstance(toewijzing, ToewijzingBericht)
    retour = make_retour(toewijzing, [], identification="RET-1", on=now.date())
    stage.messages.import_files([("302.xml", write(retour))], office, now)


def test_the_coalitions_counsellor_goes_from_the_dat_letter_to_the_305(
    running_app: RunningApp, backstage: Backstage, page: Page, browser: Browser
) -> None:
    reference = _chosen(backstage)

    sign_in(page, running_app.url, "wijzer", DEMO_PASSWORD)
    open_page(page, nl("Case"), nl("Case"))
    fill(page, nl("Reference number"), reference)
    fill(
        page,
        nl("The situation (plan of approach, part 1)"),
        "Na een beroerte lukt de administratie niet meer.",
    )
    press(page, nl("Pass the request to the coalition"))
    expect(page.get_by_text(nl("The request is passed to the coalition."))).to_be_visible()
    press(page, nl("Make the DAT letter"))
    with page.expect_download() as download:
        page.get_by_role("button", name=nl("Download the DAT letter (PDF)")).click()
    assert download.value.suggested_filename == f"dat-brief-{reference}-nl.pdf"

    _sent_301(backstage, reference)
    context = browser.new_context(viewport={"width": 1100, "height": 1600}, locale="nl-NL")
    counsellor = context.new_page()
    counsellor.set_default_timeout(30_000)
    sign_in(counsellor, running_app.url, "coalitie", DEMO_PASSWORD)
    open_page(counsellor, nl("Assignments"), nl("Assignments"))
    expect(counsellor.get_by_role("heading", name=nl("Begeleiding through the coalition"))).to_be_visible()
    expect(counsellor.get_by_text(reference).first).to_be_visible()
    fill(counsellor, nl("Counsellor"), "Anna de Vries")
    press(counsellor, nl("Record the contact with the resident"))
    expect(counsellor.get_by_text(nl("The contact is recorded."))).to_be_visible()
    counsellor.get_by_role("tab", name=nl("Plan of approach")).click()
    fill(counsellor, nl("Results (one per line)"), "Mevrouw doet haar post weer zelf.")
    press(counsellor, nl("Record the plan of approach (beschikking under mandate)"))
    expect(counsellor.get_by_text(nl("The plan of approach is recorded."))).to_be_visible()
    counsellor.get_by_role("tab", name=nl("Start care")).click()
    press(counsellor, nl("Send the start (305)"))
    wait_for_app(counsellor)

    expect(
        counsellor.get_by_text("Geaccepteerd: de gemeente heeft uw bericht 305", exact=False)
    ).to_be_visible()
    view = backstage.wmo.view(reference, backstage.account("wijzer"), datetime.now(UTC))
    assert view.status is CaseStatus.CARE_STARTED
    assert view.records.started is not None and view.records.started.begindatum == datetime.now(UTC).date()
    context.close()
    page.reload()
    wait_for_app(page)
    fill(page, nl("Reference number"), reference)
    expect(page.get_by_text(nl("Care started by the provider (305)")).first).to_be_visible()
