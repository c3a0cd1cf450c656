"""Fill new entries of the catalogs: English gets its message id, Dutch the given translations.

    .venv/bin/python scripts/fill_catalogs.py translations.py   # a file that defines NL = {msgid: text}
    .venv/bin/python scripts/fill_catalogs.py --lang pl todo-pl.json   # from scripts/translation_todo.py

Prints every Dutch entry that is still empty or fuzzy afterwards.
"""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]


def _fill(locale: str, translations: dict[str, str]) -> list[str]:
    path = ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    missing = []
    for message in catalog:
        if not message.id or (message.string and not message.fuzzy):
            continue
        text = message.id if locale == "en" else translations.get(str(message.id), "")
        if text:
            message.string = text
            message.flags.discard("fuzzy")
        else:
            missing.append(str(message.id))
    with path.open("wb") as fh:
        write_po(fh, catalog, width=0, sort_by_file=True)
    return missing


def _fill_resident(locale: str, path: str) -> None:
    """A resident language from a translator's JSON file (``scripts/translation_todo.py``)."""
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    given = {str(e["id"]): str(e["translation"]) for e in entries if str(e.get("translation", "")).strip()}
    missing = _fill(locale, given)
    print(f"{locale}: {len(given)} given, {len(missing)} still untranslated (staff texts included)")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--lang":
        _fill_resident(sys.argv[2], sys.argv[3])
        return
    translations = runpy.run_path(sys.argv[1])["NL"] if len(sys.argv) > 1 else {}
    _fill("en", {})
    for message in _fill("nl", translations):
        print(f"nl untranslated: {message!r}")


if __name__ == "__main__":
    main()
