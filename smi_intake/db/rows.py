"""Rows that several repositories read the same way: a consent record from its row, the row of a
new consent, and an indication from its row (decrypting the children)."""

from __future__ import annotations

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


__all__ = ["consent_from_row", "consent_row", "read_indication"]
