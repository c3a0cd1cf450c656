"""The funding page: municipality staff see the indications and their costs, enter a provider's
quarterly application, check and submit it, approve it, and cannot mark it paid before the quarter
has ended."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role
from smi_core.funding import (
    CSV_PROBLEM_LABELS,
    LINE_PROBLEM_LABELS,
    CsvProblem,
    LineProblem,
    Quarter,
    parse_subsidy_csv,
)
from smi_core.i18n import gettext
from smi_core.municipality import EXAMPLE_MUNICIPALITY_FILE
from smi_intake.crypto import Cipher
from smi_intake.db.engine import make_engine
from smi_intake.db.uow import uow_factory
from smi_intake.settings import make_cipher
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.funding import editor_rows_as_csv
from smi_web.services import services
from tests import funding_factories as make
from tests.app.conftest import new_app

pytestmark = pytest.mark.db

HEADER = "reference;child;dagdelen_per_week;weeks;amount"


def nl(message: str, /, **values: object) -> str:
    """The Dutch text of a message, as the page shows it (the English id until it is translated)."""
    return gettext("nl", message, **values)


def _placed(database_url: str) -> tuple[make.Location, str]:
    """A provider and a case granted 4 part-days of day care there from the start of this quarter,
    shared with the municipality."""
    svc = services()
    engine = make_engine(database_url)
    uows = uow_factory(engine, make_cipher(svc.settings))
    now = datetime.now(UTC)
    location = make.provider(uows, now)
    cipher: Cipher = make_cipher(svc.settings)
    case = make.placed(
        uows,
        svc.intake,
        cipher,
        svc.municipality,
        location.location_id,
        now,
        consent_at=now - timedelta(days=1),
        start=Quarter.of(now.date()).first_day,
    )
    engine.dispose()
    return location, case.reference


def _gemeente_app() -> AppTest:
    svc = services()
    now = datetime.now(UTC)
    svc.accounts.create_account("gemeente", "Test gemeente", Role.GEMEENTE, "een-lang-wachtwoord", now)
    app = new_app()
    app.session_state[ACCOUNT_KEY] = svc.accounts.session_account("gemeente", now)
    app.session_state[SIGNED_IN_AT_KEY] = now
    app.run()
    app.switch_page("pages/staff/funding.py").run()
    return app


def _enter(app: AppTest, *rows: str) -> AppTest:
    app.radio(key="funding_mode").set_value("paste").run()
    app.text_area(key="funding_paste").input("\n".join([HEADER, *rows])).run()
    return app


def test_the_municipality_sees_the_tabs_and_the_granted_indication(app_environment: str) -> None:
    _, reference = _placed(app_environment)

    app = _gemeente_app()

    assert not app.exception
    assert app.title[0].value == nl("Funding")
    assert [t.label for t in app.tabs] == [
        nl("Indications and costs"),
        nl("Subsidy applications"),
        nl("Parents' contribution"),
    ]
    indications = app.dataframe[0].value
    assert list(indications[nl("Reference")]) == [reference]
    assert list(indications[nl("Status")]) == [nl("active")]
    assert nl(
        "The municipality has not configured a contribution table. The childcare provider sets "
        "the parents' own contribution from the VNG table of parental contributions."
    ) in [i.value for i in app.info]


def test_an_application_is_checked_submitted_and_approved_but_not_paid_before_the_quarter_ends(
    app_environment: str,
) -> None:
    _, reference = _placed(app_environment)
    app = _gemeente_app()

    _enter(app, f"{reference};Sam;4;1;100,00")
    app.button(key="funding_check").click().run()
    checked = app.dataframe[1].value

    assert list(checked[nl("Check")]) == [nl("OK")]
    assert nl("Every line passes the check.") in [s.value for s in app.success]

    app.button(key="funding_submit").click().run()

    assert not app.exception
    assert nl("Application %(id)s has been submitted.", id=1) in [s.value for s in app.success]
    assert app.text_area(key="funding_paste").value == ""
    applications = app.dataframe[-2].value
    assert list(applications[nl("Status")]) == [nl("submitted")]
    assert list(applications[nl("Amount")]) == ["€\xa0100,00"]

    app.button(key="funding_approve").click().run()

    assert nl("Application %(id)s is approved.", id=1) in [s.value for s in app.success]
    assert list(app.dataframe[-2].value[nl("Status")]) == [nl("approved")]

    app.button(key="funding_paid").click().run()

    quarter = Quarter.of(datetime.now(UTC).date())
    errors = [e.value for e in app.error]
    assert len(errors) == 1
    assert quarter.label in errors[0]
    assert list(app.dataframe[-2].value[nl("Status")]) == [nl("approved")]


def test_an_application_with_problems_is_submitted_but_cannot_be_approved(app_environment: str) -> None:
    _, reference = _placed(app_environment)
    app = _gemeente_app()
    _enter(app, f"{reference};Daan;4;1;100,00")
    app.button(key="funding_check").click().run()

    assert nl(LINE_PROBLEM_LABELS[LineProblem.UNKNOWN_CHILD]) in list(app.dataframe[1].value[nl("Check")])

    app.button(key="funding_submit").click().run()
    app.button(key="funding_approve").click().run()

    errors = [e.value for e in app.error]
    assert len(errors) == 1
    assert "1" in errors[0]
    assert list(app.dataframe[-2].value[nl("Status")]) == [nl("submitted")]

    app.button(key="funding_reject").click().run()

    assert nl("Give the reason for the rejection.") in [e.value for e in app.error]

    app.text_area(key="funding_reason").input("Kind staat niet in de indicatie").run()
    app.button(key="funding_reject").click().run()

    assert list(app.dataframe[-2].value[nl("Status")]) == [nl("rejected")]
    assert list(app.dataframe[-2].value[nl("Reason for rejection")]) == ["Kind staat niet in de indicatie"]


def test_rows_that_cannot_be_read_are_named_and_nothing_can_be_submitted(app_environment: str) -> None:
    _placed(app_environment)
    app = _gemeente_app()

    _enter(app, "SMI-1;Sam;vier;1;100")

    assert not app.exception
    message = nl(CSV_PROBLEM_LABELS[CsvProblem.NOT_A_NUMBER])
    assert [e.value for e in app.error] == [nl("Row %(row)s: %(message)s", row=2, message=message)]
    assert not [b for b in app.button if b.key in {"funding_check", "funding_submit"}]


def test_with_rates_and_a_contribution_table_the_page_shows_the_estimate_and_the_table(
    app_environment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SMI_MUNICIPALITY_FILE", str(EXAMPLE_MUNICIPALITY_FILE))
    _placed(app_environment)

    app = _gemeente_app()

    assert not app.exception
    assert services().municipality.name == "Voorbeeldstad"
    indications = app.dataframe[0].value
    assert nl("Estimated cost") in indications.columns
    assert indications[nl("Estimated cost")].iloc[0].startswith("€")
    contribution = app.table[0].value
    assert len(contribution) == 5
    assert list(contribution[nl("Your own contribution per hour")])[:2] == ["€\xa00,00", "€\xa00,25"]

    app.radio(key="funding_mode").set_value("upload").run()

    assert not app.exception


def test_rows_typed_in_the_editor_are_read_like_a_file() -> None:
    frame = pd.DataFrame(
        {
            "reference": pd.Series(["SMI-2026-000001", None, " smi-2026-000002 "], dtype="string"),
            "child": pd.Series(["Sam", None, "Noor"], dtype="string"),
            "dagdelen_per_week": pd.Series([4, None, 2], dtype="Int64"),
            "weeks": pd.Series([13.0, None, 1.0], dtype="float"),
            "amount": pd.Series([1234.5, None, 99.0], dtype="float"),
        }
    )

    lines, errors = parse_subsidy_csv(editor_rows_as_csv(frame, list(frame.columns)))

    assert errors == []
    assert [(x.reference, x.child, x.dagdelen_per_week, x.weeks, x.amount_cents) for x in lines] == [
        ("SMI-2026-000001", "Sam", 4, 13, 123_450),
        ("SMI-2026-000002", "Noor", 2, 1, 9_900),
    ]
