"""A fresh PostgreSQL database for a benchmark, on the server of ``SMI_TEST_POSTGRES_URL``."""

from __future__ import annotations

import os
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES = os.environ.get("SMI_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def postgres_database() -> tuple[str, str] | None:
    """A new database's name and URL, or None when the server cannot be reached."""
    name = f"smi_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        return None
    finally:
        admin.dispose()
    return name, make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)


def drop(name: str) -> None:
    """Drop a benchmark's database."""
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
