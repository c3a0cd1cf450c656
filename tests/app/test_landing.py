"""The landing page renders in Dutch by default and in English on request."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import new_app


def _app() -> AppTest:
    return new_app()


def test_landing_page_explains_smi_in_dutch_by_default() -> None:
    app = _app()

    app.run()

    assert not app.exception
    assert app.title[0].value == "Hulp bij kinderopvang als u niet voor uw kinderen kunt zorgen"
    headers = [h.value for h in app.header]
    assert headers[:3] == ["Wat is SMI?", "Voor wie is het?", "Wat gebeurt er daarna?"]
    page_text = " ".join(m.value for m in app.markdown)
    assert "Hendrik-Ido-Ambacht" in page_text
    assert "12 jaar of jonger" in page_text


def test_choosing_english_shows_the_landing_page_in_english() -> None:
    app = _app()
    app.run()

    app.selectbox(key="locale").select("en").run()

    assert not app.exception
    assert app.title[0].value == "Help with childcare when you cannot care for your children"
    assert app.session_state["locale"] == "en"
