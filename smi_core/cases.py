"""Cases, consents and documents as domain records (no persistence, no user interface).

A *case* is a request in the social team's queue, from the parents themselves
(source ``ouder``) or handed over by an agency (``instantie``).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from smi_core.constants import N_
from smi_core.front_door import RequestKind
from smi_core.intake import IntakeDraft


class CaseSource(StrEnum):
    """Who brought the request."""

    OUDER = "ouder"
    INSTANTIE = "instantie"


class CaseStatus(StrEnum):
    """Where a case is in the route map (the full state machine lives with case handling)."""

    NEW = "new"
    IN_TRIAGE = "in_triage"
    CONVERSATION_PLANNED = "conversation_planned"
    CONVERSATION_HELD = "conversation_held"
    IN_TEAM_MEETING = "in_team_meeting"
    GRANTED = "granted"
    REFUSED = "refused"
    OTHER_ROUTE = "other_route"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"
    PLACEMENT_REQUESTED = "placement_requested"
    PLACED = "placed"
    ENDED = "ended"
    # the Wmo route (route T of the access point)
    IN_INVESTIGATION = "in_investigation"
    INVESTIGATED = "investigated"
    PLAN_MADE = "plan_made"
    PROVISION_CHOSEN = "provision_chosen"
    DECIDED = "decided"
    """The beschikking grants the provision."""
    ASSIGNED = "assigned"
    """The toewijzing (301) to the provider is queued or sent."""
    CARE_STARTED = "care_started"
    CARE_ENDED = "care_ended"
    # youth care: route G and route M
    DETERMINED = "determined"
    """A certified institution recorded its bepaling jeugdhulp; the provider's 315 is awaited."""
    REQUESTED = "requested"
    """A provider asked for an assignment (315); the back office checks and answers it."""


#: What a resident reads about the status of the request, and the next step.
STATUS_FOR_RESIDENTS: dict[CaseStatus, tuple[str, str]] = {
    CaseStatus.NEW: (
        N_("Received"),
        N_("%(team)s reads your request and contacts you within %(days)s working days."),
    ),
    CaseStatus.IN_TRIAGE: (
        N_("Being read"),
        N_("%(team)s is reading your request and will contact you soon."),
    ),
    CaseStatus.CONVERSATION_PLANNED: (
        N_("Talk planned"),
        N_("%(team)s comes to talk with you at the agreed time."),
    ),
    CaseStatus.CONVERSATION_HELD: (
        N_("Talk held"),
        N_("%(team)s discusses your request with the team. You hear the decision after that."),
    ),
    CaseStatus.IN_TEAM_MEETING: (
        N_("In the team meeting"),
        N_("The team decides about your request. %(team)s tells you the decision."),
    ),
    CaseStatus.GRANTED: (N_("Granted"), N_("%(team)s makes a plan with you and looks for a place.")),
    CaseStatus.REFUSED: (N_("Refused"), N_("%(team)s has told you why, and where else you can find help.")),
    CaseStatus.OTHER_ROUTE: (
        N_("Other help"),
        N_("%(team)s has advised you about other help that fits your situation better."),
    ),
    CaseStatus.WITHDRAWN: (N_("Withdrawn"), N_("You withdrew the request. Nothing more happens.")),
    CaseStatus.CLOSED: (N_("Closed"), N_("The request is closed.")),
    CaseStatus.PLACEMENT_REQUESTED: (
        N_("Looking for a place"),
        N_("%(team)s asks a childcare provider for a place for your child."),
    ),
    CaseStatus.PLACED: (N_("Placed"), N_("Your child has a place. %(team)s contacts you about how it goes.")),
    CaseStatus.ENDED: (N_("Ended"), N_("The SMI has ended.")),
    CaseStatus.IN_INVESTIGATION: (
        N_("Being looked into"),
        N_("%(team)s talks with you about what you need. You get a written report of the talk."),
    ),
    CaseStatus.INVESTIGATED: (
        N_("Looked into"),
        N_("%(team)s has sent you a written report. Next, you make a plan together."),
    ),
    CaseStatus.PLAN_MADE: (
        N_("Plan made"),
        N_("The plan says what you want to reach. %(team)s now looks for the help that fits."),
    ),
    CaseStatus.PROVISION_CHOSEN: (
        N_("Help chosen"),
        N_("You chose the help and who gives it. You get a letter with the decision within 2 weeks."),
    ),
    CaseStatus.DECIDED: (
        N_("Help granted"),
        # true on both ways in: a beschikking, or a begeleiding passed to the coalition (its DAT letter)
        N_("You get the help. You receive a letter about it. The provider contacts you."),
    ),
    CaseStatus.ASSIGNED: (
        N_("Provider asked"),
        N_("The provider has been asked to give you the help. The provider contacts you soon."),
    ),
    CaseStatus.CARE_STARTED: (
        N_("Help started"),
        N_("The provider has started the help. %(team)s checks with you how it goes."),
    ),
    CaseStatus.CARE_ENDED: (
        N_("Help ended"),
        N_("The provider has stopped the help. %(team)s talks with you about how it went."),
    ),
    CaseStatus.DETERMINED: (
        N_("Help decided"),
        N_("The youth protection worker decided which help your child gets. The provider contacts you."),
    ),
    CaseStatus.REQUESTED: (
        N_("Help asked for"),
        N_("The provider has asked the municipality for the help. You get a letter about it."),
    ),
}


class ConsentKind(StrEnum):
    """Each sharing of data that needs the parents' separate, written consent."""

    PROVIDER_CONTACT = "provider_contact"
    MUNICIPALITY_SHARING = "municipality_sharing"
    PROVIDER_SHARING = "provider_sharing"
    GP_REQUEST = "gp_request"
    WMO_PROVIDER_SHARING = "wmo_provider_sharing"
    WMO_INFORMATION_REQUEST = "wmo_information_request"
    WMO_CLIENT_SUPPORT = "wmo_client_support"
    JEUGD_PROVIDER_SHARING = "jeugd_provider_sharing"
    JEUGD_INFORMATION_REQUEST = "jeugd_information_request"
    JEUGD_CLIENT_SUPPORT = "jeugd_client_support"


#: Where a request for youth care's status reads otherwise than a Wmo melding's: the Jeugdwet's
#: beschikking comes within 8 weeks (Awb 4:13, ``TOE-BESCHIKKING-TERM``), not the Wmo's 2 weeks.
YOUTH_STATUS_FOR_RESIDENTS: dict[CaseStatus, tuple[str, str]] = {
    CaseStatus.PROVISION_CHOSEN: (
        N_("Help chosen"),
        N_(
            "You chose the help and who gives it. You get a letter with the decision "
            "within 8 weeks after your request."
        ),
    ),
}


def status_for_residents(status: CaseStatus, provision: str = "smi") -> tuple[str, str]:
    """What a resident reads about ``status`` of a request for ``provision``."""
    if provision == "jeugd" and status in YOUTH_STATUS_FOR_RESIDENTS:
        return YOUTH_STATUS_FOR_RESIDENTS[status]
    return STATUS_FOR_RESIDENTS[status]


#: The consents of an SMI request, of a Wmo melding and of a request for youth care (each request
#: asks its own).
SMI_CONSENTS: tuple[ConsentKind, ...] = (
    ConsentKind.PROVIDER_CONTACT,
    ConsentKind.MUNICIPALITY_SHARING,
    ConsentKind.PROVIDER_SHARING,
    ConsentKind.GP_REQUEST,
)
WMO_CONSENTS: tuple[ConsentKind, ...] = (
    ConsentKind.WMO_PROVIDER_SHARING,
    ConsentKind.WMO_INFORMATION_REQUEST,
    ConsentKind.WMO_CLIENT_SUPPORT,
)
JEUGD_CONSENTS: tuple[ConsentKind, ...] = (
    ConsentKind.JEUGD_PROVIDER_SHARING,
    ConsentKind.JEUGD_INFORMATION_REQUEST,
    ConsentKind.JEUGD_CLIENT_SUPPORT,
)


class ConsentText(BaseModel):
    """The versioned text a parent agrees to."""

    model_config = ConfigDict(frozen=True)

    kind: ConsentKind
    version: str
    message: str


#: The consent texts as shown; change the version whenever a text changes.
CONSENT_TEXTS: dict[ConsentKind, ConsentText] = {
    ConsentKind.PROVIDER_CONTACT: ConsentText(
        kind=ConsentKind.PROVIDER_CONTACT,
        version="provider_contact-2026-11-v1",
        message=N_(
            "I agree that %(team)s contacts the childcare provider on my behalf about a place for my child."
        ),
    ),
    ConsentKind.MUNICIPALITY_SHARING: ConsentText(
        kind=ConsentKind.MUNICIPALITY_SHARING,
        version="municipality_sharing-2026-11-v1",
        message=N_(
            "I agree that %(team)s shares the data about the SMI with the municipality, "
            "so the municipality can approve and pay for it."
        ),
    ),
    ConsentKind.PROVIDER_SHARING: ConsentText(
        kind=ConsentKind.PROVIDER_SHARING,
        version="provider_sharing-2026-11-v1",
        message=N_(
            "I agree that %(team)s shares the data needed for the placement with the childcare provider."
        ),
    ),
    ConsentKind.GP_REQUEST: ConsentText(
        kind=ConsentKind.GP_REQUEST,
        version="gp_request-2026-11-v1",
        message=N_(
            "I agree that %(team)s asks my GP for medical information about the reason for this request."
        ),
    ),
    ConsentKind.WMO_PROVIDER_SHARING: ConsentText(
        kind=ConsentKind.WMO_PROVIDER_SHARING,
        version="wmo_provider_sharing-2026-12-v1",
        message=N_(
            "I agree that %(team)s gives the provider who will support me the information it needs for that."
        ),
    ),
    ConsentKind.WMO_INFORMATION_REQUEST: ConsentText(
        kind=ConsentKind.WMO_INFORMATION_REQUEST,
        version="wmo_information_request-2026-12-v1",
        message=N_(
            "I agree that %(team)s asks my GP or another care professional for information "
            "that is needed to look at my request."
        ),
    ),
    ConsentKind.WMO_CLIENT_SUPPORT: ConsentText(
        kind=ConsentKind.WMO_CLIENT_SUPPORT,
        version="wmo_client_support-2026-12-v1",
        message=N_(
            "I agree that %(team)s gives my name and phone number to a free client supporter, "
            "who then calls me."
        ),
    ),
    ConsentKind.JEUGD_PROVIDER_SHARING: ConsentText(
        kind=ConsentKind.JEUGD_PROVIDER_SHARING,
        version="jeugd_provider_sharing-2026-12-v1",
        message=N_(
            "I agree that %(team)s gives the youth care provider who will help my child "
            "the information it needs for that."
        ),
    ),
    ConsentKind.JEUGD_INFORMATION_REQUEST: ConsentText(
        kind=ConsentKind.JEUGD_INFORMATION_REQUEST,
        version="jeugd_information_request-2026-12-v1",
        message=N_(
            "I agree that %(team)s asks the GP, the school or another professional of my child "
            "for information that is needed to look at this request."
        ),
    ),
    ConsentKind.JEUGD_CLIENT_SUPPORT: ConsentText(
        kind=ConsentKind.JEUGD_CLIENT_SUPPORT,
        version="jeugd_client_support-2026-12-v1",
        message=N_(
            "I agree that %(team)s gives my name and phone number to a free client supporter, "
            "who then calls me."
        ),
    ),
}


class ConsentState(StrEnum):
    """Where the consent for one sharing stands."""

    GIVEN = "given"
    MISSING = "missing"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


CONSENT_STATE_LABELS = {
    ConsentState.GIVEN: N_("given"),
    ConsentState.MISSING: N_("not asked"),
    ConsentState.REFUSED: N_("refused"),
    ConsentState.WITHDRAWN: N_("withdrawn"),
}


class ConsentRecord(BaseModel):
    """A consent as given (or refused) by a parent, with the exact text version shown."""

    model_config = ConfigDict(frozen=True)

    kind: ConsentKind
    given: bool
    text_version: str
    text_sha256: str
    locale: str
    recorded_at: datetime
    given_by: str = ""
    withdrawn_at: datetime | None = None

    @property
    def active(self) -> bool:
        """Given and not withdrawn."""
        return self.given and self.withdrawn_at is None


class DraftRecord(BaseModel):
    """An unfinished request: the form's answers so far, saved at every step."""

    id: str
    step: str
    request: RequestKind = RequestKind.SMI
    intake: IntakeDraft = Field(default_factory=IntakeDraft)
    """The answers of an SMI request, typed."""
    other_answers: dict[str, Any] = Field(default_factory=dict)
    """The answers of another kind of request, as its form keeps them (typed when it is sent)."""
    consents: dict[str, ConsentRecord] = Field(default_factory=dict)
    locale: str = "nl"
    created_at: datetime
    updated_at: datetime
    expires_at: datetime
    has_resume_code: bool = False

    @property
    def answers(self) -> dict[str, Any]:
        """The given answers in the exchange format (what the form's session starts from)."""
        if self.request is RequestKind.SMI:
            return self.intake.exchange()
        return dict(self.other_answers)

    @property
    def postcode(self) -> str:
        """The postcode given so far ("" when none): with the resume code, it reopens the draft."""
        if self.request is RequestKind.SMI:
            return self.intake.postcode_given
        value = self.other_answers.get("postcode")
        return value if isinstance(value, str) else ""


class DocumentInfo(BaseModel):
    """An uploaded document without its content."""

    id: int
    kind: str
    filename: str
    media_type: str
    size: int
    uploaded_at: datetime


class CaseSummary(BaseModel):
    """What a resident may see of a submitted request."""

    reference: str
    status: CaseStatus
    source: CaseSource
    received_at: datetime
    provision: str = "smi"
    """The provision asked for (``smi``, ``wmo``, ``jeugd``): some texts differ by its law."""
    messages: list[tuple[datetime, str]] = Field(default_factory=list)
    """Messages of the social team to the family (e.g. the advice about another route), oldest first."""
    consents: list[ConsentRecord] = Field(default_factory=list)
    """The consents recorded for the request, oldest first (the parents may withdraw them)."""
