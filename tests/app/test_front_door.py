"""The front door: one start page that asks what the help is for and leads to each request."""

from __future__ import annotations

from tests.app.intake_helpers import started_app, title


def test_the_start_page_asks_what_the_help_is_for_in_dutch_by_default() -> None:
    app = started_app()

    assert not app.exception
    assert title(app) == "Waarmee kunnen we u helpen?"
    labels = [box.label for box in app.checkbox]
    assert labels[:4] == [
        "Kinderopvang, omdat ik een tijd niet voor mijn kinderen kan zorgen",
        "Hulp voor mijzelf of een andere volwassene, bijvoorbeeld thuis, met begeleiding of dagbesteding",
        "Hulp voor een kind of jongere onder de 18",
        "Iets anders, of ik weet het nog niet",
    ]
    assert [b.key for b in app.button if b.key and b.key.startswith("door_")] == []


def test_a_family_that_asks_for_two_things_gets_a_way_in_for_each() -> None:
    app = started_app()

    app.checkbox(key="door.childcare").check()
    app.checkbox(key="door.adult").check().run()

    keys = [b.key for b in app.button]
    assert "door_smi" in keys and "door_wmo" in keys


def test_support_for_an_adult_leads_to_the_wmo_melding() -> None:
    app = started_app()
    app.checkbox(key="door.adult").check().run()

    app.button(key="door_wmo").click().run()

    assert not app.exception
    assert title(app) == "Start"
    assert "Stap 1 van 8" in [c.value for c in app.caption]


def test_other_help_is_answered_with_where_to_go_not_a_form() -> None:
    app = started_app()

    app.checkbox(key="door.other").check().run()

    text = " ".join(str(m.value) for m in app.markdown)
    assert "buurthuis" in text
    assert not [b for b in app.button if b.key in ("door_smi", "door_wmo", "door_jeugd")]


def test_support_for_a_child_leads_to_the_request_for_youth_care() -> None:
    app = started_app()

    app.checkbox(key="door.child").check().run()

    assert "door_jeugd" in [b.key for b in app.button]


def test_choosing_english_shows_the_front_door_in_english() -> None:
    app = started_app()

    app.selectbox(key="locale").select("en").run()

    assert title(app) == "How can we help you?"


def test_the_smi_page_still_explains_smi() -> None:
    app = started_app()

    app.switch_page("pages/about_smi.py").run()

    assert title(app) == "Hulp bij kinderopvang als u niet voor uw kinderen kunt zorgen"
    headers = [h.value for h in app.header]
    assert headers[:3] == ["Wat is SMI?", "Voor wie is het?", "Wat gebeurt er daarna?"]
    page_text = " ".join(m.value for m in app.markdown)
    assert "Hendrik-Ido-Ambacht" in page_text
    assert "12 jaar of jonger" in page_text
