"""Exit 0 when the PostgreSQL server of a URL answers, 1 otherwise: ``python -m tests.pg_reachable URL``."""

from __future__ import annotations

import sys

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError


def reachable(url: str) -> bool:
    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(0 if reachable(sys.argv[1]) else 1)
