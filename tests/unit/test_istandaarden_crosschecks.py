"""Level 3: each rule across messages, kept and broken against an in-memory store, and the retour a
broken one gets (every class copied, the rule's code on the class it concerns)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import pytest

from smi_core.istandaarden.client_state import ClientState, client_state, facts_of
from smi_core.istandaarden.codes import (
    Domain,
    MessageKind,
    RedenAfwijzingVerzoek,
    RetourCode,
    VerzoekAntwoord,
)
from smi_core.istandaarden.crosschecks import check_against_history
from smi_core.istandaarden.errors import DuplicateIdentification, RuleViolated
from smi_core.istandaarden.findings import RULES, Finding, Rule
from smi_core.istandaarden.history import InMemoryHistory
from smi_core.istandaarden.messages import HeenMessage, Message
from smi_core.istandaarden.paths import walk
from smi_core.istandaarden.products import Berichtklasse
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.schemas import SchemaCheck
from smi_core.istandaarden.xml import write
from tests.istandaarden_factories import (
    BSN,
    MUNICIPALITY,
    OTHER_BSN,
    PROVIDER,
    aangevraagd,
    antwoord,
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
SP = "/Bericht/Client/StartProducten/StartProduct"
STP = "/Bericht/Client/StopProducten/StopProduct"
AP = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct"
VERZOEK = "/Bericht/Client/Verzoek"
ANTWOORD = "/Bericht/Antwoord"


def store(*messages: Message) -> InMemoryHistory:
    history = InMemoryHistory()
    for message in messages:
        history.add(message)
    return history


@dataclass(frozen=True)
class Case:
    """``keeps`` against ``kept_after`` finds nothing; ``breaks`` against ``broken_after`` finds ``found``."""

    name: str
    kept_after: Sequence[Message]
    keeps: HeenMessage
    broken_after: Sequence[Message]
    breaks: HeenMessage
    found: list[tuple[Rule, str]]
    client_bsn: str | None = field(default=None)


T1001 = toewijzing(Domain.JW, toegewezen(number=1001), identificatie="T-1")
STARTED = start_zorg(Domain.JW, start(1001), identificatie="S-1")
VOT = verzoek_om_toewijzing(Domain.JW, identificatie="V-1")  # REF-1, product 45 from 1 May
HONOURED = toewijzing(
    Domain.JW,
    toegewezen(number=1001, referentie_aanbieder="REF-1", ingangsdatum=date(2026, 5, 1)),
    identificatie="T-2",
)
TWO = toewijzing(
    Domain.JW, toegewezen(number=1001), toegewezen(number=1002, product=product(Domain.JW, category="41"))
)


def stopped(reason: str, end: date, identificatie: str) -> HeenMessage:
    return stop_zorg(Domain.JW, stop(reason=reason, einddatum=end), identificatie=identificatie)


CASES = [
    Case(
        "TR056",
        [T1001],
        toewijzing(Domain.JW, identificatie="T-9"),
        [T1001],
        toewijzing(Domain.JW, identificatie="T-1"),
        [(Rule.TR056, "/Bericht/Header/BerichtIdentificatie/Identificatie")],
    ),
    Case(
        "TR019",
        [T1001],
        start_zorg(Domain.JW, start(1001)),
        [T1001],
        start_zorg(Domain.JW, start(2002)),
        [(Rule.TR019, f"{SP}[1]/ToewijzingNummer")],
    ),
    Case(
        "TR326",
        [T1001, STARTED, stopped("20", date(2026, 4, 30), "E-1")],
        start_zorg(Domain.JW, start(1001, begindatum=date(2026, 5, 4))),
        [T1001, STARTED],
        start_zorg(Domain.JW, start(1001, begindatum=date(2026, 5, 4))),
        [(Rule.TR326, f"{SP}[1]/Begindatum")],
    ),
    Case(
        "TR332-another-client",
        [toewijzing(Domain.JW, toegewezen(number=1001), bsn=OTHER_BSN)],
        toewijzing(Domain.JW, toegewezen(number=1002), identificatie="T-9"),
        [toewijzing(Domain.JW, toegewezen(number=1001), bsn=OTHER_BSN)],
        toewijzing(Domain.JW, toegewezen(number=1001), identificatie="T-9"),
        [(Rule.TR332, f"{TP}[1]/ToewijzingNummer")],
    ),
    Case(
        "TR332-another-product",
        [T1001],
        toewijzing(Domain.JW, toegewezen(number=1001, einddatum=date(2026, 9, 30)), identificatie="T-9"),
        [T1001],
        toewijzing(
            Domain.JW, toegewezen(number=1001, product=product(Domain.JW, category="41")), identificatie="T-9"
        ),
        [(Rule.TR332, f"{TP}[1]/ToewijzingNummer")],
    ),
    Case("TR379", [VOT], HONOURED, [], HONOURED, [(Rule.TR379, f"{TP}[1]/ReferentieAanbieder")]),
    Case(
        "OP259",
        [T1001],
        toewijzing(
            Domain.JW,
            toegewezen(number=1001, einddatum=date(2026, 5, 31)),
            toegewezen(number=1002, ingangsdatum=date(2026, 6, 1)),
            identificatie="T-9",
        ),
        [T1001],
        toewijzing(Domain.JW, toegewezen(number=1002, ingangsdatum=date(2026, 6, 1)), identificatie="T-9"),
        [(Rule.OP259, f"{TP}[1]/Product")],
    ),
    Case(
        "TR374",
        [VOT, HONOURED],
        verzoek_om_wijziging(Domain.JW),
        [VOT],
        verzoek_om_wijziging(Domain.JW, unchanged=()),
        [(Rule.TR374, f"{VERZOEK}/ReferentieAanbieder")],
    ),
    Case(
        "TR347",
        [VOT, HONOURED],
        verzoek_om_toewijzing(
            Domain.JW, aangevraagd(reference="REF-2", product=product(Domain.JW, category="41"))
        ),
        [VOT, HONOURED],
        verzoek_om_toewijzing(
            Domain.JW, aangevraagd(reference="REF-1", product=product(Domain.JW, category="41"))
        ),
        [(Rule.TR347, f"{AP}[1]/ReferentieAanbieder")],
    ),
    Case(
        "TR349",
        [TWO],
        verzoek_om_wijziging(Domain.JW, unchanged=(1001,), changed=(te_wijzigen(1002),)),
        [TWO],
        verzoek_om_wijziging(Domain.JW, unchanged=(1001,)),
        [(Rule.TR349, f"{VERZOEK}/ReferentieAanbieder")],
    ),
    Case(
        "TR350",
        [T1001],
        verzoek_om_wijziging(Domain.JW, unchanged=(1001,)),
        [T1001],
        verzoek_om_wijziging(Domain.JW, unchanged=(1001, 9999)),
        [(Rule.TR350, f"{VERZOEK}/OngewijzigdeProducten/OngewijzigdProduct[2]/ToewijzingNummer")],
    ),
    Case(
        "TR351",
        [T1001],
        verzoek_om_wijziging(Domain.JW, unchanged=(), changed=(te_wijzigen(1001),)),
        [T1001],
        verzoek_om_wijziging(Domain.JW, unchanged=(1001,), changed=(te_wijzigen(9999),)),
        [(Rule.TR351, f"{VERZOEK}/TeWijzigenProducten/TeWijzigenProduct[1]/ToewijzingNummer")],
    ),
    Case(
        "TR355",
        [VOT],
        antwoord(Domain.JW),
        [],
        antwoord(Domain.JW),
        [(Rule.TR355, f"{ANTWOORD}/ReferentieAanbieder")],
        client_bsn=BSN,
    ),
    Case(
        "TR359",
        [VOT],
        antwoord(Domain.JW),
        [VOT, HONOURED],
        antwoord(Domain.JW),
        [(Rule.TR359, f"{ANTWOORD}/ReferentieAanbieder")],
        client_bsn=BSN,
    ),
    Case(
        "TR360",
        [VOT, antwoord(Domain.JW, identificatie="A-1")],
        antwoord(
            Domain.JW, answer=VerzoekAntwoord.AFGEWEZEN, reden_afwijzing_verzoek=RedenAfwijzingVerzoek.BUDGET
        ),
        [VOT, antwoord(Domain.JW, identificatie="A-1")],
        antwoord(Domain.JW),
        [(Rule.TR360, f"{ANTWOORD}/VerzoekAntwoord")],
        client_bsn=BSN,
    ),
    Case(
        "TR365",
        [VOT, antwoord(Domain.JW, identificatie="A-1")],
        antwoord(
            Domain.JW, answer=VerzoekAntwoord.AFGEWEZEN, reden_afwijzing_verzoek=RedenAfwijzingVerzoek.BUDGET
        ),
        [
            VOT,
            antwoord(
                Domain.JW,
                answer=VerzoekAntwoord.AFGEWEZEN,
                identificatie="A-1",
                reden_afwijzing_verzoek=RedenAfwijzingVerzoek.BUDGET,
            ),
        ],
        antwoord(
            Domain.JW, answer=VerzoekAntwoord.AFGEWEZEN, reden_afwijzing_verzoek=RedenAfwijzingVerzoek.BUDGET
        ),
        [(Rule.TR365, f"{ANTWOORD}/ReferentieAanbieder")],
        client_bsn=BSN,
    ),
    Case(
        "TR413",
        [T1001, STARTED, stopped("20", date(2026, 6, 30), "E-1")],
        stopped("31", date(2026, 7, 31), "E-2"),
        [T1001, STARTED, stopped("20", date(2026, 6, 30), "E-1")],
        stopped("20", date(2026, 7, 31), "E-2"),
        [(Rule.TR413, f"{STP}[1]/RedenBeeindiging")],
    ),
    Case(
        "TR414",
        [T1001, STARTED, stopped("20", date(2026, 6, 30), "E-1")],
        stopped("31", date(2026, 6, 30), "E-2"),
        [T1001, STARTED, stopped("20", date(2026, 6, 30), "E-1")],
        stopped("31", date(2026, 6, 15), "E-2"),
        [(Rule.TR414, f"{STP}[1]/Einddatum")],
    ),
    Case(
        "TR415",
        [T1001, STARTED, stopped("20", date(2026, 6, 30), "E-1")],
        stopped("33", date(2026, 7, 31), "E-2"),
        [T1001, STARTED, stopped("31", date(2026, 6, 30), "E-1")],
        stopped("33", date(2026, 7, 31), "E-2"),
        [(Rule.TR415, f"{STP}[1]/RedenBeeindiging")],
    ),
    Case(
        "OP347",
        [T1001],
        verzoek_om_toewijzing(Domain.JW, aangevraagd(product=product(Domain.JW, category="41"))),
        [T1001],
        verzoek_om_toewijzing(Domain.JW),
        [(Rule.OP347, f"{AP}[1]/Product")],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_message_that_keeps_the_rule_has_no_finding(case: Case) -> None:
    history = store(*case.kept_after)

    findings = check_against_history(case.keeps, history, client_bsn=case.client_bsn)

    assert findings == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_message_that_breaks_the_rule_has_its_finding_at_its_place(case: Case) -> None:
    history = store(*case.broken_after)

    findings = check_against_history(case.breaks, history, client_bsn=case.client_bsn)

    assert [(finding.rule, finding.path) for finding in findings] == case.found
    assert {finding.level for finding in findings} == {3}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_broken_rule_gets_its_code_on_the_class_it_concerns(case: Case) -> None:
    findings = check_against_history(case.breaks, store(*case.broken_after), client_bsn=case.client_bsn)

    retour = make_retour(case.breaks, findings, identification="RET-1", on=date(2026, 6, 2))

    codes = {RULES[rule].retour_code for rule, _ in case.found}
    if case.found[0][1].startswith("/Bericht/Header"):
        assert (retour.header.retour_codes, retour.body) == (tuple(codes), None)
    else:
        assert retour.header.retour_codes == ()
        assert retour.body is not None
        judged = {
            path: node.retour_codes
            for path, node in walk(retour.body, retour.body_path)
            if isinstance(node, Berichtklasse)
        }
        concerned = {path for path in judged for _, found in case.found if found.startswith(path + "/")}
        deepest = {path for path in concerned if not any(other.startswith(path + "/") for other in concerned)}
        assert {code for path in deepest for code in judged[path]} == codes
        assert all(
            set(judged[path]) <= {RetourCode.GEEN_OPMERKING, RetourCode.NIET_BEOORDEELD}
            for path in judged
            if path not in deepest
        )
    schemas = reference_schemas()
    if schemas is not None:
        assert schemas.validate(write(retour), retour.kind, retour.domain) is SchemaCheck.PASSED


def test_a_319_without_the_client_of_its_request_answers_no_known_request() -> None:
    findings = check_against_history(antwoord(Domain.JW), store(VOT))

    assert findings == [Finding.of(Rule.TR355, f"{ANTWOORD}/ReferentieAanbieder")]


def test_a_retour_is_checked_for_its_identification_only() -> None:
    heen = start_zorg(Domain.JW, start(2002))
    retour = make_retour(heen, [], identification="R-1", on=date(2026, 4, 2))

    findings = check_against_history(retour, store(T1001))

    assert findings == []


def test_the_in_memory_store_files_a_319_under_the_client_of_its_request() -> None:
    history = store(VOT, antwoord(Domain.JW, identificatie="A-1"))

    messages = history.client_messages(Domain.JW, MUNICIPALITY, PROVIDER, BSN)

    assert [message.kind for message in messages] == [MessageKind.VERZOEK_OM_TOEWIJZING, MessageKind.ANTWOORD]
    assert history.client_of_reference(Domain.JW, MUNICIPALITY, PROVIDER, "REF-1") == BSN
    assert history.client_of_reference(Domain.WMO, MUNICIPALITY, PROVIDER, "REF-1") is None


def test_the_in_memory_store_knows_who_holds_a_toewijzing_number_and_which_identifications_were_used() -> (
    None
):
    history = store(T1001)

    assert history.assignment_holder(Domain.JW, MUNICIPALITY, 1001) == BSN
    assert history.assignment_holder(Domain.WMO, MUNICIPALITY, 1001) is None
    assert history.identification_used(Domain.JW, MUNICIPALITY, MessageKind.TOEWIJZING, "T-1")
    assert not history.identification_used(Domain.JW, PROVIDER, MessageKind.TOEWIJZING, "T-1")


class CountingHistory(InMemoryHistory):
    """Records which clients' messages the checks ask for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[Domain, str, str, str]] = []

    def client_messages(
        self, domain: Domain, municipality: str, provider: str, bsn: str
    ) -> Sequence[Message]:
        self.asked.append((domain, municipality, provider, bsn))
        return super().client_messages(domain, municipality, provider, bsn)


def test_the_checks_read_only_the_one_clients_messages() -> None:
    history = CountingHistory()
    for number in range(200):
        history.add(
            toewijzing(
                Domain.JW, toegewezen(number=5000 + number), bsn=OTHER_BSN, identificatie=f"X-{number}"
            )
        )
    history.add(T1001)

    check_against_history(start_zorg(Domain.JW, start(1001)), history)

    assert history.asked == [(Domain.JW, MUNICIPALITY, PROVIDER, BSN)]


def test_a_start_that_names_neither_a_number_nor_a_product_is_not_compared() -> None:
    anonymous = start_zorg(Domain.JW, start(None), identificatie="S-1")

    findings = check_against_history(
        start_zorg(Domain.JW, start(None), identificatie="S-2"), store(anonymous)
    )

    assert findings == []


def test_a_finding_becomes_the_named_rejection_a_caller_can_raise() -> None:
    duplicate = Finding.of(Rule.TR056, "/Bericht/Header/BerichtIdentificatie/Identificatie").rejection()
    unlinked = Finding.of(Rule.TR019, f"{SP}[1]/ToewijzingNummer").rejection()

    assert isinstance(duplicate, DuplicateIdentification)
    assert (duplicate.level, duplicate.rule, duplicate.retour_code) == (3, "TR056", RetourCode.TR056)
    assert isinstance(unlinked, RuleViolated)
    assert (unlinked.rule, unlinked.path, unlinked.retour_code) == (
        "TR019",
        f"{SP}[1]/ToewijzingNummer",
        RetourCode.TR019,
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_state_folded_from_stored_facts_is_the_state_folded_from_the_messages(case: Case) -> None:
    messages = [*case.kept_after, *case.broken_after]
    stored = [json.loads(json.dumps(facts_of(message))) for message in messages]  # as a store keeps them

    from_facts = ClientState()
    for facts in stored:
        from_facts.apply_facts(facts)

    assert from_facts == client_state(messages)


def test_a_copy_of_a_message_works_out_its_cached_parts_anew() -> None:
    message = start_zorg(Domain.JW, identificatie="S-1")
    assert (message.identification, message.bsn) == ("S-1", BSN)  # cached now

    copy = message.model_copy(
        update={
            "header": message.header.model_copy(
                update={
                    "bericht_identificatie": message.header.bericht_identificatie.model_copy(
                        update={"identificatie": "S-2"}
                    )
                }
            ),
            "client": message.client.model_copy(update={"bsn": OTHER_BSN}),
        }
    )

    assert (copy.identification, copy.bsn) == ("S-2", OTHER_BSN)
    assert (message.identification, message.bsn) == ("S-1", BSN)
