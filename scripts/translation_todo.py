"""List what a resident language still lacks, as JSON for a translator.

    .venv/bin/python scripts/translation_todo.py pl > /tmp/todo-pl.json

Each entry has the message id (English), the Dutch text for context, and where it is used.
Fill in "translation" and give the file to ``scripts/fill_catalogs.py --lang pl``.
"""

from __future__ import annotations

import json
import sys

from babel.messages.pofile import read_po

from smi_intake.languages import ROOT, resident_messages


def main() -> None:
    locale = sys.argv[1]
    with (ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    with (ROOT / "locales" / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        dutch = read_po(fh)
    todo = []
    for message, where in sorted(resident_messages().items(), key=lambda item: item[1]):
        entry = catalog.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            nl = dutch.get(message)
            todo.append({"id": message, "nl": nl.string if nl else "", "where": where, "translation": ""})
    json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
