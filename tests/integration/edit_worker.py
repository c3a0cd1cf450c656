"""Change one case from a separate OS process, as a second app process (or a second tab) would.

``python -m tests.integration.edit_worker DATABASE_URL REFERENCE VERSION ACTION USERNAME ROLE`` builds
its own engine and, on the case version ``VERSION`` the worker saw, does ``ACTION``:

- ``decision``: records a granted team decision of the 0-100 overleg;
- ``form``: saves a new version of the indication form.

``USERNAME`` acts with ``ROLE`` (``wijzer`` or ``coordinator``). The records are encrypted with the
key in ``SMI_ENCRYPTION_KEY``. The process prints one line:

- ``saved`` (exit 0) when its change was written;
- ``changed by someone else`` (exit 1) when the case changed since ``VERSION`` (``ConcurrentEdit``);
- ``error TYPE: MESSAGE`` (exit 2) for anything else.

With ``EDIT_BARRIER_DIR`` and ``EDIT_PARTIES`` set, the process waits right before its conditional
``UPDATE cases`` until every party has arrived there (one file per process in that folder), so the
processes have all read the case at ``VERSION`` and write at the same moment.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.errors import ConcurrentEdit
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseworkService
from tests import casework_factories as records
from tests.integration.barrier import hold_case_updates_until_all_arrive


def main(database_url: str, reference: str, version: str, action: str, username: str, role: str) -> int:
    engine = make_engine(database_url)
    barrier_dir = os.environ.get("EDIT_BARRIER_DIR")
    if barrier_dir:
        parties = int(os.environ.get("EDIT_PARTIES", "2"))
        hold_case_updates_until_all_arrive(engine, Path(barrier_dir), parties, str(os.getpid()))
    worker = Account(
        username=username, display_name=username, role=Role(role), organisation="", email="", active=True
    )
    casework = CaseworkService(
        uow_factory(engine, Cipher(os.environ["SMI_ENCRYPTION_KEY"])),
        default_municipality(),
    )
    now = datetime.now(UTC)
    try:
        if action == "decision":
            casework.record_decision(reference, worker, int(version), records.decision(), now)
        elif action == "form":
            casework.save_indication_form(reference, worker, int(version), records.indication_form(), now)
        else:
            raise ValueError(f"unknown action {action!r}")
    except ConcurrentEdit:
        print("changed by someone else", flush=True)
        return 1
    except Exception as error:  # reported to the test, which fails on it
        print(f"error {type(error).__name__}: {error}", flush=True)
        return 2
    finally:
        engine.dispose()
    print("saved", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:7]))
