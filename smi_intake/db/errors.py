"""What the persistence layer lets through to the screens: a failure of the database itself.

``StorageFailed`` is any SQLAlchemy error (the database unreachable, a lock timed out, a
connection dropped). The screens catch it to say "try again" while keeping what the user typed,
without importing SQLAlchemy themselves.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

StorageFailed = SQLAlchemyError

__all__ = ["StorageFailed"]
