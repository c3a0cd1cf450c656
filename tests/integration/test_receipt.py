"""The receipt is a PDF in the resident's language, for every outcome, without uploaded files."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from smi_core import IntakeAnswers, check_eligibility, default_municipality
from smi_core.i18n import SUPPORTED_LOCALES
from smi_intake.receipt import receipt_pdf
from tests.factories import example_intake_data

RECEIVED = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize(
    "changes",
    [{}, {"kinderopvangtoeslag": "yes"}, {"kinderopvangtoeslag": "unknown"}, {"reasons": []}],
    ids=["eligible", "not_eligible", "needs_assessment", "incomplete"],
)
def test_a_receipt_is_made_for_every_outcome_and_language(locale: str, changes: dict) -> None:
    data = {**example_intake_data(), **changes}
    answers = IntakeAnswers.model_validate(data, context={"today": date(2026, 11, 22)})
    check = check_eligibility(answers, on=date(2026, 11, 22), locale=locale)

    pdf = receipt_pdf(
        "SMI-2026-000001",
        RECEIVED,
        answers,
        {"gp_request": True},
        check,
        locale,
        default_municipality(),
    )

    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert len(pdf) > 2000
    assert b"/EmbeddedFile" not in pdf
    assert f"/Lang ({locale})".encode() in pdf  # the reader's language, for screen readers
