"""Integration fixtures: a migrated database and the services on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Engine

from smi_core import default_municipality
from smi_intake.crypto import Cipher
from smi_intake.db.base import Base
from smi_intake.db.engine import make_engine, migrate_to_head
from smi_intake.db.uow import UnitOfWorkFactory, uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.intake import IntakeService
from smi_intake.services.queue import QueueService
from tests.conftest import _create_postgres_database, _drop_postgres_database, backend


@pytest.fixture
def engine(empty_database_url: str) -> Iterator[Engine]:
    migrate_to_head(empty_database_url)
    engine = make_engine(empty_database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One migrated database for a module (creating one costs about 2 s on PostgreSQL)."""
    if backend() == "postgresql":
        server_url = request.getfixturevalue("postgres_server_url")
        name, url = _create_postgres_database(server_url)
        try:
            migrate_to_head(url)
            yield url
        finally:
            _drop_postgres_database(server_url, name)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp(request.module.__name__.rsplit('.', 1)[-1]) / 'smi.db'}"
        migrate_to_head(url)
        yield url


@pytest.fixture(scope="module")
def module_engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def module_database(module_engine: Engine) -> Engine:
    """The module's one database, emptied: a module overrides ``engine`` with it to save time."""
    with module_engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    return module_engine


@pytest.fixture
def uows(engine: Engine, cipher: Cipher) -> UnitOfWorkFactory:
    return uow_factory(engine, cipher)


@pytest.fixture
def cipher() -> Cipher:
    return Cipher(Fernet.generate_key().decode())


@pytest.fixture
def intake_service(uows: UnitOfWorkFactory, cipher: Cipher) -> IntakeService:
    return IntakeService(uows, default_municipality())


@pytest.fixture
def accounts(uows: UnitOfWorkFactory) -> AccountService:
    return AccountService(uows, bcrypt_rounds=4)


@pytest.fixture
def queue_service(uows: UnitOfWorkFactory) -> QueueService:
    return QueueService(uows, default_municipality())
