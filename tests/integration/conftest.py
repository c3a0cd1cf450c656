"""Integration fixtures: a migrated database and the services on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import Engine

from smi_core import default_municipality
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine, migrate_to_head
from smi_intake.db.uow import UnitOfWorkFactory, uow_factory
from smi_intake.services.intake import IntakeService


@pytest.fixture
def engine(empty_database_url: str) -> Iterator[Engine]:
    migrate_to_head(empty_database_url)
    engine = make_engine(empty_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def uows(engine: Engine) -> UnitOfWorkFactory:
    return uow_factory(engine)


@pytest.fixture
def cipher() -> Cipher:
    return Cipher(Fernet.generate_key().decode())


@pytest.fixture
def intake_service(uows: UnitOfWorkFactory, cipher: Cipher) -> IntakeService:
    return IntakeService(uows, cipher, default_municipality())
