"""The indication form as a PDF: every field of the policy's form, in the worker's language."""

from __future__ import annotations

from datetime import datetime

from smi_core import MunicipalityConfig
from smi_core.casework import INDICATION_FORM_FIELDS, IndicationForm
from smi_core.i18n import gettext, long_date
from smi_intake.pdf import new_document


def form_value(form: IndicationForm, name: str, locale: str) -> str:
    """A field of the form as text (lists one item a line, yes/no in words)."""
    value = getattr(form, name)
    if isinstance(value, bool):
        return gettext(locale, "Yes") if value else gettext(locale, "No")
    if isinstance(value, list):
        return "\n".join(f"- {item}" for item in value) or "-"
    return str(value) if value != "" else "-"


def indication_form_pdf(
    reference: str,
    form: IndicationForm,
    number: int,
    saved_at: datetime,
    saved_by: str,
    locale: str,
    municipality: MunicipalityConfig,
) -> bytes:
    """The indication form of a case, version ``number``."""

    def _(message: str, **values: object) -> str:
        return gettext(locale, message, **values)

    title = _("SMI indication form")
    pdf, line = new_document(title, locale)

    line(title, 16, "B", 2)
    line(f"{municipality.name} - {municipality.social_team}", 10, gap=1)
    line(_("Reference: %(reference)s", reference=reference), 11, "B", 1)
    line(
        _(
            "Version %(number)s, saved on %(date)s by %(who)s",
            number=number,
            date=long_date(saved_at.date(), locale),
            who=saved_by,
        ),
        9,
        gap=4,
    )
    for name, label in INDICATION_FORM_FIELDS:
        line(_(label), 10, "B", 0.5)
        line(form_value(form, name, locale), 10, gap=3)
    line(_("Special category personal data. Share only under the recorded consent of the parents."), 8)
    return bytes(pdf.output())
