"""Carrying a granted case through *plaatsing*: asking providers, the support plan and its
signatures, every sharing behind its consent, the indication, reviews, extensions and the end.

Each step is an action of the core's ``Case`` on the case version the worker saw, saved by the
case repository in one conditional UPDATE, so a colleague's change in between is refused and
nothing is written. The consents are read (and locked) in the same transaction as the sharing.
"""

from __future__ import annotations

from datetime import datetime

from smi_core import MunicipalityConfig
from smi_core.case import (
    PLACEMENT_KINDS,
    AskedLocation,
    ExtensionRefused,
    IndicationInvalid,
    IndicationState,
    LocationNotFound,
    PlacementBlocked,
    PlacementRecords,
    PlanVersion,
    SharedEntry,
    StepOutOfOrder,
    placement_records,
)
from smi_core.cases import ConsentKind
from smi_core.placement import (
    Consultation,
    EndRecord,
    FinancialReferral,
    GpRequest,
    Indication,
    ProviderAnswer,
    ReviewRecord,
    Sharing,
    Signature,
    Signer,
    SupportPlan,
)
from smi_core.timeline import ExtensionAnswers
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseChanges


class PlacementService:
    """The actions of the placement phase."""

    def __init__(self, uows: UnitOfWorkFactory, municipality: MunicipalityConfig) -> None:
        self._change = CaseChanges(uows, municipality)
        self.municipality = municipality

    # -- consents -------------------------------------------------------------------------------

    def record_consent(
        self,
        reference: str,
        worker: Account,
        version: int,
        kind: ConsentKind,
        given: bool,
        given_by: str,
        now: datetime,
    ) -> int:
        """Record a consent the parents gave (or refused) in writing, with the text version shown."""
        team = self.municipality.social_team
        return self._change(
            reference, lambda case: case.record_consent(worker, version, kind, given, given_by, team, now)
        )

    # -- asking providers -----------------------------------------------------------------------

    def ask_provider(
        self, reference: str, worker: Account, version: int, location_id: int, now: datetime
    ) -> int:
        """Ask a provider location for a place: needs the consent to contact the provider."""
        return self._change.at_location(
            reference,
            location_id,
            lambda case, names: case.ask_provider(worker, version, location_id, names, now),
            sharing=True,
        )

    def provider_answer(
        self,
        reference: str,
        worker: Account,
        version: int,
        location_id: int,
        answer: ProviderAnswer,
        message_to_family: str,
        now: datetime,
    ) -> int:
        """The provider's answer. With no place, the parents are told (a message on their status page)."""
        return self._change(
            reference,
            lambda case: case.provider_answer(worker, version, location_id, answer, message_to_family, now),
        )

    def parents_registered(
        self, reference: str, worker: Account, version: int, location_id: int, now: datetime
    ) -> int:
        """The parents registered with the provider that has a place."""
        return self._change(
            reference, lambda case: case.parents_registered(worker, version, location_id, now)
        )

    # -- the support plan -----------------------------------------------------------------------

    def save_plan(
        self, reference: str, worker: Account, version: int, plan: SupportPlan, now: datetime
    ) -> int:
        """Save a new version of the support plan; it needs new signatures."""
        return self._change(reference, lambda case: case.save_plan(worker, version, plan, now))

    def sign_plan(
        self, reference: str, worker: Account, version: int, signature: Signature, now: datetime
    ) -> int:
        """Record a signature of the newest version of the support plan."""
        return self._change(reference, lambda case: case.sign_plan(worker, version, signature, now))

    def share(self, reference: str, worker: Account, version: int, sharing: Sharing, now: datetime) -> int:
        """Send the newest signed plan to the municipality, or inform the provider of it.

        Needs the consent for exactly this sharing; without it nothing is shared or written.
        """
        if sharing not in (Sharing.MUNICIPALITY, Sharing.PROVIDER):
            raise ValueError(f"{sharing.value} is not a plan sharing")
        return self._change(reference, lambda case: case.share(worker, version, sharing, now), sharing=True)

    def ask_gp(self, reference: str, worker: Account, version: int, request: GpRequest, now: datetime) -> int:
        """Ask the GP for medical information: needs the GP consent."""
        return self._change(reference, lambda case: case.ask_gp(worker, version, request, now), sharing=True)

    def refer_financial_support(
        self, reference: str, worker: Account, version: int, referral: FinancialReferral, now: datetime
    ) -> int:
        """The parents cannot pay their own contribution: record the referral (e.g. to the SDD)."""
        return self._change(
            reference, lambda case: case.refer_financial_support(worker, version, referral, now)
        )

    # -- the indication -------------------------------------------------------------------------

    def record_placement(
        self, reference: str, worker: Account, version: int, indication: Indication, now: datetime
    ) -> int:
        """Record the placement and its indication; shares the placement data with the provider."""
        if indication.location_id is None:
            raise StepOutOfOrder("no_location")
        m = self.municipality
        return self._change.at_location(
            reference,
            indication.location_id,
            lambda case, names: case.record_placement(worker, version, indication, names, m, now),
            sharing=True,
        )

    def record_review(
        self, reference: str, worker: Account, version: int, review: ReviewRecord, now: datetime
    ) -> int:
        """The contact about the situation; it settles the contact deadline."""
        return self._change(reference, lambda case: case.record_review(worker, version, review, now))

    def extend(
        self,
        reference: str,
        worker: Account,
        version: int,
        answers: ExtensionAnswers,
        consultation: Consultation,
        now: datetime,
    ) -> int:
        """Extend by the scheme's extension period, after the three answers and the consultation."""
        m = self.municipality
        return self._change(
            reference, lambda case: case.extend(worker, version, answers, consultation, m, now)
        )

    def end_indication(
        self,
        reference: str,
        worker: Account,
        version: int,
        end: EndRecord,
        message_to_family: str,
        now: datetime,
    ) -> int:
        """End the indication on its last day of care (at the latest its planned last day)."""
        return self._change(
            reference, lambda case: case.end_indication(worker, version, end, message_to_family, now)
        )


__all__ = [
    "PLACEMENT_KINDS",
    "AskedLocation",
    "ExtensionRefused",
    "IndicationInvalid",
    "IndicationState",
    "LocationNotFound",
    "PlacementBlocked",
    "PlacementRecords",
    "PlacementService",
    "PlanVersion",
    "SharedEntry",
    "Signer",
    "StepOutOfOrder",
    "placement_records",
]
