"""Youth care's route G as the certified institution (GI) and the chosen provider do it.

- A jeugdbeschermer records the *bepaling jeugdhulp* with the uniform registration form (G2,
  ``GI-DECIDES``): a new youth-care case in DETERMINED, of the GI's organisation, in the access
  workers' queue for the municipal worker (G3), the child linked by a keyed hash of the BSN.
- The provider the bepaling names reads it (only the bepalingen naming its own AGB code) and sends
  its 315 from its own page (the back office answers it), or says it cannot deliver in time (G3b,
  ``GI-NOT-IN-TIME``); the GI sees that at once and records an adjusted bepaling with another
  provider. An adjusted bepaling on an assigned case is answered by the provider's 317.

A GI's user sees only its own organisation's cases; every read of a bepaling is audit-logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from smi_core import MunicipalityConfig
from smi_core.access import Permission, may
from smi_core.case import Case, TimelineEntry, timeline_entries
from smi_core.case.gi_actions import (
    CHANGE_BY_317,
    check_jeugdbeschermer,
    new_bepaling,
    pending_not_in_time,
)
from smi_core.case.gi_refusals import NotTheChosenProvider
from smi_core.case.jeugd_events import BepalingAdjusted
from smi_core.case.jeugd_records import JeugdRoute
from smi_core.case.kinds import EventKind
from smi_core.case.route import Provision
from smi_core.cases import CaseSource, CaseStatus
from smi_core.errors import CaseNotFound, NotAllowed
from smi_core.istandaarden.codes import Domain
from smi_core.jeugd.bepaling import Bepaling, NotInTime
from smi_core.wmo.catalogue import Catalogue, CatalogueProduct
from smi_intake.db.gi import GiRows
from smi_intake.db.timeline import append_event
from smi_intake.db.uow import UnitOfWork, UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseChanges


@dataclass(frozen=True)
class GiCase:
    """A route-G case as the GI and the chosen provider see it: the bepaling that holds now, the
    earlier ones, the providers' words that they cannot deliver in time, and what happened since."""

    reference: str
    status: CaseStatus
    received_at: datetime
    bepaling: Bepaling
    bepalingen: tuple[Bepaling, ...]
    not_in_time: tuple[NotInTime, ...]
    pending_not_in_time: NotInTime | None
    """The provider's word that it cannot deliver in time, not yet answered by an adjusted bepaling."""
    adjusted_after_assignment: bool
    """The bepaling that holds now was adjusted while the care was assigned: the provider sends a 317."""
    timeline: list[TimelineEntry]

    @property
    def change_by_317(self) -> bool:
        """Whether a change of this bepaling now goes to the provider as a change request (317)."""
        return self.status in CHANGE_BY_317


@dataclass(frozen=True)
class ProviderChoice:
    """A provider the GI may choose: contracted for the product or not."""

    agb: str
    name: str
    contracted: bool


def gi_case(case: Case, received_at: datetime) -> GiCase:
    records = case.jeugd
    bepaling = records.bepaling
    if bepaling is None or records.route is not JeugdRoute.G:
        raise CaseNotFound(case.reference)
    newest = next(
        (
            e
            for e in reversed(case.timeline)
            if e.kind in (EventKind.GI_BEPALING, EventKind.GI_BEPALING_ADJUSTED)
        ),
        None,
    )
    return GiCase(
        reference=case.reference,
        status=case.status,
        received_at=received_at,
        bepaling=bepaling,
        bepalingen=records.bepalingen,
        not_in_time=records.not_in_time,
        pending_not_in_time=pending_not_in_time(case.timeline),
        adjusted_after_assignment=isinstance(newest, BepalingAdjusted)
        and newest.from_status in {s.value for s in CHANGE_BY_317},
        timeline=timeline_entries(case.timeline),
    )


class GiService:
    """Route G on the youth-care cases."""

    def __init__(
        self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig, catalogue: Catalogue
    ) -> None:
        self._uows = uows
        self.municipality = municipality
        self.catalogue = catalogue
        self._change = CaseChanges(uows, municipality)

    # -- the catalogue ---------------------------------------------------------------------------

    def products(self) -> tuple[CatalogueProduct, ...]:
        """The youth-care products of the municipality's catalogue."""
        return self.catalogue.products_of(Domain.JW)

    def provider_choices(self, product_code: str | None) -> list[ProviderChoice]:
        """The providers to choose from: those contracted for the product first, then the others
        of the catalogue (the GI decides; ``GI-DECIDES``)."""
        product = self.catalogue.product(Domain.JW, product_code) if product_code else None
        choices = [
            ProviderChoice(
                p.agb, p.name, product is not None and self.catalogue.is_contracted(p.agb, product)
            )
            for p in self.catalogue.providers
            if not p.coalition
        ]
        return sorted(choices, key=lambda c: (not c.contracted, c.name))

    def provider_name(self, agb: str) -> str:
        found = self.catalogue.provider(agb)
        return found.name if found is not None else ""

    # -- the certified institution ---------------------------------------------------------------

    def record(self, gi: Account, bepaling: Bepaling, now: datetime) -> str:
        """Record a bepaling jeugdhulp (G2): a new youth-care case in DETERMINED of the GI's
        organisation, the child linked; returns its reference."""
        bepaling = new_bepaling(gi, gi.organisation, bepaling)
        with self._uows() as uow:
            case_id, reference = uow.wmo_cases.create_without_melding(
                Provision.JEUGD,
                CaseStatus.DETERMINED,
                {"route": JeugdRoute.G.value},
                now,
                source=CaseSource.INSTANTIE,
                organisation=gi.organisation,
                created_by=gi.username,
                urgent=bepaling.registration.urgent,
            )
            append_event(
                uow,
                case_id=case_id,
                reference=reference,
                actor=gi.username,
                kind=EventKind.GI_BEPALING.value,
                now=now,
                to_status=CaseStatus.DETERMINED.value,
                note=bepaling.provider_agb,
                payload=bepaling,
            )
            uow.wmo_cases.link_client(case_id, bepaling.child.bsn)
            uow.commit()
        return reference

    def adjust(self, gi: Account, reference: str, bepaling: Bepaling, now: datetime) -> int:
        """Record an adjusted bepaling (another provider, volume or period); the case's new version."""
        check_jeugdbeschermer(gi)
        with self._uows() as uow:
            self._own(uow, gi, reference)
        return self._change(reference, lambda case: case.adjust_bepaling(gi, gi.organisation, bepaling, now))

    def bepalingen(self, gi: Account, now: datetime) -> list[GiCase]:
        """The GI's own bepalingen, newest first; each read is logged."""
        check_jeugdbeschermer(gi)
        with self._uows() as uow:
            found = [
                self._read(uow, gi, reference, now)
                for reference in GiRows(uow.session).references_of(gi.organisation)
            ]
            uow.commit()
        return found

    def case(self, gi: Account, reference: str, now: datetime) -> GiCase:
        """One of the GI's own bepalingen (``CaseNotFound`` for another's); the read is logged."""
        check_jeugdbeschermer(gi)
        with self._uows() as uow:
            self._own(uow, gi, reference)
            found = self._read(uow, gi, reference, now)
            uow.commit()
        return found

    @staticmethod
    def _own(uow: UnitOfWork, gi: Account, reference: str) -> None:
        """``CaseNotFound`` unless ``reference`` is a route-G case of the GI's own organisation
        (another's case is not found: its existence is not told either)."""
        if not gi.organisation or GiRows(uow.session).organisation_of(reference) != gi.organisation:
            raise CaseNotFound(reference)

    def _read(self, uow: UnitOfWork, reader: Account, reference: str, now: datetime) -> GiCase:
        case = uow.cases.get(reference, self.municipality)
        uow.cases.log_read(reader.username, "bepaling.viewed", reference, now)
        return gi_case(case, uow.wmo_cases.received_at(reference))

    # -- the chosen provider ---------------------------------------------------------------------

    @staticmethod
    def _agb(provider: Account) -> str:
        if not may(provider.role, Permission.PROVIDE_CARE):
            raise NotAllowed("only the chosen provider reads a bepaling")
        return provider.organisation

    def for_provider(self, provider: Account, now: datetime) -> list[GiCase]:
        """The bepalingen whose bepaling that holds now names the provider's own AGB code, longest
        waiting first; each read is logged."""
        agb = self._agb(provider)
        with self._uows() as uow:
            found = [self._read(uow, provider, r, now) for r in GiRows(uow.session).references_naming(agb)]
            uow.commit()
        return found

    def not_in_time(self, provider: Account, reference: str, report: NotInTime, now: datetime) -> int:
        """The provider cannot deliver the bepaling in time (G3b, ``GI-NOT-IN-TIME``): recorded on
        the case, for the GI to choose another provider."""
        agb = self._agb(provider)
        with self._uows() as uow:
            if reference not in GiRows(uow.session).references_naming(agb):
                raise NotTheChosenProvider()
        return self._change(reference, lambda case: case.provider_not_in_time(provider, agb, report, now))


__all__ = ["GiCase", "GiService", "ProviderChoice", "gi_case"]
