"""What WIJzer records while it carries a case through the *indicering* phase of the route map.

- the *keukentafelgesprek* (kitchen-table conversation at the family's home): planned, then
  recorded along the route map's four subjects and the judgement whether SMI fits best;
- another route, when SMI is not the most fitting provision, with the advice to the family;
- the team decision of the *0-100 overleg* (granted or refused);
- the indication form, with exactly the fields that the policy rule lists (smi-policy.md).

Pure models and one pure function that fills a first version of the indication form from the
intake and the conversation. Nothing here reads a clock, a database or a screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, model_validator

from smi_core.constants import N_, CareType
from smi_core.intake import IntakeAnswers, Item, LongText, ShortText, strip_text
from smi_core.municipality import MunicipalityConfig

#: The longest text of a record, the longest family name and the most dagdelen a form can ask.
TEXT_MAX, FAMILY_NAME_MAX, DAGDELEN_MAX = 5000, 200, 60

RequiredText = Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=TEXT_MAX)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConversationPlan(_Record):
    """When and where the kitchen-table conversation takes place."""

    on: date
    at: time
    place: Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=200)]


class ConversationRecord(_Record):
    """The kitchen-table conversation, along the four subjects of the route map."""

    held_on: date
    request: RequiredText
    """(a) the concrete request for help."""
    situation: RequiredText
    """(b) the medical and/or social situation."""
    network: RequiredText
    """(c) what helps or hinders in the family and its network."""
    alternatives: RequiredText
    """(d) alternatives among the available (collective) provisions."""
    smi_most_fitting: StrictBool
    judgement: RequiredText
    """Why SMI is, or is not, the most fitting provision."""


#: The route map's four subjects of the conversation: field and label.
CONVERSATION_SUBJECTS: tuple[tuple[str, str], ...] = (
    ("request", N_("(a) The concrete request for help")),
    ("situation", N_("(b) The medical and/or social situation")),
    ("network", N_("(c) What helps or hinders in the family and its network")),
    ("alternatives", N_("(d) Alternatives among the available (collective) provisions")),
)


class OtherRoute(_Record):
    """SMI is not the most fitting provision: the route offered and the advice to the family."""

    route: Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=200)]
    advice: RequiredText
    message_to_family: RequiredText


class MeetingRole(StrEnum):
    """Who can take part in the 0-100 overleg."""

    INDICATION_OFFICER = "indication_officer"
    SMI_COORDINATOR = "smi_coordinator"
    TEAM_COORDINATOR = "team_coordinator"
    POLICY_OFFICER = "policy_officer"
    BEHAVIOURAL_EXPERT = "behavioural_expert"
    YOUTH_HEALTH = "youth_health"


MEETING_ROLE_LABELS: dict[MeetingRole, str] = {
    MeetingRole.INDICATION_OFFICER: N_("indication officer (case owner)"),
    MeetingRole.SMI_COORDINATOR: N_("SMI coordinator"),
    MeetingRole.TEAM_COORDINATOR: N_("neighbourhood team coordinator"),
    MeetingRole.POLICY_OFFICER: N_("municipal policy officer"),
    MeetingRole.BEHAVIOURAL_EXPERT: N_("behavioural expert"),
    MeetingRole.YOUTH_HEALTH: N_("youth health care"),
}


class TeamDecision(_Record):
    """The decision of the 0-100 overleg: a team decision, never one person's."""

    granted: StrictBool
    reasons: RequiredText
    decided_on: date
    roles_present: list[MeetingRole] = Field(min_length=2, max_length=len(MeetingRole))
    message_to_family: LongText = ""

    @model_validator(mode="after")
    def _coordinator_present(self) -> TeamDecision:
        if len(set(self.roles_present)) != len(self.roles_present):
            raise ValueError("a role is listed twice")
        if MeetingRole.SMI_COORDINATOR not in self.roles_present:
            raise ValueError("the SMI coordinator presents the case in the 0-100 overleg")
        return self


class IndicationForm(_Record):
    """The indication form, field for field as the policy rule lists it (source 001).

    At an extension the existing form is supplemented: a new version, with the extension's
    information under ``other_remarks``.
    """

    family_name: Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=FAMILY_NAME_MAX)]
    why_childcare_needed: RequiredText
    """Why the parent, the partner or the own network cannot provide the care."""
    bottlenecks: list[Item] = Field(default_factory=list, max_length=30)
    """Bottlenecks regarding disability or health (with a GP statement where applicable)."""
    network_analysis_done: StrictBool
    """A network analysis was done and shows that the own network cannot be used."""
    parents_can_pay: StrictBool
    """The parents can pay (part of) the care themselves."""
    period_months: Annotated[StrictInt, Field(ge=1, le=60)]
    dagdelen_per_week: Annotated[StrictInt, Field(ge=1, le=DAGDELEN_MAX)]
    provider: ShortText = ""
    """Name and location of the childcare provider."""
    tick_child_file: StrictBool = False
    """A child file (kinddossier) has been created in TICK."""
    agreements: list[Item] = Field(default_factory=list, max_length=30)
    """Agreements with the family and the social team, e.g. the use of a preceding provision."""
    other_remarks: LongText = ""


#: The form's fields in the policy's order, with the labels shown on screen and in the PDF.
INDICATION_FORM_FIELDS: tuple[tuple[str, str], ...] = (
    ("family_name", N_("Family name")),
    (
        "why_childcare_needed",
        N_("Why childcare is necessary: why the parent, the partner or the own network cannot provide it"),
    ),
    ("bottlenecks", N_("Bottlenecks regarding disability or health (with a GP statement where applicable)")),
    ("network_analysis_done", N_("Network analysis done, showing that the own network cannot be used")),
    ("parents_can_pay", N_("Parents able to pay (part of) the care themselves")),
    ("period_months", N_("Period of the indication (months)")),
    ("dagdelen_per_week", N_("Number of dagdelen per week needed")),
    ("provider", N_("Childcare provider: name and location")),
    ("tick_child_file", N_("Child file created in TICK")),
    ("agreements", N_("Agreements made with the family and the social team")),
    ("other_remarks", N_("Other remarks (including information about extensions)")),
)


#: Particles (voorvoegsels) that belong to a surname: "Jan de Vries" is of the family "de Vries".
SURNAME_PARTICLES = frozenset(
    {"van", "von", "de", "den", "der", "des", "het", "'t", "te", "ten", "ter", "in", "op", "aan", "uit"}
    | {"la", "le", "du", "da", "di", "del", "dos", "el", "al"}
)


def surname(name: str) -> str:
    """The surname in a full name: its last word with the particles before it.

    ``"A. van den Berg"`` gives ``"van den Berg"``; in a double name the particle after the hyphen
    counts too: ``"A. Jansen-de Vries"`` gives ``"Jansen-de Vries"``.
    """
    words = name.split()
    start = len(words) - 1
    while start > 0 and words[start - 1].casefold().rsplit("-", 1)[-1] in SURNAME_PARTICLES:
        start -= 1
    return " ".join(words[start:])


def family_name_of(names: Iterable[str]) -> str:
    """The family's name from the parents' full names: their surnames, without repeats."""
    surnames: list[str] = []
    for name in names:
        last = surname(name)
        if last and last.casefold() not in {s.casefold() for s in surnames}:
            surnames.append(last)
    return "-".join(surnames)


def family_name(answers: IntakeAnswers) -> str:
    """The family's name from the parents' names in the intake."""
    return family_name_of(parent.name for parent in answers.parents)


def draft_indication_form(
    answers: IntakeAnswers | None,
    conversation: ConversationRecord | None,
    municipality: MunicipalityConfig,
    family: str = "",
    request: str = "",
) -> IndicationForm:
    """A first version of the indication form, filled from the intake and the conversation.

    The worker checks and completes it; nothing here decides anything. ``family`` and ``request``
    (the agency's help request) are used when there are no intake answers yet (a handover the
    parents have not completed). The draft is
    not validated: a required text may still be empty. Saving it validates it. Every other value
    lies within the form's limits, so a screen with bounded fields can show it: texts are cut at
    their maximum length and the dagdelen (up to 12 children of 10) at the form's maximum.
    """
    why = [conversation.situation] if conversation else []
    explanation = answers.explanation if answers else request
    if explanation and explanation not in why:
        why.append(explanation)
    children = [c for c in answers.children if c.care_type is not CareType.MKD] if answers else []
    providers = []
    for child in children:
        provider = ", ".join(p for p in (child.preferred_provider, child.preferred_location) if p)
        if provider and provider not in providers:
            providers.append(provider)
    dagdelen = sum(c.dagdelen_per_week for c in children)
    return IndicationForm.model_construct(
        family_name=(family_name(answers) if answers else family)[:FAMILY_NAME_MAX].strip(),
        why_childcare_needed="\n\n".join(why)[:TEXT_MAX].strip(),
        bottlenecks=list(answers.bottlenecks) if answers else [],
        network_analysis_done=bool(answers and answers.network.analysis_done),
        parents_can_pay=bool(answers and answers.can_pay_partly),
        period_months=municipality.initial_period_months,
        dagdelen_per_week=min(max(1, dagdelen), DAGDELEN_MAX),
        provider="; ".join(providers)[:200],
        tick_child_file=False,
        agreements=[],
        other_remarks="",
    )
