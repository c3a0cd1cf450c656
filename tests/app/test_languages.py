"""Residents read the app in six languages, several at once in one process; staff pages are in Dutch
and English; the language follows the session, never the process."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.i18n import STAFF_LOCALES, SUPPORTED_LOCALES, gettext
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import new_app

TITLE = "How can we help you?"


def _resident(locale: str) -> AppTest:
    app = new_app()
    app.session_state["locale"] = locale
    app.run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_start_page_is_in_each_resident_language(locale: str) -> None:
    app = _resident(locale)

    assert app.title[0].value == gettext(locale, TITLE)
    assert locale == "en" or app.title[0].value != TITLE
    assert app.selectbox(key="locale").options == [
        app.selectbox(key="locale").format_func(code) for code in SUPPORTED_LOCALES
    ]


def test_two_sessions_in_one_process_each_keep_their_language() -> None:
    polish, arabic = _resident("pl"), _resident("ar")

    polish.run()
    arabic.run()

    assert polish.title[0].value == gettext("pl", TITLE)
    assert arabic.title[0].value == gettext("ar", TITLE)


@pytest.mark.db
def test_a_signed_in_worker_gets_the_staff_languages_only(app_environment: str) -> None:
    moment = datetime.now(UTC)
    svc = services()
    svc.accounts.create_account("medewerker", "Test", Role.WIJZER, "een-lang-wachtwoord", moment)
    app = new_app()
    app.session_state["locale"] = "tr"
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("medewerker", moment)
    app.session_state[SIGNED_IN_AT_KEY] = moment
    app.run()

    assert not app.exception
    assert app.session_state["locale"] == "nl"
    picker = app.selectbox(key="locale")
    assert picker.options == [picker.format_func(code) for code in STAFF_LOCALES]
