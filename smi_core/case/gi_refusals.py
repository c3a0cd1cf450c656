"""What route G refuses (G2-G3b), each with the text the staff screens show."""

from __future__ import annotations

from smi_core.constants import N_
from smi_core.errors import Refusal


class NotTheInstitution(Refusal, PermissionError):
    """The bepaling is not of the signed-in jeugdbeschermer's own certified institution."""

    message_id = N_("This bepaling is not of your certified institution.")


class NotTheChosenProvider(Refusal, PermissionError):
    """The bepaling that holds now does not name the signed-in provider's organisation."""

    message_id = N_("This bepaling does not name your organisation as the provider.")


class ProviderAlreadyNotInTime(Refusal, ValueError):
    """An adjusted bepaling after a provider's word that it cannot deliver in time names that same
    provider again, for a start it cannot make (``GI-NOT-IN-TIME``)."""

    message_id = N_(
        "This provider said it cannot deliver in time. Choose another provider, or a later start."
    )


class AlreadyReported(Refusal, ValueError):
    """The provider already said that it cannot deliver this bepaling in time."""

    message_id = N_("You already said that you cannot deliver this bepaling in time.")


__all__ = ["AlreadyReported", "NotTheChosenProvider", "NotTheInstitution", "ProviderAlreadyNotInTime"]
