"""The refusals of the registers: the provider register and the providers' subsidy applications.

Each is a ``Refusal`` (see ``smi_core.errors``) that keeps the builtin kind it had before, so a
caller that catches ``LookupError`` or ``ValueError`` still does. They carry ids, statuses and
quarters, never a child's or a contact's details. Who may act is refused with the shared
``NotAllowed``.
"""

from __future__ import annotations

from smi_core.errors import Refusal
from smi_core.funding import ApplicationStatus, Quarter


class UnknownProvider(Refusal, LookupError):
    """No provider with this id in the register."""

    def __init__(self, provider_id: int) -> None:
        super().__init__(f"no provider {provider_id}", provider_id=provider_id)
        self.provider_id = provider_id


class LocationNotFound(Refusal, LookupError):
    """No provider location with this id."""

    def __init__(self, location_id: int) -> None:
        super().__init__(f"no provider location {location_id}", location_id=location_id)
        self.location_id = location_id


class DuplicateLrk(Refusal, ValueError):
    """Another location already has this LRK number; ``location_id`` says which."""

    def __init__(self, lrk_number: str, location_id: int | None) -> None:
        super().__init__(
            f"LRK number {lrk_number} is already registered", lrk_number=lrk_number, location_id=location_id
        )
        self.lrk_number = lrk_number
        self.location_id = location_id


class ApplicationNotFound(Refusal, LookupError):
    """No subsidy application with this id."""

    def __init__(self, application_id: int) -> None:
        super().__init__(f"no subsidy application {application_id}", application_id=application_id)
        self.application_id = application_id


class ApplicationInvalid(Refusal, ValueError):
    """An application without lines, or with more than ``MAX_LINES``."""


class ReasonRequired(Refusal, ValueError):
    """A rejection needs a reason (of at most ``MAX_REASON_LENGTH`` characters)."""


class ApplicationHasProblems(Refusal, RuntimeError):
    """An application with problems on its lines cannot be approved; ``count`` says how many."""

    def __init__(self, application_id: int, count: int) -> None:
        super().__init__(
            f"application {application_id} has {count} problem(s) on its lines",
            application_id=application_id,
            count=count,
        )
        self.application_id = application_id
        self.count = count


class WrongStatus(Refusal, RuntimeError):
    """The application is not in the status this step needs (for instance decided by someone else)."""

    def __init__(self, application_id: int, status: ApplicationStatus, needed: ApplicationStatus) -> None:
        super().__init__(
            f"application {application_id} is {status.value}, not {needed.value}",
            application_id=application_id,
            status=status.value,
            needed=needed.value,
        )
        self.application_id = application_id
        self.status = status
        self.needed = needed


class QuarterNotEnded(Refusal, RuntimeError):
    """An application is paid only after its quarter has ended."""

    def __init__(self, quarter: Quarter) -> None:
        super().__init__(f"{quarter.label} has not ended yet", quarter=quarter.label)
        self.quarter = quarter


__all__ = [
    "ApplicationHasProblems",
    "ApplicationInvalid",
    "ApplicationNotFound",
    "DuplicateLrk",
    "LocationNotFound",
    "QuarterNotEnded",
    "ReasonRequired",
    "UnknownProvider",
    "WrongStatus",
]
