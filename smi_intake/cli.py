"""Command-line tasks: ``python -m smi_intake.cli {migrate,seed-demo,purge-drafts,create-admin,messages}``.

``messages import PATH...`` imports iWmo/iJw messages (XML, StUF-GGk envelopes or zips), each
validated, stored and answered with its retour, which is written to ``--retours DIR``;
``messages export --out DIR`` writes every message waiting to be sent as a Di01 envelope file.
Both are meant for a scheduled job beside the GGk portal's folders."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from smi_core.access import Role
from smi_intake.composition import build_services, migrated_database_url
from smi_intake.demo import seed_demo, seed_demo_accounts, seed_demo_placement
from smi_intake.demo_conversion import seed_demo_conversion
from smi_intake.demo_gi import seed_demo_gi
from smi_intake.demo_messages import seed_demo_messages
from smi_intake.demo_wmo import seed_demo_wmo
from smi_intake.services.accounts import Account, AccountInvalid
from smi_intake.services.messages import MessageService
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
    messages = commands.add_parser("messages", help="import or export iWmo/iJw messages")
    message_commands = messages.add_subparsers(dest="message_command", required=True)
    importing = message_commands.add_parser("import", help="import message files, envelopes or zips")
    importing.add_argument("paths", nargs="+", type=Path)
    importing.add_argument("--retours", type=Path, default=Path("retours"), help="folder for the retours")
    exporting = message_commands.add_parser("export", help="write the messages to send as envelopes")
    exporting.add_argument("--out", type=Path, required=True)
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
        agency = next((a for a in accounts.accounts() if a.role is Role.AGENCY), None)
        meldingen = seed_demo_wmo(svc.uows, svc.wmo, svc.handovers, agency, svc.municipality, now)
        print(f"demo Wmo meldingen added: {meldingen}")
        print(f"demo bepalingen jeugdhulp added: {seed_demo_gi(svc.gi, accounts.accounts(), now)}")
        placed = seed_demo_placement(svc.uows, svc.placement, accounts, now)
        if placed:
            print(f"demo placement added: {placed}")
        office = next((a for a in accounts.accounts() if a.role is Role.GEMEENTE), None)
        if office is not None:
            print(f"demo messages added: {seed_demo_messages(svc.messages, office, now)}")
            print(f"demo indications to convert added: {seed_demo_conversion(svc.messages, office, now)}")
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
    elif args.command == "messages":
        code = _messages(svc.messages, args, now)
        svc.dispose()
        return code
    svc.dispose()
    return 0


#: The account the scheduled job acts as (written in the audit log as its actor).
JOB = Account(
    username="job:messages",
    display_name="scheduled job",
    role=Role.GEMEENTE,
    organisation="",
    email="",
    active=True,
)


def _messages(service: MessageService, args: argparse.Namespace, now: datetime) -> int:
    """Import or export; exit 1 when a file could not be read at all (it got no retour)."""
    if not service.schema_check_on:
        print("messages: SMI_ISTANDAARDEN_DIR is not set: the schema check (level 1) is off", file=sys.stderr)
    if args.message_command == "export":
        args.out.mkdir(parents=True, exist_ok=True)
        files = service.export(JOB, now)
        for name, data in files:
            (args.out / Path(name).name).write_bytes(data)
        print(f"messages exported: {len(files)} to {args.out}")
        return 0
    files = []
    for path in args.paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as error:
            print(f"{path}: cannot be read ({error.strerror})", file=sys.stderr)
            return 1
    outcomes = service.import_files(files, JOB, now)
    args.retours.mkdir(parents=True, exist_ok=True)
    unread = 0
    for outcome in outcomes:
        verdict = "accepted" if outcome.accepted else "rejected"
        where = f" {outcome.rule} {outcome.path}".rstrip() if outcome.rule else ""
        if outcome.retour is not None:
            (args.retours / outcome.retour_name).write_bytes(outcome.retour)
            what = f"{outcome.domain} {outcome.kind} {verdict}{where}"
            print(f"{outcome.name}: {what}; retour {outcome.retour_name}")
        elif outcome.answered is not None:
            kind = outcome.kind or "error file"
            print(f"{outcome.name}: {kind} for our message {outcome.answered}: {verdict}")
        else:
            unread += 1
            print(f"{outcome.name}: not imported: {outcome.problem}{where}", file=sys.stderr)
    return 1 if unread else 0


if __name__ == "__main__":
    sys.exit(main())
