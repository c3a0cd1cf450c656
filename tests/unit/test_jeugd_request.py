"""The back office's check of a provider's request for an assignment (315): each rule by its id."""

from __future__ import annotations

from datetime import date
from typing import Any

from smi_core.istandaarden.codes import (
    CategorieJw,
    Eenheid,
    Frequentie,
    RedenAfwijzingVerzoek,
    TypeVerwijzer,
)
from smi_core.istandaarden.common import Omvang, Product, Verwijzer
from smi_core.istandaarden.products import AangevraagdProduct
from smi_core.jeugd.request import (
    CurrentToewijzing,
    Outcome,
    ProposedAnswer,
    RequestFacts,
    RequestRule,
    check_request,
)

R = RequestRule
GP = Verwijzer(type=TypeVerwijzer.HUISARTS, zorgverlener_code="01234567")


def _product(**changes: Any) -> AangevraagdProduct:
    values: dict[str, Any] = {
        "referentie_aanbieder": "REF-1",
        "product": Product(categorie=CategorieJw("45"), code="45A01"),
        "toewijzing_ingangsdatum": date(2026, 1, 5),
        "toewijzing_einddatum": date(2026, 6, 30),
        "omvang": Omvang(volume=4, eenheid=Eenheid("04"), frequentie=Frequentie("2")),
        "verwijzer": GP,
    }
    values.update(changes)
    return AangevraagdProduct(**values)


def _facts(**changes: Any) -> RequestFacts:
    values: dict[str, Any] = {
        "product": _product(),
        "provider_agb": "99990001",
        "date_of_birth": date(2015, 3, 10),
        "received_on": date(2026, 1, 2),
        "contracted": True,
    }
    values.update(changes)
    return RequestFacts(**values)


def test_a_request_that_passes_every_rule_is_answered_with_a_301() -> None:
    check = check_request(_facts())

    assert [f.rule for f in check.findings] == [
        R.NEEDS_REFERRAL,
        R.STAPELING,
        R.CONTRACTED,
        R.SEVENTEEN_PLUS,
        R.KNOWN,
        R.ANSWER_5WD,
    ]
    assert all(f.outcome is Outcome.FINE for f in check.findings)
    assert check.proposed is ProposedAnswer.ASSIGN
    assert check.end == date(2026, 6, 30)


def test_no_referrer_without_an_open_beschikking_is_refused() -> None:
    none = Verwijzer(type=TypeVerwijzer.GEEN_VERWIJZER)

    refused = check_request(_facts(product=_product(verwijzer=none)))
    with_beschikking = check_request(_facts(product=_product(verwijzer=none, beschikking_nummer=123)))

    assert refused.finding(R.NEEDS_REFERRAL).outcome is Outcome.REFUSED
    assert refused.proposed is ProposedAnswer.REFUSE
    assert refused.proposed_reason is RedenAfwijzingVerzoek.ZORGINHOUDELIJK
    assert with_beschikking.finding(R.NEEDS_REFERRAL).outcome is Outcome.FINE


def test_a_certified_institution_refers_only_with_the_childs_bepaling() -> None:
    gi = Verwijzer(type=TypeVerwijzer.GECERTIFICEERDE_INSTELLING, zorgverlener_code="01234567")

    check = check_request(_facts(product=_product(verwijzer=gi)))

    assert check.finding(R.NEEDS_REFERRAL).outcome is Outcome.REFUSED


def test_the_same_product_overlapping_a_current_toewijzing_of_another_provider_is_stapeling() -> None:
    same = CurrentToewijzing("99990003", 11, ("45", "45A01"), date(2025, 9, 1), date(2026, 2, 28))
    other = CurrentToewijzing("99990003", 12, ("54", "54A01"), date(2025, 9, 1), None)
    earlier = CurrentToewijzing("99990003", 13, ("45", "45A01"), date(2025, 1, 1), date(2025, 12, 31))

    stacked = check_request(_facts(current=(same, other)))
    apart = check_request(_facts(current=(earlier, other)))

    assert stacked.finding(R.STAPELING).outcome is Outcome.REFUSED
    assert stacked.proposed_reason is RedenAfwijzingVerzoek.STAPELING
    assert stacked.stacked == (same,) and stacked.others == (other,)
    assert apart.finding(R.STAPELING).outcome is Outcome.FINE
    assert apart.finding(R.STAPELING).values["others"] == "2"


def test_a_provider_not_contracted_for_the_product_is_refused_with_code_3() -> None:
    check = check_request(_facts(contracted=False))

    assert check.finding(R.CONTRACTED).outcome is Outcome.REFUSED
    assert check.proposed_reason is RedenAfwijzingVerzoek.GEEN_CONTRACT


def test_a_17_year_old_with_an_end_past_the_18th_birthday_is_refused_at_the_age_limit() -> None:
    born = date(2008, 8, 20)  # 17 on the start, 18 on 20 August 2026

    refused = check_request(
        _facts(date_of_birth=born, product=_product(toewijzing_einddatum=date(2026, 12, 31)))
    )
    fine = check_request(_facts(date_of_birth=born, product=_product(toewijzing_einddatum=date(2026, 8, 19))))

    assert refused.finding(R.SEVENTEEN_PLUS).outcome is Outcome.REFUSED
    assert refused.proposed_reason is RedenAfwijzingVerzoek.LEEFTIJDSGRENS
    assert fine.finding(R.SEVENTEEN_PLUS).outcome is Outcome.ACCESS_WORKER  # the transition to Wmo
    assert fine.proposed is ProposedAnswer.ASSIGN
    assert fine.for_access_worker


def test_without_an_end_the_toewijzing_ends_the_day_before_the_18th_birthday() -> None:
    check = check_request(
        _facts(date_of_birth=date(2008, 8, 20), product=_product(toewijzing_einddatum=None))
    )

    assert check.end == date(2026, 8, 19)
    assert check.eighteenth_birthday == date(2026, 8, 20)
    assert check.age == 17


def test_a_child_born_on_a_leap_day_turns_18_on_1_march_or_28_february() -> None:
    born = date(2008, 2, 29)
    product = _product(toewijzing_einddatum=None)

    march = check_request(_facts(date_of_birth=born, product=product))
    february = check_request(_facts(date_of_birth=born, product=product, leap_day="feb_28"))

    assert march.eighteenth_birthday == date(2026, 3, 1) and march.end == date(2026, 2, 28)
    assert february.eighteenth_birthday == date(2026, 2, 28) and february.end == date(2026, 2, 27)
    assert march.age == 17  # on 5 January 2026


def test_a_child_already_18_on_the_start_is_refused() -> None:
    check = check_request(
        _facts(date_of_birth=date(2007, 12, 1), product=_product(toewijzing_einddatum=None))
    )

    assert check.finding(R.SEVENTEEN_PLUS).outcome is Outcome.REFUSED


def test_a_child_known_to_the_access_point_is_for_the_access_worker() -> None:
    known = check_request(_facts(known_to_team=True))

    assert known.finding(R.KNOWN).outcome is Outcome.ACCESS_WORKER
    assert known.proposed is ProposedAnswer.ASSIGN
    assert not check_request(_facts()).for_access_worker


def test_the_answer_is_due_five_working_days_after_the_request() -> None:
    check = check_request(_facts(received_on=date(2026, 1, 2)))  # a Friday

    assert check.due == date(2026, 1, 9)
    assert check.finding(R.ANSWER_5WD).values["due"] == "2026-01-09"
    assert not check.overdue(date(2026, 1, 9))
    assert check.overdue(date(2026, 1, 12))
