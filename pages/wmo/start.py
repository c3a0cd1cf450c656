"""Wmo step 1: what a melding is, what happens with it, what you need at hand, privacy, resuming."""

from __future__ import annotations

import streamlit as st

from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.request_parts import bullet_list, start_foot
from smi_web.services import services
from smi_web.ui import _

municipality = services().municipality
values = {"team": municipality.social_team}
page = StepPage("start", WMO_FLOW)

st.write(
    _(
        "With this form you tell %(team)s that you, or someone you care for, need support to manage "
        "at home or to take part in daily life. This is called a melding under the Wmo.",
        **values,
    )
)
st.subheader(_("What happens next"))
bullet_list(
    (
        _(
            "%(team)s talks with you about your situation, what you can do yourself and who can help.",
            **values,
        ),
        _("This investigation takes at most 6 weeks. Afterwards you get a written report of it."),
        _("Only when that is not enough, you can ask for support from the municipality."),
        _("You may make your own plan within 7 days, and you can get a free client supporter."),
    )
)
start_foot(
    (
        _("the date of birth of the person who needs help"),
        _("a phone number or e-mail address"),
        _("a few words about what is hard, and who already helps"),
    ),
    "wmo_",
)

page.navigation(continue_label=_("Start the request"))
