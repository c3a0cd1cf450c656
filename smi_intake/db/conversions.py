"""What a conversion into one traject reads and records: the Wmo 301s the municipality sent (to
find each client's running begeleiding indications) and the conversions themselves.

The store keeps a client's BSN only as a keyed hash, so finding which clients have several
indications opens the sealed 301s (``sent_toewijzingen`` without a client): every 301 of the set
that counts (to send, sent, accepted). That read grows with the number of 301s; the caller logs it
as one read of the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from smi_intake.crypto import Cipher
from smi_intake.db.messages import Direction, MessageState
from smi_intake.db.models import ConversionRow, MessageRow

#: The states of our 301s that count: a rejected one was not taken.
_COUNTING = (MessageState.TO_SEND.value, MessageState.SENT.value, MessageState.ACCEPTED.value)


@dataclass(frozen=True)
class NewConversion:
    """A conversion to record; ``bsn`` is hashed, ``payload`` sealed."""

    bsn: str
    converted_at: datetime
    converted_by: str
    form: str
    segment: str
    product: str
    provider: str
    start: date
    end: date
    payload: dict[str, Any]


@dataclass(frozen=True)
class RecordedPgb:
    """A pgb indication recorded by a conversion, as the client's current indications show it."""

    conversion_id: int
    provider: str
    product: str
    start: date
    end: date


class ConversionStore:
    """The conversions of one unit of work, and the 301s they read."""

    def __init__(self, session: Session, cipher: Cipher) -> None:
        self._session = session
        self._cipher = cipher

    def sent_toewijzingen(self, domain: str, bsn: str | None = None) -> list[dict[str, Any]]:
        """The parsed 301s of ours in ``domain`` that count, oldest first: one client's, or all."""
        query = select(MessageRow.parsed).where(
            MessageRow.domain == domain,
            MessageRow.direction == Direction.OUT.value,
            MessageRow.kind == "301",
            MessageRow.state.in_(_COUNTING),
        )
        if bsn is not None:
            query = query.where(MessageRow.bsn_hash == self._cipher.lookup_hash(bsn))
        rows = self._session.scalars(query.order_by(MessageRow.stored_at, MessageRow.id))
        return [self._cipher.open_json(parsed) for parsed in rows]

    def add(self, conversion: NewConversion) -> int:
        row = ConversionRow(
            bsn_hash=self._cipher.lookup_hash(conversion.bsn),
            converted_at=conversion.converted_at,
            converted_by=conversion.converted_by,
            form=conversion.form,
            segment=conversion.segment,
            product=conversion.product,
            provider=conversion.provider,
            start=conversion.start,
            end=conversion.end,
            payload=self._cipher.seal_json(conversion.payload),
        )
        self._session.add(row)
        self._session.flush()
        return int(row.id)

    def pgb_indications(self, bsn: str, on: date) -> list[RecordedPgb]:
        """The pgb indications conversions recorded for the client, still running on ``on``."""
        rows = self._session.scalars(
            select(ConversionRow)
            .where(
                ConversionRow.bsn_hash == self._cipher.lookup_hash(bsn),
                ConversionRow.form == "pgb",
                ConversionRow.end >= on,
            )
            .order_by(ConversionRow.id)
        )
        return [RecordedPgb(row.id, row.provider, row.product, row.start, row.end) for row in rows]

    def converted_clients(self, on: date) -> set[str]:
        """The keyed hashes of the BSNs whose conversion's new indication still runs on ``on``."""
        return set(
            self._session.scalars(select(ConversionRow.bsn_hash).where(ConversionRow.end >= on).distinct())
        )

    def hash_of(self, bsn: str) -> str:
        return self._cipher.lookup_hash(bsn)

    def end_pgb(self, conversion_id: int, last_day: date) -> None:
        """A later conversion dropped this pgb: it ends on ``last_day``."""
        self._session.execute(
            update(ConversionRow).where(ConversionRow.id == conversion_id).values(end=last_day)
        )

    def payload(self, conversion_id: int) -> dict[str, Any]:
        """The goals, reasons and endings of a conversion, opened (the caller logs the read)."""
        row = self._session.get(ConversionRow, conversion_id)
        if row is None:
            raise LookupError(f"conversion {conversion_id}")
        return self._cipher.open_json(row.payload)


__all__ = ["ConversionStore", "NewConversion", "RecordedPgb"]
