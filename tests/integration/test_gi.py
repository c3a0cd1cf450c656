"""Route G on both databases: a certified institution's bepaling becomes a youth-care case in
DETERMINED in the access workers' queue, the chosen provider says it cannot deliver in time, the
GI sees that at once and names another provider, who then sees the bepaling (and the first no
longer); each GI and each provider sees only its own organisation's children; reads are logged and
the bepaling is sealed at rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from smi_core import default_municipality
from smi_core.access import Role
from smi_core.case.gi_refusals import NotTheChosenProvider, ProviderAlreadyNotInTime
from smi_core.case.jeugd_records import JeugdRoute
from smi_core.cases import CaseSource, CaseStatus
from smi_core.errors import CaseNotFound, NotAllowed
from smi_intake.db.models import AuditEvent, CaseEventRow, CaseRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.gi import GiService
from smi_intake.services.queue import OPEN_STATUSES, QueueQuery, QueueService
from tests import gi_factories as make
from tests import wmo_factories

pytestmark = pytest.mark.db

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=5)
MUNICIPALITY = default_municipality()
WORKER = make.account("w.jansen", Role.WIJZER)


@pytest.fixture
def gi(uows: UnitOfWorkFactory) -> GiService:
    return GiService(uows, MUNICIPALITY, wmo_factories.catalogue())


def _audits(engine: Engine, action: str) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        return [
            (row.actor, row.subject_id)
            for row in connection.execute(
                select(AuditEvent.actor, AuditEvent.subject_id).where(AuditEvent.action == action)
            )
        ]


def test_a_bepaling_becomes_a_youth_care_case_of_the_institution_in_the_queue(
    gi: GiService, uows: UnitOfWorkFactory, engine: Engine
) -> None:
    reference = gi.record(make.JEUGDBESCHERMER, make.bepaling(), NOW)

    with engine.connect() as connection:
        row = connection.execute(select(CaseRow).where(CaseRow.reference == reference)).one()
        payloads = connection.scalars(select(CaseEventRow.payload)).all()
    assert (row.provision, row.status, row.source, row.organisation, row.outcome) == (
        "jeugd",
        CaseStatus.DETERMINED.value,
        CaseSource.INSTANTIE.value,
        make.GI,
        JeugdRoute.G.value,
    )
    assert all(
        make.BSN.encode() not in payload and b"Vries" not in payload for payload in payloads if payload
    )
    with uows() as uow:
        known = uow.wmo_cases.known_cases(make.BSN)
    assert [k.reference for k in known] == [reference]
    queue = QueueService(uows, MUNICIPALITY).queue(WORKER, QueueQuery(statuses=OPEN_STATUSES), NOW)
    assert [(r.reference, r.provision, r.status) for r in queue.rows] == [
        (reference, "jeugd", CaseStatus.DETERMINED)
    ]


def test_not_in_time_then_an_adjusted_bepaling_and_the_new_provider_sees_it(
    gi: GiService, engine: Engine
) -> None:
    reference = gi.record(make.JEUGDBESCHERMER, make.bepaling(make.FIRST_PROVIDER), NOW)
    assert [c.reference for c in gi.for_provider(make.FIRST, NOW)] == [reference]
    assert gi.for_provider(make.SECOND, NOW) == []

    gi.not_in_time(make.FIRST, reference, make.not_in_time(), LATER)
    seen = gi.case(make.JEUGDBESCHERMER, reference, LATER)
    assert seen.pending_not_in_time == make.not_in_time()
    assert [c.pending_not_in_time for c in gi.bepalingen(make.JEUGDBESCHERMER, LATER)] == [make.not_in_time()]
    with pytest.raises(ProviderAlreadyNotInTime):
        gi.adjust(make.JEUGDBESCHERMER, reference, make.bepaling(make.FIRST_PROVIDER), LATER)
    gi.adjust(make.JEUGDBESCHERMER, reference, make.bepaling(make.SECOND_PROVIDER), LATER)

    now_seen = gi.for_provider(make.SECOND, LATER)
    assert [c.reference for c in now_seen] == [reference]
    assert now_seen[0].bepaling.provider_agb == make.SECOND_PROVIDER
    assert now_seen[0].pending_not_in_time is None
    assert now_seen[0].status is CaseStatus.DETERMINED
    assert [b.provider_agb for b in now_seen[0].bepalingen] == [make.FIRST_PROVIDER, make.SECOND_PROVIDER]
    assert gi.for_provider(make.FIRST, LATER) == []
    with pytest.raises(NotTheChosenProvider):
        gi.not_in_time(make.FIRST, reference, make.not_in_time(), LATER)
    assert (make.SECOND.username, reference) in _audits(engine, "bepaling.viewed")
    assert (make.JEUGDBESCHERMER.username, reference) in _audits(engine, "bepaling.viewed")


def test_each_institution_sees_only_its_own_children(gi: GiService, engine: Engine) -> None:
    ours = gi.record(make.JEUGDBESCHERMER, make.bepaling(), NOW)
    theirs = gi.record(
        make.OTHER_JEUGDBESCHERMER,
        make.bepaling(organisation=make.OTHER_GI, child=make.child(bsn=make.OTHER_BSN)),
        NOW,
    )

    assert [c.reference for c in gi.bepalingen(make.JEUGDBESCHERMER, NOW)] == [ours]
    assert [c.reference for c in gi.bepalingen(make.OTHER_JEUGDBESCHERMER, NOW)] == [theirs]
    with pytest.raises(CaseNotFound):
        gi.case(make.JEUGDBESCHERMER, theirs, NOW)
    with pytest.raises(CaseNotFound):
        gi.adjust(make.JEUGDBESCHERMER, theirs, make.bepaling(volume=9), NOW)
    assert (make.JEUGDBESCHERMER.username, theirs) not in _audits(engine, "bepaling.viewed")


def test_only_a_jeugdbeschermer_records_and_only_providers_read_the_bepalingen_naming_them(
    gi: GiService,
) -> None:
    with pytest.raises(NotAllowed):
        gi.record(make.account("w", Role.WIJZER, make.GI), make.bepaling(), NOW)
    with pytest.raises(NotAllowed):
        gi.for_provider(make.JEUGDBESCHERMER, NOW)
    with pytest.raises(NotAllowed):
        gi.bepalingen(make.FIRST, NOW)


def test_an_adjusted_bepaling_after_the_assignment_asks_for_the_providers_317(
    gi: GiService, engine: Engine
) -> None:
    reference = gi.record(make.JEUGDBESCHERMER, make.bepaling(), NOW)
    with engine.begin() as connection:  # the 315 answered with a 301 (the back office's part)
        connection.execute(
            CaseRow.__table__.update()
            .where(CaseRow.reference == reference)
            .values(status=CaseStatus.ASSIGNED.value)
        )

    gi.adjust(make.JEUGDBESCHERMER, reference, make.bepaling(volume=5), LATER)

    seen = gi.for_provider(make.FIRST, LATER)[0]
    assert seen.status is CaseStatus.ASSIGNED
    assert seen.change_by_317 and seen.adjusted_after_assignment
    assert seen.bepaling.volume == 5
