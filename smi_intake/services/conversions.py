"""Several begeleiding indications become one traject (rules ``CONV-*``, source text 002).

The back office and the access workers see which clients have more than one current begeleiding
indication and when the first ends (``CONV-WHEN``); the access worker records the kitchen-table
plan, and ``convert`` checks it (``smi_core.wmo.conversion``) and carries it out: one new
indication, and for every dropped ZIN assignment a 301 that ends it, so its provider sends its 307.

Who may: ``Permission.CONVERT_INDICATIONS`` (the access workers, who decide the conversion, and
the back office). The 301s are queued *to send* through the message service with that
permission; exporting them and following their retours stays with the back office.

All or nothing: the messages are built and checked first (levels 1-3, each against the store and
the ones before it), then queued in one transaction together with the record of the conversion.
If the second of three is refused, nothing is stored: not the first 301, not the new
ToewijzingNummer, not the record. A pgb outcome sends no new 301 (the iWmo messages are for ZIN):
the record is its registration, and counts as the client's current pgb indication.

Limit: two workers converting the same client at the same moment are not kept apart; both read the
same 301s, and the second one's 301s are checked against the first one's only if it committed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from smi_core.access import Permission, may
from smi_core.errors import NotAllowed
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.messages import HeenMessage, ToewijzingBericht
from smi_core.wmo.catalogue import Catalogue
from smi_core.wmo.conversion import (
    Conversion,
    ConversionPlan,
    CurrentIndication,
    Form,
    convert,
)
from smi_core.wmo.conversion_messages import conversion_toewijzingen
from smi_core.wmo.indications import (
    Candidate,
    candidates,
    current_indications,
    running_assignments,
)
from smi_intake.db.conversions import NewConversion
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import Numbering
from smi_intake.services.messages import MessageService

#: How a pgb recorded by a conversion is known among the client's current indications.
PGB_PREFIX = "pgb-"


class NoAssignmentsToConvert(LookupError):
    """The client has no 301 of ours in the Wmo: there is nothing to convert (and no client data
    for a new 301)."""


@dataclass(frozen=True)
class ConversionDone:
    """What a conversion stored: its record, the 301s queued in order, the new ToewijzingNummer."""

    conversion: Conversion
    conversion_id: int
    message_ids: tuple[int, ...]
    new_number: int | None


class ConversionService:
    def __init__(self, uows: UnitOfWorkFactory, messages: MessageService, catalogue: Catalogue) -> None:
        self._uows = uows
        self._messages = messages
        self.catalogue = catalogue

    @staticmethod
    def _check(worker: Account) -> None:
        if not may(worker.role, Permission.CONVERT_INDICATIONS):
            raise NotAllowed("only the access workers and the back office convert indications")

    # -- reading ----------------------------------------------------------------------------------

    def candidates(self, worker: Account, now: datetime) -> list[Candidate]:
        """The clients with more than one begeleiding indication running at the same time (from
        ``now``'s day on), the first to expire first, each with its count and whether the
        conversion is due. A client whose conversion's traject still runs is not listed again: the
        dropped indications run on until the day before it starts. Reading the 301s of all
        clients is logged as one read of the list."""
        self._check(worker)
        today = now.date()
        with self._uows() as uow:
            by_bsn: dict[str, list[ToewijzingBericht]] = defaultdict(list)
            for parsed in uow.conversions.sent_toewijzingen(Domain.WMO.value):
                message = ToewijzingBericht.model_validate(parsed)
                by_bsn[message.client.bsn].append(message)
            converted = uow.conversions.converted_clients(today)
            current: dict[str, list[CurrentIndication]] = {}
            for bsn, messages in by_bsn.items():
                if uow.conversions.hash_of(bsn) in converted:
                    continue
                zin = current_indications(running_assignments(messages, today), self.catalogue)
                if zin:
                    current[bsn] = zin + _recorded_pgbs(uow, bsn, today)
            found = candidates(current, today)
            uow.audit_log.record(
                worker.username, "conversion.candidates_read", "client", str(len(found)), now
            )
            uow.commit()
        return found

    def current(self, worker: Account, bsn: str, now: datetime) -> list[CurrentIndication]:
        """The client's current begeleiding indications: the ZIN ones from the 301s, and the pgb
        ones conversions recorded. The read is logged (by the BSN's keyed hash)."""
        self._check(worker)
        with self._uows() as uow:
            messages = _client_toewijzingen(uow, bsn)
            found = self._current(uow, bsn, messages, now.date())
            uow.audit_log.record(worker.username, "conversion.client_read", "client", _subject(uow, bsn), now)
            uow.commit()
        return found

    def _current(
        self, uow: UnitOfWork, bsn: str, messages: Sequence[ToewijzingBericht], today: date
    ) -> list[CurrentIndication]:
        zin = current_indications(running_assignments(messages, today), self.catalogue)
        return zin + _recorded_pgbs(uow, bsn, today)

    # -- converting -------------------------------------------------------------------------------

    def preview(
        self, worker: Account, current: Sequence[CurrentIndication], plan: ConversionPlan
    ) -> Conversion:
        """What ``plan`` would give for these current indications (from ``current``), stored
        nowhere; ``ConversionRefused`` names every rule it breaks."""
        self._check(worker)
        return convert(current, plan, self.catalogue)

    def convert(self, worker: Account, bsn: str, plan: ConversionPlan, now: datetime) -> ConversionDone:
        """Carry out ``plan`` for the client: ``ConversionRefused`` names every rule it breaks
        (nothing stored); otherwise the 301s are queued and the conversion recorded together (see
        the module's docstring), or ``MessageRefused`` and nothing stored."""
        self._check(worker)
        today = now.date()
        with self._uows() as uow:
            messages = _client_toewijzingen(uow, bsn)
            current = self._current(uow, bsn, messages, today)
        if not messages:
            raise NoAssignmentsToConvert("the client has no Wmo toewijzing of ours")
        conversion = convert(current, plan, self.catalogue)
        running = running_assignments(messages, today)
        latest = messages[-1]
        new_number: list[int] = []

        def compose(numbering: Numbering) -> Sequence[HeenMessage]:
            number = None
            if conversion.new.form is Form.ZIN:
                number = numbering.toewijzing(Domain.WMO, bsn, conversion.new.product.code)
                new_number.append(number)
            return conversion_toewijzingen(
                conversion,
                running,
                latest.client,
                municipality=self._messages.municipality_code,
                versions=latest.header.xsd_versie,
                new_number=number,
                identification=numbering.identification,
                now=now,
            )

        recorded: list[int] = []

        def record(uow: UnitOfWork, message_ids: list[int]) -> None:
            recorded.append(self._record(uow, worker, bsn, plan, conversion, message_ids, new_number, now))

        message_ids = self._messages.send_all(
            compose, worker, now, permission=Permission.CONVERT_INDICATIONS, alongside=record
        )
        return ConversionDone(
            conversion, recorded[0], tuple(message_ids), new_number[0] if new_number else None
        )

    @staticmethod
    def _record(
        uow: UnitOfWork,
        worker: Account,
        bsn: str,
        plan: ConversionPlan,
        conversion: Conversion,
        message_ids: list[int],
        new_number: list[int],
        now: datetime,
    ) -> int:
        """The record of the conversion, in the transaction of its 301s; a dropped pgb recorded by
        an earlier conversion ends on its last day."""
        new = conversion.new
        for ending in conversion.endings:
            reference = ending.indication.reference
            if ending.indication.form is Form.PGB and reference.startswith(PGB_PREFIX):
                uow.conversions.end_pgb(int(reference.removeprefix(PGB_PREFIX)), ending.last_day)
        payload: dict[str, Any] = {
            "goals": list(new.goals),
            "pgb_reason": plan.pgb_reason,
            "non_contracted_reason": plan.non_contracted_reason,
            "new_number": new_number[0] if new_number else None,
            "endings": [
                {
                    "reference": ending.indication.reference,
                    "provider": ending.indication.provider,
                    "form": ending.indication.form.value,
                    "last_day": ending.last_day.isoformat(),
                    "reason": ending.reason.value,
                    "by_message": ending.by_message,
                }
                for ending in conversion.endings
            ],
            "kept": [indication.reference for indication in conversion.kept],
            "messages": message_ids,
        }
        conversion_id = uow.conversions.add(
            NewConversion(
                bsn=bsn,
                converted_at=now,
                converted_by=worker.username,
                form=new.form.value,
                segment=new.product.segment or "",
                product=new.product.code,
                provider=new.provider,
                start=new.start,
                end=new.end,
                payload=payload,
            )
        )
        uow.audit_log.record(worker.username, "conversion.recorded", "conversion", str(conversion_id), now)
        return conversion_id


def _client_toewijzingen(uow: UnitOfWork, bsn: str) -> list[ToewijzingBericht]:
    return [
        ToewijzingBericht.model_validate(parsed)
        for parsed in uow.conversions.sent_toewijzingen(Domain.WMO.value, bsn)
    ]


def _recorded_pgbs(uow: UnitOfWork, bsn: str, today: date) -> list[CurrentIndication]:
    return [
        CurrentIndication(
            reference=f"{PGB_PREFIX}{pgb.conversion_id}",
            provider=pgb.provider,
            product_code=pgb.product,
            form=Form.PGB,
            start=pgb.start,
            end=pgb.end,
        )
        for pgb in uow.conversions.pgb_indications(bsn, today)
    ]


def _subject(uow: UnitOfWork, bsn: str) -> str:
    """How the audit log names a client: the keyed hash of the BSN, never the BSN."""
    return uow.messages.hash_of(bsn)


__all__ = ["PGB_PREFIX", "ConversionDone", "ConversionService", "NoAssignmentsToConvert"]
