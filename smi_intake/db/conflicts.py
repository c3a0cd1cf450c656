"""An insert that skips a row whose unique key is taken, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_or_skip(session: Session, table: Table, values: dict[str, Any], key: list[str]) -> Any:
    """``INSERT ... ON CONFLICT (key) DO NOTHING`` for this session's database.

    A conflict leaves the transaction usable (unlike a failed flush) and, on PostgreSQL, waits for
    a concurrent insert of the same key to end instead of failing. Add ``.returning(...)`` to learn
    whether the row was written.
    """
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table).values(**values).on_conflict_do_nothing(index_elements=key)
