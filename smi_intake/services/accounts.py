"""Accounts and sign-in: bcrypt hashes in the database, lock-out, and sessions that end server-side.

A wrong user name and a wrong password get the same answer and cost the same time
(a dummy hash is checked for unknown names), and failures count per typed name, so the
lock-out does not tell which accounts exist. Logging out or changing a password moves
``sessions_valid_after``: every session signed in before that moment ends.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import bcrypt
from sqlalchemy import delete, func, select, text

from smi_core.access import Role
from smi_intake.db.models import AccountRow, SignInFailureRow, audit
from smi_intake.db.uow import UnitOfWorkFactory

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12
#: bcrypt reads at most 72 bytes; longer passwords are refused, never silently cut.
MAX_PASSWORD_BYTES = 72
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,79}$")


class SignInFailed(Exception):
    """User name or password is wrong (deliberately not saying which)."""


class AccountLocked(Exception):
    """Too many failed attempts for this user name; ``until`` is when it opens again."""

    def __init__(self, until: datetime) -> None:
        super().__init__("too many failed sign-in attempts")
        self.until = until


class AccountInvalid(ValueError):
    """An account cannot be created or changed like this; ``field`` names what is wrong."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Account:
    """A signed-in user as the pages see it (no password hash)."""

    username: str
    display_name: str
    role: Role
    organisation: str
    email: str
    active: bool


def _account(row: AccountRow) -> Account:
    return Account(
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        organisation=row.organisation,
        email=row.email,
        active=row.active,
    )


class AccountService:
    """Sign-in, sessions and account administration on one database."""

    def __init__(self, uows: UnitOfWorkFactory, bcrypt_rounds: int = 12) -> None:
        self._uows = uows
        self._rounds = bcrypt_rounds
        self._dummy_hash = bcrypt.hashpw(b"not a password of anyone", bcrypt.gensalt(bcrypt_rounds))

    def hash_password(self, password: str) -> str:
        return bcrypt.hashpw(password.encode(), bcrypt.gensalt(self._rounds)).decode()

    @staticmethod
    def _key(username: str) -> str:
        return username.strip().casefold()[:80]

    # -- sign-in --------------------------------------------------------------------------------

    def authenticate(self, username: str, password: str, now: datetime) -> Account:
        """The account for this name and password; ``SignInFailed`` or ``AccountLocked`` otherwise.

        Attempts for one name are serialised (an advisory lock on PostgreSQL, the write lock on
        SQLite), so simultaneous attempts cannot get past the lock-out together.
        """
        key = self._key(username)
        with self._uows() as uow:
            session = uow.session
            if session.get_bind().dialect.name == "postgresql":
                lock_id = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
                session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": lock_id})
            attempt = SignInFailureRow(username=key, failed_at=now)
            session.add(attempt)
            session.flush()  # on SQLite this takes the write lock until the end of the attempt
            failures = list(
                session.scalars(
                    select(SignInFailureRow.failed_at)
                    .where(
                        SignInFailureRow.username == key,
                        SignInFailureRow.failed_at > now - FAILURE_WINDOW,
                        SignInFailureRow.id != attempt.id,
                    )
                    .order_by(SignInFailureRow.failed_at)
                )
            )
            if len(failures) >= MAX_FAILURES:
                session.delete(attempt)
                uow.commit()
                raise AccountLocked(until=failures[-MAX_FAILURES] + FAILURE_WINDOW)
            row = session.scalars(select(AccountRow).where(AccountRow.username == key)).one_or_none()
            stored = row.password_hash.encode() if row is not None else self._dummy_hash
            given = password.encode()
            matches = bcrypt.checkpw(given[:MAX_PASSWORD_BYTES], stored) and len(given) <= MAX_PASSWORD_BYTES
            if row is None or not row.active or not matches:
                uow.commit()  # the attempt stays recorded as a failure
                raise SignInFailed()
            session.execute(delete(SignInFailureRow).where(SignInFailureRow.username == key))
            session.add(audit(key, "account.signed_in", "account", key, now))
            uow.commit()
            return _account(row)

    def session_account(self, username: str, signed_in_at: datetime) -> Account | None:
        """The account of a session signed in at ``signed_in_at``, if that session still holds."""
        with self._uows() as uow:
            row = uow.session.scalars(
                select(AccountRow).where(AccountRow.username == self._key(username))
            ).one_or_none()
            if row is None or not row.active or signed_in_at < row.sessions_valid_after:
                return None
            return _account(row)

    def end_sessions(self, username: str, now: datetime, reason: str = "account.signed_out") -> None:
        """End every session of this user (on every device), as of ``now``."""
        key = self._key(username)
        with self._uows() as uow:
            row = uow.session.scalars(select(AccountRow).where(AccountRow.username == key)).one_or_none()
            if row is None:
                return
            row.sessions_valid_after = now
            uow.session.add(audit(key, reason, "account", key, now))
            uow.commit()

    def change_password(self, username: str, current: str, new: str, now: datetime) -> None:
        """Change one's own password; every session of the user ends."""
        self.authenticate(username, current, now)
        self._set_password(username, new, now, actor=self._key(username), action="account.password_changed")

    def _set_password(self, username: str, new: str, now: datetime, actor: str, action: str) -> None:
        """Store a new password hash and end every session of the user."""
        self._check_password(new)
        with self._uows() as uow:
            row = uow.session.scalars(
                select(AccountRow).where(AccountRow.username == self._key(username))
            ).one()
            row.password_hash = self.hash_password(new)
            row.sessions_valid_after = now
            uow.session.add(audit(actor, action, "account", row.username, now))
            uow.commit()

    # -- administration ---------------------------------------------------------------------------

    def _check_password(self, password: str) -> None:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountInvalid("password", "too_short")
        if len(password.encode()) > MAX_PASSWORD_BYTES:
            raise AccountInvalid("password", "too_long")

    def create_account(
        self,
        username: str,
        display_name: str,
        role: Role | str,
        password: str,
        now: datetime,
        organisation: str = "",
        email: str = "",
        created_by: str = "system",
    ) -> Account:
        """Create an account; the password is hashed before it is stored."""
        key = self._key(username)
        if not _USERNAME.match(key):
            raise AccountInvalid("username", "format")
        if not display_name.strip():
            raise AccountInvalid("display_name", "empty")
        try:
            role = Role(role)
        except ValueError:
            raise AccountInvalid("role", "unknown") from None
        if role is Role.AGENCY and not organisation.strip():
            raise AccountInvalid("organisation", "empty")
        self._check_password(password)
        with self._uows() as uow:
            if uow.session.scalar(
                select(func.count()).select_from(AccountRow).where(AccountRow.username == key)
            ):
                raise AccountInvalid("username", "taken")
            row = AccountRow(
                username=key,
                display_name=display_name.strip(),
                email=email.strip(),
                role=role.value,
                organisation=organisation.strip(),
                password_hash=self.hash_password(password),
                active=True,
                sessions_valid_after=now,
                created_at=now,
            )
            uow.session.add(row)
            uow.session.add(audit(created_by, "account.created", "account", key, now, detail=role.value))
            uow.commit()
            return _account(row)

    def set_active(self, username: str, active: bool, now: datetime, changed_by: str) -> None:
        """Block or unblock an account; blocking ends its sessions."""
        with self._uows() as uow:
            row = uow.session.scalars(
                select(AccountRow).where(AccountRow.username == self._key(username))
            ).one()
            row.active = active
            if not active:
                row.sessions_valid_after = now
            uow.session.add(
                audit(
                    changed_by,
                    "account.activated" if active else "account.blocked",
                    "account",
                    row.username,
                    now,
                )
            )
            uow.commit()

    def reset_password(self, username: str, new: str, now: datetime, changed_by: str) -> None:
        """An administrator sets a new password; the user's sessions end."""
        self._set_password(username, new, now, actor=changed_by, action="account.password_reset")

    def accounts(self) -> list[Account]:
        with self._uows() as uow:
            return [
                _account(r) for r in uow.session.scalars(select(AccountRow).order_by(AccountRow.username))
            ]

    def count(self) -> int:
        with self._uows() as uow:
            return int(uow.session.scalar(select(func.count()).select_from(AccountRow)) or 0)
