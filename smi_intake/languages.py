"""Which texts residents read, and so which texts every resident language translates.

Residents may read the start page, the intake, the status page, the privacy and accessibility
statements, the receipt, the Wmo letters (beschikking, DAT letter) and the messages to parents
in every language of ``SUPPORTED_LOCALES``; staff pages are in ``STAFF_LOCALES`` only. The files
below hold every message a resident can see; a test fails when one of them is untranslated in a
resident language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent

#: The files whose messages residents read (paths relative to the project root; folders whole).
RESIDENT_SOURCES: tuple[str, ...] = (
    "app.py",
    "pages/home.py",
    "pages/status.py",
    "pages/privacy.py",
    "pages/accessibility.py",
    "pages/intake",
    "pages/jeugd",
    "smi_web/ui.py",
    "smi_web/intake_form.py",
    "smi_intake/intake_steps.py",
    "smi_intake/summary.py",
    "smi_intake/receipt.py",
    "smi_intake/jeugd_steps.py",
    "smi_intake/jeugd_summary.py",
    "smi_core/jeugd/youth_check.py",
    "smi_intake/wmo_letters.py",
    "smi_web/funding.py",
    "smi_intake/pdf.py",
    "smi_core/intake.py",
    "smi_core/eligibility",
    "smi_core/wmo",
    "smi_core/constants.py",
    "smi_core/cases.py",
    "smi_core/dates.py",
    "smi_core/i18n.py",
    "smi_core/municipality.py",
)


def resident_files(root: Path = ROOT) -> list[Path]:
    """The Python files of ``RESIDENT_SOURCES`` that exist."""
    files: list[Path] = []
    for source in RESIDENT_SOURCES:
        path = root / source
        if path.is_dir():
            files.extend(sorted(path.glob("*.py")))
        elif path.is_file():
            files.append(path)
    return files


def resident_messages(root: Path = ROOT) -> dict[str, str]:
    """Message id -> where it is first marked, for every message residents can read."""
    found: dict[str, str] = {}
    for path in resident_files(root):
        for lineno, message, _comments, _context in extract_from_file(
            "python", str(path), keywords={"_": None, "N_": None}
        ):
            if isinstance(message, str):
                found.setdefault(message, f"{path.relative_to(root)}:{lineno}")
    return found


_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")


def sentences(text: str) -> list[str]:
    """The sentences of a text (a placeholder counts as one word)."""
    text = _PLACEHOLDER.sub("X", text.replace("**", "").replace("*", ""))
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]


def words(sentence: str) -> int:
    return len(_WORD.findall(sentence))


@dataclass(frozen=True)
class SentenceReport:
    """How long the sentences of the resident-facing Dutch texts are (plain language: B1)."""

    messages: int
    sentences: int
    average: float
    longest: int
    longest_sentence: str


def dutch_sentence_report(root: Path = ROOT) -> SentenceReport:
    """Sentence lengths of the Dutch translations of every resident message that is a sentence
    (ends in ``.``, ``!`` or ``?``); labels and headings are not sentences and are left out."""
    with (root / "locales" / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    found: list[str] = []
    messages = 0
    for message in resident_messages(root):
        entry = catalog.get(message)
        text = str(entry.string) if entry is not None and entry.string else ""
        if not text.rstrip().endswith((".", "!", "?")):
            continue
        messages += 1
        found.extend(sentences(text))
    lengths = [words(s) for s in found]
    longest = max(range(len(found)), key=lambda i: lengths[i]) if found else -1
    return SentenceReport(
        messages=messages,
        sentences=len(found),
        average=sum(lengths) / len(lengths) if lengths else 0.0,
        longest=lengths[longest] if found else 0,
        longest_sentence=found[longest] if found else "",
    )


def main() -> None:
    """Print the sentence report: ``.venv/bin/python -m smi_intake.languages``."""
    report = dutch_sentence_report()
    print(f"resident-facing Dutch messages that are sentences: {report.messages}")
    print(f"sentences: {report.sentences}")
    print(f"average words per sentence: {report.average:.1f} (target: at most 15)")
    print(f"longest sentence: {report.longest} words: {report.longest_sentence}")


if __name__ == "__main__":
    main()
