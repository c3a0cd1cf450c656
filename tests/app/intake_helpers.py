"""Helpers for the AppTests of the parents' intake: opening steps, filling them, reading results."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, text
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Node

from smi_core.cases import SMI_CONSENTS, ConsentRecord
from smi_intake.intake_steps import step_by_slug
from smi_intake.services.intake import consent_record
from smi_web.services import services
from tests.app.conftest import new_app
from tests.factories import example_intake_data

CHILD_BORN = date(2023, 4, 2)
SUMMARY = "Kijk deze antwoorden nog eens na:"


def today() -> date:
    return datetime.now(UTC).date()


def requested_start() -> date:
    """A start date a month ahead, so that it stays in the future whenever the tests run."""
    return today() + timedelta(days=30)


def started_app(**session: Any) -> AppTest:
    """A new app after its first run (which registers the navigation's pages)."""
    app = new_app()
    for key, value in session.items():
        app.session_state[key] = value
    app.run()
    return app


def open_step(app: AppTest, slug: str) -> AppTest:
    """Show a step of the intake; later runs stay on it until another page is opened."""
    return app.switch_page(step_by_slug(slug).page).run()


def press(app: AppTest, key: str) -> AppTest:
    return app.button(key=key).click().run()


def title(app: AppTest) -> str:
    return str(app.title[0].value)


def errors(app: AppTest) -> list[str]:
    return [str(error.value) for error in app.error]


def subheaders(app: AppTest) -> list[str]:
    return [str(subheader.value) for subheader in app.subheader]


def unescape(markdown: str) -> str:
    """Text shown through ``plain()``, without the backslashes that make it inert markdown."""
    return re.sub(r"\\(.)", r"\1", markdown)


# -- filling the steps with valid answers ------------------------------------------------------


def fill_gezin(app: AppTest) -> None:
    app.text_input(key="f.parents.0.name").input("A. Jansen")
    app.radio(key="f.parents.0.activity").set_value("works")
    app.text_input(key="f.parents.0.phone").input("06 12345678")
    app.text_input(key="f.postcode").input("3341 AB")
    app.radio(key="f.registered_in_municipality").set_value(True)


def fill_kinderen(app: AppTest) -> None:
    app.text_input(key="f.children.0.first_name").input("Sam")
    app.date_input(key="f.children.0.date_of_birth").set_value(CHILD_BORN)
    app.radio(key="f.children.0.care_type").set_value("kdv")
    app.number_input(key="f.children.0.dagdelen_per_week").set_value(4)
    app.date_input(key="f.requested_start").set_value(requested_start())


def fill_situatie(app: AppTest) -> None:
    app.checkbox(key="f.reasons.medical_physical").check()
    app.text_area(key="f.explanation").input("Moeder is geopereerd en mag niet tillen.")
    app.text_area(key="f.bottlenecks").input("Niet tillen\n\nNiet autorijden\n")
    app.radio(key="f.medical_confirmation").set_value("gp_consent")


def fill_netwerk(app: AppTest) -> None:
    app.radio(key="f.network.analysis_done").set_value(True)


def fill_geld(app: AppTest) -> None:
    app.radio(key="f.kinderopvangtoeslag").set_value("no")
    app.radio(key="f.can_pay_partly").set_value(False)
    app.radio(key="f.cooperates_with_plan").set_value(True)
    app.radio(key="f.willing_to_evaluate").set_value(True)


def fill_toestemming(app: AppTest) -> None:
    for kind in SMI_CONSENTS:
        app.radio(key=f"f.consent.{kind.value}").set_value(True)


FILL: dict[str, Callable[[AppTest], None]] = {
    "gezin": fill_gezin,
    "kinderen": fill_kinderen,
    "situatie": fill_situatie,
    "netwerk": fill_netwerk,
    "geld": fill_geld,
    "toestemming": fill_toestemming,
}


# -- a complete request, put straight into the session -----------------------------------------


def complete_answers(**overrides: Any) -> dict[str, Any]:
    """The example intake of ``intake-format.md``, starting a month from now."""
    data = example_intake_data()
    data["requested_start"] = requested_start().isoformat()
    data.update(overrides)
    return data


def all_consents(given: bool = True) -> dict[str, ConsentRecord]:
    team = services().municipality.social_team
    moment = datetime.now(UTC)
    return {kind.value: consent_record(kind, given, "nl", team, moment) for kind in SMI_CONSENTS}


def review_app(**overrides: Any) -> AppTest:
    """The review step with a complete request (and every consent given) in the session."""
    app = started_app(intake=complete_answers(**overrides), intake_consents=all_consents())
    return open_step(app, "controleren")


def sent_case() -> tuple[str, str]:
    """A request sent through the service: its reference number and resume code."""
    intake = services().intake
    moment = datetime.now(UTC)
    saved = intake.save_draft(None, "controleren", complete_answers(), all_consents(), "nl", moment)
    assert saved.resume_code is not None
    sent = intake.submit(saved.draft_id, moment)
    return sent.reference, saved.resume_code


# -- reading the page ------------------------------------------------------------------------------


def _blocks(node: Node) -> Iterator[Block]:
    if isinstance(node, Block):
        yield node
        for child in node.children.values():
            yield from _blocks(child)


def bordered_blocks(app: AppTest) -> list[Block]:
    """The containers drawn with a border, in page order."""
    return [
        block
        for block in _blocks(app.main)
        if block.type == "flex_container" and block.proto is not None and block.proto.flex_container.border
    ]


_RULE_ID = re.compile(r"`(SMI-[A-Z-]+)`")


def finding_blocks(app: AppTest) -> dict[str, list[str]]:
    """Each bordered block of the preliminary check: rule id -> its lines as plain text."""
    found: dict[str, list[str]] = {}
    for block in bordered_blocks(app):
        lines = [str(markdown.value) for markdown in block.markdown]
        match = _RULE_ID.search(lines[0]) if lines else None
        if match:
            assert match.group(1) not in found, f"{match.group(1)} is shown twice"
            found[match.group(1)] = [lines[0], *(unescape(line) for line in lines[1:])]
    return found


def count_cases(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM cases")).scalar_one())
    finally:
        engine.dispose()
