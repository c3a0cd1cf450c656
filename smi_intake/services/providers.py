"""The register of childcare providers (houders) and their locations, and its CSV import and export.

Everyone who may open the register reads it; only roles with ``Permission.EDIT_PROVIDERS``
change it. A provider is found by its exact name, a location by its id in the form and by its
LRK number in an import (``smi_intake.db.providers``).
An import is all or nothing: one wrong line and nothing is written. Every change is audited
with ids and the names of the changed fields, never the contact details themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from smi_core.access import Permission, may
from smi_core.constants import CareType
from smi_core.errors import NotAllowed
from smi_core.providers import (
    ProviderCsvError,
    ProviderLocationEntry,
    parse_providers_csv,
    providers_csv,
)
from smi_intake.db.audit_log import AuditLog
from smi_intake.db.providers import LocationView, WrittenLocation
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account

SUBJECT = "provider_location"


@dataclass(frozen=True)
class ImportResult:
    """What an import did: locations created and updated, or the errors when nothing was written."""

    created: int
    updated: int
    errors: tuple[ProviderCsvError, ...] = ()
    unchanged: int = 0


def _sort_key(view: LocationView) -> tuple[str, str, int]:
    return (view.provider_name.casefold(), view.name.casefold(), view.id)


def _audit(log: AuditLog, editor: Account, written: WrittenLocation, now: datetime) -> None:
    action = "created" if written.created else "updated"
    detail = f"provider={written.provider_id} fields={','.join(written.changed)}"
    log.record(editor.username, f"{SUBJECT}.{action}", SUBJECT, str(written.location_id), now, detail=detail)


class ProviderService:
    """Reading and changing the register of providers and locations."""

    def __init__(self, uows: UnitOfWorkFactory) -> None:
        self._uows = uows

    @staticmethod
    def _check(editor: Account) -> None:
        if not may(editor.role, Permission.EDIT_PROVIDERS):
            raise NotAllowed("only the coordinator and administrators change the provider register")

    def locations(self, active_only: bool = True, care_type: CareType | None = None) -> list[LocationView]:
        """The locations, by provider and location name; only active ones unless asked otherwise."""
        with self._uows() as uow:
            views = uow.providers.locations(active_only)
        if care_type is not None:
            views = [view for view in views if care_type in view.care_types]
        return sorted(views, key=_sort_key)

    def location(self, location_id: int) -> LocationView:
        with self._uows() as uow:
            return uow.providers.location(location_id)

    def save(
        self, editor: Account, entry: ProviderLocationEntry, now: datetime, location_id: int | None = None
    ) -> int:
        """Add a location (``location_id`` None) or change one; its provider is found or made by name.

        Raises ``DuplicateLrk`` when another location has the LRK number, ``LocationNotFound``
        for an unknown ``location_id``.
        """
        self._check(editor)
        with self._uows() as uow:
            written = uow.providers.save(entry, now, location_id)
            if written.changed:
                _audit(uow.audit_log, editor, written, now)
            uow.commit()
            return written.location_id

    def set_active(self, editor: Account, location_id: int, active: bool, now: datetime) -> None:
        """Deactivate a location (it leaves the default list) or make it active again."""
        self._check(editor)
        with self._uows() as uow:
            if not uow.providers.set_active(location_id, active):
                return
            action = "reactivated" if active else "deactivated"
            uow.audit_log.record(editor.username, f"{SUBJECT}.{action}", SUBJECT, str(location_id), now)
            uow.commit()

    def import_csv(self, editor: Account, text: str, now: datetime) -> ImportResult:
        """Add and update the locations of a CSV file (matched by LRK number), all or nothing.

        With any error in the file nothing is written and the errors are returned. The active
        flag of existing locations is kept; new locations are active.
        """
        self._check(editor)
        parsed = parse_providers_csv(text)
        if parsed.errors:
            return ImportResult(created=0, updated=0, errors=parsed.errors)
        created = updated = unchanged = 0
        with self._uows() as uow:
            for written in uow.providers.save_all(parsed.entries, now):
                if not written.changed:
                    unchanged += 1
                    continue
                if written.created:
                    created += 1
                else:
                    updated += 1
                _audit(uow.audit_log, editor, written, now)
            uow.audit_log.record(
                editor.username,
                f"{SUBJECT}.imported",
                SUBJECT,
                "csv",
                now,
                detail=f"created={created} updated={updated} unchanged={unchanged}",
            )
            uow.commit()
        return ImportResult(created=created, updated=updated, unchanged=unchanged)

    def export_csv(self, active_only: bool = False) -> str:
        """The register as CSV (see ``smi_core.providers`` for the columns)."""
        return providers_csv(view.entry() for view in self.locations(active_only=active_only))


__all__ = ["ImportResult", "LocationView", "ProviderService"]
