"""The indication as stored: one row per placed case, with its dates in the clear for the
deadlines and the funding, and the children (names, dates of birth, part-days) encrypted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from smi_core import MunicipalityConfig
from smi_core.case import IndicationState
from smi_core.placement import Indication
from smi_intake.crypto import Cipher
from smi_intake.db.cases import indication_row_columns
from smi_intake.db.models import IndicationRow


def indication_columns(
    indication: Indication, municipality: MunicipalityConfig, cipher: Cipher, now: datetime
) -> dict[str, Any]:
    """The column values of ``indication`` (everything but ``case_id``, ``reference``, ``ended_on``
    and ``contact_done_on``), computed with the core's review calendar."""
    state = IndicationState(indication, indication.timeline(municipality), None, None)
    return indication_row_columns(state, cipher, now)


def read_indication(row: IndicationRow, cipher: Cipher) -> Indication:
    """The indication of a stored row (decrypts the children)."""
    return Indication.model_validate(cipher.open_json(row.payload))


def is_active(row: IndicationRow, on: date) -> bool:
    """Whether the indication still runs on ``on`` (started, not ended, not past its last day)."""
    return row.ended_on is None and row.start <= on <= row.last_day
