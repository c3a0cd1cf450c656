"""Wmo step 5: the offer of a persoonlijk plan (TOE-PLAN-7D) and of free client support."""

from __future__ import annotations

import streamlit as st

from smi_intake.wmo_steps import validate_plan
from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.services import now, services
from smi_web.ui import _

team = services().municipality.social_team
page = StepPage("plan", WMO_FLOW)

with st.container(border=True):
    st.markdown("**" + _("Your own plan") + "**")
    st.write(
        _(
            "You may write down yourself what you need and what you want to reach. This is called a "
            "personal plan. Send it to %(team)s within 7 days after this request. %(team)s then uses "
            "it in the talk with you.",
            team=team,
        )
    )
    page.yes_no("personal_plan", _("Do you want to make your own plan?"))
with st.container(border=True):
    st.markdown("**" + _("Free client support") + "**")
    st.write(
        _(
            "A client supporter is someone who helps you for free during the talks and with your "
            "request. This person does not work for %(team)s.",
            team=team,
        )
    )
    page.yes_no("wants_client_support", _("Do you want a free client supporter?"))

page.navigation(lambda: validate_plan(page.answers, now().date()))
