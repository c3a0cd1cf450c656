"""Step 7: a separate consent for each sharing of data, recorded with the text version shown."""

from __future__ import annotations

import streamlit as st

from smi_core.cases import CONSENT_TEXTS, ConsentKind
from smi_intake.intake_steps import validate_toestemming
from smi_web.intake_form import StepPage, answers, consent_choices, record_consent_choices
from smi_web.services import now, services
from smi_web.ui import _

team = services().municipality.social_team
page = StepPage("toestemming")
choices = st.session_state.setdefault("toestemming_choices", {"consent": consent_choices()})

st.write(_("We need your consent for each of these. You can say no, and you can withdraw a consent later."))
for kind in ConsentKind:
    with st.container(border=True):
        page.yes_no(f"consent.{kind.value}", _(CONSENT_TEXTS[kind].message, team=team), data=choices)


def _validate() -> dict[str, str]:
    given = choices["consent"]
    record_consent_choices(given)
    return validate_toestemming(answers(), {k: v for k, v in given.items() if v is not None}, now().date())


page.navigation(_validate)
