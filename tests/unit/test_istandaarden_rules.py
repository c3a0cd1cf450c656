"""Level 2: each rule inside one message, kept and broken, and the retour a broken one gets (the
header only, RetourCode 0001 and the XsltVersie)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smi_core.istandaarden.client import Contact
from smi_core.istandaarden.codes import (
    AdresSoort,
    Domain,
    Frequentie,
    RedenAfwijzingVerzoek,
    RedenWijziging,
    RetourCode,
    StatusAanlevering,
    TypeVerwijzer,
    VerzoekAntwoord,
)
from smi_core.istandaarden.common import OpenPeriode, Verwijzer
from smi_core.istandaarden.findings import Rule
from smi_core.istandaarden.messages import HeenMessage
from smi_core.istandaarden.products import ToegewezenProduct, Woonplaatsbeginsel
from smi_core.istandaarden.retour import RULES_VERSION, make_retour
from smi_core.istandaarden.rules import check_message, elfproef
from smi_core.istandaarden.schemas import SchemaCheck
from smi_core.istandaarden.xml import write
from tests.istandaarden_factories import (
    aangevraagd,
    antwoord,
    nieuw,
    omvang,
    product,
    reference_schemas,
    start,
    start_zorg,
    stop,
    stop_zorg,
    te_wijzigen,
    toegewezen,
    toewijzing,
    verzoek_om_toewijzing,
    verzoek_om_wijziging,
)

TP = "/Bericht/Client/ToegewezenProducten/ToegewezenProduct"
AP = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct"
VERZOEK = "/Bericht/Client/Verzoek"
END = date(2026, 12, 31)


@dataclass(frozen=True)
class Case:
    """A rule kept by ``keeps`` and broken by ``breaks``, which finds exactly ``found``."""

    name: str
    keeps: HeenMessage
    breaks: HeenMessage
    found: list[tuple[Rule, str]]


def contact_period(begin: date, end: date) -> HeenMessage:
    """A 301 whose client stays at a temporary address from ``begin`` to ``end``."""
    message = toewijzing()
    contact = Contact(
        soort=AdresSoort.TIJDELIJK_VERBLIJFADRES, periode=OpenPeriode(begindatum=begin, einddatum=end)
    )
    return message.model_copy(
        update={"client": message.client.model_copy(update={"contactgegevens": (contact,)})}
    )


def _two(first: dict[str, object], second: dict[str, object]) -> tuple[ToegewezenProduct, ToegewezenProduct]:
    return toegewezen(number=1001, **first), toegewezen(number=1002, **second)


CASES = [
    Case("CS002", toewijzing(), toewijzing(bsn="123456789"), [(Rule.CS002, "/Bericht/Client/Bsn")]),
    Case(
        "CD041",
        toewijzing(Domain.JW, toegewezen(product=product(Domain.JW, code="45A01"))),
        toewijzing(Domain.JW, toegewezen(product=product(Domain.JW, code="45A01"), omvang=None)),
        [(Rule.CD041, f"{TP}[1]/Omvang")],
    ),
    Case(
        "CD075",
        toewijzing(Domain.JW, toegewezen(omvang=None, budget=150_000, einddatum=END)),
        toewijzing(Domain.JW, toegewezen(omvang=None, budget=150_000)),
        [(Rule.CD075, f"{TP}[1]/Einddatum")],
    ),
    Case(
        "CD076",
        toewijzing(Domain.WMO, toegewezen(Domain.WMO, omvang=omvang(Frequentie.PER_WEEK), einddatum=END)),
        toewijzing(Domain.WMO, toegewezen(Domain.WMO, omvang=omvang(Frequentie.PER_WEEK))),
        [(Rule.CD076, f"{TP}[1]/Einddatum")],
    ),
    Case(
        "CD077-CD078",
        toewijzing(Domain.JW, toegewezen(einddatum=END)),
        toewijzing(Domain.JW, toegewezen(budget=150_000, einddatum=END)),
        [(Rule.CD077, f"{TP}[1]/Budget"), (Rule.CD078, f"{TP}[1]/Omvang")],
    ),
    Case(
        "CD079",
        toewijzing(Domain.JW, toegewezen(product=None, omvang=None, budget=150_000, einddatum=END)),
        toewijzing(Domain.JW, toegewezen(product=None)),
        [(Rule.CD079, f"{TP}[1]/Product")],
    ),
    Case(
        "CS335",
        toewijzing(
            Domain.JW, toegewezen(reden_wijziging=RedenWijziging.VERWIJDERD, einddatum=date(2026, 4, 1))
        ),
        toewijzing(
            Domain.JW, toegewezen(reden_wijziging=RedenWijziging.VERWIJDERD, einddatum=date(2026, 5, 1))
        ),
        [(Rule.CS335, f"{TP}[1]/Einddatum")],
    ),
    Case(
        "CS336",
        toewijzing(
            Domain.JW, toegewezen(reden_wijziging=RedenWijziging.ADMINISTRATIEVE_CORRECTIE, einddatum=END)
        ),
        toewijzing(
            Domain.JW,
            toegewezen(reden_wijziging=RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN, einddatum=END),
        ),
        [(Rule.CS336, f"{TP}[1]/RedenWijziging")],
    ),
    Case(
        "IV097-reason-12",
        toewijzing(
            Domain.JW, toegewezen(reden_wijziging=RedenWijziging.DOOR_AANBIEDER, referentie_aanbieder="V1")
        ),
        toewijzing(Domain.JW, toegewezen(reden_wijziging=RedenWijziging.DOOR_AANBIEDER)),
        [(Rule.IV097, f"{TP}[1]/ReferentieAanbieder")],
    ),
    Case(
        "IV097-one-reference-for-a-vow",
        toewijzing(
            Domain.JW,
            toegewezen(number=1001, referentie_aanbieder="V1"),
            toegewezen(number=1002, referentie_aanbieder="V1", product=product(Domain.JW, category="41")),
        ),
        toewijzing(
            Domain.JW,
            toegewezen(number=1001, referentie_aanbieder="V1"),
            toegewezen(number=1002, referentie_aanbieder="V1", product=product(Domain.JW, category="41")),
            toegewezen(number=1003, product=product(Domain.JW, category="42")),
        ),
        [(Rule.IV097, f"{TP}[3]/ReferentieAanbieder")],
    ),
    Case(
        "DATE-ORDER-301",
        toewijzing(Domain.JW, toegewezen(einddatum=date(2026, 4, 1))),
        toewijzing(Domain.JW, toegewezen(einddatum=date(2026, 3, 31))),
        [(Rule.DATE_ORDER, f"{TP}[1]/Einddatum")],
    ),
    Case(
        "DATE-ORDER-307",
        stop_zorg(Domain.JW, stop(einddatum=date(2026, 4, 3))),
        stop_zorg(Domain.JW, stop(einddatum=date(2026, 4, 2))),
        [(Rule.DATE_ORDER, "/Bericht/Client/StopProducten/StopProduct[1]/Einddatum")],
    ),
    Case(
        "DATE-ORDER-315",
        verzoek_om_toewijzing(Domain.JW, aangevraagd(toewijzing_einddatum=date(2026, 5, 1))),
        verzoek_om_toewijzing(Domain.JW, aangevraagd(toewijzing_einddatum=date(2026, 4, 30))),
        [(Rule.DATE_ORDER, f"{AP}[1]/ToewijzingEinddatum")],
    ),
    Case(
        "DATE-ORDER-317",
        verzoek_om_wijziging(changed=(te_wijzigen(einddatum=date(2026, 7, 1)),), unchanged=()),
        verzoek_om_wijziging(
            unchanged=(),
            changed=(te_wijzigen(einddatum=date(2026, 6, 30)),),
            new=(nieuw(einddatum=date(2026, 1, 1)),),
        ),
        [
            (Rule.DATE_ORDER, f"{VERZOEK}/TeWijzigenProducten/TeWijzigenProduct[1]/Einddatum"),
            (Rule.DATE_ORDER, f"{VERZOEK}/NieuweProducten/NieuwProduct[1]/Einddatum"),
        ],
    ),
    Case(
        "DATE-ORDER-contact",
        contact_period(date(2026, 5, 1), date(2026, 5, 1)),
        contact_period(date(2026, 5, 1), date(2026, 4, 30)),
        [(Rule.DATE_ORDER, "/Bericht/Client/Contactgegevens/Contact[1]/Periode/Einddatum")],
    ),
    Case(
        "TR302-301",
        toewijzing(Domain.JW, *_two({"einddatum": date(2026, 5, 31)}, {"ingangsdatum": date(2026, 6, 1)})),
        toewijzing(Domain.JW, *_two({"einddatum": date(2026, 6, 1)}, {"ingangsdatum": date(2026, 6, 1)})),
        [(Rule.TR302, f"{TP}[2]/Product")],
    ),
    Case(
        "TR302-315",
        verzoek_om_toewijzing(
            Domain.WMO,
            aangevraagd(Domain.WMO, "R1"),
            aangevraagd(Domain.WMO, "R2", product=product(Domain.WMO, category="07")),
        ),
        verzoek_om_toewijzing(Domain.WMO, aangevraagd(Domain.WMO, "R1"), aangevraagd(Domain.WMO, "R2")),
        [(Rule.TR302, f"{AP}[2]/Product")],
    ),
    Case(
        "TR302-317",
        verzoek_om_wijziging(
            new=(nieuw(einddatum=date(2026, 8, 31)), nieuw(gewenste_ingangsdatum=date(2026, 9, 1)))
        ),
        verzoek_om_wijziging(new=(nieuw(), nieuw(gewenste_ingangsdatum=date(2026, 9, 1)))),
        [(Rule.TR302, f"{VERZOEK}/NieuweProducten/NieuwProduct[2]/Product")],
    ),
    Case(
        "OP033-305",
        start_zorg(Domain.WMO, start(status_aanlevering=StatusAanlevering.VERWIJDEREN)),
        start_zorg(Domain.WMO, start(), start(status_aanlevering=StatusAanlevering.GEWIJZIGDE_AANLEVERING)),
        [(Rule.OP033, "/Bericht/Client/StartProducten/StartProduct[2]/StatusAanlevering")],
    ),
    Case(
        "OP033-307",
        stop_zorg(Domain.JW, stop(status_aanlevering=StatusAanlevering.NIET_VAN_TOEPASSING)),
        stop_zorg(Domain.JW, stop(status_aanlevering=StatusAanlevering.GEWIJZIGDE_AANLEVERING)),
        [(Rule.OP033, "/Bericht/Client/StopProducten/StopProduct[1]/StatusAanlevering")],
    ),
    Case(
        "CD066-CD067",
        verzoek_om_toewijzing(
            Domain.JW, aangevraagd(verwijzer=Verwijzer(type=TypeVerwijzer.JEUGDARTS, naam="Dr. A"))
        ),
        verzoek_om_toewijzing(Domain.JW, aangevraagd(verwijzer=Verwijzer(type=TypeVerwijzer.JEUGDARTS))),
        [(Rule.CD066, f"{AP}[1]/Verwijzer/ZorgverlenerCode"), (Rule.CD067, f"{AP}[1]/Verwijzer/Naam")],
    ),
    Case(
        "CD068",
        verzoek_om_toewijzing(
            Domain.JW, aangevraagd(verwijzer=Verwijzer(type=TypeVerwijzer.GEMEENTE, naam="Wijkteam"))
        ),
        verzoek_om_toewijzing(
            Domain.JW,
            aangevraagd(verwijzer=Verwijzer(type=TypeVerwijzer.GEMEENTE, zorgverlener_code="01234567")),
        ),
        [(Rule.CD068, f"{AP}[1]/Verwijzer/ZorgverlenerCode")],
    ),
    Case(
        "TR377",
        antwoord(
            Domain.JW,
            answer=VerzoekAntwoord.AFGEWEZEN,
            reden_afwijzing_verzoek=RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL,
            woonplaatsbeginsel=Woonplaatsbeginsel(gemeente="1916"),
        ),
        antwoord(
            Domain.JW,
            answer=VerzoekAntwoord.AFGEWEZEN,
            reden_afwijzing_verzoek=RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL,
        ),
        [(Rule.TR377, "/Bericht/Antwoord/Woonplaatsbeginsel")],
    ),
    Case(
        "TR409",
        antwoord(
            Domain.JW, answer=VerzoekAntwoord.AFGEWEZEN, reden_afwijzing_verzoek=RedenAfwijzingVerzoek.BUDGET
        ),
        antwoord(
            Domain.JW,
            answer=VerzoekAntwoord.AFGEWEZEN,
            reden_afwijzing_verzoek=RedenAfwijzingVerzoek.BUDGET,
            woonplaatsbeginsel=Woonplaatsbeginsel(gemeente="1916"),
        ),
        [(Rule.TR409, "/Bericht/Antwoord/Woonplaatsbeginsel")],
    ),
    Case(
        "ANSWER-REASON",
        antwoord(Domain.WMO, answer=VerzoekAntwoord.IN_ONDERZOEK),
        antwoord(Domain.WMO, answer=VerzoekAntwoord.AFGEWEZEN),
        [(Rule.ANSWER_REASON, "/Bericht/Antwoord/RedenAfwijzingVerzoek")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_message_that_keeps_the_rule_has_no_finding(case: Case) -> None:
    findings = check_message(case.keeps)

    assert findings == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_message_that_breaks_the_rule_has_its_finding_at_its_place(case: Case) -> None:
    findings = check_message(case.breaks)

    assert [(finding.rule, finding.path) for finding in findings] == case.found
    assert {finding.level for finding in findings} == {2}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_broken_rule_gets_a_header_only_retour_with_0001_and_the_xslt_version(case: Case) -> None:
    findings = check_message(case.breaks)

    retour = make_retour(case.breaks, findings, identification="RET-1", on=date(2026, 4, 2))

    assert retour.header.retour_codes == (RetourCode.TECHNISCH_AFGEKEURD,)
    assert retour.header.xslt_versie == RULES_VERSION
    assert retour.body is None
    assert not retour.accepted
    schemas = reference_schemas()
    if schemas is not None:
        assert schemas.validate(write(retour), retour.kind, retour.domain) in {
            SchemaCheck.PASSED,
            SchemaCheck.UNAVAILABLE,
        }


def test_the_elfproef_weighs_the_digits_nine_to_two_and_subtracts_the_last() -> None:
    assert elfproef("999900006")
    assert elfproef("111222333")
    assert not elfproef("123456789")
    assert not elfproef("99990000")


@settings(max_examples=100)
@given(digits=st.text("0123456789", min_size=8, max_size=8))
def test_exactly_one_last_digit_completes_eight_digits_to_a_valid_bsn_or_none_does(digits: str) -> None:
    valid = [last for last in "0123456789" if elfproef(digits + last)]

    assert len(valid) <= 1
