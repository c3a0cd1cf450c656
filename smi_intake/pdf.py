"""A4 documents as PDF (fpdf2): a Unicode font where the system has one, and text line by line."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from smi_core.i18n import text_direction

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


class LineWriter(Protocol):
    """Writes a paragraph: text, font size, style ("" or "B") and the gap after it (mm)."""

    def __call__(self, value: str, size: int = 10, style: str = "", gap: float = 1.5) -> None: ...


def new_document(title: str, locale: str) -> tuple[FPDF, LineWriter]:
    """An A4 document with its first page, and a function that writes a paragraph on it."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(18, 18, 18)
    family = "Helvetica"
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        family = "DejaVu"
    pdf.set_title(title)
    pdf.set_lang(locale)
    rtl = text_direction(locale) == "rtl"
    if family == "DejaVu":  # joined letters and right-to-left order for Arabic (HarfBuzz)
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else "ltr", language=locale)
    pdf.add_page()
    width = pdf.epw
    align = Align.R if rtl else Align.L

    def line(value: str, size: int = 10, style: str = "", gap: float = 1.5) -> None:
        if family != "DejaVu":  # core PDF fonts know Latin-1 only
            value = value.encode("latin-1", "replace").decode("latin-1")
        pdf.set_font(family, style, size)
        pdf.multi_cell(width, size * 0.5, value, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(gap)

    return pdf, line
