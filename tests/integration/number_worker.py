"""Issue ToewijzingNummers from a separate OS process, as a second app server would.

``python -m tests.integration.number_worker DATABASE_URL BARRIER_DIR NAME COUNT`` waits until
every party named in ``PARTIES`` (default 2) has written its file in ``BARRIER_DIR``, then issues
``COUNT`` numbers, one transaction each, and prints them on one line.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet

from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory


def main(database_url: str, barrier_dir: str, name: str, count: str) -> int:
    engine = make_engine(database_url)
    uows = uow_factory(engine, Cipher(Fernet.generate_key().decode()))
    folder = Path(barrier_dir)
    (folder / name).write_text("ready")
    parties = int(os.environ.get("PARTIES", "2"))
    deadline = time.monotonic() + 30
    while len(list(folder.iterdir())) < parties and time.monotonic() < deadline:
        time.sleep(0.01)
    numbers = []
    try:
        for _ in range(int(count)):
            with uows() as uow:
                numbers.append(
                    uow.messages.issue_number("0531", "jw", "999990019", "45A01", datetime.now(UTC))
                )
                uow.commit()
    finally:
        engine.dispose()
    print(" ".join(str(n) for n in numbers), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
