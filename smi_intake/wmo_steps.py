"""The steps of a Wmo melding and what each step requires (no user interface here).

The answers are kept as the form holds them (the exchange format below) while the request is
filled in; ``melding_of`` turns them into the core's ``WmoMelding`` once they are complete. The
step pages share the machinery of every request (``smi_web.intake_form.Flow``); only the steps,
their questions and their checks are the Wmo's own. Validation messages are gettext message ids.

Answers: ``for_whom`` ("self" or "other"), ``asked_by`` and ``asked_by_relation`` (when for
someone else), ``name``, ``date_of_birth`` (ISO date), ``postcode``, ``registered_in_municipality``,
``phone``, ``email``, ``household``, ``needs`` (life area -> text), ``own_possibilities``,
``network``, ``general_provisions_tried``, ``school`` and ``involved`` (a request for youth care's),
``own_solution``, ``personal_plan``,
``wants_client_support``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from smi_core.cases import WMO_CONSENTS, ConsentKind
from smi_core.constants import N_
from smi_core.wmo.melding import Household, LifeArea, OwnSolution, WmoMelding
from smi_intake.intake_steps import _POSTCODE, Errors, Step, _blank, _parse_date, contact_errors

WMO_STEPS: tuple[Step, ...] = (
    Step("start", N_("Start"), "pages/wmo/start.py"),
    Step("over-u", N_("About you"), "pages/wmo/over_u.py"),
    Step("vraag", N_("What you need help with"), "pages/wmo/vraag.py"),
    Step("mogelijkheden", N_("What you and others can do"), "pages/wmo/mogelijkheden.py"),
    Step("plan", N_("Your own plan and free support"), "pages/wmo/plan.py"),
    Step("toestemming", N_("Consent"), "pages/wmo/toestemming.py"),
    Step("controleren", N_("Check and send"), "pages/wmo/controleren.py"),
    Step("verzonden", N_("Sent"), "pages/wmo/verzonden.py"),
)

#: The questions of the need step, one per life area of the Wmo investigation.
NEED_QUESTIONS: dict[LifeArea, str] = {
    LifeArea.SELF_RELIANCE: N_("Taking care of yourself: washing, dressing, eating, taking medicines"),
    LifeArea.HOUSEHOLD: N_("The household: cleaning, laundry, shopping, cooking"),
    LifeArea.PARTICIPATION: N_("Taking part: meeting people, going out, work or day activities"),
    LifeArea.HEALTH: N_("Your health: what makes things hard for you, in body or mind"),
    LifeArea.CARER_LOAD: N_("Someone who cares for you: is it getting too much for them?"),
}


def validate_over_u(answers: dict[str, Any], today: date) -> Errors:
    errors: Errors = {}
    for_whom = answers.get("for_whom")
    if for_whom not in ("self", "other"):
        errors["for_whom"] = N_("Choose one of the options.")
    if for_whom == "other" and _blank(answers.get("asked_by")):
        errors["asked_by"] = N_("Fill in a name.")
    errors.update(person_errors(answers, today))
    if answers.get("household") not in {h.value for h in Household}:
        errors["household"] = N_("Choose one of the options.")
    return errors


def person_errors(answers: dict[str, Any], today: date) -> Errors:
    """The errors of who needs help (a Wmo melding's person, or the child of a request for youth
    care): name, date of birth, postcode, registration, and how to reach them."""
    errors: Errors = {}
    if _blank(answers.get("name")):
        errors["name"] = N_("Fill in a name.")
    born = _parse_date(answers.get("date_of_birth"))
    if born is None:
        errors["date_of_birth"] = N_("Fill in the date of birth.")
    elif born > today:
        errors["date_of_birth"] = N_("The date of birth cannot be in the future.")
    if not _POSTCODE.match(answers.get("postcode") or ""):
        errors["postcode"] = N_("Fill in your postcode. Example: 3341 AB")
    if answers.get("registered_in_municipality") is None:
        errors["registered_in_municipality"] = N_("Choose yes or no.")
    errors.update(contact_errors(answers))
    return errors


def validate_vraag(answers: dict[str, Any], today: date) -> Errors:
    needs = answers.get("needs") or {}
    if not any(isinstance(text, str) and text.strip() for text in needs.values()):
        return {"needs": N_("Tell us about at least one part of your life where you need help.")}
    return {}


def validate_mogelijkheden(answers: dict[str, Any], today: date) -> Errors:
    if answers.get("own_solution") not in {o.value for o in OwnSolution}:
        return {"own_solution": N_("Choose one of the options.")}
    return {}


def validate_plan(answers: dict[str, Any], today: date) -> Errors:
    errors: Errors = {}
    for field in ("personal_plan", "wants_client_support"):
        if answers.get(field) is None:
            errors[field] = N_("Choose yes or no.")
    return errors


def validate_toestemming(consents: dict[str, Any], kinds: tuple[ConsentKind, ...] = WMO_CONSENTS) -> Errors:
    """A yes or no for each consent of the request (``kinds``: the Wmo melding's by default)."""
    return {f"consent.{kind.value}": N_("Choose yes or no.") for kind in kinds if kind.value not in consents}


Validator = Callable[[dict[str, Any], date], Errors]

#: Each step's check, by slug (the pages call them; ``incomplete_steps`` runs them all).
VALIDATORS: dict[str, Validator] = {
    "over-u": validate_over_u,
    "vraag": validate_vraag,
    "mogelijkheden": validate_mogelijkheden,
    "plan": validate_plan,
}


def incomplete_steps(
    answers: dict[str, Any], today: date, validators: Mapping[str, Validator] | None = None
) -> list[str]:
    """The slugs of the steps whose answers are not yet complete, in order (``validators``: the
    Wmo melding's steps by default)."""
    checks = VALIDATORS if validators is None else validators
    return [slug for slug, validate in checks.items() if validate(answers, today)]


def melding_of(answers: dict[str, Any]) -> WmoMelding:
    """The melding the answers describe (``ValidationError`` while they are incomplete)."""
    postcode = "".join(str(answers.get("postcode") or "").split()).upper()
    needs = {area: text for area, text in (answers.get("needs") or {}).items() if text and str(text).strip()}
    for_other = answers.get("for_whom") == "other"
    return WmoMelding.model_validate(
        {
            "name": answers.get("name") or "",
            "phone": answers.get("phone") or "",
            "email": answers.get("email") or "",
            "household": answers.get("household"),
            "asked_by": (answers.get("asked_by") or "") if for_other else "",
            "asked_by_relation": (answers.get("asked_by_relation") or "") if for_other else "",
            "date_of_birth": answers.get("date_of_birth"),
            "postcode": f"{postcode[:4]} {postcode[4:]}",
            "registered_in_municipality": answers.get("registered_in_municipality"),
            "needs": needs,
            "own_possibilities": answers.get("own_possibilities") or "",
            "network": answers.get("network") or "",
            "general_provisions_tried": answers.get("general_provisions_tried") or "",
            "school": answers.get("school") or "",
            "involved": answers.get("involved") or "",
            "own_solution": answers.get("own_solution") or OwnSolution.UNKNOWN,
            "personal_plan": bool(answers.get("personal_plan")),
            "wants_client_support": bool(answers.get("wants_client_support")),
        }
    )


def answers_of(melding: WmoMelding) -> dict[str, Any]:
    """The form's answers of a stored melding (``melding_of`` the other way round)."""
    return {
        "for_whom": "other" if melding.asked_by else "self",
        "asked_by": melding.asked_by,
        "asked_by_relation": melding.asked_by_relation,
        "name": melding.name,
        "date_of_birth": melding.date_of_birth.isoformat(),
        "postcode": melding.postcode,
        "registered_in_municipality": melding.registered_in_municipality,
        "phone": melding.phone,
        "email": melding.email,
        "household": melding.household.value if melding.household else None,
        "needs": {area.value: text for area, text in melding.needs.items()},
        "own_possibilities": melding.own_possibilities,
        "network": melding.network,
        "general_provisions_tried": melding.general_provisions_tried,
        "school": melding.school,
        "involved": melding.involved,
        "own_solution": melding.own_solution.value,
        "personal_plan": melding.personal_plan,
        "wants_client_support": melding.wants_client_support,
    }
