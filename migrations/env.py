"""Alembic environment: the project's metadata, batch mode for SQLite."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from smi_intake.db import models  # noqa: F401  (registers the tables)
from smi_intake.db.base import Base
from smi_intake.db.engine import make_engine
from smi_intake.db.types import UtcDateTime
from smi_intake.settings import get_settings

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().effective_database_url


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Render the project's column types as their plain SQLAlchemy implementation."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


#: Indexes that SQLite holds with more columns than the models name, so that they cover a query
#: (migration 0011); the drift check compares them on PostgreSQL only.
WIDER_ON_SQLITE = frozenset({"ix_messages_client"})


def _configure(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"

    def include_object(
        obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
    ) -> bool:
        return not (sqlite and type_ == "index" and name in WIDER_ON_SQLITE)

    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=sqlite,
        compare_type=True,
        render_item=_render_item,
        include_object=include_object,
    )


def run_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
