"""Where the iStandaarden reference schemas and examples are: ``../shared/istandaarden`` next to the
repository. They are read from there and never copied into the repository; without the folder the
tests that need it skip with ``REFERENCE_MISSING``, loudly."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The reference schemas and examples (never copied into the repository).
REFERENCE = ROOT / ".." / "shared" / "istandaarden"
REFERENCE_MISSING = (
    f"THE iSTANDAARDEN REFERENCE FOLDER IS MISSING ({REFERENCE.resolve()}): the schema and example "
    "tests cannot run; put the shared reference data next to the repository"
)
