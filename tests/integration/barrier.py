"""A barrier across OS processes: each holds its conditional ``UPDATE cases`` until all have come
that far, so that they have all read the same case and write at the same moment."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

BARRIER_TIMEOUT_SECONDS = 30


def hold_case_updates_until_all_arrive(engine: Engine, folder: Path, parties: int, party: str) -> None:
    """Before ``engine`` runs an UPDATE of cases, wait until ``parties`` processes have reached theirs."""

    def wait(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith("UPDATE CASES"):
            return
        (folder / f"{party}.ready").touch()
        deadline = time.monotonic() + BARRIER_TIMEOUT_SECONDS
        while len(list(folder.glob("*.ready"))) < parties:
            if time.monotonic() > deadline:
                raise TimeoutError("the other processes did not reach the barrier")
            time.sleep(0.005)

    event.listen(engine, "before_cursor_execute", wait)
