"""Every message of the whole app (pages, app layer, core) is translated in every shipped catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from smi_core.i18n import SUPPORTED_LOCALES
from tests.unit.test_core_catalogs import placeholders

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("app.py", "pages", "smi_intake", "smi_core")


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


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_app_message_is_translated_and_not_fuzzy(locale: str) -> None:
    with (ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    problems = []

    for message, where in app_messages().items():
        entry = catalog.get(message)
        if entry is None:
            problems.append(f"missing: {message!r} ({where})")
        elif not entry.string:
            problems.append(f"untranslated: {message!r} ({where})")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {message!r} ({where})")
        elif placeholders(entry.string) != placeholders(message):
            problems.append(f"placeholders differ: {message!r}")

    assert problems == []
