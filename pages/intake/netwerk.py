"""Step 5: the network analysis, person by person."""

from __future__ import annotations

import streamlit as st

from smi_core import CanHelp, Relation
from smi_intake.intake_steps import validate_netwerk
from smi_web.intake_form import StepPage, answers, remove_item
from smi_web.services import now
from smi_web.ui import _, label

page = StepPage("netwerk")
network = answers().setdefault("network", {})
members = network.setdefault("members", [])

st.write(
    _(
        "SMI is only possible when nobody around you can take over the care. That is why we ask "
        "who could help: family, friends or neighbours."
    )
)
page.yes_no("network.analysis_done", _("Have you thought about who around you could help?"))
remove = None
for index in range(len(members)):
    prefix = f"network.members.{index}"
    with st.container(border=True):
        st.subheader(_("Person %(n)s", n=index + 1))
        page.choice(f"{prefix}.relation", _("Who is this?"), {r.value: label(r) for r in Relation})
        page.choice(
            f"{prefix}.can_help",
            _("Can this person take over the care?"),
            {c.value: label(c) for c in CanHelp},
            horizontal=True,
        )
        page.area(f"{prefix}.why_not", _("Why not, or why only partly?"), max_chars=1000)
        if st.button(_("Remove this person"), key=f"netwerk_remove_{index}"):
            remove = index
if remove is not None:
    remove_item(members, remove, "network.members")
if len(members) < 30 and st.button(_("Add a person"), key="netwerk_add", icon=":material/add:"):
    members.append({})
    st.rerun()

page.navigation(lambda: validate_netwerk(answers(), now().date()))
