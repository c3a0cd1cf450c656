"""Wmo step 2: who needs help, who fills in the form, where they live and how to reach them."""

from __future__ import annotations

import streamlit as st

from smi_core.wmo.melding import HOUSEHOLD_LABELS
from smi_intake.wmo_steps import validate_over_u
from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.services import now, services
from smi_web.ui import _

municipality = services().municipality
page = StepPage("over-u", WMO_FLOW)

for_whom = page.choice(
    "for_whom",
    _("Who needs help?"),
    {"self": _("I do"), "other": _("Someone else: I fill in the form for them")},
)
if for_whom == "other":
    with st.container(border=True):
        page.text("asked_by", _("Your name"))
        page.text(
            "asked_by_relation", _("What are you to this person? For example partner, child or neighbour")
        )
st.subheader(_("The person who needs help"))
page.text("name", _("Name"))
page.date(
    "date_of_birth", _("Date of birth"), min_value=now().date().replace(year=1900), max_value=now().date()
)
page.text("postcode", _("Postcode"), max_chars=7)
page.yes_no(
    "registered_in_municipality",
    _("Is this person registered in %(municipality)s?", municipality=municipality.name),
)
page.text("phone", _("Phone number"), max_chars=20)
page.text("email", _("E-mail address"))
page.choice(
    "household", _("Who does this person live with?"), {h.value: _(t) for h, t in HOUSEHOLD_LABELS.items()}
)

page.navigation(lambda: validate_over_u(page.answers, now().date()))
