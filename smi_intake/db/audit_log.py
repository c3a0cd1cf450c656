"""The audit log as the registers and read queries write it: who did or read what, never the content."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from smi_intake.db.models import audit


class AuditLog:
    """Appends audit records in the unit of work's transaction (they commit with it)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def record(
        self, actor: str, action: str, subject_type: str, subject_id: str, now: datetime, detail: str = ""
    ) -> None:
        self._session.add(audit(actor, action, subject_type, subject_id, now, detail=detail))
