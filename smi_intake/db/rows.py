"""Rows that several repositories read the same way: a consent record from its row, the row of a
new consent, an indication from its row (decrypting the children), and the answers and check
stored with a sent request."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from smi_core import EligibilityResult, Finding, FindingStatus, IntakeAnswers, Outcome, RuleId
from smi_core.cases import ConsentKind, ConsentRecord
from smi_core.placement import Indication
from smi_intake.crypto import Cipher
from smi_intake.db.models import ConsentRow, IndicationRow


def consent_from_row(row: ConsentRow) -> ConsentRecord:
    """The consent record of a stored row."""
    return ConsentRecord(
        kind=ConsentKind(row.kind),
        given=row.given,
        text_version=row.text_version,
        text_sha256=row.text_sha256,
        locale=row.locale,
        recorded_at=row.recorded_at,
        given_by=row.given_by,
        withdrawn_at=row.withdrawn_at,
    )


def consent_row(case_id: int, consent: ConsentRecord) -> ConsentRow:
    """The row of a newly recorded consent (a withdrawal is written on the row later)."""
    return ConsentRow(
        case_id=case_id,
        kind=consent.kind.value,
        given=consent.given,
        text_version=consent.text_version,
        text_sha256=consent.text_sha256,
        locale=consent.locale,
        given_by=consent.given_by,
        recorded_at=consent.recorded_at,
    )


def read_indication(row: IndicationRow, cipher: Cipher) -> Indication:
    """The indication of a stored row (decrypts the children)."""
    return Indication.model_validate(cipher.open_json(row.payload))


def eligibility_result(stored: dict[str, Any]) -> EligibilityResult:
    """The eligibility result as stored with the case (``EligibilityResult.to_dict``)."""
    return EligibilityResult(
        outcome=Outcome(stored["outcome"]),
        findings=[
            Finding(
                rule_id=RuleId(f["rule_id"]),
                status=FindingStatus(f["status"]),
                explanation=f["explanation"],
                advice=f.get("advice"),
                child_index=f.get("child_index"),
                child=f.get("child"),
            )
            for f in stored["findings"]
        ],
        checked_on=date.fromisoformat(stored["checked_on"]),
        reference_date=date.fromisoformat(stored["reference_date"]),
        locale=stored["locale"],
        eligible_children=list(stored["eligible_children"]),
    )


def stored_answers(content: dict[str, Any], received_at: date) -> IntakeAnswers | None:
    """The parents' answers stored with a case, typed (checked as on the day they were sent);
    None for a handover the parents have not completed, or answers that no longer validate."""
    raw = content.get("answers")
    if not raw:
        return None
    try:
        return IntakeAnswers.model_validate(raw, context={"today": received_at})
    except ValidationError:
        return None


def stored_check(content: dict[str, Any]) -> EligibilityResult | None:
    """The eligibility result computed when the request was sent, or None before that."""
    check = content.get("check")
    return eligibility_result(check) if check else None


__all__ = [
    "consent_from_row",
    "consent_row",
    "eligibility_result",
    "read_indication",
    "stored_answers",
    "stored_check",
]
