"""The refusals of the resident's and the agency's side: the intake, its documents, resume codes
and signing in.

Each derives from ``smi_core.errors.Refusal`` and keeps the builtin it had before (so an
``except ValueError`` still catches it), and carries only plain context values: ids, reasons,
moments; never the answers themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from smi_core.errors import Refusal


class DraftNotFound(Refusal, LookupError):
    """The draft no longer exists (expired, or already sent)."""

    def __init__(self, draft_id: str) -> None:
        super().__init__(draft_id, draft_id=draft_id)
        self.draft_id = draft_id


class IntakeIncomplete(Refusal, ValueError):
    """The answers do not yet form a complete request; ``errors`` are pydantic's error dicts
    (without the input, so without personal data)."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} answers are missing or wrong", count=len(errors))
        self.errors = errors


class DocumentRejected(Refusal, ValueError):
    """An upload that is not accepted; ``reason`` is ``empty``, ``too_large`` or ``wrong_type``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, reason=reason)
        self.reason = reason


class ResumeCodeInvalid(Refusal, ValueError):
    """The code and postcode do not open a request (deliberately vague)."""


class ResumeCodeExpired(Refusal, ValueError):
    """The draft of this code has expired and was deleted."""


class SignInFailed(Refusal):
    """User name or password is wrong (deliberately not saying which)."""


class AccountLocked(Refusal):
    """Too many failed attempts for this user name; ``until`` is when it opens again."""

    def __init__(self, until: datetime) -> None:
        super().__init__("too many failed sign-in attempts", until=until)
        self.until = until


class AccountInvalid(Refusal, ValueError):
    """An account cannot be created or changed like this; ``field`` names what is wrong."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}", field=field, reason=reason)
        self.field = field
        self.reason = reason


__all__ = [
    "AccountInvalid",
    "AccountLocked",
    "DocumentRejected",
    "DraftNotFound",
    "IntakeIncomplete",
    "ResumeCodeExpired",
    "ResumeCodeInvalid",
    "SignInFailed",
]
