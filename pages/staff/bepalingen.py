"""A certified institution's jeugdbeschermer: its own bepalingen jeugdhulp (only its organisation's
children; every read logged), a new bepaling with the uniform registration form (G2,
``GI-DECIDES``), an adjusted bepaling (another provider, volume or period), and what happened since:
a provider that cannot deliver in time is marked at once (``GI-NOT-IN-TIME``)."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_web.auth import require
from smi_web.bepaling_form import bepaling_form, prefill
from smi_web.bepaling_view import (
    bepaling_details,
    bepalingen_table,
    child_name,
    history,
    not_in_time_notice,
)
from smi_web.case.action import show_flash
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain

account = require(StaffPage.BEPALINGEN)
gi = services().gi
st.title(_("Youth-care bepalingen"))
st.caption(
    _(
        "Your institution decides which youth care a child under a protection measure gets. The "
        "bepaling and the registration form go to the provider you choose and to the municipality. "
        "When the provider cannot deliver in time, you see it here and choose another provider."
    )
)
plain(_("Certified institution: %(name)s", name=account.organisation))
show_flash()

try:
    cases = gi.bepalingen(account, now())
except REFUSALS as refused:
    show_refusal(refused, Screen.BEPALINGEN)
    st.stop()

late = [c for c in cases if c.pending_not_in_time is not None]
if late:
    st.warning(
        _(
            "%(count)s bepalingen: the provider cannot deliver in time. Choose another provider with "
            "an adjusted bepaling.",
            count=len(late),
        ),
        icon=":material/schedule:",
    )

st.header(_("Your bepalingen"))
if not cases:
    st.caption(_("Your institution has recorded no bepaling yet."))
else:
    bepalingen_table(cases)
    index = st.selectbox(
        _("Bepaling"),
        range(len(cases)),
        format_func=lambda i: f"{cases[i].reference}: {child_name(cases[i].bepaling)}",
        key="bepalingen_choice",
    )
    case = cases[index or 0]
    not_in_time_notice(case)
    bepaling_details(case.bepaling)
    history(case)
    st.subheader(_("Adjust the bepaling"))
    if case.change_by_317:
        st.caption(
            _(
                "The care is assigned. The provider gets the adjusted bepaling and asks the "
                "municipality for the change with a change request (317)."
            )
        )
    key = f"bepalingen_adjust_{case.reference}"
    prefill(key, case.bepaling)
    reference = case.reference
    bepaling_form(
        gi,
        account,
        key,
        _("Record the adjusted bepaling"),
        _("The adjusted bepaling is recorded and goes to the provider."),
        lambda bepaling: gi.adjust(account, reference, bepaling, now()),
        child=case.bepaling.child,
    )

st.header(_("New bepaling jeugdhulp"))
bepaling_form(
    gi,
    account,
    "bepalingen_new",
    _("Record the bepaling"),
    _("The bepaling is recorded. It goes to the provider and to the municipality."),
    lambda bepaling: gi.record(account, bepaling, now()),
)
