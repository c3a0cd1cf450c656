"""The code lists hold exactly the basisschema's enumerations, with its labels; the kinds carry the
BerichtCodes and namespaces of the message schemas."""

from __future__ import annotations

import pytest
from lxml import etree

from smi_core.istandaarden.codelist import CodeList
from smi_core.istandaarden.codes import (
    AanduidingWoonadres,
    AdresSoort,
    CategorieJw,
    CategorieWmo,
    Communicatievorm,
    DatumGebruik,
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    JaNee,
    JuridischeStatus,
    LandCode,
    MessageKind,
    NaamGebruik,
    Partij,
    RedenAfwijzingVerzoek,
    RedenBeeindigingJw,
    RedenBeeindigingWmo,
    RedenVerzoek,
    RedenWijziging,
    RetourCode,
    SoortRelatie,
    StatusAanlevering,
    TypeVerwijzer,
    VerzoekAntwoord,
    WettelijkeVertegenwoordiging,
    kind_of_bericht_code,
    stop_reason_for,
)
from tests.istandaarden_reference import REFERENCE, REFERENCE_MISSING

XS = "{http://www.w3.org/2001/XMLSchema}"
SHARED: dict[str, type[CodeList]] = {
    "LDT_AanduidingWoonadres": AanduidingWoonadres,
    "LDT_AdresSoort": AdresSoort,
    "LDT_Communicatievorm": Communicatievorm,
    "LDT_DatumGebruik": DatumGebruik,
    "LDT_Eenheid": Eenheid,
    "LDT_Frequentie": Frequentie,
    "LDT_Geslacht": Geslacht,
    "LDT_JaNee": JaNee,
    "LDT_JuridischeStatus": JuridischeStatus,
    "LDT_LandCode": LandCode,
    "LDT_NaamGebruik": NaamGebruik,
    "LDT_RedenAfwijzingVerzoek": RedenAfwijzingVerzoek,
    "LDT_RedenVerzoek": RedenVerzoek,
    "LDT_RedenWijziging": RedenWijziging,
    "LDT_RetourCode": RetourCode,
    "LDT_SoortRelatie": SoortRelatie,
    "LDT_StatusAanlevering": StatusAanlevering,
    "LDT_TypeVerwijzer": TypeVerwijzer,
    "LDT_VerzoekAntwoord": VerzoekAntwoord,
    "LDT_WettelijkeVertegenwoordiging": WettelijkeVertegenwoordiging,
}
PER_SET: dict[tuple[Domain, str], type[CodeList]] = {
    (Domain.WMO, "LDT_ProductCategorie"): CategorieWmo,
    (Domain.JW, "LDT_ProductCategorie"): CategorieJw,
    (Domain.WMO, "LDT_RedenBeeindiging"): RedenBeeindigingWmo,
    (Domain.JW, "LDT_RedenBeeindiging"): RedenBeeindigingJw,
}
CASES = [(domain, name, codes) for domain in Domain for name, codes in SHARED.items()] + [
    (domain, name, codes) for (domain, name), codes in PER_SET.items()
]


def enumeration(domain: Domain, name: str) -> dict[str, str]:
    """Code -> label (whitespace collapsed) of an enumeration in the set's basisschema."""
    if not REFERENCE.is_dir():
        pytest.skip(REFERENCE_MISSING)
    root = etree.parse(str(REFERENCE / domain.folder / "basisschema.xsd")).getroot()
    (simple_type,) = [node for node in root if node.get("name") == name]
    return {
        item.get("value"): " ".join(item.findtext(f"{XS}annotation/{XS}documentation", "").split())
        for item in simple_type.iter(f"{XS}enumeration")
    }


@pytest.mark.parametrize(("domain", "name", "codes"), CASES, ids=[f"{d.prefix}-{n}" for d, n, _ in CASES])
def test_a_code_list_holds_the_basisschemas_codes_with_their_labels(
    domain: Domain, name: str, codes: type[CodeList]
) -> None:
    expected = enumeration(domain, name)

    actual = {
        member.code: member.label_in(domain) if isinstance(member, RetourCode) else member.label
        for member in codes
    }

    assert actual == expected


@pytest.mark.parametrize("domain", list(Domain))
@pytest.mark.parametrize("kind", list(MessageKind))
def test_a_kind_has_the_bericht_code_and_namespace_of_its_schema(kind: MessageKind, domain: Domain) -> None:
    path = REFERENCE / domain.folder / domain.schema_file(kind)
    if not path.is_file():
        pytest.skip(f"no {domain.schema_file(kind)} in the reference folder")
    root = etree.parse(str(path)).getroot()

    pattern = root.find(f".//{XS}element[@name='BerichtCode']//{XS}pattern")

    assert pattern is not None and pattern.get("value") == kind.bericht_code(domain)
    assert root.get("targetNamespace") == domain.message_namespace(kind)


def test_a_retour_answers_its_heen_message_and_comes_from_its_receiver() -> None:
    assert MessageKind.TOEWIJZING.retour is MessageKind.TOEWIJZING_RETOUR
    assert MessageKind.ANTWOORD_RETOUR.heen is MessageKind.ANTWOORD
    assert MessageKind.TOEWIJZING.sender is Partij.GEMEENTE
    assert MessageKind.TOEWIJZING_RETOUR.sender is Partij.AANBIEDER
    assert MessageKind.VERZOEK_OM_WIJZIGING.sender is Partij.AANBIEDER
    assert MessageKind.VERZOEK_OM_WIJZIGING_RETOUR.sender is Partij.GEMEENTE
    assert [kind.is_retour for kind in MessageKind] == [False, True] * 6


def test_the_bericht_codes_of_the_digest_name_their_set_and_kind() -> None:
    assert [MessageKind(k).bericht_code(Domain.WMO) for k in ("301", "319", "320")] == ["414", "482", "483"]
    assert [MessageKind(k).bericht_code(Domain.JW) for k in ("301", "317", "320")] == ["436", "486", "489"]
    assert kind_of_bericht_code("446") == (Domain.JW, MessageKind.VERZOEK_OM_TOEWIJZING)
    assert kind_of_bericht_code("484") is None


def test_the_same_stop_code_means_different_things_in_the_two_sets() -> None:
    assert RedenBeeindigingWmo("31").label == "Verhuizing naar een andere gemeente"
    assert RedenBeeindigingJw("31").label == "Levering is volgens plan beeindigd."
    assert stop_reason_for(RedenWijziging.VERHUIZING, Domain.WMO) is RedenBeeindigingWmo.VERHUIZING
    assert stop_reason_for(RedenWijziging.VERHUIZING, Domain.JW) is RedenBeeindigingJw.EXTERNE_OMSTANDIGHEDEN
    assert stop_reason_for(RedenWijziging.VERLENGING, Domain.JW) is None


def test_the_functie_of_the_envelope_is_the_set_prefix_and_the_kind() -> None:
    assert MessageKind.TOEWIJZING.functie(Domain.WMO) == "WMO301"
    assert MessageKind.START_ZORG_RETOUR.functie(Domain.JW) == "JW306"
