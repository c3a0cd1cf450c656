"""Youth care step 2: the parent who fills in the request, and the child: who, where, how to reach."""

from __future__ import annotations

import streamlit as st

from smi_intake.jeugd_steps import validate_kind
from smi_web.intake_form import JEUGD_FLOW, StepPage
from smi_web.services import now, services
from smi_web.ui import _

municipality = services().municipality
page = StepPage("kind", JEUGD_FLOW)
today = now().date()

st.subheader(_("About you"))
page.text("asked_by", _("Your name"))
page.text("asked_by_relation", _("What are you to the child? For example mother, father or foster parent"))
page.text("phone", _("Phone number"), max_chars=20)
page.text("email", _("E-mail address"))
st.subheader(_("Your child"))
page.text("name", _("Name of the child"))
page.date("date_of_birth", _("Date of birth"), min_value=today.replace(year=today.year - 25), max_value=today)
page.text("postcode", _("Postcode"), max_chars=7)
page.yes_no(
    "registered_in_municipality",
    _("Is your child registered in %(municipality)s?", municipality=municipality.name),
)

page.navigation(lambda: validate_kind(page.answers, now().date()))
