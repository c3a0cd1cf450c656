"""Browser fixtures: the app served by ``streamlit run`` on its own database, and Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography.fernet import Fernet
from playwright.sync_api import Browser, Page, expect, sync_playwright

from smi_intake.demo import seed_demo_accounts

if TYPE_CHECKING:
    from tests.e2e.backstage import Backstage

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SMI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class RunningApp:
    url: str
    database_url: str
    encryption_key: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


def _warm_up(browser: Browser, url: str) -> None:
    """Open the app once: the first session after a start shows a spurious "page not found"
    dialog when it opens a page other than the default by its address (streamlit#9992)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=60_000
    )
    page.wait_for_timeout(500)
    context.close()


@pytest.fixture
def app_settings() -> dict[str, str]:
    """Extra ``SMI_`` settings of the served app; a test module overrides this fixture."""
    return {}


@pytest.fixture
def running_app(
    empty_database_url: str, tmp_path: Path, browser: Browser, app_settings: dict[str, str]
) -> Iterator[RunningApp]:
    """``streamlit run app.py`` on a free port, with a new database and key."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    port = _free_port()
    key = Fernet.generate_key().decode()
    env = {
        **os.environ,
        "SMI_DATA_DIR": str(tmp_path / "data"),
        "SMI_DATABASE_URL": empty_database_url,
        "SMI_ENCRYPTION_KEY": key,
        "SMI_QUICK_EXIT_URL": "about:blank",
        **app_settings,
    }
    log = (tmp_path / "streamlit.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process)
        _warm_up(browser, url)
        yield RunningApp(url=url, database_url=empty_database_url, encryption_key=key)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1100, "height": 1400}, locale="nl-NL", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def backstage(running_app: RunningApp) -> Iterator[Backstage]:
    """The services on the served app's database, with the demo accounts."""
    from tests.e2e.backstage import Backstage

    stage = Backstage(running_app)
    seed_demo_accounts(stage.accounts, datetime.now(UTC))
    yield stage
    stage.engine.dispose()
