"""Benchmark: writing, validating and importing iJw messages, and the store check's growth.

1. 10,000 distinct iJw 301s (``ToewijzingBericht``): ``xml.write`` for all, then
   ``SchemaSet.validate`` (level 1, the XSD, from the bytes) for all; messages per second.
2. 10,000 matching 305s imported by ``MessageService.import_files`` (one file per call, so one
   transaction each, as in production) into a SQLite store that holds their 301s (stored with
   ``MessageService.send`` first: setup, not timed). In the same run, on the same 305s: lxml's bare
   XSD validation (``XMLSchema.validate`` of the parsed tree, and of the file: parse + validate)
   and our levels 2-3 alone, as ``import_files`` runs them: ``rules.check_message`` per message,
   then per chunk of ``IMPORT_CHUNK`` messages one ``StoreHistory`` (the store read for the whole
   chunk: three queries) and ``crosschecks.check_against_history`` per message, against the store
   holding the 301s only, as an import sees it. Target (issue): levels 2-3 / bare XSD <= 1.0.
3. The level-3 check of one message alone (``StoreHistory`` of that message, three queries, and
   ``check_against_history``), median over the same number of probes, with 100 and with 100,000
   stored assignments (301s bulk-inserted with SQLAlchemy core, their rows built by the store's own
   ``message_row`` and the service's ``new_message``), on SQLite and PostgreSQL (when reachable).
   Target: ratio <= 1.5, i.e. the check does not grow with the store.

Only the work named is inside a timer: building models, writing the 305s, parsing them, opening a
unit of work's connection and filling stores are setup. Every timed result is checked after its
timer (each XSD check passed, no level-2/3 finding, every import accepted), so no section can time
a short cut.

    .venv/bin/python -m bench.bench_messages [--messages 10000] [--large 100000] [--probes 2000]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet
from lxml import etree
from sqlalchemy import func, insert, select, text

from bench.postgres import drop, postgres_database
from smi_core.access import Role
from smi_core.istandaarden.codes import Domain, MessageKind
from smi_core.istandaarden.crosschecks import check_against_history
from smi_core.istandaarden.messages import StartZorgBericht, ToewijzingBericht
from smi_core.istandaarden.rules import check_message, elfproef
from smi_core.istandaarden.safe_xml import parse
from smi_core.istandaarden.schemas import SchemaCheck, SchemaSet
from smi_core.istandaarden.xml import read, write
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine, migrate_to_head
from smi_intake.db.messages import Direction, MessageState, message_row
from smi_intake.db.models import AssignmentNumberRow, MessageAssignmentRow, MessageRow
from smi_intake.db.uow import UnitOfWorkFactory, uow_factory
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import new_message
from smi_intake.services.message_history import StoreHistory
from smi_intake.services.messages import IMPORT_CHUNK, MessageService
from tests import istandaarden_factories as make
from tests.istandaarden_reference import REFERENCE

NOW = datetime(2026, 4, 6, 9, 0, tzinfo=UTC)  # a Monday
BACK_OFFICE = Account(
    username="bench.office", display_name="Bench", role=Role.GEMEENTE, organisation="", email="", active=True
)
FIRST_NUMBER = 100_001
WARM_UP = 20
BATCH = 5000


# -- data ---------------------------------------------------------------------------------------


def _bsns(count: int) -> list[str]:
    """``count`` distinct synthetic BSNs passing the elfproef (CS002): 8 digits and their check digit."""
    found: list[str] = []
    prefix = 90_000_000
    while len(found) < count:
        digits = [int(c) for c in str(prefix)]
        check = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check < 10:
            found.append(f"{prefix}{check}")
        prefix += 1
    assert all(elfproef(bsn) for bsn in found)
    return found


def _toewijzing(n: int, bsn: str) -> ToewijzingBericht:
    """The 301 of client ``n``: its own identification, ToewijzingNummer and BSN."""
    return make.toewijzing(
        Domain.JW, make.toegewezen(number=FIRST_NUMBER + n), bsn=bsn, identificatie=f"T{n:011d}"
    )


def _start(n: int, bsn: str, series: str = "S") -> StartZorgBericht:
    """The provider's 305 starting the care of the 301 of client ``n``."""
    return make.start_zorg(
        Domain.JW, make.start(FIRST_NUMBER + n), bsn=bsn, identificatie=f"{series}{n:011d}"
    )


# -- timing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """Per-message samples of one section, in nanoseconds."""

    samples: list[int]

    @property
    def total_s(self) -> float:
        return sum(self.samples) / 1e9

    @property
    def per_second(self) -> float:
        return len(self.samples) / self.total_s

    @property
    def mean_us(self) -> float:
        return sum(self.samples) / len(self.samples) / 1000

    @property
    def median_us(self) -> float:
        return statistics.median(self.samples) / 1000

    def line(self, label: str) -> str:
        return (
            f"  {label:52s} {len(self.samples):>6d} in {self.total_s:7.2f} s  {self.per_second:9,.0f} msg/s"
            f"  mean {self.mean_us:8.1f} us  median {self.median_us:8.1f} us"
        )


def _each(items: Sequence[Any], work: Callable[[Any], Any]) -> tuple[Timing, list[Any]]:
    """Time ``work`` on each item alone; the results, to be checked after the timer."""
    gc.collect()  # the setup's garbage is not collected on the timed work's account
    samples, results = [], []
    for item in items:
        begin = time.perf_counter_ns()
        result = work(item)
        samples.append(time.perf_counter_ns() - begin)
        results.append(result)
    return Timing(samples), results


def _verdict(ratio: float, target: float) -> str:
    return f"(target <= {target:.2f}: {'OK' if ratio <= target else 'ABOVE TARGET'})"


# -- 1. write + XSD-validate 301s ---------------------------------------------------------------


def bench_write_and_validate(schemas: SchemaSet, messages: Sequence[ToewijzingBericht]) -> None:
    print(f"1. iJw 301: {len(messages)} distinct ToewijzingBerichten")
    schemas.validate(write(messages[0]), MessageKind.TOEWIJZING, Domain.JW)  # compiles the XSD: setup
    written, files = _each(messages, write)
    assert len(set(files)) == len(messages)
    validated, checks = _each(files, lambda data: schemas.validate(data, MessageKind.TOEWIJZING, Domain.JW))
    assert all(check is SchemaCheck.PASSED for check in checks)
    print(written.line("write (xml.write)"))
    print(validated.line("XSD-validate (SchemaSet.validate, parse + XSD)"))


# -- 2. import 305s against their 301s ----------------------------------------------------------


def bench_import(
    schemas: SchemaSet, cipher: Cipher, messages: Sequence[ToewijzingBericht], bsns: Sequence[str]
) -> None:
    count = len(messages)
    print(f"\n2. iJw 305: {count} imported against a SQLite store holding their 301s")
    with tempfile.TemporaryDirectory(prefix="smi-bench-messages-") as folder:
        url = f"sqlite:///{folder}/messages.db"
        migrate_to_head(url)
        engine = make_engine(url)
        uows = uow_factory(engine, cipher)
        service = MessageService(uows, make.MUNICIPALITY, schemas)
        begin = time.perf_counter()
        for message in messages:
            service.send(message, BACK_OFFICE, NOW)
        print(f"  setup: {count} 301s stored with MessageService.send in {time.perf_counter() - begin:.1f} s")

        files = [write(_start(n, bsn)) for n, bsn in enumerate(bsns)]
        trees = [parse(data) for data in files]
        parsed = [read(data) for data in files]
        file = schemas.schema_file(MessageKind.START_ZORG, Domain.JW)
        schema = etree.XMLSchema(etree.parse(str(file), etree.XMLParser(resolve_entities=False)))
        schemas.validate(files[0], MessageKind.START_ZORG, Domain.JW)  # compiles the XSD: setup

        bare, valid = _each(trees, schema.validate)
        assert all(valid)
        bare_file, valid = _each(files, lambda data: schema.validate(parse(data)))
        assert all(valid)
        with_parse, checks = _each(
            files, lambda data: schemas.validate(data, MessageKind.START_ZORG, Domain.JW)
        )
        assert all(check is SchemaCheck.PASSED for check in checks)
        reading, models = _each(files, lambda data: read(data, schemas))
        assert [m.identification for m in models] == [m.identification for m in parsed]
        level_2, level_3, reads = _levels_2_and_3(uows, parsed)
        both = Timing([a + b for a, b in zip(level_2.samples, level_3.samples, strict=True)])

        def import_one(data: bytes) -> bool:
            [outcome] = service.import_files([("bericht.xml", data)], BACK_OFFICE, NOW)
            return outcome.accepted

        imported, accepted = _each(files, import_one)
        assert all(accepted)
        with engine.connect() as connection:
            stored = connection.scalar(
                select(func.count()).select_from(MessageRow).where(MessageRow.kind == "305")
            )
        assert stored == count
        engine.dispose()

    print(imported.line("import (MessageService.import_files, 1 tx each)"))
    print("  of which, timed alone on the same 305s:")
    print(reading.line("read (xml.read: parse + XSD + model)"))
    print(with_parse.line("XSD with parsing (SchemaSet.validate, bytes)"))
    print(bare.line("bare XSD (lxml XMLSchema.validate, parsed tree)"))
    print(bare_file.line("bare XSD of the file (lxml parse + validate)"))
    print(level_2.line("level 2 (rules.check_message)"))
    print(level_3.line(f"level 3 (StoreHistory per {IMPORT_CHUNK} + checks)"))
    print(f"  {'of which the store read (StoreHistory)':52s} {reads:7.2f} s")
    print(both.line("levels 2-3"))
    for label, base in (("bare XSD of the parsed tree", bare), ("bare XSD of the file", bare_file)):
        ratio = both.total_s / base.total_s
        print(f"  ratio levels 2-3 / {label}: {ratio:5.2f} {_verdict(ratio, 1.0)}")


def _levels_2_and_3(uows: UnitOfWorkFactory, messages: Sequence[Any]) -> tuple[Timing, Timing, float]:
    """Levels 2 and 3 of each message as ``MessageService.import_files`` runs them: level 2 per
    message; per chunk, one ``StoreHistory`` (the store read once for the chunk, in a unit of work
    of its own as the import's is) and level 3 per message. A chunk's read is shared equally among
    its messages' level-3 samples; the seconds all reads took are returned too."""
    gc.collect()
    level_2, level_3, reads = [], [], 0
    for first in range(0, len(messages), IMPORT_CHUNK):
        chunk = messages[first : first + IMPORT_CHUNK]
        for message in chunk:
            begin = time.perf_counter_ns()
            findings = check_message(message)
            level_2.append(time.perf_counter_ns() - begin)
            assert not findings, findings
        begin = time.perf_counter_ns()
        with uows() as uow:
            history = StoreHistory(uow.messages, [(message, message.bsn) for message in chunk])
        read = time.perf_counter_ns() - begin
        reads += read
        for message in chunk:
            begin = time.perf_counter_ns()
            findings = check_against_history(message, history)
            level_3.append(time.perf_counter_ns() - begin + read // len(chunk))
            assert not findings, findings  # a finding would end level 3 early
    return Timing(level_2), Timing(level_3), reads / 1e9


# -- 3. level 3 with 100 and with 100,000 stored assignments ------------------------------------


def _stored_rows(cipher: Cipher, bsns: Sequence[str]) -> Iterator[tuple[dict[str, Any], ...]]:
    """The rows ``MessageService.send`` stores for each 301 (its message, built by the store's own
    ``message_row``, its assignment link, its issued number), in state *accepted*."""
    for n, bsn in enumerate(bsns):
        message = _toewijzing(n, bsn)
        number = FIRST_NUMBER + n
        stored_at = NOW - timedelta(days=30) + timedelta(seconds=n)
        new = new_message(message, write(message), Direction.OUT, MessageState.ACCEPTED, BACK_OFFICE.username)
        row = message_row(new, stored_at, cipher)
        yield (
            {"id": n + 1, **row, "sent_on": stored_at.date()},
            {"message_id": n + 1, "number": number},
            {
                "municipality": message.municipality,
                "domain": message.domain.value,
                "number": number,
                "bsn_hash": row["bsn_hash"],
                "product": "",
                "issued_at": stored_at,
            },
        )


def _fill(url: str, rows: Sequence[tuple[dict[str, Any], ...]]) -> float:
    """Bulk-insert the rows with SQLAlchemy core, in batches; the seconds it took."""
    begin = time.perf_counter()
    migrate_to_head(url)
    engine = make_engine(url)
    with engine.begin() as connection:
        for first in range(0, len(rows), BATCH):
            batch = rows[first : first + BATCH]
            for position, table in enumerate((MessageRow, MessageAssignmentRow, AssignmentNumberRow)):
                connection.execute(insert(table), [row[position] for row in batch])
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE messages, message_assignments, assignment_numbers"))
    engine.dispose()
    return time.perf_counter() - begin


def _probe(url: str, cipher: Cipher, probes: Sequence[StartZorgBericht], stored: int) -> Timing:
    """Level 3 of each probe 305, alone, each in its own unit of work (rolled back)."""
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(AssignmentNumberRow)) == stored
    uows = uow_factory(engine, cipher)

    def level_3(message: StartZorgBericht) -> int:
        with uows() as uow:
            uow.session.connection()
            begin = time.perf_counter_ns()
            findings = check_against_history(message, StoreHistory(uow.messages, [(message, message.bsn)]))
            elapsed = time.perf_counter_ns() - begin
        assert not findings, findings  # the probe's 301 was found in the store (else TR019)
        return elapsed

    for message in probes[:WARM_UP]:  # the statements' first compilation: setup
        level_3(message)
    gc.collect()
    samples = [level_3(message) for message in probes]
    engine.dispose()
    return Timing(samples)


def bench_store_size(cipher: Cipher, bsns: Sequence[str], large: int, probe_count: int) -> None:
    small = 100
    print(
        f"\n3. level 3 (check_against_history via StoreHistory) per 305, {probe_count} probes, "
        f"with {small} and {large} stored assignments"
    )
    begin = time.perf_counter()
    rows = list(_stored_rows(cipher, bsns[:large]))
    print(f"  setup: {large} stored 301s built, written, encrypted in {time.perf_counter() - begin:.1f} s")
    chosen = {
        small: [n % small for n in range(probe_count)],
        large: random.Random(5).sample(range(large), probe_count),
    }
    for backend in ("sqlite", "postgresql"):
        figures: dict[int, Timing] = {}
        for size in (small, large):
            probes = [_start(n, bsns[n], series="P") for n in chosen[size]]
            with tempfile.TemporaryDirectory(prefix="smi-bench-messages-") as folder:
                dropped = None
                if backend == "sqlite":
                    url = f"sqlite:///{folder}/store.db"
                else:
                    created = postgres_database()
                    if created is None:
                        print("  postgresql: not reachable, skipped")
                        break
                    dropped, url = created
                try:
                    seconds = _fill(url, rows[:size])
                    figures[size] = _probe(url, cipher, probes, size)
                finally:
                    if dropped:
                        drop(dropped)
            timing = figures[size]
            print(
                f"  {backend:10s} {size:>7d} assignments: median {timing.median_us:7.1f} us  "
                f"mean {timing.mean_us:7.1f} us  (bulk-inserted in {seconds:5.1f} s)"
            )
        if len(figures) == 2:
            ratio = figures[large].median_us / figures[small].median_us
            print(
                f"  {backend:10s} ratio {large} / {small} (medians): {ratio:4.2f} {_verdict(ratio, 1.5)}; "
                f"of means {figures[large].mean_us / figures[small].mean_us:4.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=10_000, help="301s and 305s of parts 1 and 2")
    parser.add_argument("--large", type=int, default=100_000, help="stored assignments of the large store")
    parser.add_argument("--probes", type=int, default=2000, help="level-3 checks timed per store")
    args = parser.parse_args()
    if not REFERENCE.is_dir():
        sys.exit(f"no iStandaarden schemas at {REFERENCE.resolve()}")
    started = time.perf_counter()
    schemas = SchemaSet.from_folder(REFERENCE)
    cipher = Cipher(Fernet.generate_key().decode())
    bsns = _bsns(max(args.messages, args.large))
    messages = [_toewijzing(n, bsn) for n, bsn in enumerate(bsns[: args.messages])]
    bench_write_and_validate(schemas, messages)
    bench_import(schemas, cipher, messages, bsns[: args.messages])
    bench_store_size(cipher, bsns, args.large, args.probes)
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
