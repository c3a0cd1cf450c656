"""Unit of work: one transaction, rolled back unless ``commit()`` is called.

The unit of work holds the session and the cipher, and hands out the repositories: the only
code that touches rows and encrypts or decrypts. Services receive a factory of units of work,
so a test can hand them a fake one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from smi_intake.crypto import Cipher
from smi_intake.db.accounts import AccountRepository
from smi_intake.db.drafts import DocumentRepository, DraftRepository
from smi_intake.db.handovers import HandoverRepository
from smi_intake.db.requests import SentRequestRepository


class UnitOfWork:
    """A session for one piece of work; services receive it and call ``commit()`` when done."""

    def __init__(self, session_factory: Callable[[], Session], cipher: Cipher) -> None:
        self._session_factory = session_factory
        self.cipher = cipher

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
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

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


UnitOfWorkFactory = Callable[[], UnitOfWork]


def uow_factory(engine: Engine, cipher: Cipher) -> UnitOfWorkFactory:
    """A factory of units of work on ``engine``, sealing and opening with ``cipher``."""
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    return lambda: UnitOfWork(sessions, cipher)
