"""The answers of an intake as readable sections, for the review page and the receipt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from smi_core.cases import CONSENT_TEXTS, SMI_CONSENTS
from smi_core.constants import (
    LABELS,
    N_,
    Activity,
    CanHelp,
    CareType,
    KinderopvangToeslag,
    MedicalConfirmation,
    Reason,
    Relation,
)
from smi_core.i18n import gettext, long_date
from smi_core.intake import IntakeAnswers, IntakeDraft


@dataclass(frozen=True)
class Section:
    step: str
    title: str
    rows: list[tuple[str, str]]


def _enum_label(locale: str, enum: type, value: Any) -> str:
    try:
        return gettext(locale, LABELS[enum(value)])
    except (ValueError, KeyError):
        return str(value) if value not in (None, "") else "-"


def _date(locale: str, value: Any) -> str:
    try:
        return long_date(date.fromisoformat(value), locale)
    except (TypeError, ValueError):
        return "-"


def _yes_no(locale: str, value: Any) -> str:
    if value is None:
        return "-"
    return gettext(locale, N_("Yes")) if value else gettext(locale, N_("No"))


def _exchange(intake: IntakeDraft | IntakeAnswers | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(intake, IntakeDraft):
        return intake.exchange()
    if isinstance(intake, IntakeAnswers):
        return intake.model_dump(mode="json")
    return intake


def summary_sections(
    intake: IntakeDraft | IntakeAnswers | Mapping[str, Any], consents: dict[str, bool], locale: str, team: str
) -> list[Section]:
    """Every answer, grouped by the step where it is given (a draft's, the sent answers, or
    the exchange-format values stored with a case)."""
    answers = _exchange(intake)

    def _(message: str, **values: object) -> str:
        return gettext(locale, message, **values)

    family: list[tuple[str, str]] = []
    for n, parent in enumerate(answers.get("parents") or [], start=1):
        family.append((_("Parent or carer %(n)s", n=n), parent.get("name") or "-"))
        family.append((_("During the day"), _enum_label(locale, Activity, parent.get("activity"))))
        contact = ", ".join(x for x in (parent.get("phone"), parent.get("email")) if x)
        family.append((_("Contact"), contact or "-"))
    family.append((_("Postcode"), answers.get("postcode") or "-"))
    family.append(
        (_("Registered in the municipality"), _yes_no(locale, answers.get("registered_in_municipality")))
    )

    kids: list[tuple[str, str]] = []
    for n, child in enumerate(answers.get("children") or [], start=1):
        kids.append((_("Child %(n)s", n=n), child.get("first_name") or "-"))
        kids.append((_("Date of birth"), _date(locale, child.get("date_of_birth"))))
        kids.append((_("Childcare"), _enum_label(locale, CareType, child.get("care_type"))))
        kids.append((_("Part-days a week"), str(child.get("dagdelen_per_week") or "-")))
        if child.get("care_type") == CareType.PSG:
            kids.append((_("VVE indication"), _yes_no(locale, child.get("vve_indication"))))
        provider = " / ".join(
            x for x in (child.get("preferred_provider"), child.get("preferred_location")) if x
        )
        if provider:
            kids.append((_("Preferred provider"), provider))
    kids.append((_("Start"), _date(locale, answers.get("requested_start"))))

    reasons = ", ".join(_enum_label(locale, Reason, r) for r in answers.get("reasons") or []) or "-"
    situation = [
        (_("Reasons"), reasons),
        (_("In your own words"), answers.get("explanation") or "-"),
        (_("What is hard"), "; ".join(answers.get("bottlenecks") or []) or "-"),
        (
            _("Medical confirmation"),
            _enum_label(locale, MedicalConfirmation, answers.get("medical_confirmation")),
        ),
    ]

    network = answers.get("network") or {}
    people = [(_("Thought about who could help"), _yes_no(locale, network.get("analysis_done")))]
    for member in network.get("members") or []:
        who = _enum_label(locale, Relation, member.get("relation"))
        can = _enum_label(locale, CanHelp, member.get("can_help"))
        why = member.get("why_not") or ""
        people.append((who, f"{can}. {why}".strip() if why else can))

    money = [
        (
            _("Childcare benefit"),
            _enum_label(locale, KinderopvangToeslag, answers.get("kinderopvangtoeslag")),
        ),
        (_("Can pay part yourself"), _yes_no(locale, answers.get("can_pay_partly"))),
        (_("Works on a plan"), _yes_no(locale, answers.get("cooperates_with_plan"))),
        (_("Takes part in evaluation and extra help"), _yes_no(locale, answers.get("willing_to_evaluate"))),
    ]
    consent_rows = [
        (gettext(locale, CONSENT_TEXTS[kind].message, team=team), _yes_no(locale, consents.get(kind.value)))
        for kind in SMI_CONSENTS
    ]
    return [
        Section("gezin", _("Your family"), family),
        Section("kinderen", _("Your children"), kids),
        Section("situatie", _("Your request and situation"), situation),
        Section("netwerk", _("Your network"), people),
        Section("geld", _("Money and agreements"), money),
        Section("toestemming", _("Consent"), consent_rows),
    ]
