"""Youth care step 1: what the request is, what happens with it, what you need, privacy, resuming."""

from __future__ import annotations

import streamlit as st

from smi_web.intake_form import JEUGD_FLOW, StepPage
from smi_web.request_parts import bullet_list, start_foot
from smi_web.services import services
from smi_web.ui import _

municipality = services().municipality
values = {"team": municipality.social_team}
page = StepPage("start", JEUGD_FLOW)

st.write(
    _(
        "With this form you ask %(team)s for help for your child or young person under 18. "
        "For example with growing up, behaviour, development or bringing up your child. "
        "This help is called youth care.",
        **values,
    )
)
st.subheader(_("What happens next"))
bullet_list(
    (
        _(
            "%(team)s talks with you and your child about the situation, what you can do yourself "
            "and who can help.",
            **values,
        ),
        _("Only when that is not enough, the municipality can give youth care."),
        _("You get a decision within 8 weeks after your request."),
        _("You can get a free client supporter."),
    )
)
start_foot(
    (
        _("the date of birth of your child"),
        _("a phone number or e-mail address"),
        _("a few words about what is hard, and who already helps"),
    ),
    "jeugd_",
)

page.navigation(continue_label=_("Start the request"))
