"""The steps of the parents' intake and what each step requires (no user interface here).

Answers are kept in the exchange format of ``intake-format.md`` while the form is
filled in, so that a finished form validates as ``IntakeAnswers`` without mapping.
Validation messages are gettext message ids, translated by the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from smi_core.cases import SMI_CONSENTS, ConsentKind
from smi_core.constants import N_, CanHelp, CareType, MedicalConfirmation

_POSTCODE = re.compile(r"^\s*[1-9]\d{3}\s*[A-Za-z]{2}\s*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[+0-9 ()-]{8,20}$")


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    page: str


STEPS: tuple[Step, ...] = (
    Step("start", N_("Start"), "pages/intake/start.py"),
    Step("gezin", N_("Your family"), "pages/intake/gezin.py"),
    Step("kinderen", N_("Your children"), "pages/intake/kinderen.py"),
    Step("situatie", N_("Your request and situation"), "pages/intake/situatie.py"),
    Step("netwerk", N_("Your network"), "pages/intake/netwerk.py"),
    Step("geld", N_("Money and agreements"), "pages/intake/geld.py"),
    Step("toestemming", N_("Consent"), "pages/intake/toestemming.py"),
    Step("controleren", N_("Check and send"), "pages/intake/controleren.py"),
    Step("verzonden", N_("Sent"), "pages/intake/verzonden.py"),
)
STEP_SLUGS = tuple(step.slug for step in STEPS)


def step_by_slug(slug: str) -> Step:
    return STEPS[STEP_SLUGS.index(slug)]


def step_number(slug: str) -> int:
    """1-based position of a step."""
    return STEP_SLUGS.index(slug) + 1


Errors = dict[str, str]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def contact_errors(answers: dict[str, Any], prefix: str = "", required: bool = True) -> Errors:
    """The errors of a phone number and e-mail address at ``prefix`` (``phone``, ``email``): each
    must look like one, and when ``required`` at least one is given, so the person can be reached."""
    errors: Errors = {}
    email, phone = answers.get("email") or "", answers.get("phone") or ""
    if email and not _EMAIL.match(email.strip()):
        errors[f"{prefix}email"] = N_("This is not an e-mail address. Example: naam@voorbeeld.nl")
    if phone and not _PHONE.match(phone.strip()):
        errors[f"{prefix}phone"] = N_("This is not a phone number. Example: 06 12345678")
    if required and not email.strip() and not phone.strip():
        errors[f"{prefix}phone"] = N_("Fill in a phone number or an e-mail address, so we can reach you.")
    return errors


def validate_gezin(answers: dict[str, Any], today: date) -> Errors:
    errors: Errors = {}
    parents = answers.get("parents") or []
    if not parents:
        errors["parents"] = N_("Fill in at least one parent or carer.")
    for index, parent in enumerate(parents):
        prefix = f"parents.{index}"
        if _blank(parent.get("name")):
            errors[f"{prefix}.name"] = N_("Fill in a name.")
        if _blank(parent.get("activity")):
            errors[f"{prefix}.activity"] = N_("Choose what this parent does during the day.")
        errors.update(contact_errors(parent, f"{prefix}.", required=index == 0))
    if not _POSTCODE.match(answers.get("postcode") or ""):
        errors["postcode"] = N_("Fill in your postcode. Example: 3341 AB")
    if answers.get("registered_in_municipality") is None:
        errors["registered_in_municipality"] = N_("Choose yes or no.")
    return errors


def validate_kinderen(answers: dict[str, Any], today: date) -> Errors:
    errors: Errors = {}
    children = answers.get("children") or []
    if not children:
        errors["children"] = N_("Add at least one child.")
    seen: set[tuple[str, str]] = set()
    for index, child in enumerate(children):
        prefix = f"children.{index}"
        name = (child.get("first_name") or "").strip()
        if not name:
            errors[f"{prefix}.first_name"] = N_("Fill in the first name.")
        born = _parse_date(child.get("date_of_birth"))
        if born is None:
            errors[f"{prefix}.date_of_birth"] = N_("Fill in the date of birth.")
        elif born > today:
            errors[f"{prefix}.date_of_birth"] = N_("The date of birth cannot be in the future.")
        elif born < today - timedelta(days=365 * 19):
            errors[f"{prefix}.date_of_birth"] = N_("Check the date of birth: this child is an adult.")
        if _blank(child.get("care_type")):
            errors[f"{prefix}.care_type"] = N_("Choose the kind of childcare.")
        dagdelen = child.get("dagdelen_per_week")
        if not isinstance(dagdelen, int) or not 1 <= dagdelen <= 10:
            errors[f"{prefix}.dagdelen_per_week"] = N_("Choose a number of part-days from 1 to 10.")
        if child.get("care_type") == CareType.PSG and child.get("vve_indication") is None:
            errors[f"{prefix}.vve_indication"] = N_("Choose yes or no.")
        key = (name.casefold(), str(child.get("date_of_birth")))
        if name and born and key in seen:
            errors[f"{prefix}.first_name"] = N_("You added this child twice.")
        seen.add(key)
    start = _parse_date(answers.get("requested_start"))
    if start is None:
        errors["requested_start"] = N_("Fill in from when you need childcare.")
    elif start < today:
        errors["requested_start"] = N_("Choose today or a day in the future.")
    return errors


def validate_situatie(answers: dict[str, Any], today: date, documents: int = 0) -> Errors:
    errors: Errors = {}
    if _blank(answers.get("explanation")):
        errors["explanation"] = N_("Tell us in a few sentences why you need help.")
    bottlenecks = answers.get("bottlenecks") or []
    if len(bottlenecks) > 30 or any(len(line) > 500 for line in bottlenecks):
        errors["bottlenecks"] = N_("Write at most 30 lines, each of at most 500 characters.")
    confirmation = answers.get("medical_confirmation")
    if _blank(confirmation):
        errors["medical_confirmation"] = N_("Choose one of the options.")
    elif confirmation == MedicalConfirmation.STATEMENT and documents == 0:
        errors["medical_confirmation"] = N_("Add the statement, or choose another option.")
    return errors


def validate_netwerk(answers: dict[str, Any], today: date) -> Errors:
    errors: Errors = {}
    network = answers.get("network") or {}
    if network.get("analysis_done") is None:
        errors["network.analysis_done"] = N_("Choose yes or no.")
    for index, member in enumerate(network.get("members") or []):
        prefix = f"network.members.{index}"
        if _blank(member.get("relation")):
            errors[f"{prefix}.relation"] = N_("Choose who this is.")
        can_help = member.get("can_help")
        if _blank(can_help):
            errors[f"{prefix}.can_help"] = N_("Choose whether this person can help.")
        elif can_help in (CanHelp.NO, CanHelp.PARTLY) and _blank(member.get("why_not")):
            errors[f"{prefix}.why_not"] = N_("Tell us briefly why this person cannot help (more).")
    return errors


def validate_geld(answers: dict[str, Any], today: date) -> Errors:
    errors: Errors = {}
    for field in ("kinderopvangtoeslag", "can_pay_partly", "cooperates_with_plan", "willing_to_evaluate"):
        if answers.get(field) is None:
            errors[field] = N_("Choose one of the options.")
    return errors


def validate_toestemming(answers: dict[str, Any], consents: dict[str, Any], today: date) -> Errors:
    errors: Errors = {}
    for kind in SMI_CONSENTS:
        if kind.value not in consents:
            errors[f"consent.{kind.value}"] = N_("Choose yes or no.")
    gp = consents.get(ConsentKind.GP_REQUEST.value)
    if answers.get("medical_confirmation") == MedicalConfirmation.GP_CONSENT and gp is not None and not gp:
        errors[f"consent.{ConsentKind.GP_REQUEST.value}"] = N_(
            "Earlier you chose that we may ask your GP. Give consent here, or change your choice in step 4."
        )
    return errors
