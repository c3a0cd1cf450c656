"""Administrator: create accounts, block or unblock them, set a new password."""

from __future__ import annotations

import streamlit as st

from smi_core.access import ROLE_LABELS, Role, StaffPage
from smi_web.auth import require
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain_table

admin = require(StaffPage.ACCOUNTS)
accounts = services().accounts
st.title(_("Accounts"))

plain_table(
    [
        {
            _("User name"): a.username,
            _("Name"): a.display_name,
            _("Role"): _(ROLE_LABELS[a.role]),
            _("Organisation"): a.organisation,
            _("Active"): _("Yes") if a.active else _("No"),
        }
        for a in accounts.accounts()
    ],
)

st.header(_("New account"))
with st.form("new_account", clear_on_submit=False):
    username = st.text_input(_("User name"), key="accounts_new_username")
    display_name = st.text_input(_("Name"), key="accounts_new_name")
    email = st.text_input(_("E-mail address"), key="accounts_new_email")
    role = st.selectbox(
        _("Role"), list(Role), format_func=lambda r: _(ROLE_LABELS[r]), key="accounts_new_role"
    )
    organisation = st.text_input(
        _("Organisation (for agencies; the AGB code for care providers)"), key="accounts_new_organisation"
    )
    password = st.text_input(
        _("First password (at least 12 characters)"), type="password", key="accounts_new_password"
    )
    create = st.form_submit_button(_("Create account"), type="primary")
if create:
    try:
        made = accounts.create_account(
            username,
            display_name,
            role,
            password,
            now(),
            organisation=organisation,
            email=email,
            created_by=admin.username,
        )
    except REFUSALS as refused:
        show_refusal(refused, Screen.ACCOUNTS)
    else:
        st.success(_("Account %(username)s created.", username=made.username), icon=":material/check:")

st.header(_("Change an account"))
names = [a.username for a in accounts.accounts() if a.username != admin.username]
if names:
    chosen = st.selectbox(_("Account"), names, key="accounts_change_username")
    left, right = st.columns(2)
    if left.button(_("Block"), key="accounts_block"):
        accounts.set_active(chosen, False, now(), admin.username)
        st.rerun()
    if right.button(_("Unblock"), key="accounts_unblock"):
        accounts.set_active(chosen, True, now(), admin.username)
        st.rerun()
    with st.form("reset_password", clear_on_submit=True):
        new_password = st.text_input(
            _("New password (at least 12 characters)"), type="password", key="accounts_reset"
        )
        reset = st.form_submit_button(_("Set new password"))
    if reset:
        try:
            accounts.reset_password(chosen, new_password, now(), admin.username)
        except REFUSALS as refused:
            show_refusal(refused, Screen.ACCOUNTS)
        else:
            st.success(_("New password set. The user is signed out everywhere."), icon=":material/check:")
