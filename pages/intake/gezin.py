"""Step 2: the parents or carers, contact details, postcode and registration."""

from __future__ import annotations

import streamlit as st

from smi_core import Activity
from smi_intake.intake_steps import validate_gezin
from smi_web.intake_form import StepPage, answers, remove_item
from smi_web.services import now, services
from smi_web.ui import _, label

municipality = services().municipality
page = StepPage("gezin")
data = answers()
parents = data.setdefault("parents", [{}])

st.write(_("Tell us who takes care of the children at home. We use this to contact you."))
remove = None
for index in range(len(parents)):
    with st.container(border=True):
        st.subheader(_("Parent or carer %(n)s", n=index + 1))
        page.text(f"parents.{index}.name", _("Name"), autocomplete="name", max_chars=100)
        page.choice(
            f"parents.{index}.activity",
            _("What does this parent or carer do during the day?"),
            {activity.value: label(activity) for activity in Activity},
        )
        page.text(f"parents.{index}.phone", _("Phone number"), autocomplete="tel")
        page.text(f"parents.{index}.email", _("E-mail address"), autocomplete="email")
        if index > 0 and st.button(_("Remove this parent or carer"), key=f"gezin_remove_{index}"):
            remove = index
if remove is not None:
    remove_item(parents, remove, "parents")
if len(parents) < 2 and st.button(_("Add a second parent or carer"), key="gezin_add", icon=":material/add:"):
    parents.append({})
    st.rerun()

page.text("postcode", _("Postcode"), placeholder="3341 AB", autocomplete="postal-code", max_chars=7)
page.yes_no(
    "registered_in_municipality",
    _("Are your children registered in %(municipality)s?", municipality=municipality.name),
)
page.navigation(lambda: validate_gezin(answers(), now().date()))
