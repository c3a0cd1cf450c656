"""The beschikking letter of a Wmo case, built from what route T recorded on it: no field of the
letter is typed twice.

- the resident: the client as the access worker identified them at the start of the
  investigation (initials, prefix, surname; the melding's own name before that), at the postcode
  of the melding;
- the decision, its motivation, the day of the aanvraag and of the decision: the case's
  ``Beschikking`` record;
- what is granted: the chosen ``ProvisionChoice`` (the catalogue's product category, code and
  name, the volume, unit and frequency, the period, and the provider the catalogue names for its
  AGB code), delivered in kind (zorg in natura: the case's provision goes to a provider by a 301);
- the results to reach: the newest support plan; the evaluation moments: the chosen provision's;
- the law: the Wmo.

A refusal grants nothing, so it carries no provision, results or evaluation moments. Whether the
letter can be sent is the letter's own check (``smi_core.wmo.letters.check_letter``); this builder
only refuses when there is no beschikking to write (``LetterIncomplete``).
"""

from __future__ import annotations

from smi_core.case.wmo_records import WmoRecords
from smi_core.wmo.casework import ProvisionChoice, WmoClient
from smi_core.wmo.conversion import Form
from smi_core.wmo.letters import (
    BeschikkingLetter,
    Decision,
    Finding,
    LetterIncomplete,
    LetterRule,
    Provision,
    Resident,
)
from smi_core.wmo.melding import WmoMelding
from smi_core.wmo.terms import Law


def beschikking_letter(
    records: WmoRecords,
    melding: WmoMelding | None,
    law: Law = Law.WMO,
    *,
    results: tuple[str, ...] | None = None,
    decided_by_certified_institution: bool = False,
) -> BeschikkingLetter:
    """The beschikking letter of the case whose records are ``records`` and melding ``melding``
    (None for a youth-care case that came in without one: a provider's request, a bepaling, whose
    ``results`` are given instead of a support plan's); ``LetterIncomplete`` when no beschikking
    is recorded. Where a certified institution decided, the letter has no objection clause
    (``GI-BESCHIKKING-NO-BEZWAAR``)."""
    beschikking = records.beschikking
    if beschikking is None:
        raise LetterIncomplete([Finding(LetterRule.CONTENT, "no beschikking is recorded")])
    granted = beschikking.granted
    provision = records.provision if granted else None
    plan = records.plan if granted else None
    if results is None:
        results = plan.results if plan is not None else ()
    return BeschikkingLetter(
        law=law,
        decision=Decision.GRANTED if granted else Decision.REFUSED,
        request_date=beschikking.requested_on,
        decision_date=beschikking.decided_on,
        resident=resident_of(records.client, melding),
        motivation=beschikking.motivation,
        provisions=(provision_of(provision),) if provision is not None else (),
        results=results if granted else (),
        evaluation_moments=provision.evaluations if provision is not None else (),
        decided_by_certified_institution=decided_by_certified_institution,
    )


def resident_of(client: WmoClient | None, melding: WmoMelding | None) -> Resident:
    """Who the letter is for: the identified client's name (the melding's before the
    investigation identified them), at the melding's postcode (no address without a melding: the
    letter goes to the address in the BRP)."""
    if melding is None:
        return Resident(name=formal_name(client) if client is not None else "")
    name = formal_name(client) if client is not None else melding.name
    return Resident(name=name, address_lines=(melding.postcode,))


def formal_name(client: WmoClient) -> str:
    """The name as a letter addresses it: initials with points, prefix, surname (``J.A. de Vries``)."""
    initials = "".join(f"{letter}." for letter in client.initials.replace(".", "").replace(" ", ""))
    return " ".join(part for part in (initials, client.prefix, client.surname) if part)


def provision_of(choice: ProvisionChoice) -> Provision:
    """The chosen provision as the letter names it: in kind, by the chosen provider."""
    return Provision(
        category=choice.category,
        product_code=choice.product_code,
        product_name=choice.product_name,
        volume=choice.volume,
        unit=choice.unit,
        frequency=choice.frequency,
        start=choice.start,
        end=choice.end,
        form=Form.ZIN,
        provider=choice.provider_name or choice.provider_agb,
    )


__all__ = ["beschikking_letter", "formal_name", "provision_of", "resident_of"]
