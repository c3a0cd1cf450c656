"""The *plaatsing* phase as policy: what is shared under which consent, the support plan and its
signatures, and the indication itself (start, period, part-days per child, provider location).

Pure and typed: the services store these records; every rule about them lives here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from smi_core.cases import CONSENT_STATE_LABELS as CONSENT_STATE_LABELS  # re-exported
from smi_core.cases import ConsentKind, ConsentRecord
from smi_core.cases import ConsentState as ConsentState  # re-exported
from smi_core.constants import N_, CareType
from smi_core.municipality import MunicipalityConfig, default_municipality
from smi_core.timeline import IndicationTimeline, indication_timeline

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


# -- consent decides what is shared -------------------------------------------------------------


class Sharing(StrEnum):
    """Each way WIJzer shares or asks for a family's data; each needs exactly one consent."""

    CONTACT_PROVIDER = "contact_provider"
    PROVIDER = "provider"
    MUNICIPALITY = "municipality"
    GP = "gp"


#: The one consent each sharing needs (policy: consent (a)-(d), recorded separately).
SHARING_CONSENT: dict[Sharing, ConsentKind] = {
    Sharing.CONTACT_PROVIDER: ConsentKind.PROVIDER_CONTACT,
    Sharing.PROVIDER: ConsentKind.PROVIDER_SHARING,
    Sharing.MUNICIPALITY: ConsentKind.MUNICIPALITY_SHARING,
    Sharing.GP: ConsentKind.GP_REQUEST,
}

SHARING_LABELS = {
    Sharing.CONTACT_PROVIDER: N_("contacting the childcare provider"),
    Sharing.PROVIDER: N_("sharing data with the childcare provider"),
    Sharing.MUNICIPALITY: N_("sharing data with the municipality"),
    Sharing.GP: N_("asking the GP for medical information"),
}

CONSENT_LABELS = {
    ConsentKind.PROVIDER_CONTACT: N_("consent to contact the childcare provider"),
    ConsentKind.MUNICIPALITY_SHARING: N_("consent to share data with the municipality"),
    ConsentKind.PROVIDER_SHARING: N_("consent to share data with the childcare provider"),
    ConsentKind.GP_REQUEST: N_("consent to ask the GP for medical information"),
}


class SharingCheck(BaseModel):
    """Whether a sharing may happen, and if not, which consent is missing and why."""

    model_config = ConfigDict(frozen=True)

    sharing: Sharing
    consent: ConsentKind
    state: ConsentState

    @property
    def allowed(self) -> bool:
        return self.state is ConsentState.GIVEN


def consent_state(consents: Iterable[ConsentRecord], kind: ConsentKind, at: datetime) -> ConsentState:
    """The state at ``at`` of the consent ``kind``: the latest record recorded by then counts.

    A withdrawal counts from its moment on: before it the consent was given.
    """
    latest: ConsentRecord | None = None
    for record in consents:
        in_time = record.kind is kind and record.recorded_at <= at
        if in_time and (latest is None or record.recorded_at >= latest.recorded_at):
            latest = record
    if latest is None:
        return ConsentState.MISSING
    if not latest.given:
        return ConsentState.REFUSED
    if latest.withdrawn_at is not None and latest.withdrawn_at <= at:
        return ConsentState.WITHDRAWN
    return ConsentState.GIVEN


def check_sharing(consents: Iterable[ConsentRecord], sharing: Sharing, at: datetime) -> SharingCheck:
    """Check the recorded consent for exactly this sharing, at the moment ``at``."""
    kind = SHARING_CONSENT[sharing]
    return SharingCheck(sharing=sharing, consent=kind, state=consent_state(consents, kind, at))


# -- the support plan ----------------------------------------------------------------------------


class Signer(StrEnum):
    """Who signs the support plan."""

    PARENT = "parent"
    WORKER = "worker"


SIGNER_LABELS = {Signer.PARENT: N_("parent"), Signer.WORKER: N_("WIJzer worker")}


class Signature(BaseModel):
    """Who signed a version of the support plan, and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    signer: Signer
    name: Line
    signed_on: date


class SupportPlan(BaseModel):
    """The support plan (*1 gezin, 1 plan*): the agreements, of which the SMI is one part.

    Every change is a new version, which needs new signatures.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    goals: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
    agreements: Text = ""
    smi_part: Text = ""
    evaluation: Text = ""


# -- the provider's answer -----------------------------------------------------------------------


class ProviderAnswer(StrEnum):
    """What the provider answered to the request for a place."""

    PLACE_AVAILABLE = "place_available"
    NO_PLACE = "no_place"


PROVIDER_ANSWER_LABELS = {
    ProviderAnswer.PLACE_AVAILABLE: N_("Place available"),
    ProviderAnswer.NO_PLACE: N_("No place"),
}


# -- the indication -----------------------------------------------------------------------------


class IndicatedChild(BaseModel):
    """One child in the indication, with its part-days per week."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Line
    date_of_birth: date
    dagdelen_per_week: int = Field(ge=1, le=10)


class Indication(BaseModel):
    """What was granted: from when, for how long, how much care per child, and where."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: date
    period_months: int = Field(ge=1, le=24)
    care_type: CareType
    location_id: int | None = None
    provider_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] = ""
    location_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] = ""
    children: list[IndicatedChild] = Field(min_length=1, max_length=10)
    extensions: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _distinct_children(self) -> Indication:
        names = [c.name.casefold() for c in self.children]
        if len(set(names)) != len(names):
            raise ValueError("each child is named once")
        return self

    @property
    def dagdelen_per_week(self) -> int:
        return sum(c.dagdelen_per_week for c in self.children)

    @property
    def dates_of_birth(self) -> Mapping[str, date]:
        return {c.name: c.date_of_birth for c in self.children}

    def timeline(self, municipality: MunicipalityConfig | None = None) -> IndicationTimeline:
        """The review calendar of this indication (``smi_core.timeline``)."""
        return indication_timeline(
            self.start,
            self.dates_of_birth,
            extensions_granted=self.extensions,
            municipality=municipality,
            period_months=self.period_months,
        )


class IndicationProblem(StrEnum):
    """Why an indication cannot be recorded as it is."""

    PERIOD_TOO_LONG = "period_too_long"
    CARE_TYPE_NOT_COVERED = "care_type_not_covered"
    TOO_MANY_DAGDELEN = "too_many_dagdelen"
    TOO_MANY_PSG_DAGDELEN = "too_many_psg_dagdelen"
    CHILD_TOO_OLD = "child_too_old"
    BORN_AFTER_START = "born_after_start"


INDICATION_PROBLEM_LABELS = {
    IndicationProblem.PERIOD_TOO_LONG: N_("The first period is at most %(months)s months."),
    IndicationProblem.CARE_TYPE_NOT_COVERED: N_("This kind of childcare is not covered by SMI."),
    IndicationProblem.TOO_MANY_DAGDELEN: N_("A child can have at most %(max)s part-days per week."),
    IndicationProblem.TOO_MANY_PSG_DAGDELEN: N_("SMI pays at most %(psg)s part-days of playgroup per week."),
    IndicationProblem.CHILD_TOO_OLD: N_("A child has reached the age limit before the start date."),
    IndicationProblem.BORN_AFTER_START: N_("A child's date of birth lies after the start date."),
}


def check_indication(
    indication: Indication, municipality: MunicipalityConfig | None = None
) -> list[IndicationProblem]:
    """The problems that stop this indication from being recorded (none: it may be recorded)."""
    m = municipality or default_municipality()
    problems: list[IndicationProblem] = []
    if indication.period_months > m.initial_period_months:
        problems.append(IndicationProblem.PERIOD_TOO_LONG)
    if indication.care_type not in m.care_types:
        problems.append(IndicationProblem.CARE_TYPE_NOT_COVERED)
    if any(c.dagdelen_per_week > m.max_dagdelen_per_week for c in indication.children):
        problems.append(IndicationProblem.TOO_MANY_DAGDELEN)
    if indication.care_type is CareType.PSG and any(
        c.dagdelen_per_week > m.psg_smi_dagdelen for c in indication.children
    ):
        problems.append(IndicationProblem.TOO_MANY_PSG_DAGDELEN)
    if any(c.date_of_birth > indication.start for c in indication.children):
        problems.append(IndicationProblem.BORN_AFTER_START)
    elif IndicationProblem.PERIOD_TOO_LONG not in problems:
        timeline = indication.timeline(m)
        if any(last < indication.start for last in timeline.child_last_days.values()):
            problems.append(IndicationProblem.CHILD_TOO_OLD)
    return problems


def problem_values(municipality: MunicipalityConfig | None = None) -> dict[str, int]:
    """The numbers the problem messages name."""
    m = municipality or default_municipality()
    return {"months": m.initial_period_months, "max": m.max_dagdelen_per_week, "psg": m.psg_smi_dagdelen}


# -- the steps of the placement, and what still stands in the way of recording it ---------------


class PlacementProgress(BaseModel):
    """What the case's timeline says about the placement so far (built by the services)."""

    model_config = ConfigDict(frozen=True)

    asked: tuple[int, ...] = ()
    """The locations asked for a place, in order."""
    answers: dict[int, ProviderAnswer] = Field(default_factory=dict)
    """The latest answer of each location asked."""
    registered_at: int | None = None
    """The location where the parents registered."""
    plan_versions: int = 0
    signed_by: dict[int, frozenset[Signer]] = Field(default_factory=dict)
    """Plan version -> who signed it."""
    shared: dict[Sharing, int] = Field(default_factory=dict)
    """Sharing -> the newest plan version shared that way (0: shared before any plan)."""

    @property
    def plan_signed(self) -> bool:
        """The newest version is signed by a parent and by the worker."""
        signers = self.signed_by.get(self.plan_versions, frozenset())
        return self.plan_versions > 0 and {Signer.PARENT, Signer.WORKER} <= signers

    def plan_shared_with(self, sharing: Sharing) -> bool:
        """Whether the newest plan version has been shared this way."""
        return self.plan_versions > 0 and self.shared.get(sharing, -1) >= self.plan_versions


class PlacementBlocker(StrEnum):
    """A step that must come before the placement is recorded."""

    NO_PLACE = "no_place"
    NOT_REGISTERED = "not_registered"
    NO_PLAN = "no_plan"
    PLAN_NOT_SIGNED = "plan_not_signed"
    PLAN_NOT_SENT = "plan_not_sent"


PLACEMENT_BLOCKER_LABELS = {
    PlacementBlocker.NO_PLACE: N_("This provider has not said that a place is available."),
    PlacementBlocker.NOT_REGISTERED: N_("The parents have not registered with this provider yet."),
    PlacementBlocker.NO_PLAN: N_("There is no support plan yet."),
    PlacementBlocker.PLAN_NOT_SIGNED: N_(
        "The newest support plan has not been signed by a parent and the worker."
    ),
    PlacementBlocker.PLAN_NOT_SENT: N_("The signed support plan has not been sent to the municipality."),
}


def placement_blockers(progress: PlacementProgress, location_id: int) -> list[PlacementBlocker]:
    """What still has to happen before a placement at ``location_id`` can be recorded."""
    blockers: list[PlacementBlocker] = []
    if progress.answers.get(location_id) is not ProviderAnswer.PLACE_AVAILABLE:
        blockers.append(PlacementBlocker.NO_PLACE)
    if progress.registered_at != location_id:
        blockers.append(PlacementBlocker.NOT_REGISTERED)
    if progress.plan_versions == 0:
        blockers.append(PlacementBlocker.NO_PLAN)
    elif not progress.plan_signed:
        blockers.append(PlacementBlocker.PLAN_NOT_SIGNED)
    elif not progress.plan_shared_with(Sharing.MUNICIPALITY):
        blockers.append(PlacementBlocker.PLAN_NOT_SENT)
    return blockers


# -- reviews, extensions, the end ---------------------------------------------------------------


class ReviewRecord(BaseModel):
    """The contact about the situation (3 months after the start)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    held_on: date
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]


class ConsultationRole(StrEnum):
    """Who takes part in the anonymised consultation about an extension (policy)."""

    INDICATION_OFFICER = "indication_officer"
    TEAM_COORDINATOR = "team_coordinator"
    POLICY_OFFICER = "policy_officer"


CONSULTATION_ROLE_LABELS = {
    ConsultationRole.INDICATION_OFFICER: N_("indication officer"),
    ConsultationRole.TEAM_COORDINATOR: N_("neighbourhood-team coordinator"),
    ConsultationRole.POLICY_OFFICER: N_("municipal policy officer"),
}


class Consultation(BaseModel):
    """The anonymised consultation about an extension."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    held_on: date
    present: frozenset[ConsultationRole]
    advice: Text = ""

    @property
    def complete(self) -> bool:
        """All three roles the policy names took part."""
        return self.present == frozenset(ConsultationRole)


class EndRecord(BaseModel):
    """The end of an indication: the last day of care and why it ended."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    last_day: date
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class FinancialReferral(BaseModel):
    """Parents cannot pay their own contribution: the referral to further financial support."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    referred_to: Line = "SDD"
    referred_on: date
    note: Text = ""


class GpRequest(BaseModel):
    """A question to the family's GP (only under the GP consent)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
