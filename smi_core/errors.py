"""The vocabulary of refusals: what the domain says when it will not do something.

Every refusal derives from ``Refusal``. It is named for the condition (``ConcurrentEdit``,
``CaseAlreadyClaimed``), carries the context as plain values (a reference, a status, a user
name; never personal data), and may carry the message id that the screens translate. The
screens keep one table from refusal to message, so no page has its own chain of ``except``.
"""

from __future__ import annotations

from typing import Any, ClassVar


class Refusal(Exception):
    """A domain refusal. ``message_id`` (when set) is the text the screens show, with ``values``."""

    message_id: ClassVar[str] = ""

    def __init__(self, detail: str = "", **values: Any) -> None:
        super().__init__(detail or type(self).__name__)
        self.values: dict[str, Any] = values


class NotAllowed(Refusal, PermissionError):
    """The signed-in role may not do this (see ``smi_core.access.Permission``)."""


class CaseNotFound(Refusal, LookupError):
    """No case with this reference (for the parents: none that matches the reference and the code,
    deliberately vague)."""

    def __init__(self, reference: str) -> None:
        super().__init__(reference, reference=reference)
        self.reference = reference


class CaseAlreadyClaimed(Refusal, RuntimeError):
    """Someone else has already taken the case; ``owner`` says who."""

    def __init__(self, reference: str, owner: str) -> None:
        super().__init__(f"{reference} is already taken by {owner}", reference=reference, owner=owner)
        self.reference = reference
        self.owner = owner


class ConcurrentEdit(Refusal, RuntimeError):
    """The case changed since it was read; nothing was overwritten."""

    def __init__(self, reference: str) -> None:
        super().__init__(f"{reference} was changed by someone else", reference=reference)
        self.reference = reference


__all__ = ["CaseAlreadyClaimed", "CaseNotFound", "ConcurrentEdit", "NotAllowed", "Refusal"]
