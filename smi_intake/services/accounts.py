"""Accounts and sign-in: bcrypt hashes in the database, lock-out, and sessions that end server-side.

A wrong user name and a wrong password get the same answer and cost the same time
(a dummy hash is checked for unknown names), and failures count per typed name, so the
lock-out does not tell which accounts exist. Logging out or changing a password moves
``sessions_valid_after``: every session signed in before that moment ends.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import bcrypt

from smi_core.access import Role
from smi_core.accounts import Account
from smi_core.intake_errors import AccountInvalid, AccountLocked, SignInFailed
from smi_intake.db.uow import UnitOfWorkFactory

__all__ = [
    "FAILURE_WINDOW",
    "MAX_FAILURES",
    "MAX_PASSWORD_BYTES",
    "MIN_PASSWORD_LENGTH",
    "Account",
    "AccountInvalid",
    "AccountLocked",
    "AccountService",
    "SignInFailed",
]

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12
#: bcrypt reads at most 72 bytes; longer passwords are refused, never silently cut.
MAX_PASSWORD_BYTES = 72
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,79}$")
#: A care provider's organisation: its AGB code, 8 digits (the Afzender of its messages).
_AGB = re.compile(r"^[0-9]{8}$")


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
            accounts = uow.accounts
            accounts.serialise_attempts(key)
            attempt = accounts.record_attempt(key, now)
            failures = accounts.failures_since(key, now - FAILURE_WINDOW, other_than=attempt)
            if len(failures) >= MAX_FAILURES:
                accounts.forget_attempt(attempt)
                uow.commit()
                raise AccountLocked(until=failures[-MAX_FAILURES] + FAILURE_WINDOW)
            stored = accounts.get(key)
            known = stored.password_hash.encode() if stored is not None else self._dummy_hash
            given = password.encode()
            matches = bcrypt.checkpw(given[:MAX_PASSWORD_BYTES], known) and len(given) <= MAX_PASSWORD_BYTES
            if stored is None or not stored.account.active or not matches:
                uow.commit()  # the attempt stays recorded as a failure
                raise SignInFailed()
            accounts.clear_failures(key)
            accounts.audit(key, "account.signed_in", key, now)
            uow.commit()
            return stored.account

    def session_account(self, username: str, signed_in_at: datetime) -> Account | None:
        """The account of a session signed in at ``signed_in_at``, if that session still holds."""
        with self._uows() as uow:
            stored = uow.accounts.get(self._key(username))
            if stored is None or not stored.account.active or signed_in_at < stored.sessions_valid_after:
                return None
            return stored.account

    def end_sessions(self, username: str, now: datetime, reason: str = "account.signed_out") -> None:
        """End every session of this user (on every device), as of ``now``."""
        key = self._key(username)
        with self._uows() as uow:
            if not uow.accounts.update(key, sessions_valid_after=now):
                return
            uow.accounts.audit(key, reason, key, now)
            uow.commit()

    def change_password(self, username: str, current: str, new: str, now: datetime) -> None:
        """Change one's own password; every session of the user ends."""
        self.authenticate(username, current, now)
        self._set_password(username, new, now, actor=self._key(username), action="account.password_changed")

    def _set_password(self, username: str, new: str, now: datetime, actor: str, action: str) -> None:
        """Store a new password hash and end every session of the user."""
        self._check_password(new)
        key = self._key(username)
        with self._uows() as uow:
            if not uow.accounts.update(key, password_hash=self.hash_password(new), sessions_valid_after=now):
                raise LookupError(key)
            uow.accounts.audit(actor, action, key, now)
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
        """Create an account; the password is hashed before it is stored. An agency names its
        organisation, and so does a jeugdbeschermer (its certified institution); a care provider's
        organisation is its 8-digit AGB code."""
        key = self._key(username)
        if not _USERNAME.match(key):
            raise AccountInvalid("username", "format")
        if not display_name.strip():
            raise AccountInvalid("display_name", "empty")
        try:
            role = Role(role)
        except ValueError:
            raise AccountInvalid("role", "unknown") from None
        if role in (Role.AGENCY, Role.JEUGDBESCHERMER) and not organisation.strip():
            raise AccountInvalid("organisation", "empty")
        if role is Role.PROVIDER and not _AGB.fullmatch(organisation.strip()):
            raise AccountInvalid("organisation", "agb")
        self._check_password(password)
        account = Account(
            username=key,
            display_name=display_name.strip(),
            role=role,
            organisation=organisation.strip(),
            email=email.strip(),
            active=True,
        )
        with self._uows() as uow:
            if uow.accounts.exists(key):
                raise AccountInvalid("username", "taken")
            uow.accounts.add(account, self.hash_password(password), now)
            uow.accounts.audit(created_by, "account.created", key, now, detail=role.value)
            uow.commit()
            return account

    def set_active(self, username: str, active: bool, now: datetime, changed_by: str) -> None:
        """Block or unblock an account; blocking ends its sessions."""
        key = self._key(username)
        with self._uows() as uow:
            if not uow.accounts.update(key, active=active, sessions_valid_after=None if active else now):
                raise LookupError(key)
            uow.accounts.audit(changed_by, "account.activated" if active else "account.blocked", key, now)
            uow.commit()

    def reset_password(self, username: str, new: str, now: datetime, changed_by: str) -> None:
        """An administrator sets a new password; the user's sessions end."""
        self._set_password(username, new, now, actor=changed_by, action="account.password_reset")

    def accounts(self) -> list[Account]:
        with self._uows() as uow:
            return uow.accounts.all()

    def count(self) -> int:
        with self._uows() as uow:
            return uow.accounts.count()
