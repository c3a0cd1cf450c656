"""Helpers every page shares: the session's language, translation and plain-text output."""

from __future__ import annotations

import json
import re
from typing import Any

import streamlit as st

from smi_core import MunicipalityConfig
from smi_core.constants import LABELS
from smi_core.i18n import (
    DEFAULT_LOCALE,
    STAFF_LOCALES,
    SUPPORTED_LOCALES,
    UnsupportedLocale,
    gettext,
    language_name,
    normalise_locale,
    text_direction,
)

LOCALE_KEY = "locale"


def browser_locale() -> str:
    """The browser's language when the app has it, else Dutch."""
    try:
        return normalise_locale(st.context.locale)
    except (UnsupportedLocale, AttributeError, RuntimeError):
        return DEFAULT_LOCALE


def current_locale() -> str:
    """The language of this session: the browser's at first, then the one chosen."""
    if LOCALE_KEY not in st.session_state:
        st.session_state[LOCALE_KEY] = browser_locale()
    return str(st.session_state[LOCALE_KEY])


def keep_to_staff_locales() -> None:
    """Staff pages are in Dutch and English only: a signed-in session in another language turns
    to Dutch (the residents' pages follow; they are all in Dutch too)."""
    if current_locale() not in STAFF_LOCALES:
        st.session_state[LOCALE_KEY] = DEFAULT_LOCALE


#: What Streamlit itself draws that needs a hand for WCAG 2.1 AA (checked by axe-core in the browser
#: tests, tests/e2e/test_accessibility.py): captions in a grey with too little contrast, and the
#: sidebar navigation, whose sections put ``<div>`` and ``<header>`` elements inside its ``<ul>`` (so
#: it is no valid list; its links stay a plain set of links). A MutationObserver keeps the repair when
#: Streamlit redraws.
#:
#: Focus: a radio option or a checkbox shows focus only as a faint tint (about 1.2:1), and a button as
#: a half-transparent ring (about 2.2:1); every control a keyboard reaches gets a solid outline in the
#: theme's red (4.9:1 on white; WCAG 2.4.7 and 1.4.11).
#:
#: Captions: Streamlit draws them in the text colour at ``opacity: 0.6``, which blends to #9d9d9c on
#: white (2.7:1; WCAG 1.4.3 asks 4.5:1). Full opacity with a darker grey gives 6.7:1 on white and
#: still reads as secondary text.
_PAGE_STYLE = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #5c5b5a !important; opacity: 1 !important;
}
html[dir="rtl"] [data-testid="stMain"], html[dir="rtl"] [data-testid="stSidebarUserContent"] {
  direction: rtl; text-align: right;
}
[data-testid="stRadioOption"]:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible),
button:focus-visible, a:focus-visible {
  outline: 2px solid #c53948 !important; outline-offset: 2px; border-radius: 4px;
}
</style>
"""
_PAGE_SCRIPT = """
<script>
(function () {
  window.smiLanguage = {lang: %(lang)s, dir: %(dir)s, skip: %(skip)s, anchor: %(anchor)s};
  function repair() {
    var root = document.documentElement;
    if (root.lang !== window.smiLanguage.lang) { root.lang = window.smiLanguage.lang; }
    if (root.dir !== window.smiLanguage.dir) { root.dir = window.smiLanguage.dir; }
    document.querySelectorAll('[data-testid="stSidebarNavItems"]').forEach(function (list) {
      if (list.getAttribute("role") !== "none") { list.setAttribute("role", "none"); }
      list.querySelectorAll("li").forEach(function (item) {
        if (item.getAttribute("role") !== "none") { item.setAttribute("role", "none"); }
      });
    });
    tieErrors();
    scrollableTables();
    ownWords();
  }
  // Streamlit's own texts for screen readers are English on every page (WCAG 3.1.2): the skip
  // link and the links beside headings say it in the page's language.
  function ownWords() {
    document.querySelectorAll('[data-testid="stSkipToContent"]').forEach(function (link) {
      if (link.textContent !== window.smiLanguage.skip) { link.textContent = window.smiLanguage.skip; }
    });
    var anchors = '[data-testid="stHeaderActionElements"] a[aria-label]';
    document.querySelectorAll(anchors).forEach(function (link) {
      if (link.getAttribute("aria-label") !== window.smiLanguage.anchor) {
        link.setAttribute("aria-label", window.smiLanguage.anchor);
      }
    });
  }
  // An error shown right below a field (intake_form.error_for) describes that field: screen
  // readers read it with the field, which is marked invalid. Once the error is gone (the field was
  // corrected), the field loses both again: it is no longer invalid and points at nothing.
  function tieErrors() {
    var tied = [];
    var alerts = document.querySelectorAll('[data-testid="stMain"] [data-testid="stAlertContainer"]');
    alerts.forEach(function (alert) {
      var holder = alert.closest('[data-testid="stElementContainer"]');
      var before = holder && holder.previousElementSibling;
      if (!before || !alert.querySelector('[data-testid="stAlertContentError"]')) { return; }
      var field = before.querySelector('input:not([type="hidden"]), textarea, [role="radiogroup"]');
      if (!field) { return; }
      if (!alert.id) {
        window.smiErrorCount = (window.smiErrorCount || 0) + 1;
        alert.id = "smi-error-" + window.smiErrorCount;
      }
      tied.push(field);
      if (field.getAttribute("aria-describedby") !== alert.id) {
        field.setAttribute("aria-describedby", alert.id);
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("data-smi-error", "");
      }
    });
    document.querySelectorAll("[data-smi-error]").forEach(function (field) {
      if (tied.indexOf(field) < 0) {
        field.removeAttribute("aria-describedby");
        field.removeAttribute("aria-invalid");
        field.removeAttribute("data-smi-error");
      }
    });
  }
  // A table wider than its column scrolls sideways (st.table's wrapper has overflow: auto), but a
  // keyboard cannot reach the scroll area when nothing in it takes focus (WCAG 2.1.1; axe's
  // scrollable-region-focusable): such a wrapper becomes a tab stop, and stops being one once the
  // table fits again (checked again when the window changes size). A table of a fixed size is left
  // alone: Streamlit makes that one a focusable region itself.
  function scrollableTables() {
    document.querySelectorAll('[data-testid="stTable"] > div:not([role])').forEach(function (wrapper) {
      var scrolls = wrapper.scrollWidth > wrapper.clientWidth || wrapper.scrollHeight > wrapper.clientHeight;
      if (scrolls && !wrapper.hasAttribute("tabindex")) {
        wrapper.setAttribute("tabindex", "0");
        wrapper.setAttribute("data-smi-scroll", "");
      } else if (!scrolls && wrapper.hasAttribute("data-smi-scroll")) {
        wrapper.removeAttribute("tabindex");
        wrapper.removeAttribute("data-smi-scroll");
      }
    });
  }
  repair();
  if (!window.smiRepairObserver) {
    window.smiRepairObserver = new MutationObserver(repair);
    window.smiRepairObserver.observe(document.body, {childList: true, subtree: true});
    window.addEventListener("resize", repair);
  }
})();
</script>
"""


def _(message: str, /, **values: object) -> str:
    """Translate into the session's language."""
    return gettext(current_locale(), message, **values)


def page_fixes() -> None:
    """Tell the browser (and screen readers) the page's language and direction (``<html lang dir>``;
    Streamlit marks every page as English), and repair what Streamlit draws for WCAG 2.1 AA."""
    locale = current_locale()
    values = {
        "lang": json.dumps(locale),
        "dir": json.dumps(text_direction(locale)),
        "skip": json.dumps(_("Skip to main content")),
        "anchor": json.dumps(_("Link to this heading")),
    }
    st.html(_PAGE_STYLE + _PAGE_SCRIPT % values, unsafe_allow_javascript=True)


def language_picker(staff: bool = False) -> None:
    """A language choice, kept for the session: every resident language, or the staff languages."""
    current_locale()
    st.selectbox(
        "Taal / Language",
        options=list(STAFF_LOCALES if staff else SUPPORTED_LOCALES),
        format_func=language_name,
        key=LOCALE_KEY,
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=$:])")


def escape_markdown(text: str) -> str:
    """User text made inert for Streamlit's markdown: no formatting, links, HTML, icons or maths."""
    return "  \n".join(_MARKDOWN_SPECIAL.sub(r"\\\1", line) for line in text.splitlines())


#: What can start markdown, HTML, maths or an icon inside one table cell (a line, never a block).
_CELL_SPECIAL = re.compile(r"([\\`*_\[\]<>~$:|])")


def plain_cell(value: object) -> object:
    """A table cell made inert for ``st.table``, which renders its cells as markdown."""
    if not isinstance(value, str):
        return value
    return " ".join(_CELL_SPECIAL.sub(r"\\\1", line) for line in value.splitlines())


def plain_table(rows: list[dict[str, Any]]) -> None:
    """``st.table`` for rows that hold (or may hold) typed text: every cell shown as plain text."""
    st.table([{str(plain_cell(k)): plain_cell(v) for k, v in row.items()} for row in rows])


def plain(text: str) -> None:
    """Show text typed by a user (or containing it) as plain text: never markdown, never HTML."""
    st.markdown(escape_markdown(text))


def label(choice: object) -> str:
    """The translated label of a domain choice (an enum of ``smi_core.constants``)."""
    message = LABELS.get(choice)  # type: ignore[call-overload]
    return _(message) if message else str(choice)


QUICK_EXIT = "_quick_exit"


def quick_exit_button() -> None:
    """ "Snel weg": one click clears the session and leaves for a neutral website."""
    st.button(
        _("Quick exit"),
        key="quick_exit",
        icon=":material/logout:",
        help=_("Leave this website at once. What you typed is removed from this screen."),
        on_click=_quick_exit,
        type="secondary",
    )


def _quick_exit() -> None:
    st.session_state.clear()
    st.session_state[QUICK_EXIT] = True


def handle_quick_exit(url: str) -> None:
    """After a quick exit: replace this page by the neutral website and stop."""
    if not st.session_state.get(QUICK_EXIT):
        return
    target = json.dumps(url)
    st.html(f"<script>window.location.replace({target});</script>", unsafe_allow_javascript=True)
    st.link_button(_("Continue"), url)
    st.stop()


def contact_block(municipality: MunicipalityConfig) -> None:
    """How to reach the social team; a general pointer when no details are configured."""
    st.subheader(_("Questions?"))
    if municipality.contact_details:
        st.write(_("Contact %(team)s:", team=municipality.social_team))
        st.text("\n".join(municipality.contact_details))
    else:
        st.write(
            _(
                "Contact %(team)s through the municipality of %(municipality)s.",
                team=municipality.social_team,
                municipality=municipality.name,
            )
        )
