"""Several begeleiding indications become one traject (``CONV-*``): the clients with more than one
current begeleiding indication, and the conversion of a client's indications walked through in the
order of the instruction, previewed, then confirmed (one new indication; a 301 to every provider
that drops out)."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_core.wmo.conversion import ConversionPlan, ConversionRefused
from smi_intake.services.conversions import NoAssignmentsToConvert
from smi_intake.services.message_facts import MessageRefused
from smi_web.auth import require
from smi_web.conversion import (
    CONFIRM,
    DONE,
    choose_client,
    clear_walk_through,
    current_table,
    show_done,
    show_message_refused,
    show_preview,
    show_refused,
    walk_through,
)
from smi_web.services import now, services
from smi_web.ui import _

worker = require(StaffPage.CONVERSIONS)
service = services().conversions
catalogue = service.catalogue
st.title(_("One traject"))
st.caption(
    _(
        "Clients with more than one current begeleiding indication. Convert them into one traject "
        "at the kitchen table, just before the first one ends."
    )
)


def convert(bsn: str, plan: ConversionPlan) -> None:
    """Before the run draws the page, so the list already shows the result."""
    try:
        st.session_state[DONE] = service.convert(worker, bsn, plan, now())
    except (ConversionRefused, MessageRefused, NoAssignmentsToConvert) as refused:
        st.session_state[DONE] = refused
    else:
        done = st.session_state[DONE]
        clear_walk_through()
        st.session_state[DONE] = done


outcome = st.session_state.pop(DONE, None)
if isinstance(outcome, ConversionRefused):
    show_refused(outcome)
elif isinstance(outcome, MessageRefused):
    show_message_refused(outcome)
elif isinstance(outcome, NoAssignmentsToConvert):
    st.error(_("This client has no assignment in kind to convert."), icon=":material/error:")
elif outcome is not None:
    show_done(catalogue, outcome)

chosen = choose_client(service.candidates(worker, now()))
if chosen is not None:
    current = service.current(worker, chosen.bsn, now())
    current_table(catalogue, chosen.bsn, current)
    plan = walk_through(catalogue, current, now().date())
    try:
        conversion = service.preview(worker, current, plan)
    except ConversionRefused as refused:
        show_refused(refused, preview=True)
    else:
        show_preview(catalogue, conversion)
        st.button(
            _("Convert into one traject"),
            key=CONFIRM,
            type="primary",
            on_click=convert,
            args=(chosen.bsn, plan),
        )
