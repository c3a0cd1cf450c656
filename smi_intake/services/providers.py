"""The register of childcare providers (houders) and their locations, and its CSV import and export.

Everyone who may open the register reads it; only roles with ``Permission.EDIT_PROVIDERS``
change it. A provider is found by its exact name, a location by its id in the form and by its
LRK number in an import.
An import is all or nothing: one wrong line and nothing is written. Every change is audited
with ids and the names of the changed fields, never the contact details themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smi_core.access import Permission, may
from smi_core.constants import CareType
from smi_core.errors import NotAllowed
from smi_core.providers import (
    CsvError,
    ProviderLocationEntry,
    parse_providers_csv,
    providers_csv,
)
from smi_intake.db.models import AuditEvent, ProviderLocationRow, ProviderRow, audit
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account

SUBJECT = "provider_location"


class LocationNotFound(LookupError):
    """No provider location with this id."""

    def __init__(self, location_id: int) -> None:
        super().__init__(f"no provider location {location_id}")
        self.location_id = location_id


class DuplicateLrk(ValueError):
    """Another location already has this LRK number; ``location_id`` says which."""

    def __init__(self, lrk_number: str, location_id: int | None) -> None:
        super().__init__(f"LRK number {lrk_number} is already registered")
        self.lrk_number = lrk_number
        self.location_id = location_id


@dataclass(frozen=True)
class LocationView:
    """A location with its provider, as the register shows it."""

    id: int
    provider_id: int
    provider_name: str
    contact_name: str
    phone: str
    email: str
    name: str
    address: str
    lrk_number: str
    care_types: frozenset[CareType]
    active: bool

    def entry(self) -> ProviderLocationEntry:
        """The location as a form entry or CSV row."""
        return ProviderLocationEntry(
            provider_name=self.provider_name,
            contact_name=self.contact_name,
            phone=self.phone,
            email=self.email,
            location_name=self.name,
            address=self.address,
            lrk_number=self.lrk_number,
            care_types=self.care_types,
        )


@dataclass(frozen=True)
class ImportResult:
    """What an import did: locations created and updated, or the errors when nothing was written."""

    created: int
    updated: int
    errors: tuple[CsvError, ...] = ()
    unchanged: int = 0


def _care_types(stored: str) -> frozenset[CareType]:
    return frozenset(CareType(value) for value in stored.split(",") if value)


def _stored_care_types(care_types: frozenset[CareType]) -> str:
    """The care types as the row keeps them: comma-separated values in a fixed order."""
    return ",".join(c.value for c in CareType if c in care_types)


def _view(location: ProviderLocationRow, provider: ProviderRow) -> LocationView:
    return LocationView(
        id=location.id,
        provider_id=provider.id,
        provider_name=provider.name,
        contact_name=provider.contact_name,
        phone=provider.phone,
        email=provider.email,
        name=location.name,
        address=location.address,
        lrk_number=location.lrk_number,
        care_types=_care_types(location.care_types),
        active=location.active and provider.active,
    )


def _sort_key(view: LocationView) -> tuple[str, str, int]:
    return (view.provider_name.casefold(), view.name.casefold(), view.id)


def _set(row: object, values: dict[str, object], changed: list[str]) -> None:
    """Set the attributes of a row; the names of those that change are added to ``changed``."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)


def _write(
    session: Session,
    entry: ProviderLocationEntry,
    location: ProviderLocationRow | None,
    providers: dict[str, ProviderRow],
    now: datetime,
) -> tuple[ProviderLocationRow, list[str]]:
    """Write an entry into a location (a new one when ``location`` is None) and its provider.

    ``providers`` holds the provider rows by name that are already known; a new one is added.
    Returns the location and the names of the changed fields (empty: nothing changed).
    """
    changed: list[str] = []
    provider = providers.get(entry.provider_name)
    if provider is None:
        provider = ProviderRow(name=entry.provider_name, active=True, updated_at=now)
        session.add(provider)
        providers[entry.provider_name] = provider
        changed.append("provider")
    provider_fields: list[str] = []
    _set(
        provider,
        {"contact_name": entry.contact_name, "phone": entry.phone, "email": entry.email},
        provider_fields,
    )
    if provider_fields:
        provider.updated_at = now
        changed.extend(provider_fields)
    session.flush()
    if location is None:
        location = ProviderLocationRow(active=True)
        session.add(location)
    _set(
        location,
        {
            "provider_id": provider.id,
            "name": entry.location_name,
            "address": entry.address,
            "lrk_number": entry.lrk_number,
            "care_types": _stored_care_types(entry.care_types),
        },
        changed,
    )
    session.flush()
    return location, changed


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
            statement = select(ProviderLocationRow, ProviderRow).join(
                ProviderRow, ProviderRow.id == ProviderLocationRow.provider_id
            )
            if active_only:
                statement = statement.where(ProviderLocationRow.active, ProviderRow.active)
            views = [_view(location, provider) for location, provider in uow.session.execute(statement)]
        if care_type is not None:
            views = [view for view in views if care_type in view.care_types]
        return sorted(views, key=_sort_key)

    def location(self, location_id: int) -> LocationView:
        with self._uows() as uow:
            found = uow.session.execute(
                select(ProviderLocationRow, ProviderRow)
                .join(ProviderRow, ProviderRow.id == ProviderLocationRow.provider_id)
                .where(ProviderLocationRow.id == location_id)
            ).one_or_none()
            if found is None:
                raise LocationNotFound(location_id)
            return _view(*found)

    def save(
        self, editor: Account, entry: ProviderLocationEntry, now: datetime, location_id: int | None = None
    ) -> int:
        """Add a location (``location_id`` None) or change one; its provider is found or made by name.

        Raises ``DuplicateLrk`` when another location has the LRK number, ``LocationNotFound``
        for an unknown ``location_id``.
        """
        self._check(editor)
        with self._uows() as uow:
            session = uow.session
            holder = session.scalar(
                select(ProviderLocationRow.id).where(ProviderLocationRow.lrk_number == entry.lrk_number)
            )
            if holder is not None and holder != location_id:
                raise DuplicateLrk(entry.lrk_number, holder)
            location = None
            if location_id is not None:
                location = session.get(ProviderLocationRow, location_id)
                if location is None:
                    raise LocationNotFound(location_id)
            providers = {
                p.name: p
                for p in session.scalars(select(ProviderRow).where(ProviderRow.name == entry.provider_name))
            }
            try:
                row, changed = _write(session, entry, location, providers, now)
                if changed:
                    action = "created" if location is None else "updated"
                    session.add(self._audit(editor, action, row, changed, now))
                uow.commit()
            except IntegrityError:
                uow.rollback()
                holder = self._lrk_holder(entry.lrk_number)
                if holder is not None and holder != location_id:
                    raise DuplicateLrk(entry.lrk_number, holder) from None
                raise
            return row.id

    def _lrk_holder(self, lrk_number: str) -> int | None:
        with self._uows() as uow:
            return uow.session.scalar(
                select(ProviderLocationRow.id).where(ProviderLocationRow.lrk_number == lrk_number)
            )

    def set_active(self, editor: Account, location_id: int, active: bool, now: datetime) -> None:
        """Deactivate a location (it leaves the default list) or make it active again."""
        self._check(editor)
        with self._uows() as uow:
            location = uow.session.get(ProviderLocationRow, location_id)
            if location is None:
                raise LocationNotFound(location_id)
            if location.active == active:
                return
            location.active = active
            action = "reactivated" if active else "deactivated"
            uow.session.add(audit(editor.username, f"{SUBJECT}.{action}", SUBJECT, str(location.id), now))
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
            session = uow.session
            providers = {p.name: p for p in session.scalars(select(ProviderRow))}
            by_lrk = {loc.lrk_number: loc for loc in session.scalars(select(ProviderLocationRow))}
            for entry in parsed.entries:
                existing = by_lrk.get(entry.lrk_number)
                row, changed = _write(session, entry, existing, providers, now)
                if not changed:
                    unchanged += 1
                    continue
                if existing is None:
                    created += 1
                else:
                    updated += 1
                session.add(
                    self._audit(editor, "created" if existing is None else "updated", row, changed, now)
                )
            session.add(
                audit(
                    editor.username,
                    f"{SUBJECT}.imported",
                    SUBJECT,
                    "csv",
                    now,
                    detail=f"created={created} updated={updated} unchanged={unchanged}",
                )
            )
            uow.commit()
        return ImportResult(created=created, updated=updated, unchanged=unchanged)

    def export_csv(self, active_only: bool = False) -> str:
        """The register as CSV (see ``smi_core.providers`` for the columns)."""
        return providers_csv(view.entry() for view in self.locations(active_only=active_only))

    @staticmethod
    def _audit(
        editor: Account, action: str, location: ProviderLocationRow, changed: Iterable[str], now: datetime
    ) -> AuditEvent:
        detail = f"provider={location.provider_id} fields={','.join(changed)}"
        return audit(editor.username, f"{SUBJECT}.{action}", SUBJECT, str(location.id), now, detail=detail)
