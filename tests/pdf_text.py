"""The text of a PDF made by ``smi_intake.pdf``, line by line, as a reader sees it on the page.

fpdf2 writes each glyph by its glyph id with its own position, and a ToUnicode map per font that
says which characters each glyph stands for; this reads both back. A line is the glyphs at the same
height, left to right (marks set a little higher or lower, like the Arabic shadda, join their line).
Right-to-left text therefore comes out in visual order: compare it with ``visual_rtl``.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

from fpdf.bidi import BidiParagraph
from fpdf.enums import TextDirection

_OBJECT = re.compile(rb"(\d+) 0 obj\s(.*?)endobj", re.S)
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|/[^\s/\[\]()<>]+|\[|\]|[-+]?\d*\.?\d+|[A-Za-z'\"*]+", re.S
)
_NUMBER = re.compile(rb"[-+]?\d*\.?\d+")
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
#: Glyphs whose baselines differ by less than this (points) are on the same line.
_SAME_LINE = 5.0


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(match.group(1)): match.group(2) for match in _OBJECT.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    match = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    assert match is not None, "an object without a stream"
    data = match.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in body[: match.start()] else data


def _literal(token: bytes) -> bytes:
    """The bytes of a PDF literal string ``(...)``."""
    raw, out, i = token[1:-1], bytearray(), 0
    while i < len(raw):
        if raw[i] != 0x5C:
            out.append(raw[i])
        else:
            i += 1
            if raw[i] in _ESCAPES:
                out.append(_ESCAPES[raw[i]])
            elif 0x30 <= raw[i] <= 0x37:
                end = i
                while end < len(raw) and end < i + 3 and 0x30 <= raw[end] <= 0x37:
                    end += 1
                out.append(int(raw[i:end], 8))
                i = end - 1
            else:
                out.append(raw[i])
        i += 1
    return bytes(out)


def _fonts(objects: dict[int, bytes]) -> dict[str, dict[int, str]]:
    """Per font resource name (``F1``): glyph id -> the characters it stands for."""
    fonts: dict[str, dict[int, str]] = {}
    for body in objects.values():
        for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            cmap = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(ref)])
            mapping: dict[int, str] = {}
            if cmap is not None:
                text = _stream(objects[int(cmap.group(1))])
                for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
                    for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                        mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
            fonts[name.decode()] = mapping
    return fonts


def _glyphs(content: bytes, fonts: dict[str, dict[int, str]]) -> list[tuple[float, float, str]]:
    """(baseline, x, characters) of every glyph shown in a content stream."""
    glyphs: list[tuple[float, float, str]] = []
    operands: list[bytes] = []
    font: dict[int, str] = {}
    x = y = 0.0
    for token in _TOKEN.findall(content):
        if token == b"Tf":
            font = fonts.get(operands[-2].decode()[1:], {})
        elif token in (b"Td", b"Tm"):
            x, y = float(operands[-2]), float(operands[-1])
        elif token in (b"Tj", b"TJ"):
            for string in (o for o in operands if o[:1] in (b"(", b"<")):
                data = (
                    _literal(string)
                    if string[:1] == b"("
                    else bytes.fromhex(re.sub(rb"\s", b"", string[1:-1]).decode())
                )
                codes = (int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2))
                glyphs.append((y, x, _visual("".join(font.get(code, "") for code in codes))))
                x += 0.001  # glyphs of one string keep their order
        if token[:1] in (b"(", b"<", b"/", b"[", b"]") or _NUMBER.fullmatch(token):
            operands.append(token)
        else:
            operands = []
    return glyphs


def _visual(text: str) -> str:
    """A glyph of several right-to-left letters (the Arabic lam-alef) in their order on the page."""
    if len(text) > 1 and all(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return text[::-1]
    return text


def pdf_lines(pdf: bytes) -> list[str]:
    """Every line of text of every page, top to bottom, each left to right."""
    objects = _objects(pdf)
    fonts = _fonts(objects)
    contents = [
        int(ref)
        for body in objects.values()
        if re.search(rb"/Type /Page\b", body)
        for ref in re.findall(rb"/Contents (\d+) 0 R", body)
    ]
    lines: list[str] = []
    for ref in contents:
        rows: list[tuple[float, list[tuple[float, str]]]] = []
        for y, x, text in sorted(_glyphs(_stream(objects[ref]), fonts), key=lambda glyph: -glyph[0]):
            if rows and abs(rows[-1][0] - y) < _SAME_LINE:
                rows[-1][1].append((x, text))
            else:
                rows.append((y, [(x, text)]))
        lines.extend("".join(text for _, text in sorted(row)).strip() for _, row in rows)
    return lines


def pdf_text(pdf: bytes) -> str:
    """The whole text as one string: lines joined by a space, runs of spaces made one."""
    return re.sub(r"\s+", " ", " ".join(pdf_lines(pdf)))


def visual_rtl(text: str) -> str:
    """How a line of ``text`` in a right-to-left paragraph reads left to right on the page."""
    return BidiParagraph(text, base_direction=TextDirection.RTL).get_reordered_string()
