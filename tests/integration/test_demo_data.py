"""Demo data go through the normal intake and cover every outcome of the check."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from smi_intake.db.models import CaseRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.demo import seed_demo
from smi_intake.services.intake import IntakeService

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_demo_requests_cover_every_outcome_and_are_added_only_once(
    uows: UnitOfWorkFactory, intake_service: IntakeService
) -> None:
    first = seed_demo(uows, intake_service, NOW, "WIJzer")
    second = seed_demo(uows, intake_service, NOW, "WIJzer")

    with uows() as uow:
        outcomes = sorted(uow.session.scalars(select(CaseRow.outcome)))
    assert (first, second) == (4, 0)
    assert outcomes == ["eligible", "incomplete", "needs_assessment", "not_eligible"]
