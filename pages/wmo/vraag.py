"""Wmo step 3: the need in the resident's own words, along the life areas of the investigation."""

from __future__ import annotations

import streamlit as st

from smi_intake.wmo_steps import NEED_QUESTIONS, validate_vraag
from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.services import now
from smi_web.ui import _

page = StepPage("vraag", WMO_FLOW)
page.answers.setdefault("needs", {})

st.write(
    _(
        "Tell us in your own words what is hard. Fill in only the parts that matter to you. "
        "You do not have to know what kind of help you need."
    )
)
page.error_for("needs")
for area, question in NEED_QUESTIONS.items():
    page.area(f"needs.{area.value}", _(question), max_chars=2000)

page.navigation(lambda: validate_vraag(page.answers, now().date()))
