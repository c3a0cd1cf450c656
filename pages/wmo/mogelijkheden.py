"""Wmo step 4: own possibilities, the network, and general provisions used or tried."""

from __future__ import annotations

import streamlit as st

from smi_intake.wmo_steps import validate_mogelijkheden
from smi_web.intake_form import WMO_FLOW, StepPage
from smi_web.request_parts import own_solution_choice
from smi_web.services import now
from smi_web.ui import _

page = StepPage("mogelijkheden", WMO_FLOW)

st.write(
    _(
        "Support from the municipality comes after what you can do yourself, what people around you "
        "can do, and help that is open to everyone. That is why we ask about it."
    )
)
page.area("own_possibilities", _("What do you already do yourself to solve it?"), max_chars=2000)
page.area(
    "network",
    _("Who around you helps, or could help? For example family, friends or neighbours"),
    max_chars=2000,
)
page.area(
    "general_provisions_tried",
    _("Which other help have you used or tried? For example a volunteer, a meal service or a cleaner"),
    max_chars=2000,
)
own_solution_choice(page)

page.navigation(lambda: validate_mogelijkheden(page.answers, now().date()))
