"""Unit of work: one transaction, rolled back unless ``commit()`` is called.

The unit of work holds the session and the cipher, and hands out the repositories: the only
code that touches rows and encrypts or decrypts. Services receive a factory of units of work,
so a test can hand them a fake one.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from smi_intake.crypto import Cipher

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

    # -- drafts, sent requests, documents, accounts, handovers

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
