"""What a youth-care case records of a provider's 315 and its answer, and the 319 that answers it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from smi_core.case.events import event_from_stored
from smi_core.case.jeugd_records import JeugdRoute, jeugd_records
from smi_core.case.kinds import EventKind
from smi_core.case.wmo_records import term_days, wmo_records
from smi_core.istandaarden.codes import (
    Domain,
    Eenheid,
    Frequentie,
    RedenAfwijzingVerzoek,
    TypeVerwijzer,
    VerzoekAntwoord,
)
from smi_core.istandaarden.rules import check_message
from smi_core.jeugd.answers import JeugdRequest, RequestAnswered, RequestInOnderzoek, RequestRefused
from smi_core.jeugd.bepaling import Child
from smi_core.wmo.assignment import answer_of
from smi_core.wmo.casework import Assignment, Beschikking, ProvisionChoice

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
CHILD = Child(bsn="999900006", surname="Jansen", initials="L", date_of_birth=date(2014, 6, 12))


def _request(referentie: str = "REF-1") -> JeugdRequest:
    return JeugdRequest(
        message_id=1,
        identification="P1",
        provider_agb="99990001",
        received_on=date(2026, 12, 1),
        referentie_aanbieder=referentie,
        child=CHILD,
        category="45",
        product_code="45A01",
        start=date(2027, 1, 4),
        end=date(2027, 6, 30),
        volume=4,
        unit=Eenheid.UUR,
        frequency=Frequentie.PER_WEEK,
        referrer_type=TypeVerwijzer.HUISARTS,
        referrer_code="01234567",
    )


def _answered() -> RequestAnswered:
    provision = ProvisionChoice(
        product_code="45A01",
        category="45",
        product_name="Ambulant",
        volume=4,
        unit=Eenheid.UUR,
        frequency=Frequentie.PER_WEEK,
        requested_on=date(2026, 12, 1),
        start=date(2027, 1, 4),
        end=date(2027, 6, 30),
        provider_agb="99990001",
        evaluations=(date(2027, 4, 4),),
    )
    return RequestAnswered(
        referentie_aanbieder="REF-1",
        provision=provision,
        beschikking=Beschikking(
            requested_on=date(2026, 12, 1),
            decided_on=date(2026, 12, 3),
            granted=True,
            motivation="m",
            objection_clause="",
        ),
        assignment=Assignment(
            toewijzing_nummer=77,
            message_id=2,
            identification="M1",
            provider_agb="99990001",
            start=date(2027, 1, 4),
        ),
    )


def _event(kind: EventKind, payload: object, note: str = "") -> object:
    return event_from_stored(kind.value, NOW, "x", None, None, note, payload)  # type: ignore[arg-type]


def test_the_request_stays_open_until_a_301_or_a_refusing_319_names_its_reference() -> None:
    onderzoek = RequestInOnderzoek(referentie_aanbieder="REF-1", message_id=2, on=date(2026, 12, 2))
    received = [_event(EventKind.VOT_RECEIVED, _request()), _event(EventKind.VOT_IN_ONDERZOEK, onderzoek)]

    waiting = jeugd_records(received)  # type: ignore[arg-type]
    answered = jeugd_records([*received, _event(EventKind.VOT_ANSWERED, _answered())])  # type: ignore[list-item]

    assert waiting.route is JeugdRoute.M and waiting.request == _request()
    assert waiting.set_in_onderzoek("REF-1") == onderzoek
    assert answered.request is None and waiting.child == CHILD


def test_the_answer_is_the_cases_provision_beschikking_and_toewijzing_for_the_305_307_and_317() -> None:
    records = wmo_records(
        [_event(EventKind.VOT_RECEIVED, _request()), _event(EventKind.VOT_ANSWERED, _answered())]
    )  # type: ignore[list-item]

    assert records.client == CHILD
    assert records.assignment is not None and records.numbers == (77,)
    assert records.provision is not None and records.provision.product_code == "45A01"
    assert records.beschikking is not None and records.beschikking.decided_on == date(2026, 12, 3)


def test_the_requests_day_and_its_answers_day_are_the_beschikking_terms_days() -> None:
    days = term_days(
        date(2026, 11, 20),
        [("jeugd_request_received", "2026-12-01"), ("jeugd_request_answered", "2026-12-03")],
    )

    assert (days.requested_on, days.decided_on) == (date(2026, 12, 1), date(2026, 12, 3))


def test_a_319_in_onderzoek_has_no_reason_and_a_woonplaatsbeginsel_refusal_names_the_municipality() -> None:
    common = {
        "municipality_code": "0531",
        "provider": "99990001",
        "referentie_aanbieder": "REF-1",
        "now": NOW,
    }

    onderzoek = answer_of(identification="M1", domain=Domain.JW, **common)  # type: ignore[arg-type]
    elsewhere = answer_of(
        identification="M2",
        domain=Domain.JW,
        reason=RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL,
        responsible_municipality="0363",
        **common,  # type: ignore[arg-type]
    )

    assert onderzoek.antwoord.verzoek_antwoord is VerzoekAntwoord.IN_ONDERZOEK
    assert onderzoek.antwoord.reden_afwijzing_verzoek is None
    assert elsewhere.antwoord.verzoek_antwoord is VerzoekAntwoord.AFGEWEZEN
    assert check_message(onderzoek) == [] and check_message(elsewhere) == []  # TR377


def test_only_a_woonplaatsbeginsel_refusal_names_a_responsible_municipality() -> None:
    with pytest.raises(ValueError):
        RequestRefused(
            referentie_aanbieder="R",
            message_id=1,
            reason=RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL,
            motivation="m",
        )
    with pytest.raises(ValueError):
        RequestRefused(
            referentie_aanbieder="R",
            message_id=1,
            reason=RedenAfwijzingVerzoek.STAPELING,
            responsible_municipality="0363",
            motivation="m",
        )
