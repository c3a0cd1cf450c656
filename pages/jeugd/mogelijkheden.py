"""Youth care step 4: what the parents do, the network, the school, who else is involved, and
general provisions used or tried."""

from __future__ import annotations

import streamlit as st

from smi_intake.jeugd_steps import validate_mogelijkheden
from smi_web.intake_form import JEUGD_FLOW, StepPage
from smi_web.request_parts import own_solution_choice
from smi_web.services import now
from smi_web.ui import _

page = StepPage("mogelijkheden", JEUGD_FLOW)

st.write(
    _(
        "Youth care comes after what you can do as a parent, what people around you can do, and "
        "help that is open to everyone. That is why we ask about it."
    )
)
page.area("own_possibilities", _("What do you already do yourself to solve it?"), max_chars=2000)
page.area(
    "network",
    _("Who around your child helps, or could help? For example family, friends or neighbours"),
    max_chars=2000,
)
page.area(
    "school",
    _("Which school or childcare does your child go to? Does the school know about the problems?"),
    max_chars=2000,
)
page.area(
    "involved",
    _("Who else is involved? For example the GP, the youth doctor or a care provider"),
    max_chars=2000,
)
page.area(
    "general_provisions_tried",
    _("Which other help have you used or tried? For example at school, a parenting course or a coach"),
    max_chars=2000,
)
own_solution_choice(page)

page.navigation(lambda: validate_mogelijkheden(page.answers, now().date()))
