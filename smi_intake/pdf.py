"""A4 documents as PDF (fpdf2): a Unicode font where the system has one, and text line by line."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from fpdf import FPDF
from fpdf.bidi import auto_detect_base_direction
from fpdf.enums import Align, TextDirection, XPos, YPos

from smi_core.i18n import text_direction

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


class LineWriter(Protocol):
    """Writes a paragraph: text, font size, style ("" or "B") and the gap after it (mm).

    ``own_direction`` is for text a user typed or a name: it keeps its own direction, taken from
    its first letter (Unicode bidi rules P2-P3), so a Dutch address in an Arabic letter reads
    left to right, and an Arabic one in a Dutch letter right to left.
    """

    def __call__(
        self, value: str, size: int = 10, style: str = "", gap: float = 1.5, own_direction: bool = False
    ) -> None: ...


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

    def line(
        value: str, size: int = 10, style: str = "", gap: float = 1.5, own_direction: bool = False
    ) -> None:
        if family != "DejaVu":  # core PDF fonts know Latin-1 only
            value = value.encode("latin-1", "replace").decode("latin-1")
        pdf.set_font(family, style, size)
        own_rtl = rtl
        if own_direction and family == "DejaVu":
            own_rtl = auto_detect_base_direction(value) is TextDirection.RTL
        if own_rtl != rtl:
            pdf.set_text_shaping(
                use_shaping_engine=True, direction="rtl" if own_rtl else "ltr", language=locale
            )
        pdf.multi_cell(
            width,
            size * 0.5,
            value,
            align=Align.R if own_rtl else Align.L,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        if own_rtl != rtl:
            pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else "ltr", language=locale)
        pdf.ln(gap)

    return pdf, line
