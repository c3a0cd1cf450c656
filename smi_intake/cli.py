"""Command-line tasks: ``python -m smi_intake.cli migrate``."""

from __future__ import annotations

import argparse
import sys

from smi_intake.db.engine import migrate_to_head
from smi_intake.settings import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="smi-intake", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the database to the newest schema")
    args = parser.parse_args(argv)
    settings = get_settings()
    settings.check_safe_for_mode()
    if args.command == "migrate":
        migrate_to_head(settings.effective_database_url)
        print("database is at the newest schema")
    return 0


if __name__ == "__main__":
    sys.exit(main())
