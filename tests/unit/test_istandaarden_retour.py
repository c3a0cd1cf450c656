"""The retour of a heen message (IV028, IV032): accepted, refused as a whole in the header, or with
every class copied and judged."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from smi_core.istandaarden.client import Contact, Relatie
from smi_core.istandaarden.codes import (
    AdresSoort,
    Domain,
    MessageKind,
    RetourCode,
    SoortRelatie,
    VerzoekAntwoord,
)
from smi_core.istandaarden.codes import RedenAfwijzingVerzoek as Reden
from smi_core.istandaarden.findings import Finding, Rule
from smi_core.istandaarden.messages import HeenMessage, RetourMessage, StartZorgRetour
from smi_core.istandaarden.products import Woonplaatsbeginsel
from smi_core.istandaarden.retour import RULES_VERSION, make_retour
from smi_core.istandaarden.schemas import SchemaCheck
from smi_core.istandaarden.xml import read, write
from tests.istandaarden_factories import (
    MUNICIPALITY,
    PROVIDER,
    antwoord,
    full_name,
    reference_schemas,
    start,
    start_zorg,
    toegewezen,
    toewijzing,
    verzoek_om_wijziging,
)

ON = date(2026, 4, 2)
G = RetourCode.GEEN_OPMERKING
N = RetourCode.NIET_BEOORDEELD


def retour_of(message: HeenMessage, *findings: Finding) -> RetourMessage:
    return make_retour(message, list(findings), identification="RET-7", on=ON)


def assert_schema_valid(retour: RetourMessage) -> None:
    schemas = reference_schemas()
    if schemas is None:
        return
    assert schemas.validate(write(retour), retour.kind, retour.domain) in {
        SchemaCheck.PASSED,
        SchemaCheck.UNAVAILABLE,
    }
    if retour.domain is Domain.JW:
        assert schemas.validate(write(retour), retour.kind, retour.domain) is SchemaCheck.PASSED


@pytest.mark.parametrize("domain", list(Domain))
def test_without_findings_the_retour_is_the_header_without_retour_codes(domain: Domain) -> None:
    message = toewijzing(domain)

    retour = retour_of(message)

    assert retour.kind is MessageKind.TOEWIJZING_RETOUR
    assert retour.header.retour_codes == ()
    assert retour.body is None
    assert retour.accepted
    assert_schema_valid(retour)


def test_the_retour_header_keeps_afzender_and_ontvanger_and_adds_its_own_identification() -> None:
    message = start_zorg(Domain.JW)

    retour = retour_of(message)
    written = etree.fromstring(write(retour))

    assert (retour.header.afzender, retour.header.ontvanger) == (PROVIDER, MUNICIPALITY)
    assert retour.header.bericht_identificatie == message.header.bericht_identificatie
    assert (retour.header.identificatie_retour, retour.header.dagtekening_retour) == ("RET-7", ON)
    assert written.findtext("{*}Header/{*}BerichtCode") == "439"


def test_a_repeated_identificatie_refuses_the_message_in_the_header_with_9056() -> None:
    message = toewijzing(Domain.JW)

    retour = retour_of(message, Finding.of(Rule.TR056, "/Bericht/Header/BerichtIdentificatie/Identificatie"))

    assert retour.header.retour_codes == (RetourCode.TR056,)
    assert retour.header.xslt_versie is None
    assert retour.body is None
    assert_schema_valid(retour)


def test_a_level_2_finding_outweighs_level_3_findings() -> None:
    message = start_zorg(Domain.JW)
    findings = [
        Finding.of(Rule.TR019, "/Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer"),
        Finding.of(Rule.CS002, "/Bericht/Client/Bsn"),
    ]

    retour = retour_of(message, *findings)

    assert (retour.header.retour_codes, retour.header.xslt_versie, retour.body) == (
        (RetourCode.TECHNISCH_AFGEKEURD,),
        RULES_VERSION,
        None,
    )


def test_a_level_3_finding_copies_every_class_and_marks_the_one_it_concerns() -> None:
    message = start_zorg(Domain.JW, start(1001), start(1002))

    retour = retour_of(
        message, Finding.of(Rule.TR019, "/Bericht/Client/StartProducten/StartProduct[2]/ToewijzingNummer")
    )

    assert isinstance(retour, StartZorgRetour) and retour.client is not None
    assert retour.client.retour_codes == (G,)
    assert [product.retour_codes for product in retour.client.start_producten] == [(G,), (RetourCode.TR019,)]
    assert retour.client.start_producten[1].toewijzing_nummer == 1002
    assert not retour.accepted
    assert_schema_valid(retour)
    assert read(write(retour)) == retour


def test_contacts_and_relations_of_a_301_are_copied_with_0200() -> None:
    relatie = Relatie(
        nummer="1", soort=SoortRelatie.OUDER, naam=full_name(), contact=Contact(soort=AdresSoort.BRP_ADRES)
    )
    message = toewijzing(
        Domain.JW, toegewezen(number=1001), toegewezen(number=1002, ingangsdatum=date(2027, 1, 1))
    )
    message = message.model_copy(
        update={"client": message.client.model_copy(update={"relaties": (relatie,)})}
    )
    finding = Finding.of(
        Rule.TR332, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/ToewijzingNummer"
    )

    retour = retour_of(message, finding)

    client = retour.body
    assert client is not None
    assert [product.retour_codes for product in client.toegewezen_producten] == [(RetourCode.TR332,), (G,)]
    assert client.relaties[0].retour_codes == (G,)
    assert client.relaties[0].contact.retour_codes == (G,)
    assert client.contactgegevens[0].retour_codes == (G,)
    assert_schema_valid(retour)


def test_the_classes_under_a_refused_class_are_not_judged() -> None:
    message = verzoek_om_wijziging(Domain.JW, unchanged=(1001, 1002))

    retour = retour_of(message, Finding.of(Rule.TR374, "/Bericht/Client/Verzoek/ReferentieAanbieder"))

    client = retour.body
    assert client is not None
    verzoek = client.verzoek
    assert (client.retour_codes, verzoek.retour_codes) == ((G,), (RetourCode.TR374,))
    assert [product.retour_codes for product in verzoek.ongewijzigde_producten] == [(N,), (N,)]
    assert_schema_valid(retour)


def test_a_refused_answer_is_copied_with_its_woonplaatsbeginsel() -> None:
    message = antwoord(
        Domain.JW,
        answer=VerzoekAntwoord.AFGEWEZEN,
        reden_afwijzing_verzoek=Reden.WOONPLAATSBEGINSEL,
        woonplaatsbeginsel=Woonplaatsbeginsel(gemeente="1916"),
    )

    retour = retour_of(message, Finding.of(Rule.TR359, "/Bericht/Antwoord/ReferentieAanbieder"))

    answer = retour.body
    assert answer is not None
    assert answer.retour_codes == (RetourCode.TR359,)
    assert answer.woonplaatsbeginsel.retour_codes == (N,)
    assert_schema_valid(retour)


def test_a_retour_of_two_findings_on_one_class_lists_both_codes_once() -> None:
    message = start_zorg(Domain.WMO)
    path = "/Bericht/Client/StartProducten/StartProduct[1]"
    findings = [
        Finding.of(Rule.TR019, f"{path}/ToewijzingNummer"),
        Finding.of(Rule.TR326, f"{path}/Begindatum"),
        Finding.of(Rule.TR019, f"{path}/ToewijzingNummer"),
    ]

    retour = retour_of(message, *findings)

    assert retour.body is not None
    assert retour.body.start_producten[0].retour_codes == (RetourCode.TR019, RetourCode.TR326)
    assert read(write(retour)) == retour
