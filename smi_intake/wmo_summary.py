"""The answers of a Wmo melding as readable sections, for the review page and the receipt.

It uses the shape and the helpers of the SMI summary (``smi_intake.summary``): one ``Section`` per
step, with a change link to it. Typed answers are returned as they are; the pages show them as
plain text only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smi_core.cases import CONSENT_TEXTS, WMO_CONSENTS, ConsentKind
from smi_core.constants import N_
from smi_core.i18n import gettext
from smi_core.wmo.melding import HOUSEHOLD_LABELS, WMO_AREAS, Household, OwnSolution
from smi_intake.summary import Section, _date, _yes_no
from smi_intake.wmo_steps import NEED_QUESTIONS

OWN_SOLUTION_LABELS: dict[OwnSolution, str] = {
    OwnSolution.YES: N_("Yes"),
    OwnSolution.PARTLY: N_("Partly"),
    OwnSolution.NO: N_("No"),
    OwnSolution.UNKNOWN: N_("I do not know"),
}


def label_of(locale: str, labels: Mapping[Any, str], enum: type, value: Any) -> str:
    try:
        return gettext(locale, labels[enum(value)])
    except (ValueError, KeyError):
        return "-"


def text_of(value: Any) -> str:
    return value.strip() if isinstance(value, str) and value.strip() else "-"


def wmo_summary_sections(
    answers: Mapping[str, Any], consents: Mapping[str, bool], locale: str, team: str
) -> list[Section]:
    """The melding's answers by step, in ``locale``."""

    def _(message: str) -> str:
        return gettext(locale, message)

    person: list[tuple[str, str]] = []
    if answers.get("for_whom") == "other":
        asker = text_of(answers.get("asked_by"))
        relation = text_of(answers.get("asked_by_relation"))
        person.append((_("Filled in by"), asker if relation == "-" else f"{asker} ({relation})"))
    person += [
        (_("Name"), text_of(answers.get("name"))),
        (_("Date of birth"), _date(locale, answers.get("date_of_birth"))),
        (_("Postcode"), text_of(answers.get("postcode"))),
        (_("Registered in the municipality"), _yes_no(locale, answers.get("registered_in_municipality"))),
        (_("Phone number"), text_of(answers.get("phone"))),
        (_("E-mail address"), text_of(answers.get("email"))),
        (_("Lives"), label_of(locale, HOUSEHOLD_LABELS, Household, answers.get("household"))),
    ]
    needs = answers.get("needs") or {}
    need_rows = [
        (_(NEED_QUESTIONS[area]), text_of(needs.get(area.value)))
        for area in WMO_AREAS
        if text_of(needs.get(area.value)) != "-"
    ]
    possibilities = [
        (_("What you do yourself"), text_of(answers.get("own_possibilities"))),
        (_("Who helps or could help"), text_of(answers.get("network"))),
        (_("Other help used or tried"), text_of(answers.get("general_provisions_tried"))),
        (
            _("Can it be solved this way"),
            label_of(locale, OWN_SOLUTION_LABELS, OwnSolution, answers.get("own_solution")),
        ),
    ]
    return [
        Section("over-u", _("About you"), person),
        Section("vraag", _("What you need help with"), need_rows or [(_("Nothing filled in yet"), "-")]),
        Section("mogelijkheden", _("What you and others can do"), possibilities),
        *closing_sections(answers, consents, locale, team, WMO_CONSENTS),
    ]


def closing_sections(
    answers: Mapping[str, Any],
    consents: Mapping[str, bool],
    locale: str,
    team: str,
    kinds: tuple[ConsentKind, ...],
    personal_plan: bool = True,
) -> list[Section]:
    """The last parts of a request of route T: the own plan (not with ``personal_plan`` False: the
    Jeugdwet has none) and free support, and the consents (``kinds``: the request's own)."""

    def _(message: str) -> str:
        return gettext(locale, message)

    plan = [(_("Makes an own plan"), _yes_no(locale, answers.get("personal_plan")))] if personal_plan else []
    plan.append((_("Wants a free client supporter"), _yes_no(locale, answers.get("wants_client_support"))))
    consent_rows = [
        (gettext(locale, CONSENT_TEXTS[kind].message, team=team), _yes_no(locale, consents.get(kind.value)))
        for kind in kinds
    ]
    return [
        Section(
            "plan", _("Your own plan and free support") if personal_plan else _("Free client support"), plan
        ),
        Section("toestemming", _("Consent"), consent_rows),
    ]
