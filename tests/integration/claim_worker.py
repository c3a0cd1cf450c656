"""Take one case from a separate OS process, as a second app process would.

``python -m tests.integration.claim_worker DATABASE_URL REFERENCE USERNAME`` builds its own engine,
takes the case for the WIJzer worker ``USERNAME`` and prints one line:

- ``claimed`` (exit 0) when this process became the case owner;
- ``taken by OWNER`` (exit 1) when another worker had it (``CaseAlreadyClaimed``);
- ``error TYPE: MESSAGE`` (exit 2) for anything else.

With ``CLAIM_BARRIER_DIR`` and ``CLAIM_PARTIES`` set, the process waits right before its conditional
UPDATE until every party has arrived there (one file per party in that folder), so the processes
have all read the case as new and write at the same moment.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.errors import CaseAlreadyClaimed
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import Account
from smi_intake.services.queue import QueueService
from tests.integration.barrier import hold_case_updates_until_all_arrive


def main(database_url: str, reference: str, username: str) -> int:
    engine = make_engine(database_url)
    barrier_dir = os.environ.get("CLAIM_BARRIER_DIR")
    if barrier_dir:
        parties = int(os.environ.get("CLAIM_PARTIES", "2"))
        hold_case_updates_until_all_arrive(engine, Path(barrier_dir), parties, username)
    worker = Account(
        username=username, display_name=username, role=Role.WIJZER, organisation="", email="", active=True
    )
    queue = QueueService(uow_factory(engine, Cipher(Fernet.generate_key().decode())), default_municipality())
    try:
        queue.claim(reference, worker, datetime.now(UTC))
    except CaseAlreadyClaimed as claimed:
        print(f"taken by {claimed.owner}", flush=True)
        return 1
    except Exception as error:  # reported to the test, which fails on it
        print(f"error {type(error).__name__}: {error}", flush=True)
        return 2
    finally:
        engine.dispose()
    print("claimed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
