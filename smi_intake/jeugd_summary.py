"""The answers of a parent's request for youth care as readable sections, for the review page and
the receipt: one ``Section`` per step, in the shape of the Wmo melding's (``wmo_summary``), whose
parts it shares where the question is the same. Typed answers are returned as they are; the pages
show them as plain text only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from smi_core.cases import JEUGD_CONSENTS
from smi_core.i18n import gettext
from smi_core.wmo.melding import YOUTH_AREAS, OwnSolution
from smi_intake.jeugd_steps import YOUTH_NEED_QUESTIONS
from smi_intake.summary import Section, _date, _yes_no
from smi_intake.wmo_summary import OWN_SOLUTION_LABELS, closing_sections, label_of, text_of


def jeugd_summary_sections(
    answers: Mapping[str, Any], consents: Mapping[str, bool], locale: str, team: str
) -> list[Section]:
    """The request's answers by step, in ``locale``."""

    def _(message: str) -> str:
        return gettext(locale, message)

    parent = text_of(answers.get("asked_by"))
    relation = text_of(answers.get("asked_by_relation"))
    child = [
        (_("Filled in by"), parent if relation == "-" else f"{parent} ({relation})"),
        (_("Name of the child"), text_of(answers.get("name"))),
        (_("Date of birth"), _date(locale, answers.get("date_of_birth"))),
        (_("Postcode"), text_of(answers.get("postcode"))),
        (_("Registered in the municipality"), _yes_no(locale, answers.get("registered_in_municipality"))),
        (_("Phone number"), text_of(answers.get("phone"))),
        (_("E-mail address"), text_of(answers.get("email"))),
    ]
    needs = answers.get("needs") or {}
    need_rows = [
        (_(YOUTH_NEED_QUESTIONS[area]), text_of(needs.get(area.value)))
        for area in YOUTH_AREAS
        if text_of(needs.get(area.value)) != "-"
    ]
    around = [
        (_("What you do yourself"), text_of(answers.get("own_possibilities"))),
        (_("Who helps or could help"), text_of(answers.get("network"))),
        (_("School or childcare"), text_of(answers.get("school"))),
        (_("Who else is involved"), text_of(answers.get("involved"))),
        (_("Other help used or tried"), text_of(answers.get("general_provisions_tried"))),
        (
            _("Can it be solved this way"),
            label_of(locale, OWN_SOLUTION_LABELS, OwnSolution, answers.get("own_solution")),
        ),
    ]
    return [
        Section("kind", _("About your child"), child),
        Section(
            "vraag", _("What your child needs help with"), need_rows or [(_("Nothing filled in yet"), "-")]
        ),
        Section("mogelijkheden", _("School and the people around your child"), around),
        *closing_sections(answers, consents, locale, team, JEUGD_CONSENTS, personal_plan=False),
    ]
