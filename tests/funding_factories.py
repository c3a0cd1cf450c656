"""Builders for the funding tests: a provider with a location, a sent case, its granted indication
(stored with ``indication_columns``, as the placement stores it) and the municipality consent.

Every builder writes straight to the database, so a test shows only what matters to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from smi_core import MunicipalityConfig
from smi_core.cases import CONSENT_TEXTS, ConsentKind
from smi_core.constants import CareType
from smi_core.placement import IndicatedChild, Indication
from smi_intake.crypto import Cipher
from smi_intake.db.cases import indication_columns
from smi_intake.db.models import CaseRow, ConsentRow, IndicationRow, ProviderLocationRow, ProviderRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.intake import IntakeService
from tests.factories import example_intake_data

#: Sam of the example intake: far from the age limit during an indication around 2026.
SAM = ("Sam", date(2023, 4, 2), 4)


@dataclass(frozen=True)
class Location:
    provider_id: int
    location_id: int


@dataclass(frozen=True)
class SentCase:
    case_id: int
    reference: str


def provider(uows: UnitOfWorkFactory, now: datetime, name: str = "Kinderopvang De Boomhut") -> Location:
    """A provider with one location offering day care and after-school care."""
    with uows() as uow:
        row = ProviderRow(name=name, contact_name="", phone="", email="", active=True, updated_at=now)
        uow.session.add(row)
        uow.session.flush()
        location = ProviderLocationRow(
            provider_id=row.id,
            name=f"{name}, Dorpsstraat",
            address="Dorpsstraat 1",
            lrk_number=f"{row.id:012d}",
            care_types="kdv,bso",
            active=True,
        )
        uow.session.add(location)
        uow.session.commit()
        return Location(row.id, location.id)


def sent_case(uows: UnitOfWorkFactory, intake: IntakeService, now: datetime) -> SentCase:
    """The example intake, sent by the parents without any consent recorded."""
    saved = intake.save_draft(None, "controleren", example_intake_data(), {}, "nl", now)
    reference = intake.submit(saved.draft_id, now).reference
    with uows() as uow:
        case_id = uow.session.scalars(select(CaseRow.id).where(CaseRow.reference == reference)).one()
    return SentCase(case_id, reference)


def indication(
    location_id: int | None,
    *children: tuple[str, date, int],
    start: date = date(2026, 12, 1),
    care_type: CareType = CareType.KDV,
    **changes: Any,
) -> Indication:
    """A granted indication at ``location_id``: Sam, 4 part-days of day care from 1 December 2026."""
    return Indication(
        start=start,
        period_months=changes.pop("period_months", 6),
        care_type=care_type,
        location_id=location_id,
        children=[
            IndicatedChild(name=name, date_of_birth=born, dagdelen_per_week=dagdelen)
            for name, born, dagdelen in children or (SAM,)
        ],
        **changes,
    )


def store_indication(
    uows: UnitOfWorkFactory,
    cipher: Cipher,
    case: SentCase,
    granted: Indication,
    municipality: MunicipalityConfig,
    now: datetime,
    ended_on: date | None = None,
) -> str:
    """The indication row of ``case`` (its reference is the case's)."""
    with uows() as uow:
        uow.session.add(
            IndicationRow(
                case_id=case.case_id,
                reference=case.reference,
                ended_on=ended_on,
                **indication_columns(granted, municipality, cipher, now),
            )
        )
        uow.commit()
    return case.reference


def record_consent(
    uows: UnitOfWorkFactory,
    case_id: int,
    at: datetime,
    *,
    given: bool = True,
    kind: ConsentKind = ConsentKind.MUNICIPALITY_SHARING,
    withdrawn_at: datetime | None = None,
) -> None:
    """A consent recorded at ``at`` (by default: sharing with the municipality, given)."""
    text = CONSENT_TEXTS[kind]
    with uows() as uow:
        uow.session.add(
            ConsentRow(
                case_id=case_id,
                kind=kind.value,
                given=given,
                text_version=text.version,
                text_sha256="0" * 64,
                locale="nl",
                given_by="WIJzer",
                recorded_at=at,
                withdrawn_at=withdrawn_at,
            )
        )
        uow.commit()


def withdraw_consent(uows: UnitOfWorkFactory, case_id: int, at: datetime) -> None:
    """The parents withdraw their consent to share data with the municipality at ``at``."""
    with uows() as uow:
        for row in uow.session.scalars(
            select(ConsentRow).where(
                ConsentRow.case_id == case_id, ConsentRow.kind == ConsentKind.MUNICIPALITY_SHARING.value
            )
        ):
            row.withdrawn_at = at
        uow.commit()


def placed(
    uows: UnitOfWorkFactory,
    intake: IntakeService,
    cipher: Cipher,
    municipality: MunicipalityConfig,
    location_id: int | None,
    now: datetime,
    *,
    consent: bool | None = True,
    consent_at: datetime | None = None,
    **indication_changes: Any,
) -> SentCase:
    """A sent case with a granted indication at ``location_id`` and, unless ``consent`` is None,
    the municipality consent given (True) or refused (False) at ``consent_at`` (default ``now``)."""
    case = sent_case(uows, intake, now)
    ended_on = indication_changes.pop("ended_on", None)
    children = indication_changes.pop("children", (SAM,))
    granted = indication(location_id, *children, **indication_changes)
    store_indication(uows, cipher, case, granted, municipality, now, ended_on)
    if consent is not None:
        record_consent(uows, case.case_id, consent_at or now, given=consent)
    return case
