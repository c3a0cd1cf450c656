"""Unit of work: one transaction, rolled back unless ``commit()`` is called.

The unit of work holds the session and the cipher, and hands out the repositories: the only
code that touches rows and encrypts or decrypts. Services receive a factory of units of work,
so a test can hand them a fake one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from smi_intake.crypto import Cipher
from smi_intake.db.accounts import AccountRepository
from smi_intake.db.audit_log import AuditLog
from smi_intake.db.conversions import ConversionStore
from smi_intake.db.deadlines import DeadlineQueries
from smi_intake.db.drafts import DocumentRepository, DraftRepository
from smi_intake.db.funding import FundingQueries
from smi_intake.db.handovers import HandoverRepository
from smi_intake.db.messages import MessageStore
from smi_intake.db.providers import ProviderRegister
from smi_intake.db.queue import QueueQueries
from smi_intake.db.reports import ReportQueries
from smi_intake.db.requests import SentRequestRepository
from smi_intake.db.subsidies import SubsidyApplications
from smi_intake.db.wmo_cases import WmoCaseRows

if TYPE_CHECKING:
    from smi_intake.db.cases import CaseRepository


class UnitOfWork:
    """A session for one piece of work; services receive it and call ``commit()`` when done."""

    def __init__(self, session_factory: Callable[[], Session], cipher: Cipher) -> None:
        self._session_factory = session_factory
        self.cipher = cipher
        self._cases: CaseRepository | None = None

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self._cases = None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    # The repositories, each made on first use within this unit of work. Each area adds its own
    # under its marker, as a property that builds it from ``self.session`` and ``self.cipher``.

    # -- the case: the aggregate, its timeline, consents and indication

    @property
    def cases(self) -> CaseRepository:
        """The cases as aggregates (``smi_intake.db.cases``)."""
        if self._cases is None:
            from smi_intake.db.cases import CaseRepository

            self._cases = CaseRepository(self)
        return self._cases

    @cached_property
    def wmo_cases(self) -> WmoCaseRows:
        """A Wmo case's own rows: its melding and check, its term days (``smi_intake.db.wmo_cases``)."""
        return WmoCaseRows(self.session, self.cipher)

    # -- drafts, sent requests, documents, accounts, handovers

    @cached_property
    def drafts(self) -> DraftRepository:
        return DraftRepository(self.session, self.cipher)

    @cached_property
    def documents(self) -> DocumentRepository:
        return DocumentRepository(self.session, self.cipher)

    @cached_property
    def requests(self) -> SentRequestRepository:
        return SentRequestRepository(self.session, self.cipher)

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.session)

    @cached_property
    def handovers(self) -> HandoverRepository:
        return HandoverRepository(self.session, self.cipher)

    # -- the queue, deadlines, providers, funding and reports (read queries and registers)

    @cached_property
    def queue(self) -> QueueQueries:
        return QueueQueries(self.session)

    @cached_property
    def deadlines(self) -> DeadlineQueries:
        return DeadlineQueries(self.session)

    @cached_property
    def providers(self) -> ProviderRegister:
        return ProviderRegister(self.session)

    @cached_property
    def funding(self) -> FundingQueries:
        return FundingQueries(self.session, self.cipher)

    @cached_property
    def subsidies(self) -> SubsidyApplications:
        return SubsidyApplications(self.session, self.cipher)

    @cached_property
    def reports(self) -> ReportQueries:
        return ReportQueries(self.session)

    # -- the iStandaarden messages

    @cached_property
    def messages(self) -> MessageStore:
        return MessageStore(self.session, self.cipher)

    # -- several begeleiding indications become one traject

    @cached_property
    def conversions(self) -> ConversionStore:
        return ConversionStore(self.session, self.cipher)

    @cached_property
    def audit_log(self) -> AuditLog:
        return AuditLog(self.session)

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


UnitOfWorkFactory = Callable[[], UnitOfWork]


def uow_factory(engine: Engine, cipher: Cipher) -> UnitOfWorkFactory:
    """A factory of units of work on ``engine``, sealing and opening with ``cipher``."""
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    return lambda: UnitOfWork(sessions, cipher)
