"""Carrying a granted case through *plaatsing*: asking providers, the support plan and its
signatures, every sharing behind its consent, the indication, reviews, extensions and the end.

Each step is a change on the case version the worker saw (``CaseworkService._change``): one
conditional UPDATE, so a colleague's change in between is refused and nothing is written. The
consent for a sharing is read in the same transaction as the sharing itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from smi_core import MunicipalityConfig
from smi_core.cases import CONSENT_TEXTS, ConsentKind
from smi_core.i18n import gettext
from smi_core.lifecycle import CaseAction
from smi_core.placement import (
    Consultation,
    EndRecord,
    FinancialReferral,
    GpRequest,
    Indication,
    IndicationProblem,
    PlacementBlocker,
    PlacementProgress,
    ProviderAnswer,
    ReviewRecord,
    Sharing,
    Signature,
    Signer,
    SupportPlan,
    check_indication,
    placement_blockers,
)
from smi_core.timeline import ExtensionAnswers, ExtensionRefusal, IndicationTimeline, check_extension
from smi_intake.crypto import Cipher
from smi_intake.db.models import (
    CaseEventRow,
    ConsentRow,
    EventKind,
    IndicationRow,
    ProviderLocationRow,
    ProviderRow,
)
from smi_intake.db.uow import UnitOfWork
from smi_intake.services.accounts import Account
from smi_intake.services.casework import CaseworkService, _Current
from smi_intake.services.consents import require_sharing
from smi_intake.services.indications import indication_columns, read_indication


class LocationNotFound(LookupError):
    """No such location in the register."""


class PlacementBlocked(RuntimeError):
    """Steps that must come before the placement is recorded."""

    def __init__(self, blockers: list[PlacementBlocker]) -> None:
        super().__init__("placement blocked: " + ", ".join(b.value for b in blockers))
        self.blockers = blockers


class IndicationInvalid(ValueError):
    """The indication breaks a rule of the scheme."""

    def __init__(self, problems: list[IndicationProblem]) -> None:
        super().__init__("indication invalid: " + ", ".join(p.value for p in problems))
        self.problems = problems


class ExtensionRefused(RuntimeError):
    """The extension is not allowed (count, hard stop, age limit, or missing answers)."""

    def __init__(self, refusals: list[ExtensionRefusal]) -> None:
        super().__init__("extension refused: " + ", ".join(r.value for r in refusals))
        self.refusals = refusals


class StepOutOfOrder(RuntimeError):
    """A placement step whose earlier step is missing; ``reason`` is a key the page translates."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AskedLocation:
    location_id: int
    provider_name: str
    location_name: str
    asked_at: datetime
    answer: ProviderAnswer | None = None


@dataclass(frozen=True)
class PlanVersion:
    number: int
    saved_at: datetime
    saved_by: str
    plan: SupportPlan
    signatures: tuple[Signature, ...] = ()


@dataclass(frozen=True)
class SharedEntry:
    sharing: Sharing
    plan_version: int
    shared_at: datetime
    shared_by: str


@dataclass(frozen=True)
class IndicationState:
    """The recorded indication with its stored dates."""

    indication: Indication
    timeline: IndicationTimeline
    contact_done_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class PlacementRecords:
    """What the case's timeline holds about the placement, for the case page."""

    progress: PlacementProgress = field(default_factory=PlacementProgress)
    asked: tuple[AskedLocation, ...] = ()
    plans: tuple[PlanVersion, ...] = ()
    shared: tuple[SharedEntry, ...] = ()
    reviews: tuple[ReviewRecord, ...] = ()
    extensions: tuple[dict[str, Any], ...] = ()
    referrals: tuple[FinancialReferral, ...] = ()
    gp_requests: tuple[GpRequest, ...] = ()
    ended: EndRecord | None = None
    indication: IndicationState | None = field(default=None)


#: The timeline entries ``placement_records`` reads.
PLACEMENT_KINDS = frozenset(
    {
        EventKind.PROVIDER_ASKED,
        EventKind.PROVIDER_ANSWER,
        EventKind.PARENTS_REGISTERED,
        EventKind.SUPPORT_PLAN,
        EventKind.PLAN_SIGNED,
        EventKind.SHARED,
        EventKind.REVIEW,
        EventKind.EXTENSION,
        EventKind.FINANCIAL_REFERRAL,
        EventKind.GP_REQUEST,
        EventKind.INDICATION_ENDED,
    }
)


def indication_state(
    uow: UnitOfWork, case_id: int, cipher: Cipher, municipality: MunicipalityConfig
) -> IndicationState | None:
    """The case's recorded indication, decrypted, with its review calendar; None before placement."""
    row = uow.session.scalars(select(IndicationRow).where(IndicationRow.case_id == case_id)).one_or_none()
    if row is None:
        return None
    indication = read_indication(row, cipher)
    return IndicationState(indication, indication.timeline(municipality), row.contact_done_on, row.ended_on)


def placement_records(opened: Iterable[tuple[CaseEventRow, dict[str, Any] | None]]) -> PlacementRecords:
    """Fold the case's timeline (oldest first, each event with its decrypted payload) into its
    placement records."""
    asked: dict[int, AskedLocation] = {}
    answers: dict[int, ProviderAnswer] = {}
    registered: int | None = None
    plans: list[PlanVersion] = []
    shared: list[SharedEntry] = []
    reviews: list[ReviewRecord] = []
    extensions: list[dict[str, Any]] = []
    referrals: list[FinancialReferral] = []
    gp_requests: list[GpRequest] = []
    ended: EndRecord | None = None
    for e, data in opened:
        if data is None:
            continue
        if e.kind == EventKind.PROVIDER_ASKED:
            location_id = int(data["location_id"])
            asked[location_id] = AskedLocation(
                location_id, str(data["provider_name"]), str(data["location_name"]), e.occurred_at
            )
            answers.pop(location_id, None)
        elif e.kind == EventKind.PROVIDER_ANSWER:
            answers[int(data["location_id"])] = ProviderAnswer(data["answer"])
        elif e.kind == EventKind.PARENTS_REGISTERED:
            registered = int(data["location_id"])
        elif e.kind == EventKind.SUPPORT_PLAN:
            plan = SupportPlan.model_validate(data)
            plans.append(PlanVersion(len(plans) + 1, e.occurred_at, e.actor, plan))
        elif e.kind == EventKind.PLAN_SIGNED and plans:
            number = int(data["plan_version"])
            signature = Signature.model_validate(data["signature"])
            index = number - 1
            if 0 <= index < len(plans):
                old = plans[index]
                plans[index] = PlanVersion(
                    old.number, old.saved_at, old.saved_by, old.plan, (*old.signatures, signature)
                )
        elif e.kind == EventKind.SHARED:
            shared.append(
                SharedEntry(Sharing(data["sharing"]), int(data["plan_version"]), e.occurred_at, e.actor)
            )
        elif e.kind == EventKind.REVIEW:
            reviews.append(ReviewRecord.model_validate(data))
        elif e.kind == EventKind.EXTENSION:
            extensions.append(data)
        elif e.kind == EventKind.FINANCIAL_REFERRAL:
            referrals.append(FinancialReferral.model_validate(data))
        elif e.kind == EventKind.GP_REQUEST:
            gp_requests.append(GpRequest.model_validate(data))
        elif e.kind == EventKind.INDICATION_ENDED:
            ended = EndRecord.model_validate(data)
    newest_shared: dict[Sharing, int] = {}
    for entry in shared:
        newest_shared[entry.sharing] = max(newest_shared.get(entry.sharing, 0), entry.plan_version)
    progress = PlacementProgress(
        asked=tuple(asked),
        answers=answers,
        registered_at=registered,
        plan_versions=len(plans),
        signed_by={p.number: frozenset(s.signer for s in p.signatures) for p in plans},
        shared=newest_shared,
    )
    return PlacementRecords(
        progress=progress,
        asked=tuple(
            AskedLocation(
                a.location_id, a.provider_name, a.location_name, a.asked_at, answers.get(a.location_id)
            )
            for a in asked.values()
        ),
        plans=tuple(plans),
        shared=tuple(shared),
        reviews=tuple(reviews),
        extensions=tuple(extensions),
        referrals=tuple(referrals),
        gp_requests=tuple(gp_requests),
        ended=ended,
    )


class PlacementService(CaseworkService):
    """The placement phase on top of the case handling of ``CaseworkService``."""

    # -- reading ---------------------------------------------------------------------------------

    def _records(self, uow: UnitOfWork, case_id: int) -> PlacementRecords:
        """The placement records, from the timeline entries of the placement phase only."""
        events = uow.session.scalars(
            select(CaseEventRow)
            .where(CaseEventRow.case_id == case_id, CaseEventRow.kind.in_(PLACEMENT_KINDS))
            .order_by(CaseEventRow.id)
        )
        return placement_records(
            (e, self._cipher.open_json(e.payload) if e.payload else None) for e in events
        )

    @staticmethod
    def _location(uow: UnitOfWork, location_id: int) -> tuple[str, str]:
        found = uow.session.execute(
            select(ProviderRow.name, ProviderLocationRow.name)
            .join(ProviderRow, ProviderRow.id == ProviderLocationRow.provider_id)
            .where(ProviderLocationRow.id == location_id, ProviderLocationRow.active.is_(True))
        ).one_or_none()
        if found is None:
            raise LocationNotFound(location_id)
        return str(found[0]), str(found[1])

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
        given_by = given_by.strip()[:120]
        if not given_by:
            raise ValueError("name who gave the consent")
        text = CONSENT_TEXTS[kind]
        shown = gettext("nl", text.message, team=self._municipality.social_team)

        def write(uow: UnitOfWork, current: _Current) -> None:
            uow.session.add(
                ConsentRow(
                    case_id=current.id,
                    kind=kind.value,
                    given=given,
                    text_version=text.version,
                    text_sha256=hashlib.sha256(shown.encode()).hexdigest(),
                    locale="nl",
                    given_by=given_by,
                    recorded_at=now,
                )
            )

        note = f"{kind.value}:{'given' if given else 'refused'}"
        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.RECORD_CONSENT, EventKind.CONSENT_RECORDED, None)],
            note,
            inside=write,
        )

    # -- asking providers -----------------------------------------------------------------------

    def ask_provider(
        self, reference: str, worker: Account, version: int, location_id: int, now: datetime
    ) -> int:
        """Ask a provider location for a place: needs the consent to contact the provider."""
        names: dict[str, Any] = {}

        def check(uow: UnitOfWork, current: _Current) -> None:
            require_sharing(uow, current.id, Sharing.CONTACT_PROVIDER, now)
            provider, location = self._location(uow, location_id)
            names.update(location_id=location_id, provider_name=provider, location_name=location)

        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.REQUEST_PLACEMENT, EventKind.PROVIDER_ASKED, names)],
            f"location:{location_id}",
            inside=check,
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
        message = message_to_family.strip()[:5000]
        if answer is ProviderAnswer.NO_PLACE and not message:
            raise ValueError("tell the parents that there is no place")

        def check(uow: UnitOfWork, current: _Current) -> None:
            if location_id not in self._records(uow, current.id).progress.asked:
                raise StepOutOfOrder("not_asked")

        steps: list[tuple[CaseAction | None, str, Any]] = [
            (
                CaseAction.PROVIDER_ANSWER,
                EventKind.PROVIDER_ANSWER,
                {"location_id": location_id, "answer": answer.value},
            )
        ]
        if message:
            steps.append((None, EventKind.MESSAGE, {"text": message}))
        return self._change(
            reference, worker, version, now, steps, f"{location_id}:{answer.value}", inside=check
        )

    def parents_registered(
        self, reference: str, worker: Account, version: int, location_id: int, now: datetime
    ) -> int:
        """The parents registered with the provider that has a place."""

        def check(uow: UnitOfWork, current: _Current) -> None:
            progress = self._records(uow, current.id).progress
            if progress.answers.get(location_id) is not ProviderAnswer.PLACE_AVAILABLE:
                raise StepOutOfOrder("no_place")

        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.PARENTS_REGISTERED, EventKind.PARENTS_REGISTERED, {"location_id": location_id})],
            f"location:{location_id}",
            inside=check,
        )

    # -- the support plan -----------------------------------------------------------------------

    def save_plan(
        self, reference: str, worker: Account, version: int, plan: SupportPlan, now: datetime
    ) -> int:
        """Save a new version of the support plan; it needs new signatures."""
        plan = SupportPlan.model_validate(plan.model_dump())
        return self._change(
            reference, worker, version, now, [(CaseAction.SAVE_PLAN, EventKind.SUPPORT_PLAN, plan)]
        )

    def sign_plan(
        self, reference: str, worker: Account, version: int, signature: Signature, now: datetime
    ) -> int:
        """Record a signature of the newest version of the support plan."""
        record: dict[str, Any] = {}

        def check(uow: UnitOfWork, current: _Current) -> None:
            versions = self._records(uow, current.id).progress.plan_versions
            if versions == 0:
                raise StepOutOfOrder("no_plan")
            record.update(plan_version=versions, signature=signature.model_dump(mode="json"))

        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.SIGN_PLAN, EventKind.PLAN_SIGNED, record)],
            signature.signer.value,
            inside=check,
        )

    def share(self, reference: str, worker: Account, version: int, sharing: Sharing, now: datetime) -> int:
        """Send the newest signed plan to the municipality, or inform the provider of it.

        Needs the consent for exactly this sharing; without it nothing is shared or written.
        """
        if sharing not in (Sharing.MUNICIPALITY, Sharing.PROVIDER):
            raise ValueError(f"{sharing.value} is not a plan sharing")
        record: dict[str, Any] = {}

        def check(uow: UnitOfWork, current: _Current) -> None:
            require_sharing(uow, current.id, sharing, now)
            records = self._records(uow, current.id)
            progress = records.progress
            if progress.plan_versions == 0:
                raise StepOutOfOrder("no_plan")
            if not progress.plan_signed:
                raise StepOutOfOrder("plan_not_signed")
            if sharing is Sharing.PROVIDER and progress.registered_at is None:
                raise StepOutOfOrder("not_registered")
            record.update(sharing=sharing.value, plan_version=progress.plan_versions)

        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.SHARE, EventKind.SHARED, record)],
            sharing.value,
            inside=check,
        )

    def ask_gp(self, reference: str, worker: Account, version: int, request: GpRequest, now: datetime) -> int:
        """Ask the GP for medical information: needs the GP consent."""

        def check(uow: UnitOfWork, current: _Current) -> None:
            require_sharing(uow, current.id, Sharing.GP, now)

        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.ASK_GP, EventKind.GP_REQUEST, request)],
            inside=check,
        )

    def refer_financial_support(
        self, reference: str, worker: Account, version: int, referral: FinancialReferral, now: datetime
    ) -> int:
        """The parents cannot pay their own contribution: record the referral (e.g. to the SDD)."""
        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.FINANCIAL_REFERRAL, EventKind.FINANCIAL_REFERRAL, referral)],
        )

    # -- the indication -------------------------------------------------------------------------

    def record_placement(
        self, reference: str, worker: Account, version: int, indication: Indication, now: datetime
    ) -> int:
        """Record the placement and its indication; shares the placement data with the provider."""
        if indication.location_id is None:
            raise StepOutOfOrder("no_location")
        problems = check_indication(indication, self._municipality)
        if problems:
            raise IndicationInvalid(problems)
        shared: dict[str, Any] = {}
        stored: dict[str, Any] = {}

        def check(uow: UnitOfWork, current: _Current) -> None:
            assert indication.location_id is not None
            progress = self._records(uow, current.id).progress
            blockers = placement_blockers(progress, indication.location_id)
            if blockers:
                raise PlacementBlocked(blockers)
            require_sharing(uow, current.id, Sharing.PROVIDER, now)
            provider, location = self._location(uow, indication.location_id)
            full = indication.model_copy(
                update={"provider_name": provider, "location_name": location, "extensions": 0}
            )
            stored.update(full.model_dump(mode="json"))
            shared.update(sharing=Sharing.PROVIDER.value, plan_version=progress.plan_versions)
            uow.session.add(
                IndicationRow(
                    case_id=current.id,
                    reference=current.reference,
                    **indication_columns(full, self._municipality, self._cipher, now),
                )
            )

        return self._change(
            reference,
            worker,
            version,
            now,
            [
                (CaseAction.RECORD_PLACEMENT, EventKind.INDICATION, stored),
                (None, EventKind.SHARED, shared),
            ],
            inside=check,
        )

    def _indication_row(self, uow: UnitOfWork, current: _Current) -> IndicationRow:
        row = uow.session.scalars(
            select(IndicationRow).where(IndicationRow.case_id == current.id)
        ).one_or_none()
        if row is None:
            raise StepOutOfOrder("no_indication")
        return row

    def record_review(
        self, reference: str, worker: Account, version: int, review: ReviewRecord, now: datetime
    ) -> int:
        """The contact about the situation; it settles the contact deadline."""

        def write(uow: UnitOfWork, current: _Current) -> None:
            row = self._indication_row(uow, current)
            if review.held_on < row.start:
                raise StepOutOfOrder("review_before_start")
            row.contact_done_on = review.held_on
            row.updated_at = now

        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.RECORD_REVIEW, EventKind.REVIEW, review)],
            inside=write,
        )

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
        answers = answers.model_copy(update={"anonymised_consultation_held": consultation.complete})
        record: dict[str, Any] = {}

        def write(uow: UnitOfWork, current: _Current) -> None:
            row = self._indication_row(uow, current)
            if row.ended_on is not None:
                raise StepOutOfOrder("ended")
            indication = read_indication(row, self._cipher)
            result = check_extension(
                indication.start,
                indication.dates_of_birth,
                indication.extensions,
                answers,
                municipality=self._municipality,
                period_months=indication.period_months,
            )
            if not result.allowed:
                raise ExtensionRefused(result.refusals)
            extended = indication.model_copy(update={"extensions": indication.extensions + 1})
            for name, value in indication_columns(extended, self._municipality, self._cipher, now).items():
                setattr(row, name, value)
            record.update(
                number=extended.extensions,
                answers=answers.model_dump(mode="json"),
                consultation=consultation.model_dump(mode="json"),
                new_last_day=str(result.new_last_day),
            )

        return self._change(
            reference,
            worker,
            version,
            now,
            [(CaseAction.EXTEND, EventKind.EXTENSION, record)],
            "extension",
            inside=write,
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

        def write(uow: UnitOfWork, current: _Current) -> None:
            row = self._indication_row(uow, current)
            if not row.start <= end.last_day <= row.last_day:
                raise StepOutOfOrder("end_outside_period")
            row.ended_on = end.last_day
            row.updated_at = now

        steps: list[tuple[CaseAction | None, str, Any]] = [
            (CaseAction.END_INDICATION, EventKind.INDICATION_ENDED, end)
        ]
        message = message_to_family.strip()[:5000]
        if message:
            steps.append((None, EventKind.MESSAGE, {"text": message}))
        return self._change(reference, worker, version, now, steps, inside=write)


__all__ = [
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
