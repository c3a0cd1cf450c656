"""The public façade of ``smi_core.istandaarden``, and one whole exchange through it: a request, its
toewijzing, the start and the stop of care, each read, checked, stored and answered with a retour."""

from __future__ import annotations

import importlib
from datetime import date

import smi_core.istandaarden as istandaarden
from smi_core.istandaarden import (
    Domain,
    HeenMessage,
    InMemoryHistory,
    MessageKind,
    RetourMessage,
    SchemaCheck,
    check_against_history,
    check_message,
    make_retour,
    read,
    read_envelope,
    write,
    write_di01,
    write_du01,
)
from tests.istandaarden_factories import (
    reference_schemas,
    start,
    start_zorg,
    stop,
    stop_zorg,
    toegewezen,
    toewijzing,
    verzoek_om_toewijzing,
)


def test_every_name_of_the_facade_can_be_imported() -> None:
    module = importlib.import_module("smi_core.istandaarden")

    missing = [name for name in istandaarden.__all__ if not hasattr(module, name)]

    assert missing == []
    assert len(istandaarden.__all__) == len(set(istandaarden.__all__))


def receive(data: bytes, history: InMemoryHistory, on: date) -> RetourMessage:
    """What a receiver does: read (level 1), check (levels 2 and 3), store when accepted, answer."""
    message = read(data, reference_schemas())
    assert isinstance(message, HeenMessage)
    findings = check_message(message) + check_against_history(message, history)
    retour = make_retour(message, findings, identification=f"R-{message.identification}", on=on)
    if retour.accepted:
        history.add(message)
    return retour


def test_a_whole_exchange_is_accepted_step_by_step_and_a_repeat_is_refused() -> None:
    municipality, provider = InMemoryHistory(), InMemoryHistory()
    steps = [
        (municipality, verzoek_om_toewijzing(Domain.JW, identificatie="V-1")),
        (
            provider,
            toewijzing(Domain.JW, toegewezen(referentie_aanbieder="REF-1", ingangsdatum=date(2026, 5, 1))),
        ),
        (municipality, start_zorg(Domain.JW, start(1001, toewijzing_ingangsdatum=date(2026, 5, 1)))),
        (
            municipality,
            stop_zorg(Domain.JW, stop(Domain.JW, 1001, "31", toewijzing_ingangsdatum=date(2026, 5, 1))),
        ),
    ]
    # Each side also keeps what it sent itself.
    shared = [municipality, provider]

    retours = []
    for receiver, message in steps:
        functie = message.kind.functie(message.domain)
        envelope = read_envelope(write_di01(write(message), functie, message.sender, "GGK"))
        retour = receive(envelope.payload or b"", receiver, date(2026, 5, 2))
        reply = read_envelope(
            write_du01(
                write(retour),
                retour.kind.functie(retour.domain),
                retour.sender,
                "GGK",
                envelope.referentienummer,
            )
        )
        retours.append(retour)
        assert reply.crossrefnummer == envelope.referentienummer
        for side in shared:
            if side is not receiver and retour.accepted:
                side.add(message)

    assert [retour.accepted for retour in retours] == [True, True, True, True]
    assert [retour.kind for retour in retours] == [
        MessageKind.VERZOEK_OM_TOEWIJZING_RETOUR,
        MessageKind.TOEWIJZING_RETOUR,
        MessageKind.START_ZORG_RETOUR,
        MessageKind.STOP_ZORG_RETOUR,
    ]
    repeat = receive(write(steps[2][1]), municipality, date(2026, 5, 3))
    assert [code.value for code in repeat.header.retour_codes] == ["9056"]


def test_the_schema_check_of_the_facade_says_when_a_kind_has_no_schema() -> None:
    schemas = reference_schemas()
    if schemas is None:
        return
    retour = make_retour(toewijzing(Domain.WMO), [], identification="R-1", on=date(2026, 4, 2))

    assert schemas.validate(write(retour), retour.kind, retour.domain) is SchemaCheck.UNAVAILABLE
