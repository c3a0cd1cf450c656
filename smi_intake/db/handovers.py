"""Handovers as stored: the agency's case (source *instantie*) and the parents' prefilled draft.

The handover and the prefilled answers are sealed; the invitation code is kept only as a
keyed hash, on the case and on the draft.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from smi_core.cases import CaseSource, CaseStatus
from smi_core.handover import Handover, HandoverSummary, agency_status
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseRow, DraftRow


class HandoverRepository:
    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    def add(
        self,
        handover: Handover,
        *,
        organisation: str,
        created_by: str,
        code: str,
        draft_id: str,
        expires_at: datetime,
        now: datetime,
    ) -> tuple[int, str]:
        """Store a handed-over case and its draft for the parents (``code`` normalised); returns
        the case's id and reference."""
        code_hash = self._cipher.lookup_hash(code)
        case = CaseRow(
            source=CaseSource.INSTANTIE.value,
            status=CaseStatus.NEW.value,
            outcome="",
            urgent=handover.urgent,
            owner=None,
            received_at=now,
            locale="nl",
            resume_hash=code_hash,
            draft_id=draft_id,
            organisation=organisation,
            created_by=created_by,
            parents_completed=False,
            payload=self._cipher.seal_json(
                {"handover": {**handover.model_dump(mode="json"), "organisation": organisation}}
            ),
        )
        self._session.add(case)
        self._session.flush()
        case.reference = f"SMI-{now.year}-{case.id:06d}"
        self._session.add(
            DraftRow(
                id=draft_id,
                resume_hash=code_hash,
                step="gezin",
                locale="nl",
                payload=self._cipher.seal_json(
                    {"answers": handover.intake_draft().exchange(), "consents": {}}
                ),
                created_at=now,
                updated_at=now,
                expires_at=expires_at,
                case_id=case.id,
            )
        )
        return case.id, case.reference

    def of_organisation(self, organisation: str) -> list[HandoverSummary]:
        """The handovers of one organisation, newest first; status only."""
        rows = self._session.scalars(
            select(CaseRow)
            .where(CaseRow.source == CaseSource.INSTANTIE.value, CaseRow.organisation == organisation)
            .order_by(CaseRow.received_at.desc(), CaseRow.id.desc())
        )
        return [
            HandoverSummary(
                reference=row.reference or "",
                received_at=row.received_at,
                status=agency_status(CaseStatus(row.status)),
                urgent=row.urgent,
                parents_completed=row.parents_completed,
                created_by=row.created_by,
            )
            for row in rows
        ]
