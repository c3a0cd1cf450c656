"""The indication as stored: one row per placed case, with its dates in the clear for the
deadlines and the funding, and the children (names, dates of birth, part-days) encrypted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from smi_core import MunicipalityConfig
from smi_core.placement import Indication
from smi_intake.crypto import Cipher
from smi_intake.db.models import IndicationRow


def indication_columns(
    indication: Indication, municipality: MunicipalityConfig, cipher: Cipher, now: datetime
) -> dict[str, Any]:
    """The column values of ``indication`` (everything but ``case_id``, ``reference``, ``ended_on``
    and ``contact_done_on``), computed with the core's review calendar."""
    timeline = indication.timeline(municipality)
    contact = next(m.due for m in timeline.moments if m.kind == "contact")
    earliest_child_day = min(timeline.child_last_days.values(), default=timeline.last_day)
    return {
        "location_id": indication.location_id,
        "care_type": indication.care_type.value,
        "start": indication.start,
        "period_months": indication.period_months,
        "extensions": indication.extensions,
        "contact_due": contact,
        "last_day": timeline.last_day,
        "hard_stop": timeline.hard_stop,
        "age_limit_day": earliest_child_day if earliest_child_day < timeline.last_day else None,
        "children": len(indication.children),
        "dagdelen_per_week": indication.dagdelen_per_week,
        "payload": cipher.seal_json(indication.model_dump(mode="json")),
        "updated_at": now,
    }


def read_indication(row: IndicationRow, cipher: Cipher) -> Indication:
    """The indication of a stored row (decrypts the children)."""
    return Indication.model_validate(cipher.open_json(row.payload))


def is_active(row: IndicationRow, on: date) -> bool:
    """Whether the indication still runs on ``on`` (started, not ended, not past its last day)."""
    return row.ended_on is None and row.start <= on <= row.last_day
