"""Sign-in for staff and agencies, with streamlit-authenticator used carefully.

- Credentials live in the database (bcrypt), checked by ``AccountService`` with lock-out;
  the library gets no credentials at all, it only signs and keeps the cookie.
- The authenticator and its cookie manager are created for each session run, never cached.
- Every run checks the session server-side, so signing out or changing a password ends
  every session of that user, on every device, which the cookie alone does not do.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import streamlit as st
import streamlit_authenticator as stauth

from smi_core.access import StaffPage, may_open
from smi_intake.services.accounts import Account
from smi_web.services import now, services
from smi_web.ui import _

log = logging.getLogger(__name__)

COOKIE_NAME = "smi_session"
COOKIE_EXPIRY_DAYS = 0.5
ACCOUNT_KEY = "auth_account"
SIGNED_IN_AT_KEY = "auth_signed_in_at"
COOKIE_ACTION = "auth_cookie_action"


_RUN_AUTHENTICATOR = "_auth_authenticator"


def begin_run() -> None:
    """Called first on every run by ``app.py``: the next use builds a new authenticator."""
    st.session_state.pop(_RUN_AUTHENTICATOR, None)


def _authenticator() -> stauth.Authenticate:
    """This session's authenticator for the current run: built at most once per run (its cookie
    manager is an element with a fixed key), kept in the session, never shared between users."""
    authenticator = st.session_state.get(_RUN_AUTHENTICATOR)
    if authenticator is None:
        key = services().settings.cookie_key.get_secret_value()
        authenticator = stauth.Authenticate(
            {"usernames": {}}, COOKIE_NAME, key, COOKIE_EXPIRY_DAYS, auto_hash=False
        )
        st.session_state[_RUN_AUTHENTICATOR] = authenticator
    return authenticator


def current_account() -> Account | None:
    """The signed-in account of this session, checked against the database on every run."""
    accounts = services().accounts
    signed_in_at = st.session_state.get(SIGNED_IN_AT_KEY)
    account: Account | None = st.session_state.get(ACCOUNT_KEY)
    if account is not None and isinstance(signed_in_at, datetime):
        still = accounts.session_account(account.username, signed_in_at)
        if still is None:
            _forget_session()
        else:
            st.session_state[ACCOUNT_KEY] = still
        return still
    if not st.context.cookies.get(COOKIE_NAME):
        return None
    token = _authenticator().cookie_controller.get_cookie()
    if not token:
        return None
    issued = datetime.fromtimestamp(float(token["exp_date"]), UTC) - timedelta(days=COOKIE_EXPIRY_DAYS)
    account = accounts.session_account(str(token["username"]), issued)
    if account is None:
        return None
    st.session_state[ACCOUNT_KEY] = account
    st.session_state[SIGNED_IN_AT_KEY] = issued
    return account


def sign_in(account: Account) -> None:
    """Start a signed-in session; the browser gets its cookie on the next full run."""
    st.session_state[ACCOUNT_KEY] = account
    st.session_state[SIGNED_IN_AT_KEY] = now()
    st.session_state["username"] = account.username
    st.session_state["logout"] = False
    st.session_state[COOKIE_ACTION] = "set"


def sign_out() -> None:
    """End every session of this user (server-side) and forget this one."""
    account: Account | None = st.session_state.get(ACCOUNT_KEY)
    if account is not None:
        services().accounts.end_sessions(account.username, now())
    _forget_session()
    st.session_state[COOKIE_ACTION] = "delete"


def apply_cookie_action() -> None:
    """Write or remove the sign-in cookie in the page itself.

    The library's cookie manager writes from an embedded frame that a quick click away can
    cut short; the token is still made and later read and verified by the library.
    """
    action = st.session_state.pop(COOKIE_ACTION, None)
    if action == "set" and ACCOUNT_KEY in st.session_state:
        model = _authenticator().cookie_controller.cookie_model
        model.exp_date = model._set_exp_date()
        _write_cookie(model._token_encode(), max_age=int(COOKIE_EXPIRY_DAYS * 86400))
    elif action == "delete":
        _write_cookie("", max_age=0)


def _write_cookie(value: str, max_age: int) -> None:
    cookie = json.dumps(f"{COOKIE_NAME}={value}; path=/; max-age={max_age}; SameSite=Strict")
    st.html(
        f"<script>document.cookie = {cookie} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
    )


def _forget_session() -> None:
    for key in (ACCOUNT_KEY, SIGNED_IN_AT_KEY, "username", "name", "authentication_status"):
        st.session_state.pop(key, None)
    st.session_state["logout"] = True


def require(page: StaffPage) -> Account:
    """The signed-in account if its role may open ``page``; otherwise a refusal and stop."""
    account = current_account()
    if account is None or not may_open(account.role, page):
        st.error(_("You do not have access to this page."), icon=":material/block:")
        st.stop()
    return account
