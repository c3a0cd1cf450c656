"""Privacy statement for residents: what we ask, why, who sees it, how long we keep it."""

from __future__ import annotations

import streamlit as st

from smi_web.services import services
from smi_web.ui import _

municipality = services().municipality
values = {
    "team": municipality.social_team,
    "municipality": municipality.name,
    "days": municipality.draft_retention_days,
}

st.title(_("How we handle your data"))
st.write(_("We only ask what we need to look at your request for SMI.", **values))
st.header(_("What we ask"))
st.write(
    _(
        "Your name, contact details and postcode; your children's first names and dates of birth; "
        "your situation, and sometimes information about your health.",
        **values,
    )
)
st.header(_("Who sees it"))
st.write(_("Only the staff of %(team)s who handle your request.", **values))
st.write(
    _(
        "We share data with the childcare provider, the municipality or your GP only when you "
        "have given consent for that. You can withdraw a consent later.",
        **values,
    )
)
st.header(_("How we protect it"))
st.write(_("Information about your health is stored encrypted. We record who reads it.", **values))
st.header(_("How long we keep it"))
st.write(
    _(
        "A request you have not sent yet is deleted after %(days)s days. "
        "A sent request is kept as long as the law requires.",
        **values,
    )
)
st.header(_("Your rights"))
st.write(
    _(
        "You may see, correct or have removed your data. Ask %(team)s or the municipality of "
        "%(municipality)s.",
        **values,
    )
)
