"""Step 6: childcare benefit, paying part yourself, and the two commitments."""

from __future__ import annotations

import streamlit as st

from smi_core import KinderopvangToeslag
from smi_intake.intake_steps import validate_geld
from smi_web.intake_form import StepPage, answers
from smi_web.services import now, services
from smi_web.ui import _, label

team = services().municipality.social_team
page = StepPage("geld")

page.choice(
    "kinderopvangtoeslag",
    _("Do you have a right to childcare benefit (kinderopvangtoeslag)?"),
    {k.value: label(k) for k in KinderopvangToeslag},
    horizontal=True,
)
with st.expander(_("When do you have a right to childcare benefit?")):
    st.markdown(
        "\n".join(
            f"- {line}"
            for line in (
                _("You and your partner both work, study or follow a route to work."),
                _("Your child goes to registered childcare."),
                _("You pay for the childcare yourself."),
            )
        )
    )
    st.write(_('Not sure? Choose "I don\'t know". We find it out together.'))
page.yes_no("can_pay_partly", _("Could you pay part of the childcare yourself?"))
st.caption(_("We only talk about this. It does not decide whether you get SMI."))
page.yes_no(
    "cooperates_with_plan",
    _("Will you work on a plan with %(team)s, so that you can manage on your own again?", team=team),
)
page.yes_no("willing_to_evaluate", _("Will you take part in talks about how it goes, and in extra help?"))
page.navigation(lambda: validate_geld(answers(), now().date()))
