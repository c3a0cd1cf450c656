"""Step 1: what SMI is, what you need at hand, how long it takes, privacy, and resuming."""

from __future__ import annotations

import streamlit as st

from smi_web.intake_form import StepPage
from smi_web.request_parts import resume_box
from smi_web.services import services
from smi_web.ui import _

municipality = services().municipality
values = {
    "team": municipality.social_team,
    "days": municipality.draft_retention_days,
    "municipality": municipality.name,
}
page = StepPage("start")

st.write(
    _(
        "With this form you ask for SMI: help from the municipality with the costs of childcare, "
        "for a short time.",
        **values,
    )
)
st.subheader(_("What you need"))
st.markdown(
    "\n".join(
        f"- {line}"
        for line in (
            _("the dates of birth of your children"),
            _("the kind of childcare you need, and how many part-days a week"),
            _("if you have one: a statement from your doctor (PDF or photo)"),
        )
    )
)
st.subheader(_("How long it takes"))
st.write(_("About 20 minutes. After each step we save your answers. You can stop and go on later.", **values))
st.subheader(_("Your data"))
st.write(
    _(
        "We use your answers only to handle your request. Information about your health is stored "
        "encrypted. A request you do not send is deleted after %(days)s days.",
        **values,
    )
)
st.page_link("pages/privacy.py", label=_("Read how we handle your data"), icon=":material/lock:")

resume_box()

page.navigation(continue_label=_("Start the request"))
