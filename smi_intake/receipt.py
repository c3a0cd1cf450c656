"""The receipt a parent downloads after sending: answers and check result, never the uploaded file."""

from __future__ import annotations

from datetime import datetime

from smi_core import EligibilityResult, IntakeAnswers, MunicipalityConfig
from smi_core.constants import LABELS
from smi_core.i18n import gettext, long_date
from smi_intake.pdf import new_document
from smi_intake.summary import summary_sections


def receipt_pdf(
    reference: str,
    received_at: datetime,
    answers: IntakeAnswers,
    consents: dict[str, bool],
    check: EligibilityResult,
    locale: str,
    municipality: MunicipalityConfig,
) -> bytes:
    """A PDF receipt in the resident's language, with the check as it was stored when sent."""
    team = municipality.social_team

    def _(message: str, **values: object) -> str:
        return gettext(locale, message, team=team, **values)

    pdf, line = new_document(_("Receipt of your SMI request"), locale)

    line(_("Receipt of your SMI request"), 16, "B", 3)
    line(_("Reference: %(reference)s", reference=reference), 12, "B")
    line(_("Sent on: %(date)s", date=long_date(received_at.date(), locale)))
    line(municipality.name, gap=4)

    line(_("Preliminary check"), 13, "B")
    line(_(LABELS[check.outcome]), 11, "B")
    line(_("This check is advice. The team of %(team)s decides about your request."), gap=2)
    for finding in check.findings:
        status = _(LABELS[finding.status])
        line(f"{finding.rule_id} - {status}: {finding.explanation}", 9, gap=0.5)
        if finding.advice:
            line(_("Advice: %(advice)s", advice=finding.advice), 9, gap=0.5)
    pdf.ln(3)

    for section in summary_sections(answers, consents, locale, team):
        line(section.title, 13, "B")
        for label, value in section.rows:
            line(f"{label}: {value}", 9, gap=0.5)
        pdf.ln(2)

    line(_("What happens next?"), 13, "B")
    line(
        _(
            "%(team)s contacts you within %(days)s working days for a talk at your home.",
            days=municipality.contact_overdue_working_days,
        )
    )
    contact = ", ".join(municipality.contact_details)
    if contact:
        line(_("Questions? Contact %(team)s: %(contact)s", contact=contact))
    else:
        line(
            _(
                "Contact %(team)s through the municipality of %(municipality)s.",
                municipality=municipality.name,
            )
        )
    line(_("Medical documents you added are not part of this receipt."), 8)
    return bytes(pdf.output())
