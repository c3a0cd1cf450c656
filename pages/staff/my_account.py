"""Every signed-in user: who am I, change my password, sign out everywhere."""

from __future__ import annotations

import streamlit as st

from smi_core.access import ROLE_LABELS, StaffPage
from smi_web.auth import require, sign_out
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain

account = require(StaffPage.MY_ACCOUNT)
st.title(_("My account"))
plain(_("Name: %(name)s", name=account.display_name))
plain(_("Role: %(role)s", role=_(ROLE_LABELS[account.role])))
if account.organisation:
    plain(_("Organisation: %(organisation)s", organisation=account.organisation))

st.header(_("Change password"))
st.write(_("After the change you are signed out everywhere, also on other devices."))
with st.form("password_form", clear_on_submit=True):
    current = st.text_input(_("Current password"), type="password", key="password_current")
    new = st.text_input(_("New password (at least 12 characters)"), type="password", key="password_new")
    again = st.text_input(_("New password again"), type="password", key="password_again")
    change = st.form_submit_button(_("Change password"))
if change:
    if new != again:
        st.error(_("The two new passwords are not the same."), icon=":material/error:")
    else:
        try:
            services().accounts.change_password(account.username, current, new, now())
        except REFUSALS as refused:
            show_refusal(refused, Screen.MY_ACCOUNT)
        else:
            sign_out()
            st.rerun()

st.header(_("Sign out"))
if st.button(_("Sign out everywhere"), key="sign_out", icon=":material/logout:"):
    sign_out()
    st.rerun()
