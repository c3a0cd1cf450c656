"""Sent requests as the parents see them: the case a draft becomes, its stored answers and check,
its consents and the social team's messages. The only code of the intake that touches case rows.

The answers and the eligibility result are sealed together in the case's payload
(``{"answers": ..., "check": ...}``), next to an agency's handover when there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from smi_core import EligibilityResult, IntakeAnswers
from smi_core.case.events import EventKind
from smi_core.cases import CaseSource, CaseStatus, ConsentKind, ConsentRecord
from smi_intake.crypto import Cipher
from smi_intake.db.models import CaseEventRow, CaseRow, ConsentRow, DraftRow
from smi_intake.db.rows import consent_row, eligibility_result

#: Who the parents are in the timeline and the audit.
PARENT_ACTOR = "ouder"


@dataclass(frozen=True)
class SentState:
    """A case as the sending of its draft sees it."""

    case_id: int
    reference: str
    received_at: datetime
    outcome: str
    parents_completed: bool
    status: str
    source: str


@dataclass(frozen=True)
class ParentsCase:
    """The sent case of the parents (found with its reference and their resume code)."""

    case_id: int
    reference: str
    status: CaseStatus
    source: CaseSource
    received_at: datetime
    provision: str = "smi"


@dataclass(frozen=True)
class SentRequest:
    """What the parents sent, as stored: the answers and the eligibility result of that moment."""

    reference: str
    received_at: datetime
    answers: IntakeAnswers
    check: EligibilityResult


def _state(case: CaseRow) -> SentState:
    return SentState(
        case_id=case.id,
        reference=case.reference or "",
        received_at=case.received_at,
        outcome=case.outcome,
        parents_completed=case.parents_completed,
        status=case.status,
        source=case.source,
    )


class SentRequestRepository:
    """The cases that drafts become, and what the parents may read and change of them."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    def _of_draft(self, draft_id: str) -> CaseRow | None:
        return self._session.scalars(select(CaseRow).where(CaseRow.draft_id == draft_id)).one_or_none()

    def of_draft(self, draft_id: str) -> SentState | None:
        """The case made from (or waiting for) this draft, if any."""
        case = self._of_draft(draft_id)
        return None if case is None else _state(case)

    def send(
        self, draft_id: str, answers: IntakeAnswers, check: EligibilityResult, locale: str, now: datetime
    ) -> tuple[SentState, str] | None:
        """Make the case of a draft, or complete the agency's case waiting for it, with the answers
        and their check sealed; returns it with the timeline's event kind (``submitted`` or
        ``completed_by_parents``). ``None`` when another sending of the draft got there first
        (the unique draft id, or the case's version, said so); the transaction is then rolled back.
        """
        content: dict[str, Any] = {"answers": answers.model_dump(mode="json"), "check": check.to_dict()}
        return self.send_request(draft_id, content, check.outcome.value, locale, now)

    def send_request(
        self,
        draft_id: str,
        content: dict[str, Any],
        outcome: str,
        locale: str,
        now: datetime,
        provision: str = "smi",
    ) -> tuple[SentState, str] | None:
        """``send`` for a request of any provision: ``content`` (its answers and check) sealed,
        ``outcome`` its check's result in the clear (for the queue), the reference in the series
        of the provision (``SMI-2026-000001``, ``WMO-2026-000002``: one sequence, the case id)."""
        case = self._of_draft(draft_id)
        if case is None:
            draft = self._session.get(DraftRow, draft_id)
            case = CaseRow(
                source=CaseSource.OUDER.value,
                status=CaseStatus.NEW.value,
                urgent=False,
                received_at=now,
                resume_hash=draft.resume_hash if draft is not None else None,
                draft_id=draft_id,
                organisation="",
                created_by=PARENT_ACTOR,
                provision=provision,
            )
            self._session.add(case)
            event = "submitted"
        else:
            content = {**self._cipher.open_json(case.payload), **content}
            event = "completed_by_parents"
        case.outcome, case.locale, case.parents_completed = outcome, locale, True
        case.payload = self._cipher.seal_json(content)
        if not self._without_conflict(self._session.flush):
            return None
        case.reference = case.reference or f"{provision.upper()}-{now.year}-{case.id:06d}"
        return _state(case), event

    def _without_conflict(self, step: Callable[[], None]) -> bool:
        """Run ``step`` (a flush or the commit); False (rolled back) when the unique draft id
        or the case's version says another sending of the draft got there first."""
        try:
            step()
        except (IntegrityError, StaleDataError):
            self._session.rollback()
            return False
        return True

    def commit_sent(self) -> bool:
        """Commit the sending; False (rolled back) when another sending of the draft won."""
        return self._without_conflict(self._session.commit)

    def record_consents(self, case_id: int, consents: list[ConsentRecord]) -> None:
        self._session.add_all(consent_row(case_id, consent) for consent in consents)

    def parents_case(self, reference: str, code: str) -> ParentsCase | None:
        """The sent case of this reference when ``code`` (normalised) is its resume code."""
        digest = self._cipher.lookup_hash(code)
        case = self._session.scalars(
            select(CaseRow).where(CaseRow.reference == reference.strip().upper())
        ).one_or_none()
        if case is None or case.resume_hash != digest or case.reference is None:
            return None
        return ParentsCase(
            case_id=case.id,
            reference=case.reference,
            status=CaseStatus(case.status),
            source=CaseSource(case.source),
            received_at=case.received_at,
            provision=case.provision,
        )

    def messages(self, case_id: int) -> list[tuple[datetime, str]]:
        """The social team's messages to the family, oldest first."""
        return [
            (event.occurred_at, str(self._cipher.open_json(event.payload).get("text", "")))
            for event in self._session.scalars(
                select(CaseEventRow)
                .where(CaseEventRow.case_id == case_id, CaseEventRow.kind == EventKind.MESSAGE)
                .order_by(CaseEventRow.id)
            )
            if event.payload
        ]

    def withdraw_consent(self, case_id: int, kind: ConsentKind, now: datetime) -> bool:
        """Withdraw the given consents of ``kind`` as of ``now``; whether there was one."""
        active = list(
            self._session.scalars(
                select(ConsentRow)
                .where(
                    ConsentRow.case_id == case_id,
                    ConsentRow.kind == kind.value,
                    ConsentRow.given.is_(True),
                    ConsentRow.withdrawn_at.is_(None),
                )
                .with_for_update()
            )
        )
        for row in active:
            row.withdrawn_at = now
        return bool(active)

    def content(self, reference: str) -> dict[str, Any]:
        """The stored content of a case (answers and check, and/or the handover)."""
        case = self._session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one()
        return self._cipher.open_json(case.payload)

    def sent_request(self, reference: str) -> SentRequest:
        """What was sent for this case, typed: the answers and the check stored with it."""
        case = self._session.scalars(select(CaseRow).where(CaseRow.reference == reference)).one()
        content = self._cipher.open_json(case.payload)
        return SentRequest(
            reference=reference,
            received_at=case.received_at,
            answers=IntakeAnswers.model_validate(
                content["answers"], context={"today": case.received_at.date()}
            ),
            check=eligibility_result(content["check"]),
        )
