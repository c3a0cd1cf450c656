"""The receipt a parent downloads after sending: answers and check result, never the uploaded file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from fpdf import FPDF

from smi_core import EligibilityResult, IntakeAnswers, MunicipalityConfig
from smi_core.constants import LABELS, FindingStatus
from smi_core.i18n import gettext, long_date
from smi_intake.pdf import LineWriter, new_document
from smi_intake.summary import Section, summary_sections


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

    findings = [(f.rule_id, f.status, f.explanation, f.advice) for f in check.findings]
    pdf, line = receipt_document(
        ReceiptHead(_("Receipt of your SMI request"), reference, received_at, _(LABELS[check.outcome])),
        findings,
        summary_sections(answers, consents, locale, team),
        locale,
        municipality,
    )
    line(
        _(
            "%(team)s contacts you within %(days)s working days for a talk at your home.",
            days=municipality.contact_overdue_working_days,
        )
    )
    contact_lines(line, locale, municipality)
    line(_("Medical documents you added are not part of this receipt."), 8)
    return bytes(pdf.output())


@dataclass(frozen=True)
class ReceiptHead:
    """What a receipt starts with: its title, the reference, when it was sent, the check's result."""

    title: str
    reference: str
    received_at: datetime
    outcome: str


def receipt_document(
    head: ReceiptHead,
    findings: Iterable[tuple[str, FindingStatus, str, str | None]],
    sections: Iterable[Section],
    locale: str,
    municipality: MunicipalityConfig,
) -> tuple[FPDF, LineWriter]:
    """The receipt of any request up to its "what happens next": the head, the stored check rule
    by rule (rule id, status, explanation, advice) and the answers by section."""
    team = municipality.social_team

    def _(message: str, **values: object) -> str:
        return gettext(locale, message, team=team, **values)

    pdf, line = new_document(head.title, locale)
    line(head.title, 16, "B", 3)
    line(_("Reference: %(reference)s", reference=head.reference), 12, "B")
    line(_("Sent on: %(date)s", date=long_date(head.received_at.date(), locale)))
    line(municipality.name, gap=4)

    line(_("Preliminary check"), 13, "B")
    line(head.outcome, 11, "B")
    line(_("This check is advice. The team of %(team)s decides about your request."), gap=2)
    for rule_id, status, explanation, advice in findings:
        line(f"{rule_id} - {_(LABELS[status])}: {explanation}", 9, gap=0.5)
        if advice:
            line(_("Advice: %(advice)s", advice=advice), 9, gap=0.5)
    pdf.ln(3)

    for section in sections:
        line(section.title, 13, "B")
        for label, value in section.rows:
            line(f"{label}: {value}", 9, gap=0.5)
        pdf.ln(2)

    line(_("What happens next?"), 13, "B")
    return pdf, line


def contact_lines(line: LineWriter, locale: str, municipality: MunicipalityConfig) -> None:
    """How to reach the social team, at the end of a receipt."""
    team = municipality.social_team

    def _(message: str, **values: object) -> str:
        return gettext(locale, message, team=team, **values)

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
