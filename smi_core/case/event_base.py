"""What every timeline entry has: who, when, the status change if any, and the note in the clear.

Its own module so that the event models of each route (``events``, ``wmo_events``) share it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class BaseEvent(BaseModel):
    """One timeline entry: who, when, the status change if any, and the note in the clear."""

    model_config = ConfigDict(frozen=True)

    occurred_at: datetime
    actor: str
    from_status: str | None = None
    to_status: str | None = None
    note: str = ""


__all__ = ["BaseEvent"]
