"""Every message marked in ``smi_core`` is translated, current and well-formed in every catalog."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import smi_core
from smi_core.constants import LABELS
from smi_core.i18n import translations
from smi_core.timeline import EXTENSION_REFUSAL_LABELS, REVIEW_LABELS

CORE_DIR = Path(smi_core.__file__).resolve().parent
LOCALES_DIR = CORE_DIR.parent / "locales"
LOCALES = ["nl", "en"]

#: A printf-style placeholder: ``%(name)s``, ``%(count)d``, ... (``%%`` is a literal percent sign).
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([diouxXeEfFgGcrs%])")


@cache
def core_messages() -> dict[str, str]:
    """Message id -> where it is marked, for every ``N_``/``_`` string in ``smi_core``."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(CORE_DIR), method_map=[("**.py", "python")], keywords={"N_": None, "_": None}
    ):
        assert isinstance(message, str), f"plural or odd message at {filename}:{lineno}"
        found.setdefault(message, f"smi_core/{filename}:{lineno}")
    return found


@cache
def catalog(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def po_catalog(locale: str) -> Catalog:
    return catalog(LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po")


def placeholders(text: str) -> set[str]:
    """The names of the placeholders of a text; an unnamed one shows as ``?``."""
    return {name or "?" for name, kind in PLACEHOLDER.findall(text) if kind != "%"}


def test_the_core_marks_its_messages_for_translation() -> None:
    messages = core_messages()

    assert len(messages) >= 60
    assert "Your children are registered in %(municipality)s." in messages
    assert "day care (KDV)" in messages


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("LABELS", LABELS),
        ("REVIEW_LABELS", REVIEW_LABELS),
        ("EXTENSION_REFUSAL_LABELS", EXTENSION_REFUSAL_LABELS),
    ],
)
def test_every_label_of_the_core_is_marked_for_extraction(name: str, labels: dict[object, str]) -> None:
    messages = core_messages()

    unmarked = [label for label in labels.values() if label not in messages]

    assert unmarked == [], f"{name} has labels Babel does not extract"


def test_the_template_holds_every_core_message() -> None:
    template = catalog(LOCALES_DIR / "messages.pot")

    absent = [f"{where}: {message}" for message, where in core_messages().items() if message not in template]

    assert absent == [], "run pybabel extract:\n" + "\n".join(absent)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_core_message_is_in_the_catalog(locale: str) -> None:
    po = po_catalog(locale)

    absent = [f"{where}: {message}" for message, where in core_messages().items() if message not in po]

    assert absent == [], f"not in locales/{locale}:\n" + "\n".join(absent)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_core_message_is_translated(locale: str) -> None:
    po = po_catalog(locale)

    untranslated = [
        f"{where}: {message}"
        for message, where in core_messages().items()
        if message in po and not str(po[message].string).strip()
    ]

    assert untranslated == [], f"untranslated in locales/{locale}:\n" + "\n".join(untranslated)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_core_translation_is_fuzzy(locale: str) -> None:
    po = po_catalog(locale)

    fuzzy = [
        f"{where}: {message}"
        for message, where in core_messages().items()
        if message in po and po[message].fuzzy
    ]

    assert fuzzy == [], f"fuzzy in locales/{locale}:\n" + "\n".join(fuzzy)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_core_translation_has_the_placeholders_of_its_message(locale: str) -> None:
    po = po_catalog(locale)

    mismatched = [
        f"{where}: {message!r} -> {po[message].string!r}"
        for message, where in core_messages().items()
        if message in po
        and str(po[message].string).strip()
        and placeholders(str(po[message].string)) != placeholders(message)
    ]

    assert mismatched == [], f"placeholders differ in locales/{locale}:\n" + "\n".join(mismatched)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_core_translation_can_be_filled_in(locale: str) -> None:
    po = po_catalog(locale)
    broken = []

    for message, where in core_messages().items():
        translation = str(po[message].string) if message in po else ""
        values = {name: "x" for name in placeholders(message)}
        try:
            _ = translation % values if values else translation
        except (KeyError, ValueError, TypeError) as error:
            broken.append(f"{where}: {translation!r} ({error})")

    assert broken == [], "\n".join(broken)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_catalog_the_core_loads_shows_the_translations_of_the_po_file(locale: str) -> None:
    po = po_catalog(locale)
    loaded = translations(locale)

    differing = [
        f"{where}: {message!r} shows {loaded.gettext(message)!r}"
        for message, where in core_messages().items()
        if message in po and loaded.gettext(message) != po[message].string
    ]

    assert differing == [], f"recompile locales/{locale} (pybabel compile):\n" + "\n".join(differing)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%(child)s is %(age)s on %(date)s.", {"age", "child", "date"}),
        ("%(count)d part-days, 100%% sure", {"count"}),
        ("no placeholders", set()),
        ("a bare %s", {"?"}),
        ("%(child)s and %(child)s", {"child"}),
    ],
)
def test_the_placeholder_reader_of_these_tests_finds_every_placeholder(text: str, expected: set[str]) -> None:
    assert placeholders(text) == expected
