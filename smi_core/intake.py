"""The intake (aanvraag) in the exchange format of ``intake-format.md``.

The models are strict: unknown fields, wrong values and implausible data are a
``pydantic.ValidationError`` whose location names the field. Optional fields
added by this project have defaults, so every document in the minimal format
stays valid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationInfo,
    field_validator,
)

from smi_core.constants import (
    Activity,
    CanHelp,
    CareType,
    KinderopvangToeslag,
    MedicalConfirmation,
    Reason,
)

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


def _iso_date(value: Any) -> Any:
    """Accept a ``date`` or an ISO ``YYYY-MM-DD`` string, nothing else (no timestamps)."""
    if isinstance(value, datetime):
        raise ValueError("expected a date without a time, as YYYY-MM-DD")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


def strip_text(value: Any) -> Any:
    """Leading and trailing white space removed from a text (other values pass unchanged)."""
    return value.strip() if isinstance(value, str) else value


def _dutch_postcode(value: Any) -> str:
    """A Dutch postcode, normalised to ``3341 AB``."""
    if not isinstance(value, str) or not (match := _POSTCODE.match(value)):
        raise ValueError("expected a Dutch postcode such as 3341 AB")
    return f"{match.group(1)} {match.group(2).upper()}"


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Postcode = Annotated[str, BeforeValidator(_dutch_postcode)]
Name = Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=100)]
ShortText = Annotated[str, BeforeValidator(strip_text), Field(max_length=200)]
LongText = Annotated[str, BeforeValidator(strip_text), Field(max_length=5000)]
Item = Annotated[str, BeforeValidator(strip_text), Field(min_length=1, max_length=500)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Parent(_Strict):
    """A parent or carer in the household."""

    name: Name
    activity: Activity
    email: ShortText = ""
    phone: ShortText = ""


class Child(_Strict):
    """A child for whom childcare is asked."""

    first_name: Name
    date_of_birth: IsoDate
    care_type: CareType
    dagdelen_per_week: Annotated[StrictInt, Field(ge=1, le=10)]
    vve_indication: StrictBool = False
    preferred_provider: ShortText = ""
    preferred_location: ShortText = ""

    @field_validator("date_of_birth")
    @classmethod
    def _born_plausibly(cls, value: date, info: ValidationInfo) -> date:
        today = _today(info)
        if value > today:
            raise ValueError("date of birth lies in the future")
        if value < EARLIEST_BIRTH_DATE:
            raise ValueError("date of birth is implausibly early")
        return value


class NetworkMember(_Strict):
    """One person in the network analysis."""

    relation: Name
    can_help: CanHelp
    why_not: LongText = ""


class Network(_Strict):
    """The network analysis: can family, friends or neighbours provide the care?"""

    analysis_done: StrictBool
    members: list[NetworkMember] = Field(default_factory=list, max_length=30)


class IntakeAnswers(_Strict):
    """A family's request for SMI, in the exchange format."""

    postcode: Postcode
    registered_in_municipality: StrictBool
    parents: list[Parent] = Field(min_length=1, max_length=4)
    children: list[Child] = Field(min_length=1, max_length=12)
    reasons: list[Reason] = Field(max_length=4)
    explanation: LongText = ""
    bottlenecks: list[Item] = Field(default_factory=list, max_length=30)
    medical_confirmation: MedicalConfirmation
    mkd_requested: StrictBool = False
    network: Network
    kinderopvangtoeslag: KinderopvangToeslag
    can_pay_partly: StrictBool
    cooperates_with_plan: StrictBool
    willing_to_evaluate: StrictBool
    requested_start: IsoDate

    @field_validator("reasons")
    @classmethod
    def _unique_reasons(cls, value: list[Reason]) -> list[Reason]:
        if len(set(value)) != len(value):
            raise ValueError("a reason is given twice")
        return value

    @field_validator("children")
    @classmethod
    def _distinct_children(cls, value: list[Child]) -> list[Child]:
        seen: set[tuple[str, date]] = set()
        for index, child in enumerate(value):
            key = (child.first_name.casefold(), child.date_of_birth)
            if key in seen:
                raise ValueError(
                    f"child {index + 1} is the same child (first name and date of birth) as an earlier one"
                )
            seen.add(key)
        return value

    @property
    def asks_mkd(self) -> bool:
        """Whether medical day care is asked for any child."""
        return self.mkd_requested or any(c.care_type is CareType.MKD for c in self.children)


def _today(info: ValidationInfo) -> date:
    """The validation date: ``context={"today": date}`` or the system date."""
    context = info.context if isinstance(info.context, dict) else {}
    today = context.get("today")
    return today if isinstance(today, date) else date.today()


# -- the draft: unfinished answers --------------------------------------------------------------


def _iso_text(value: Any) -> Any:
    """A date as its ISO text (a draft keeps dates as typed into the form)."""
    return value.isoformat() if isinstance(value, date) and not isinstance(value, datetime) else value


DraftDate = Annotated[str | None, BeforeValidator(_iso_text)]


class _Draft(BaseModel):
    """Every field optional and as the form gave it: a draft may be unfinished or wrong."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ParentDraft(_Draft):
    name: str | None = None
    activity: Activity | None = None
    email: str | None = None
    phone: str | None = None


class ChildDraft(_Draft):
    first_name: str | None = None
    date_of_birth: DraftDate = None
    care_type: CareType | None = None
    dagdelen_per_week: int | None = None
    vve_indication: bool | None = None
    preferred_provider: str | None = None
    preferred_location: str | None = None


class NetworkMemberDraft(_Draft):
    relation: str | None = None
    can_help: CanHelp | None = None
    why_not: str | None = None


class NetworkDraft(_Draft):
    analysis_done: bool | None = None
    members: list[NetworkMemberDraft] | None = None


class IntakeDraft(_Draft):
    """The answers of an intake that is being filled in: the fields of ``IntakeAnswers``, each
    optional, keeping what the form gave (an unfinished postcode, a child without a name).

    It is what a draft stores and what the parents' resumed session starts from. Only the
    fields that were given are kept (``exchange()``), so a draft reads back exactly as saved.
    ``complete()`` is the one place where a draft becomes ``IntakeAnswers``.
    """

    postcode: str | None = None
    registered_in_municipality: bool | None = None
    parents: list[ParentDraft] | None = None
    children: list[ChildDraft] | None = None
    reasons: list[Reason] | None = None
    explanation: str | None = None
    bottlenecks: list[str] | None = None
    medical_confirmation: MedicalConfirmation | None = None
    mkd_requested: bool | None = None
    network: NetworkDraft | None = None
    kinderopvangtoeslag: KinderopvangToeslag | None = None
    can_pay_partly: bool | None = None
    cooperates_with_plan: bool | None = None
    willing_to_evaluate: bool | None = None
    requested_start: DraftDate = None

    @classmethod
    def of(cls, answers: IntakeDraft | IntakeAnswers | Mapping[str, Any]) -> IntakeDraft:
        """The draft of ``answers``: a draft as it is, complete answers, or the exchange-format
        values of the form (the boundary where the form's values become typed)."""
        if isinstance(answers, IntakeDraft):
            return answers
        if isinstance(answers, IntakeAnswers):
            return cls.model_validate(answers.model_dump(mode="json"))
        return cls.model_validate(answers)

    def exchange(self) -> dict[str, Any]:
        """The given answers in the exchange format, as plain JSON values."""
        return self.model_dump(mode="json", exclude_unset=True)

    def complete(self, today: date) -> IntakeAnswers:
        """The complete request; a ``pydantic.ValidationError`` names what is missing or wrong."""
        return IntakeAnswers.model_validate(self.exchange(), context={"today": today})

    @property
    def postcode_given(self) -> str:
        """The postcode as typed, or ``""``."""
        return self.postcode or ""
