"""The register of childcare providers (houders) and their locations, as a repository.

A provider is found by its exact name, a location by its id and by its LRK number. Writing an
entry returns the names of the fields that changed, so the service can audit them (never the
contact details themselves).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from smi_core.constants import CareType
from smi_core.providers import ProviderLocationEntry
from smi_core.register_refusals import DuplicateLrk, LocationNotFound
from smi_intake.db.models import ProviderLocationRow, ProviderRow


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
class WrittenLocation:
    """What writing an entry did: the location, its provider, whether it is new, and the changed fields."""

    location_id: int
    provider_id: int
    created: bool
    changed: tuple[str, ...]


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


def _set(row: object, values: dict[str, object], changed: list[str]) -> None:
    """Set the attributes of a row; the names of those that change are added to ``changed``."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)


class ProviderRegister:
    """The providers and their locations, on the unit of work's session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def locations(self, active_only: bool = True) -> list[LocationView]:
        """The locations (only active ones of active providers when ``active_only``), unsorted."""
        statement = select(ProviderLocationRow, ProviderRow).join(
            ProviderRow, ProviderRow.id == ProviderLocationRow.provider_id
        )
        if active_only:
            statement = statement.where(ProviderLocationRow.active, ProviderRow.active)
        return [_view(location, provider) for location, provider in self._session.execute(statement)]

    def location(self, location_id: int) -> LocationView:
        found = self._session.execute(
            select(ProviderLocationRow, ProviderRow)
            .join(ProviderRow, ProviderRow.id == ProviderLocationRow.provider_id)
            .where(ProviderLocationRow.id == location_id)
        ).one_or_none()
        if found is None:
            raise LocationNotFound(location_id)
        return _view(*found)

    def lrk_holder(self, lrk_number: str) -> int | None:
        """The id of the location with this LRK number, if any."""
        return self._session.scalar(
            select(ProviderLocationRow.id).where(ProviderLocationRow.lrk_number == lrk_number)
        )

    def save(
        self, entry: ProviderLocationEntry, now: datetime, location_id: int | None = None
    ) -> WrittenLocation:
        """Write one entry into a new location (``location_id`` None) or into an existing one.

        Raises ``DuplicateLrk`` when another location has the LRK number (also when another
        process registered it in the meantime), ``LocationNotFound`` for an unknown id.
        """
        holder = self.lrk_holder(entry.lrk_number)
        if holder is not None and holder != location_id:
            raise DuplicateLrk(entry.lrk_number, holder)
        location = None
        if location_id is not None:
            location = self._session.get(ProviderLocationRow, location_id)
            if location is None:
                raise LocationNotFound(location_id)
        providers = {
            p.name: p
            for p in self._session.scalars(select(ProviderRow).where(ProviderRow.name == entry.provider_name))
        }
        try:
            return self._write(entry, location, providers, now)
        except IntegrityError:
            self._session.rollback()
            holder = self.lrk_holder(entry.lrk_number)
            if holder is not None and holder != location_id:
                raise DuplicateLrk(entry.lrk_number, holder) from None
            raise

    def save_all(self, entries: Iterable[ProviderLocationEntry], now: datetime) -> list[WrittenLocation]:
        """Write the entries of an import, each matched to a location by its LRK number."""
        providers = {p.name: p for p in self._session.scalars(select(ProviderRow))}
        by_lrk = {loc.lrk_number: loc for loc in self._session.scalars(select(ProviderLocationRow))}
        return [self._write(entry, by_lrk.get(entry.lrk_number), providers, now) for entry in entries]

    def set_active(self, location_id: int, active: bool) -> bool:
        """Make a location active or not; whether that changed anything."""
        location = self._session.get(ProviderLocationRow, location_id)
        if location is None:
            raise LocationNotFound(location_id)
        if location.active == active:
            return False
        location.active = active
        return True

    def _write(
        self,
        entry: ProviderLocationEntry,
        location: ProviderLocationRow | None,
        providers: dict[str, ProviderRow],
        now: datetime,
    ) -> WrittenLocation:
        """Write an entry into a location (a new one when ``location`` is None) and its provider.

        ``providers`` holds the provider rows by name that are already known; a new one is added.
        """
        session = self._session
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
        created = location is None
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
        return WrittenLocation(location.id, location.provider_id, created, tuple(changed))
