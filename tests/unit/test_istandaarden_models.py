"""The message models: their fields map to the schemas' element names, they refuse contents of the
other set or of the wrong direction, and their repr shows no personal data."""

from __future__ import annotations

from datetime import date

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from smi_core.istandaarden.codes import (
    CategorieWmo,
    Domain,
    JaNee,
    MessageKind,
    RedenBeeindigingJw,
    RetourCode,
)
from smi_core.istandaarden.common import Node, Product, xml_name
from smi_core.istandaarden.header import Header
from smi_core.istandaarden.messages import (
    MESSAGE_TYPES,
    AntwoordBericht,
    StartZorgBericht,
    StopZorgBericht,
    VerzoekOmToewijzingBericht,
)
from smi_core.istandaarden.paths import LIST_ITEMS
from smi_core.istandaarden.products import Woonplaatsbeginsel
from tests.istandaarden_factories import (
    BSN,
    antwoord,
    header,
    start_zorg,
    stop,
    stop_zorg,
    toegewezen,
    toewijzing,
    verzoek_om_toewijzing,
)
from tests.istandaarden_reference import REFERENCE, REFERENCE_MISSING
from tests.istandaarden_strategies import messages

XS = "{http://www.w3.org/2001/XMLSchema}"


def all_models() -> list[type[Node]]:
    found, pending = [], [Node]
    while pending:
        model = pending.pop()
        found.append(model)
        pending.extend(model.__subclasses__())
    return found


def test_every_field_is_an_element_of_the_schemas() -> None:
    if not REFERENCE.is_dir():
        pytest.skip(REFERENCE_MISSING)
    names = {
        element.get("name")
        for path in REFERENCE.glob("*/*.xsd")
        for element in etree.parse(str(path)).getroot().iter(f"{XS}element")
    }

    unknown = [
        f"{model.__name__}.{field}"
        for model in all_models()
        for field in model.model_fields
        if field != "domain" and xml_name(field) not in names
    ]

    assert unknown == []
    assert set(LIST_ITEMS.values()) <= names


def test_a_dump_by_alias_shows_the_xml_names() -> None:
    dumped = toegewezen().model_dump(by_alias=True, exclude_none=True)

    assert {"ToewijzingNummer", "Toewijzingsdatum", "Ingangsdatum", "Omvang"} <= set(dumped)


def test_a_product_of_the_other_set_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="not one of iJw"):
        toewijzing(Domain.JW, toegewezen(product=Product(categorie=CategorieWmo.BEGELEIDING)))


def test_a_stop_reason_of_the_other_set_is_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="RedenBeeindiging 31 is not one of iWmo"):
        stop_zorg(Domain.WMO, stop(Domain.JW, reason="31"))


def test_a_plain_stop_code_is_read_in_the_sets_own_list() -> None:
    message = stop_zorg(Domain.JW, stop(Domain.JW, reason="31"))

    again = StopZorgBericht.model_validate(message.model_dump(mode="json"))

    assert again == message
    assert again.client.stop_producten[0].reden_beeindiging is RedenBeeindigingJw.VOLGENS_PLAN


def test_the_ijw_additions_are_refused_in_an_iwmo_message() -> None:
    asked = verzoek_om_toewijzing(Domain.WMO)
    client = asked.client.model_copy(update={"gezagsdrager_bekend": JaNee.JA})

    with pytest.raises(pydantic.ValidationError, match="GezagsdragerBekend is iJw only"):
        VerzoekOmToewijzingBericht(domain=Domain.WMO, header=asked.header, client=client)
    with pytest.raises(pydantic.ValidationError, match="Woonplaatsbeginsel is iJw only"):
        antwoord(Domain.WMO, woonplaatsbeginsel=Woonplaatsbeginsel(gemeente="1916"))


def test_a_header_the_wrong_way_round_is_refused() -> None:
    started = start_zorg(Domain.JW)

    with pytest.raises(pydantic.ValidationError, match="that way round"):
        StartZorgBericht(domain=Domain.JW, header=header(MessageKind.TOEWIJZING), client=started.client)


def test_a_heen_message_carries_no_retour_codes() -> None:
    product = toegewezen(retour_codes=(RetourCode.GEEN_OPMERKING,))

    with pytest.raises(pydantic.ValidationError, match="carries no RetourCodes"):
        toewijzing(Domain.JW, product)


def test_a_retour_class_without_retour_codes_is_refused() -> None:
    model = MESSAGE_TYPES[MessageKind.START_ZORG_RETOUR]
    heen = start_zorg(Domain.JW)
    data = {
        "domain": Domain.JW,
        "header": {
            **heen.header.model_dump(),
            "identificatie_retour": "R",
            "dagtekening_retour": date(2026, 4, 2),
            "xsd_versie_retour": heen.header.xsd_versie,
        },
        "client": heen.client,
    }

    with pytest.raises(pydantic.ValidationError, match="every message class carries its RetourCodes"):
        model.model_validate(data)


def test_the_repr_of_a_message_shows_no_bsn_and_no_name() -> None:
    shown = repr(toewijzing(Domain.JW))

    assert BSN not in shown
    assert "Wit" not in shown


def test_the_parties_of_a_message_follow_its_direction() -> None:
    heen = toewijzing(Domain.JW)
    answer = antwoord(Domain.JW)
    start = start_zorg(Domain.JW)

    assert (heen.municipality, heen.provider, heen.sender) == ("0384", "42420001", "0384")
    assert (start.municipality, start.provider, start.sender) == ("0384", "42420001", "42420001")
    assert isinstance(answer, AntwoordBericht) and answer.bsn is None
    assert isinstance(heen.header, Header)


@pytest.mark.parametrize("kind", list(MessageKind))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_message_survives_a_json_round_trip(kind: MessageKind, data: st.DataObject) -> None:
    message = data.draw(messages(kind, data.draw(st.sampled_from(Domain))))

    again = type(message).model_validate_json(message.model_dump_json())

    assert again == message
