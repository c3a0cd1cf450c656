"""The life of a case as a state machine: which action is allowed from which status.

The table and its functions live with the case (``smi_core.case.route``): ``TRANSITIONS`` is the
SMI route. This module keeps the names other modules import.
"""

from __future__ import annotations

from smi_core.case.errors import TransitionNotAllowed
from smi_core.case.route import (
    ACTION_LABELS,
    TRANSITIONS,
    CaseAction,
    allowed_actions,
    is_open,
    next_status,
)

__all__ = [
    "ACTION_LABELS",
    "TRANSITIONS",
    "CaseAction",
    "TransitionNotAllowed",
    "allowed_actions",
    "is_open",
    "next_status",
]
