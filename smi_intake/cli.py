"""Command-line tasks: ``python -m smi_intake.cli {migrate,seed-demo,purge-drafts,create-admin}``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime

from smi_core.access import Role
from smi_intake.composition import build_services, migrated_database_url
from smi_intake.demo import seed_demo, seed_demo_accounts, seed_demo_placement
from smi_intake.services.accounts import AccountInvalid
from smi_intake.settings import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="smi-intake", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the database to the newest schema")
    commands.add_parser("seed-demo", help="demo mode only: add demo requests to an empty database")
    commands.add_parser("purge-drafts", help="delete unsent drafts past their expiry (run daily)")
    admin = commands.add_parser(
        "create-admin", help="create an administrator; the password is read from SMI_ADMIN_PASSWORD or asked"
    )
    admin.add_argument("username")
    admin.add_argument("--name", default="Beheerder")
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.command == "migrate":
        migrated_database_url(settings)
        print("database is at the newest schema")
        return 0
    now = datetime.now(UTC)
    svc = build_services(settings, now, purge_expired_drafts=False)
    intake, accounts = svc.intake, svc.accounts
    if args.command == "seed-demo":
        if settings.mode != "demo":
            print("seed-demo: refused outside demo mode", file=sys.stderr)
            return 2
        count = seed_demo(svc.uows, intake, now, svc.municipality.social_team)
        print(f"demo requests added: {count}")
        print(f"demo accounts added: {seed_demo_accounts(accounts, now)}")
        placed = seed_demo_placement(svc.uows, svc.placement, accounts, now)
        if placed:
            print(f"demo placement added: {placed}")
    elif args.command == "create-admin":
        password = os.environ.get("SMI_ADMIN_PASSWORD") or getpass.getpass("Password (12+ characters): ")
        try:
            made = accounts.create_account(
                args.username, args.name, Role.ADMIN, password, now, created_by="cli"
            )
        except AccountInvalid as invalid:
            print(f"create-admin: {invalid}", file=sys.stderr)
            return 2
        print(f"administrator {made.username} created")
    elif args.command == "purge-drafts":
        print(f"expired drafts deleted: {intake.purge_expired_drafts(now)}")
    svc.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
