"""The answers of a Wmo melding as readable sections, for the review page and the receipt.

It uses the shape and the helpers of the SMI summary (``smi_intake.summary``): one ``Section`` per
step, with a change link to it. Typed answers are returned as they are; the pages show them as
plain text only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smi_core.cases import CONSENT_TEXTS, WMO_CONSENTS
from smi_core.constants import N_
from smi_core.i18n import gettext
from smi_core.wmo.melding import HOUSEHOLD_LABELS, Household, LifeArea, OwnSolution
from smi_intake.summary import Section, _date, _yes_no
from smi_intake.wmo_steps import NEED_QUESTIONS

OWN_SOLUTION_LABELS: dict[OwnSolution, str] = {
    OwnSolution.YES: N_("Yes"),
    OwnSolution.PARTLY: N_("Partly"),
    OwnSolution.NO: N_("No"),
    OwnSolution.UNKNOWN: N_("I do not know"),
}


def _label(locale: str, labels: Mapping[Any, str], enum: type, value: Any) -> str:
    try:
        return gettext(locale, labels[enum(value)])
    except (ValueError, KeyError):
        return "-"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) and value.strip() else "-"


def wmo_summary_sections(
    answers: Mapping[str, Any], consents: Mapping[str, bool], locale: str, team: str
) -> list[Section]:
    """The melding's answers by step, in ``locale``."""

    def _(message: str) -> str:
        return gettext(locale, message)

    person: list[tuple[str, str]] = []
    if answers.get("for_whom") == "other":
        asker = _text(answers.get("asked_by"))
        relation = _text(answers.get("asked_by_relation"))
        person.append((_("Filled in by"), asker if relation == "-" else f"{asker} ({relation})"))
    person += [
        (_("Name"), _text(answers.get("name"))),
        (_("Date of birth"), _date(locale, answers.get("date_of_birth"))),
        (_("Postcode"), _text(answers.get("postcode"))),
        (_("Registered in the municipality"), _yes_no(locale, answers.get("registered_in_municipality"))),
        (_("Phone number"), _text(answers.get("phone"))),
        (_("E-mail address"), _text(answers.get("email"))),
        (_("Lives"), _label(locale, HOUSEHOLD_LABELS, Household, answers.get("household"))),
    ]
    needs = answers.get("needs") or {}
    need_rows = [
        (_(NEED_QUESTIONS[area]), _text(needs.get(area.value)))
        for area in LifeArea
        if _text(needs.get(area.value)) != "-"
    ]
    possibilities = [
        (_("What you do yourself"), _text(answers.get("own_possibilities"))),
        (_("Who helps or could help"), _text(answers.get("network"))),
        (_("Other help used or tried"), _text(answers.get("general_provisions_tried"))),
        (
            _("Can it be solved this way"),
            _label(locale, OWN_SOLUTION_LABELS, OwnSolution, answers.get("own_solution")),
        ),
    ]
    plan = [
        (_("Makes an own plan"), _yes_no(locale, answers.get("personal_plan"))),
        (_("Wants a free client supporter"), _yes_no(locale, answers.get("wants_client_support"))),
    ]
    consent_rows = [
        (gettext(locale, CONSENT_TEXTS[kind].message, team=team), _yes_no(locale, consents.get(kind.value)))
        for kind in WMO_CONSENTS
    ]
    return [
        Section("over-u", _("About you"), person),
        Section("vraag", _("What you need help with"), need_rows or [(_("Nothing filled in yet"), "-")]),
        Section("mogelijkheden", _("What you and others can do"), possibilities),
        Section("plan", _("Your own plan and free support"), plan),
        Section("toestemming", _("Consent"), consent_rows),
    ]
