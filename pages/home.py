"""The one front door: what the help is for, and the request each answer leads to (B1 Dutch).

A family may choose more than one; each choice shows its own way in. Requests that can be made
online start their form; for the others the page says plainly where to go and how to reach the
social team. The door never blocks: the social team decides.
"""

from __future__ import annotations

import streamlit as st

from smi_core.front_door import HELP_FOR_HINTS, HELP_FOR_LABELS, HelpFor
from smi_web.request_parts import resume_box
from smi_web.services import services
from smi_web.ui import _, contact_block, current_locale, plain

municipality = services().municipality
values = {"municipality": municipality.name, "team": municipality.social_team}

st.title(_("How can we help you?"))
st.write(
    _(
        "%(team)s is the place in %(municipality)s where you can ask for help: for yourself, "
        "for someone you care for, or for your children.",
        **values,
    )
)
st.subheader(_("What do you need help with?"))
st.caption(_("You can choose more than one."))
chosen = [
    help_for
    for help_for in HelpFor
    if st.checkbox(
        _(HELP_FOR_LABELS[help_for]), key=f"door.{help_for.value}", help=_(HELP_FOR_HINTS[help_for])
    )
]

if chosen:
    st.subheader(_("This is how you go on"))
for help_for in chosen:
    with st.container(border=True):
        if help_for is HelpFor.CHILDCARE:
            st.markdown("**" + _("Help with the costs of childcare (SMI)") + "**")
            st.write(_("You fill in the request online. This takes about 20 minutes."))
            if st.button(
                _("Start the request for childcare"),
                key="door_smi",
                type="primary",
                icon=":material/edit_note:",
            ):
                st.switch_page("pages/intake/start.py")
            st.page_link("pages/about_smi.py", label=_("Read more about SMI"), icon=":material/info:")
        elif help_for is HelpFor.ADULT:
            st.markdown("**" + _("Support for an adult (Wmo)") + "**")
            st.write(
                _(
                    "You tell us what is hard for you, and what you and people around you can do. "
                    "This takes about 15 minutes. %(team)s then talks with you about what help fits.",
                    **values,
                )
            )
            if st.button(
                _("Start the request for support"),
                key="door_wmo",
                type="primary",
                icon=":material/edit_note:",
            ):
                st.switch_page("pages/wmo/start.py")
        elif help_for is HelpFor.CHILD:
            st.markdown("**" + _("Support for a child or young person") + "**")
            st.write(
                _(
                    "You tell us what is hard for your child, and what you and people around you "
                    "can do. This takes about 15 minutes. %(team)s then talks with you and your "
                    "child about what help fits.",
                    **values,
                )
            )
            if st.button(
                _("Start the request for youth care"),
                key="door_jeugd",
                type="primary",
                icon=":material/edit_note:",
            ):
                st.switch_page("pages/jeugd/start.py")
            st.write(
                _("Did a doctor refer your child to youth care? Then the care provider arranges the rest.")
            )
        else:
            st.markdown("**" + _("Other help") + "**")
            own = municipality.text("other_help", current_locale())
            if own:
                plain(own)
            else:
                st.write(
                    _(
                        "Sometimes help nearby fits better: a neighbourhood centre, volunteers, "
                        "debt advice, or your GP. %(team)s can tell you what there is near you.",
                        **values,
                    )
                )

st.divider()
st.page_link("pages/status.py", label=_("Status of your request"), icon=":material/search:")
resume_box("door_")
contact_block(municipality)
