"""Shared fixtures: a fresh database on the backend chosen by SMI_TEST_DB (sqlite or postgresql)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.pg_reachable import reachable

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def backend() -> str:
    """The database backend of this run."""
    return os.environ.get("SMI_TEST_DB", "sqlite")


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """The PostgreSQL server to create test databases on; CI fails when it is unreachable."""
    url = os.environ.get("SMI_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    if not reachable(url):
        message = f"PostgreSQL at {url} cannot be reached"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


def _create_postgres_database(server_url: str) -> tuple[str, str]:
    name = f"smi_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name, make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(server_url: str, name: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database on this run's backend, removed afterwards."""
    if backend() == "postgresql":
        server_url = request.getfixturevalue("postgres_server_url")
        name, url = _create_postgres_database(server_url)
        try:
            yield url
        finally:
            _drop_postgres_database(server_url, name)
    else:
        yield f"sqlite:///{tmp_path / 'smi.db'}"
