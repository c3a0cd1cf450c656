"""Benchmark: the server-side rerun time of each intake step, as a ratio to a bare page.

Each step is run with AppTest (no browser) on a fresh SQLite database, with a complete
set of answers in the session, and rerun many times; the bare page with one text input
is measured in the same run. Prints the median per step and its ratio to the bare page.

    .venv/bin/python -m bench.bench_intake_steps [--rounds 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from streamlit.testing.v1 import AppTest

from bench.bench_core import EXAMPLE
from smi_core.cases import ConsentKind
from smi_intake.intake_steps import STEPS
from smi_intake.services.intake import consent_record

ROOT = Path(__file__).resolve().parents[1]


def _median_ms(app: AppTest, rounds: int) -> float:
    app.run()  # first run: imports, caches, migrations
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        app.run()
        samples.append(time.perf_counter() - start)
    if app.exception:
        raise RuntimeError(f"the page raised: {app.exception[0].message}")
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="smi-bench-")
    os.environ.update(
        SMI_DATA_DIR=data_dir,
        SMI_DATABASE_URL=f"sqlite:///{data_dir}/bench.db",
        SMI_ENCRYPTION_KEY=Fernet.generate_key().decode(),
    )
    answers = dict(EXAMPLE, requested_start=(date.today() + timedelta(days=30)).isoformat())
    consents = {k.value: consent_record(k, True, "nl", "WIJzer", datetime.now(UTC)) for k in ConsentKind}

    bare = _median_ms(
        AppTest.from_file(str(ROOT / "bench" / "bare_page.py"), default_timeout=60), args.rounds
    )
    print(f"rounds per page: {args.rounds}")
    print(f"{'bare page (one text input)':34s} {bare:7.1f} ms  ratio 1.00")
    for step in STEPS:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        app.session_state["intake"] = dict(answers)
        app.session_state["intake_consents"] = dict(consents)
        app.switch_page(step.page)
        value = _median_ms(app, args.rounds)
        print(f"step {step.slug:29s} {value:7.1f} ms  ratio {value / bare:5.2f}")


if __name__ == "__main__":
    main()
