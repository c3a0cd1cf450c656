"""Helpers every page shares: the session's language, translation and plain-text output."""

from __future__ import annotations

import streamlit as st

from smi_core.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES, gettext, language_name

LOCALE_KEY = "locale"


def current_locale() -> str:
    """The language chosen in this session (Dutch by default)."""
    return str(st.session_state.setdefault(LOCALE_KEY, DEFAULT_LOCALE))


def _(message: str, /, **values: object) -> str:
    """Translate into the session's language."""
    return gettext(current_locale(), message, **values)


def language_picker() -> None:
    """A language choice, kept for the session."""
    current_locale()
    st.selectbox(
        "Taal / Language",
        options=list(SUPPORTED_LOCALES),
        format_func=language_name,
        key=LOCALE_KEY,
    )


def plain(text: str) -> None:
    """Show text typed by a user as plain text: never markdown, never HTML."""
    st.text(text)
