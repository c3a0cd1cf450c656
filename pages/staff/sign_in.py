"""Sign-in for staff and referring agencies. Parents never need an account."""

from __future__ import annotations

import streamlit as st

from smi_web.auth import current_account, sign_in
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _

account = current_account()
if account is not None:
    st.title(_("Staff start page"))
    st.success(_("You are signed in as %(name)s.", name=account.display_name), icon=":material/check:")
    st.write(_('Choose a page in the menu under "Staff".'))
    st.stop()
st.title(_("Sign in for staff and agencies"))

st.write(_("Parents do not need to sign in. They use their reference number and resume code."))
with st.form("sign_in_form"):
    username = st.text_input(_("User name"), key="sign_in_username", autocomplete="username")
    password = st.text_input(
        _("Password"), type="password", key="sign_in_password", autocomplete="current-password"
    )
    submitted = st.form_submit_button(_("Sign in"), type="primary")
if submitted:
    try:
        signed_in = services().accounts.authenticate(username, password, now())
    except REFUSALS as refused:
        show_refusal(refused, Screen.SIGN_IN)
    else:
        sign_in(signed_in)
        st.rerun()
