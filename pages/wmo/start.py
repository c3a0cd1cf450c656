"""Wmo step 1: what a melding is, what happens with it, what you need at hand, privacy, resuming."""

from __future__ import annotations

import streamlit as st

from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.request_parts import bullet_list, resume_box
from smi_web.services import services
from smi_web.ui import _

municipality = services().municipality
values = {"team": municipality.social_team, "days": municipality.draft_retention_days}
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
st.subheader(_("What you need"))
bullet_list(
    (
        _("the date of birth of the person who needs help"),
        _("a phone number or e-mail address"),
        _("a few words about what is hard, and who already helps"),
    )
)
st.subheader(_("Your data"))
st.write(
    _(
        "We use your answers only to handle your request. Information about your health is stored "
        "encrypted. A request you do not send is deleted after %(days)s days.",
        **values,
    )
)
st.page_link("pages/privacy.py", label=_("Read how we handle your data"), icon=":material/lock:")
resume_box("wmo_")

page.navigation(continue_label=_("Start the request"))
