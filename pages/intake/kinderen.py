"""Step 3: each child, the care asked, part-days, VVE, preferred provider, and the start."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from smi_core import CareType
from smi_intake.intake_steps import validate_kinderen
from smi_web.intake_form import StepPage, answers, remove_item
from smi_web.services import now
from smi_web.ui import _, label

page = StepPage("kinderen")
data = answers()
children = data.setdefault("children", [{}])
today = now().date()

st.write(_("Tell us for which children you need childcare."))
remove = None
for index in range(len(children)):
    prefix = f"children.{index}"
    with st.container(border=True):
        st.subheader(_("Child %(n)s", n=index + 1))
        page.text(f"{prefix}.first_name", _("First name"), max_chars=100)
        page.date(
            f"{prefix}.date_of_birth",
            _("Date of birth"),
            min_value=today - timedelta(days=365 * 19),
            max_value=today,
        )
        care = page.choice(
            f"{prefix}.care_type",
            _("What kind of childcare do you need?"),
            {care.value: label(care) for care in CareType},
        )
        if care == CareType.MKD:
            st.info(
                _("A medical day care is not paid with SMI. You can still send the request; we help you."),
                icon=":material/info:",
            )
        page.field(
            st.number_input,
            f"{prefix}.dagdelen_per_week",
            _("How many part-days a week? A part-day is a morning or an afternoon."),
            min_value=1,
            max_value=10,
            step=1,
        )
        if care == CareType.PSG:
            page.yes_no(f"{prefix}.vve_indication", _("Does your child have a VVE indication?"))
        else:
            children[index].pop(
                "vve_indication", None
            )  # only asked for playgroup; the format's default is no
        page.text(f"{prefix}.preferred_provider", _("Preferred childcare provider (if you have one)"))
        page.text(f"{prefix}.preferred_location", _("Preferred location (if you have one)"))
        if index > 0 and st.button(_("Remove this child"), key=f"kinderen_remove_{index}"):
            remove = index
if remove is not None:
    remove_item(children, remove, "children")
if len(children) < 12 and st.button(_("Add a child"), key="kinderen_add", icon=":material/add:"):
    children.append({})
    st.rerun()

page.date("requested_start", _("From when do you need childcare?"), min_value=today)
data["mkd_requested"] = any(child.get("care_type") == CareType.MKD for child in children)
page.navigation(lambda: validate_kinderen(answers(), now().date()))
