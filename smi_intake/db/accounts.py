"""Accounts and failed sign-ins as stored: the only code that reads or writes their rows."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from smi_core.access import Role
from smi_core.accounts import Account
from smi_intake.db.models import AccountRow, SignInFailureRow, audit


@dataclass(frozen=True)
class StoredAccount:
    """An account with what only the sign-in reads: its password hash and the moment before
    which its sessions no longer hold."""

    account: Account
    password_hash: str
    sessions_valid_after: datetime


def _account(row: AccountRow) -> Account:
    return Account(
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        organisation=row.organisation,
        email=row.email,
        active=row.active,
    )


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, username: str) -> AccountRow | None:
        return self._session.scalars(select(AccountRow).where(AccountRow.username == username)).one_or_none()

    def get(self, username: str) -> StoredAccount | None:
        row = self._row(username)
        if row is None:
            return None
        return StoredAccount(_account(row), row.password_hash, row.sessions_valid_after)

    def exists(self, username: str) -> bool:
        return bool(
            self._session.scalar(
                select(func.count()).select_from(AccountRow).where(AccountRow.username == username)
            )
        )

    def add(self, account: Account, password_hash: str, now: datetime) -> None:
        self._session.add(
            AccountRow(
                username=account.username,
                display_name=account.display_name,
                email=account.email,
                role=account.role.value,
                organisation=account.organisation,
                password_hash=password_hash,
                active=account.active,
                sessions_valid_after=now,
                created_at=now,
            )
        )

    def update(
        self,
        username: str,
        *,
        password_hash: str | None = None,
        active: bool | None = None,
        sessions_valid_after: datetime | None = None,
    ) -> bool:
        """Change what is given of an existing account; whether the account exists."""
        row = self._row(username)
        if row is None:
            return False
        if password_hash is not None:
            row.password_hash = password_hash
        if active is not None:
            row.active = active
        if sessions_valid_after is not None:
            row.sessions_valid_after = sessions_valid_after
        return True

    def all(self) -> list[Account]:
        return [_account(r) for r in self._session.scalars(select(AccountRow).order_by(AccountRow.username))]

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(AccountRow)) or 0)

    def audit(self, actor: str, action: str, username: str, now: datetime, detail: str = "") -> None:
        """An audit record about an account (never a password or its hash)."""
        self._session.add(audit(actor, action, "account", username, now, detail=detail))

    # -- failed sign-ins, for the lock-out ----------------------------------------------------

    def serialise_attempts(self, username: str) -> None:
        """Let attempts for one name wait for each other until this transaction ends (an advisory
        lock on PostgreSQL; on SQLite, recording the attempt takes the write lock)."""
        if self._session.get_bind().dialect.name == "postgresql":
            lock_id = int.from_bytes(hashlib.sha256(username.encode()).digest()[:8], "big", signed=True)
            self._session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": lock_id})

    def record_attempt(self, username: str, now: datetime) -> int:
        """Record an attempt as failed (until it is forgotten); returns its id."""
        attempt = SignInFailureRow(username=username, failed_at=now)
        self._session.add(attempt)
        self._session.flush()  # on SQLite this takes the write lock until the end of the attempt
        return attempt.id

    def failures_since(self, username: str, since: datetime, other_than: int) -> list[datetime]:
        """The moments of the failed attempts after ``since``, oldest first, but ``other_than``."""
        return list(
            self._session.scalars(
                select(SignInFailureRow.failed_at)
                .where(
                    SignInFailureRow.username == username,
                    SignInFailureRow.failed_at > since,
                    SignInFailureRow.id != other_than,
                )
                .order_by(SignInFailureRow.failed_at)
            )
        )

    def forget_attempt(self, attempt_id: int) -> None:
        self._session.execute(delete(SignInFailureRow).where(SignInFailureRow.id == attempt_id))

    def clear_failures(self, username: str) -> None:
        self._session.execute(delete(SignInFailureRow).where(SignInFailureRow.username == username))
