"""Accessibility statement for residents (Besluit digitale toegankelijkheid overheid, WCAG 2.1 AA):
how far the website complies, what is checked, what is not yet right, and how to report a problem."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_core.i18n import long_date
from smi_web.services import services
from smi_web.ui import _, contact_block, current_locale

#: The day this statement was last revised; change it with the statement.
REVISED_ON = date(2026, 11, 23)

municipality = services().municipality
values = {"team": municipality.social_team, "municipality": municipality.name}

st.title(_("Accessibility"))
st.write(
    _(
        "We want everyone to be able to use this website. The law asks this of every Dutch "
        "government website. The standard is WCAG 2.1, level AA.",
        **values,
    )
)
st.header(_("How far does the website comply?"))
st.write(_("This website partly complies with the standard.", **values))
st.header(_("What we check"))
for line in (
    _(
        "A computer program (axe-core) checks every page in a real browser. It does so for empty pages, "
        "filled-in pages and pages with errors."
    ),
    _("We test that you can fill in the whole request with the keyboard only."),
    _("You can read the pages for parents in Dutch, English, Polish, Turkish, Ukrainian and Arabic."),
    _("Every field has a name you can see. An error message is shown with the field it is about."),
):
    st.markdown("- " + line)
st.header(_("What is not right yet"))
for line in (
    _("A computer program does not find every problem. An expert has not checked the website yet."),
    _("Some parts come from the software we build on. We cannot change everything in those parts."),
):
    st.markdown("- " + line)
st.header(_("Does something not work for you?"))
st.write(
    _(
        "Please tell us. Say which page it is about and what went wrong. "
        "We will look for a solution with you.",
        **values,
    )
)
contact_block(municipality)
st.caption(_("This statement was revised on %(date)s.", date=long_date(REVISED_ON, current_locale())))
