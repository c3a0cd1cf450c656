"""The steps of a parent's request for youth care for a child (route T) and what each requires
(no user interface here).

The request is a Wmo melding about the child, filled in by a parent: the answers are those of
``smi_intake.wmo_steps`` (the same exchange format and the same ``melding_of``), without
``for_whom`` (a parent always fills it in for the child) and ``household``, and with ``school``
and ``involved``. Where a question is the same as the Wmo melding's, its check is the Wmo step's.
Validation messages are gettext message ids.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from smi_core.cases import JEUGD_CONSENTS
from smi_core.constants import N_
from smi_core.wmo.melding import LifeArea, WmoMelding
from smi_intake import wmo_steps
from smi_intake.intake_steps import Errors, Step, _blank
from smi_intake.wmo_steps import Validator, person_errors, validate_mogelijkheden

JEUGD_STEPS: tuple[Step, ...] = (
    Step("start", N_("Start"), "pages/jeugd/start.py"),
    Step("kind", N_("About your child"), "pages/jeugd/kind.py"),
    Step("vraag", N_("What your child needs help with"), "pages/jeugd/vraag.py"),
    Step("mogelijkheden", N_("School and the people around your child"), "pages/jeugd/mogelijkheden.py"),
    Step("plan", N_("Free client support"), "pages/jeugd/plan.py"),
    Step("toestemming", N_("Consent"), "pages/jeugd/toestemming.py"),
    Step("controleren", N_("Check and send"), "pages/jeugd/controleren.py"),
    Step("verzonden", N_("Sent"), "pages/jeugd/verzonden.py"),
)

#: The questions of the need step, one per area of a child's growing up.
YOUTH_NEED_QUESTIONS: dict[LifeArea, str] = {
    LifeArea.DEVELOPMENT: N_("Development: learning to talk, move, play or do things on their own"),
    LifeArea.BEHAVIOUR: N_("Feelings and behaviour: for example fear, sadness, anger or not listening"),
    LifeArea.SCHOOL: N_("School or childcare: learning, friends, or not going to school"),
    LifeArea.HEALTH: N_("Health: an illness, a disability, or problems in body or mind"),
    LifeArea.PARENTING: N_("Bringing up your child: is it hard for you as a parent?"),
    LifeArea.FAMILY: N_("At home: for example a divorce, money worries or a lot of arguing"),
}


def validate_kind(answers: dict[str, Any], today: date) -> Errors:
    """The parent who fills in the request, and the child: who, born when, where, how to reach."""
    errors: Errors = {}
    if _blank(answers.get("asked_by")):
        errors["asked_by"] = N_("Fill in a name.")
    errors.update(person_errors(answers, today))
    return errors


def validate_vraag(answers: dict[str, Any], today: date) -> Errors:
    needs = answers.get("needs") or {}
    if not any(isinstance(text, str) and text.strip() for text in needs.values()):
        return {"needs": N_("Tell us about at least one part where your child needs help.")}
    return {}


def validate_plan(answers: dict[str, Any], today: date) -> Errors:
    """Free client support: the Jeugdwet has no persoonlijk plan (``TOE-PLAN-7D`` is the Wmo's)."""
    if answers.get("wants_client_support") is None:
        return {"wants_client_support": N_("Choose yes or no.")}
    return {}


validate_toestemming = partial(wmo_steps.validate_toestemming, kinds=JEUGD_CONSENTS)

#: Each step's check, by slug (the pages call them; ``incomplete_steps`` runs them all).
VALIDATORS: dict[str, Validator] = {
    "kind": validate_kind,
    "vraag": validate_vraag,
    "mogelijkheden": validate_mogelijkheden,
    "plan": validate_plan,
}


#: The slugs of the steps whose answers are not yet complete, in order.
incomplete_steps = partial(wmo_steps.incomplete_steps, validators=VALIDATORS)


def request_of(answers: dict[str, Any]) -> WmoMelding:
    """The request the answers describe: a melding about the child that a parent filled in
    (``ValidationError`` while the answers are incomplete)."""
    return wmo_steps.melding_of({**answers, "for_whom": "other"})
