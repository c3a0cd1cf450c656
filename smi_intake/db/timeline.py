"""The case's timeline as stored: one place that appends an entry and its audit record.

Every entry of the append-only timeline goes together with an audit record (who did what,
never the content). What the worker or the parents wrote is sealed with the unit of work's
cipher; ``note`` holds only what may be read without a need to know.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from smi_intake.db.models import CaseEventRow, audit
from smi_intake.db.uow import UnitOfWork


def append_event(
    uow: UnitOfWork,
    *,
    case_id: int,
    reference: str,
    actor: str,
    kind: str,
    now: datetime,
    from_status: str | None = None,
    to_status: str | None = None,
    note: str = "",
    payload: BaseModel | dict[str, Any] | None = None,
    audit_action: str | None = None,
    audit_detail: str | None = None,
) -> None:
    """Append a timeline entry (``payload`` sealed) and its audit record, in ``uow``'s transaction.

    The audit action is ``case.<kind>`` and its detail the note, unless given otherwise.
    """
    sealed = None
    if payload is not None:
        data = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
        sealed = uow.cipher.seal_json(data)
    uow.session.add(
        CaseEventRow(
            case_id=case_id,
            occurred_at=now,
            actor=actor,
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            note=note,
            payload=sealed,
        )
    )
    uow.session.add(
        audit(
            actor,
            audit_action or f"case.{kind}",
            "case",
            reference,
            now,
            detail=note if audit_detail is None else audit_detail,
        )
    )
