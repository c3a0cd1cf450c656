"""What SMI is, who it is for, and what happens next (plain Dutch, level B1): the childcare door."""

from __future__ import annotations

import streamlit as st

from smi_web.services import services
from smi_web.ui import _, contact_block, current_locale

municipality = services().municipality
values = {
    "municipality": municipality.name,
    "team": municipality.social_team,
    "max_age": municipality.max_age,
    "months": municipality.initial_period_months,
    "days": municipality.contact_overdue_working_days,
}

st.title(_("Help with childcare when you cannot care for your children"))
st.write(
    municipality.text("intro", current_locale())
    or _(
        "Is caring for your children too much for you right now, because of illness or a hard "
        "situation at home? Then the municipality may help pay for childcare for a short time."
    )
)
left, right = st.columns(2)
if left.button(_("Apply or continue"), key="home_apply", type="primary", icon=":material/edit_note:"):
    st.switch_page("pages/intake/start.py")
right.page_link("pages/status.py", label=_("Status of your request"), icon=":material/search:")

st.header(_("What is SMI?"))
st.write(
    _("SMI means Sociaal Medische Indicatie. It is help from the municipality with the costs of childcare.")
)
st.write(
    _(
        "You get it for a short time, when you cannot care for your children because of your "
        "health or your situation at home."
    )
)
st.write(
    _(
        "Your child then goes to day care, before-school or after-school care, lunch-time care "
        "or playgroup for a few part-days a week."
    )
)
st.write(_("SMI is only possible when there is really no other way, for example help from family."))

st.header(_("Who is it for?"))
criteria = [
    _("Your children are registered in %(municipality)s.", **values),
    _("Your children are %(max_age)s years old or younger.", **values),
    _(
        "You cannot care for your children because of illness, psychological problems, "
        "a disability or a hard social situation.",
    ),
    _("Nobody in your family or among your friends or neighbours can take over the care."),
    _("You have no right to childcare benefit (kinderopvangtoeslag)."),
    _("You want to work on a plan with %(team)s, so that you can manage on your own again.", **values),
]
st.markdown("\n".join(f"- {line}" for line in criteria))

st.header(_("What happens next?"))
steps = [
    _("You fill in the request online. This takes about 20 minutes. You can stop and go on later."),
    _("You see straight away whether SMI is probably possible for you, and why."),
    _("%(team)s contacts you within %(days)s working days for a talk at your home.", **values),
    _("The team then decides together whether you get SMI.", **values),
    _("SMI is always for a short time: first for at most %(months)s months.", **values),
]
st.markdown("\n".join(f"{n}. {line}" for n, line in enumerate(steps, start=1)))

contact_block(municipality)
