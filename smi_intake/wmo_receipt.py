"""The receipt a resident downloads after sending a Wmo melding: the answers and the check as
they were stored, in the resident's language (the shape of the SMI receipt)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from smi_core import MunicipalityConfig
from smi_core.i18n import gettext
from smi_core.jeugd.youth_check import YOUTH_ROUTE_SUMMARIES
from smi_core.wmo.melding import ROUTE_SUMMARIES, WmoCheck
from smi_intake.jeugd_summary import jeugd_summary_sections
from smi_intake.receipt import ReceiptHead, contact_lines, receipt_document
from smi_intake.wmo_summary import wmo_summary_sections


def wmo_receipt_pdf(
    reference: str,
    received_at: datetime,
    answers: Mapping[str, Any],
    consents: Mapping[str, bool],
    check: WmoCheck,
    locale: str,
    municipality: MunicipalityConfig,
    youth: bool = False,
) -> bytes:
    """A PDF receipt of a melding (with ``youth``, of a parent's request for youth care); ``check``
    is the check stored when it was sent."""
    team = municipality.social_team

    def _(message: str, **values: object) -> str:
        return gettext(locale, message, team=team, **values)

    findings = [(f.rule_id.value, f.status, f.explanation, f.advice) for f in check.findings]
    pdf, line = receipt_document(
        ReceiptHead(
            _("Receipt of your request for youth care")
            if youth
            else _("Receipt of your request for support"),
            reference,
            received_at,
            _((YOUTH_ROUTE_SUMMARIES if youth else ROUTE_SUMMARIES)[check.route]),
        ),
        findings,
        (jeugd_summary_sections if youth else wmo_summary_sections)(answers, consents, locale, team),
        locale,
        municipality,
    )
    if youth:
        line(
            _(
                "%(team)s contacts you to talk about the situation of your child. "
                "You get a decision within 8 weeks after your request."
            )
        )
    else:
        line(
            _("%(team)s contacts you to talk about your situation. The investigation takes at most 6 weeks.")
        )
    contact_lines(line, locale, municipality)
    return bytes(pdf.output())
