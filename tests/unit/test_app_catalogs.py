"""Every message of the whole app (pages, app layer, core) is translated in the staff languages, and
every message a resident can read is translated in every resident language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from smi_core.i18n import STAFF_LOCALES, SUPPORTED_LOCALES
from smi_intake.languages import RESIDENT_SOURCES, resident_messages
from tests.unit.test_core_catalogs import placeholders

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("app.py", "pages", "smi_intake", "smi_web", "smi_core")


def app_messages() -> dict[str, str]:
    found: dict[str, str] = {}
    for source in SOURCES:
        path = ROOT / source
        if path.is_file():
            entries = extract_from_dir(
                str(ROOT), method_map=[(source, "python")], keywords={"N_": None, "_": None}
            )
        else:
            entries = extract_from_dir(
                str(path), method_map=[("**.py", "python")], keywords={"N_": None, "_": None}
            )
        for filename, lineno, message, _comments, _context in entries:
            found.setdefault(message, f"{source}/{filename}:{lineno}")
    return found


def test_messages_are_found_in_pages_and_the_app_layer() -> None:
    messages = app_messages()

    assert "Step %(n)s of %(total)s" in messages
    assert "Quick exit" in messages
    assert len(messages) > 300


def _problems(locale: str, messages: dict[str, str]) -> list[str]:
    with (ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    problems = []
    for message, where in messages.items():
        entry = catalog.get(message)
        if entry is None:
            problems.append(f"missing: {message!r} ({where})")
        elif not entry.string:
            problems.append(f"untranslated: {message!r} ({where})")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {message!r} ({where})")
        elif placeholders(entry.string) != placeholders(message):
            problems.append(f"placeholders differ: {message!r}")
    return problems


@pytest.mark.parametrize("locale", STAFF_LOCALES)
def test_every_app_message_is_translated_and_not_fuzzy(locale: str) -> None:
    assert _problems(locale, app_messages()) == []


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_message_residents_read_is_translated_in_every_resident_language(locale: str) -> None:
    assert _problems(locale, resident_messages()) == []


def test_the_resident_languages_are_the_issue_s_six_and_the_sources_exist() -> None:
    assert set(SUPPORTED_LOCALES) == {"nl", "en", "pl", "tr", "uk", "ar"}
    assert set(STAFF_LOCALES) == {"nl", "en"}
    for source in RESIDENT_SOURCES:
        assert (ROOT / source).exists(), source
    messages = resident_messages()
    assert "Quick exit" in messages and "Status of your request" in messages
    assert "Record the placement" not in messages  # a staff text
