"""What the coalition's route refuses (B2-B5), each with the text the staff screens show."""

from __future__ import annotations

from smi_core.constants import N_
from smi_core.errors import Refusal


class NotForTheCoalition(Refusal, ValueError):
    """The chosen provision is no begeleiding of a segment for the coalition."""

    message_id = N_(
        "The chosen provision does not go to the coalition: choose begeleiding of a segment for it."
    )


class NotTheCoalition(Refusal, PermissionError):
    """The signed-in organisation is not the coalition the case's toewijzing went to."""

    message_id = N_("This case was not assigned to your organisation.")


class CoalitionStepOutOfOrder(Refusal, RuntimeError):
    """A step of the coalition that comes too early or too late; ``reason`` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, reason=reason)
        self.reason = reason

    message_id = N_("This step of the coalition is not possible now.")


__all__ = ["CoalitionStepOutOfOrder", "NotForTheCoalition", "NotTheCoalition"]
