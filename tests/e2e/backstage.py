"""What the browser tests share beyond the page helpers: the services on the served app's
database (``Backstage``, for what happens outside the browser: seeding, the chain's delivery of an
exported message and its retour), the demo accounts' sign-in, and the Dutch text of a message id."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.sync_api import Page

from smi_core import default_municipality
from smi_core.i18n import gettext
from smi_core.istandaarden.envelope import read_envelope
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import read, write
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import UnitOfWorkFactory, uow_factory
from smi_intake.demo import DEMO_PASSWORD
from smi_intake.services.accounts import Account, AccountService
from smi_intake.services.messages import MessageService
from smi_intake.services.wmo_cases import WmoCaseService
from tests import wmo_factories as make
from tests.e2e.conftest import RunningApp
from tests.e2e.streamlit_page import sign_in as sign_in_as


def nl(message: str, **values: object) -> str:
    """The Dutch text of an English message id, as the pages show it."""
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

    def deliver_301(self, identification: str) -> ToewijzingBericht:
        """The chain delivers the back office's one queued 301 and brings the provider's retour
        (302) back, as the import of the retour file does."""
        now, office = datetime.now(UTC), self.account("gemeente")
        [(_name, envelope)] = self.messages.export(office, now)
        toewijzing = read(read_envelope(envelope).payload or b"")
        assert isinstance(toewijzing, ToewijzingBericht)
        retour = make_retour(toewijzing, [], identification=identification, on=now.date())
        self.messages.import_files([("302.xml", write(retour))], office, now)
        return toewijzing


def sign_in(page: Page, url: str, username: str) -> None:
    """Sign in as a demo account (they share the demo password)."""
    sign_in_as(page, url, username, DEMO_PASSWORD)
