"""Benchmark: the queue page's server-side rerun time with 100 and with 100,000 cases.

For each database (SQLite, and PostgreSQL when reachable) the cases are inserted in bulk, a
WIJzer worker is signed in, and the queue page is rerun with AppTest; the median of the
reruns is printed for both sizes with their ratio. Target (issue 5): ratio <= 1.5, i.e. the
page's cost does not grow with the number of cases.

    .venv/bin/python -m bench.bench_queue [--rounds 15] [--large 100000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import insert, text
from streamlit.testing.v1 import AppTest

from bench.postgres import drop, postgres_database
from smi_core.access import Role
from smi_core.cases import CaseSource, CaseStatus
from smi_intake.db.engine import make_engine, migrate_to_head
from smi_intake.db.models import CaseRow
from smi_intake.settings import get_settings
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services

ROOT = Path(__file__).resolve().parents[1]
STATUSES = [CaseStatus.NEW, CaseStatus.IN_TRIAGE, CaseStatus.CONVERSATION_PLANNED, CaseStatus.CLOSED]
OUTCOMES = ["eligible", "needs_assessment", "incomplete", "not_eligible"]


def _fill(url: str, count: int) -> None:
    migrate_to_head(url)
    engine = make_engine(url)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [
        {
            "reference": f"SMI-2026-{n:06d}",
            "source": (CaseSource.OUDER if n % 3 else CaseSource.INSTANTIE).value,
            "status": STATUSES[n % len(STATUSES)].value,
            "outcome": OUTCOMES[n % len(OUTCOMES)],
            "urgent": n % 50 == 0,
            "owner": None,
            "received_at": start + timedelta(minutes=n),
            "locale": "nl",
            "resume_hash": None,
            "draft_id": None,
            "organisation": "",
            "created_by": "bench",
            "parents_completed": True,
            "payload": b"x",
            "version": 1,
        }
        for n in range(1, count + 1)
    ]
    with engine.begin() as connection:
        for first in range(0, len(rows), 5000):
            connection.execute(insert(CaseRow), rows[first : first + 5000])
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE cases"))
    engine.dispose()


def _median_ms(url: str, data_dir: str, rounds: int) -> float:
    os.environ.update(SMI_DATABASE_URL=url, SMI_DATA_DIR=data_dir, SMI_BCRYPT_ROUNDS="4")
    get_settings.cache_clear()
    services.clear()
    now = datetime.now(UTC)
    username = f"bench{uuid.uuid4().hex[:8]}"
    services().accounts.create_account(username, "Bench", Role.WIJZER, "een-lang-wachtwoord", now)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.session_state[ACCOUNT_KEY] = services().accounts.session_account(username, now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.run()
    app.switch_page("pages/staff/queue.py").run()
    samples = []
    for _ in range(rounds):
        begin = time.perf_counter()
        app.run()
        samples.append(time.perf_counter() - begin)
    if app.exception:
        raise RuntimeError(app.exception[0].message)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--large", type=int, default=100_000)
    args = parser.parse_args()
    os.environ.setdefault("SMI_ENCRYPTION_KEY", Fernet.generate_key().decode())
    print(f"queue page rerun, median of {args.rounds} reruns")
    for backend in ("sqlite", "postgresql"):
        figures = {}
        for size in (100, args.large):
            data_dir = tempfile.mkdtemp(prefix="smi-bench-queue-")
            dropped = None
            if backend == "sqlite":
                url = f"sqlite:///{data_dir}/queue.db"
            else:
                created = postgres_database()
                if created is None:
                    print("postgresql: not reachable, skipped")
                    break
                dropped, url = created
            _fill(url, size)
            figures[size] = _median_ms(url, data_dir, args.rounds)
            services.clear()
            if dropped:
                drop(dropped)
            print(f"{backend:10s} {size:>7d} cases: {figures[size]:7.1f} ms")
        if len(figures) == 2:
            ratio = figures[args.large] / figures[100]
            verdict = "OK" if ratio <= 1.5 else "ABOVE TARGET"
            print(f"{backend:10s} ratio {args.large} / 100 cases: {ratio:4.2f} (target <= 1.50: {verdict})")


if __name__ == "__main__":
    main()
