"""App-test fixtures: each test gets its own database and fresh process-wide caches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from streamlit.testing.v1 import AppTest

from smi_intake.settings import get_settings
from smi_web.services import services

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(autouse=True)
def app_environment(
    empty_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Point the app at a new database; clear the cached settings and services around the test."""
    monkeypatch.setenv("SMI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SMI_DATABASE_URL", empty_database_url)
    monkeypatch.setenv("SMI_ENCRYPTION_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("SMI_BCRYPT_ROUNDS", "4")
    get_settings.cache_clear()
    services.clear()
    yield empty_database_url
    services.clear()
    get_settings.cache_clear()


def new_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=30)
