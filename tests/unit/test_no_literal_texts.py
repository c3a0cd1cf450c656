"""No user-facing text bypasses the catalogs: every literal string handed to a Streamlit element that
shows text is a message id inside ``_()`` (or a value that is not language, such as a reference
pattern). The scan reads the source, so a new page is covered without being listed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [
        ROOT / "app.py",
        *(ROOT / "pages").rglob("*.py"),
        *(ROOT / "smi_intake").rglob("*.py"),
        *(ROOT / "smi_web").rglob("*.py"),
    ]
)

#: Streamlit calls whose first argument (and these keywords) are shown to the user.
TEXT_CALLS = {
    "title", "header", "subheader", "write", "markdown", "caption", "text", "info", "warning", "error",
    "success", "button", "form_submit_button", "download_button", "link_button", "page_link", "text_input",
    "text_area", "number_input", "date_input", "time_input", "selectbox", "radio", "multiselect", "checkbox",
    "toggle", "file_uploader", "expander", "metric", "tabs", "popover", "Page", "toast", "status",
}  # fmt: skip
#: Calls whose first argument is a page's file, not a text.
PATH_FIRST = {"Page", "page_link"}
#: Objects with methods of the same names that show nothing (logging, the municipality's texts).
NOT_STREAMLIT = {"log", "logger", "logging", "municipality"}
#: The intake form's field helpers (``smi_web.intake_form``): a field name first, then the label.
FIELD_FIRST = {"page"}
TEXT_KEYWORDS = {"label", "help", "placeholder", "title", "caption", "body"}
#: Literal texts that are deliberately not translated, with the reason.
ALLOWED = {
    "Taal / Language",  # the language picker is labelled in both languages so everyone finds it
    "SMI-2026-000123",  # a reference number pattern as placeholder
    "XXXX-XXXX-XXXX-XXXX",  # a resume code pattern as placeholder
    "3341 AB",  # a postcode pattern as placeholder
    # the column names of the subsidy CSV format, as an example placeholder
    "reference;child;dagdelen_per_week;weeks;amount\nSMI-2026-000001;Sam;4;13;1234,56",
}
LANGUAGE = re.compile(r"[A-Za-z]{2,}")


def _literal_texts(node: ast.expr) -> list[str]:
    """The literal language in an expression handed to a text element (not inside ``_()``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if LANGUAGE.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str) and LANGUAGE.search(part.value)
        ]
    if isinstance(node, ast.BinOp):
        return _literal_texts(node.left) + _literal_texts(node.right)
    if isinstance(node, ast.List | ast.Tuple):
        return [text for element in node.elts for text in _literal_texts(element)]
    return []


def literal_texts(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        if not isinstance(node.func, ast.Attribute):  # Streamlit's elements are always st.x or col.x
            continue
        name, receiver = node.func.attr, node.func.value
        owner = receiver.id if isinstance(receiver, ast.Name) else ""
        if name not in TEXT_CALLS or owner in NOT_STREAMLIT:
            continue
        if name in PATH_FIRST:
            first = []
        elif owner in FIELD_FIRST:
            first = list(node.args[1:2])
        else:
            first = list(node.args[:1])
        shown = first + [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for expression in shown:
            for text in _literal_texts(expression):
                if text not in ALLOWED:
                    found.append(f"{path.relative_to(root)}:{node.lineno}: {text!r}")
    return found


def test_the_scan_finds_a_literal_text_and_accepts_a_translated_one(tmp_path: Path) -> None:
    sample = tmp_path / "page.py"
    sample.write_text(
        'st.title("Hello")\nst.button(_("Send"))\nst.caption(f"Step {n}")\nst.write("**" + _("Hi") + "**")\n'
        'col.text_input(label="Name")\nst.markdown("---")\npage.text("postcode", "Postcode")\n'
        'text("SELECT 1")\n',
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in literal_texts(sample, root=tmp_path)]
    assert found == ["'Hello'", "'Step '", "'Name'", "'Postcode'"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_user_facing_literal_text_bypasses_the_catalogs(path: Path) -> None:
    assert literal_texts(path) == []
