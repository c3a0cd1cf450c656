"""Demo data for *One traject* (demo mode only): a fictional client with three current begeleiding
indications at two providers of the example catalogue, as the 301s the municipality sent, answered
with accepted retours; the first one ends within the conversion window (``CONV-WHEN``).

- individual begeleiding at Voorbeeldzorg, from two months ago, ending in five weeks;
- dagbesteding at the begeleiding coalition, from two months ago, ending in four months;
- dagbesteding at Voorbeeldzorg, from a month ago, ending in seven months (its 301 repeats the
  individual begeleiding there, as a 301 holds all the client's toewijzingen at a provider, OP087).

Everything goes through the normal message service. The client has a test BSN that passes the
elfproef; the providers' AGB codes are those of the example catalogue (not real ones).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from smi_core.istandaarden import examples as example
from smi_core.istandaarden.codes import Domain, Eenheid, Frequentie
from smi_core.istandaarden.common import Omvang
from smi_core.istandaarden.messages import ToewijzingBericht
from smi_core.istandaarden.products import ToegewezenProduct
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import write
from smi_intake.db.messages import MessageFilter
from smi_intake.services.accounts import Account
from smi_intake.services.messages import MessageService

#: The fictional client with three begeleiding indications (a test BSN, elfproef CS002).
DEMO_CONVERSION_BSN = "999900043"
#: Providers of the example catalogue: one not contracted for the segments, and the coalition.
DEMO_INDIVIDUAL_PROVIDER = "99990001"
DEMO_COALITION = "99990002"


def seed_demo_conversion(messages: MessageService, office: Account, now: datetime) -> int:
    """The demo client's three 301s with their accepted retours, unless the client has messages;
    how many 301s were sent."""
    if messages.count(office, MessageFilter(bsn=DEMO_CONVERSION_BSN)):
        return 0
    two_months_ago, month_ago = now - timedelta(days=60), now - timedelta(days=30)
    individual = _toegewezen(
        messages, office, "02", "02I01", two_months_ago, now + timedelta(days=35), Eenheid.UUR, 3
    )
    coalition_day = _toegewezen(
        messages, office, "07", "07D01", two_months_ago, now + timedelta(days=120), Eenheid.DAGDEEL, 2
    )
    other_day = _toegewezen(
        messages, office, "07", "07D01", month_ago, now + timedelta(days=210), Eenheid.DAGDEEL, 1
    )
    sent = [
        (two_months_ago, DEMO_INDIVIDUAL_PROVIDER, (individual,)),
        (two_months_ago, DEMO_COALITION, (coalition_day,)),
        (month_ago, DEMO_INDIVIDUAL_PROVIDER, (individual, other_day)),
    ]
    toewijzingen: list[ToewijzingBericht] = []
    for moment, provider, products in sent:
        message = example.between(
            example.toewijzing(
                Domain.WMO, *products, bsn=DEMO_CONVERSION_BSN, identificatie=messages.next_identification()
            ),
            messages.municipality_code,
            provider,
        )
        header = message.header.model_copy(
            update={
                "bericht_identificatie": message.header.bericht_identificatie.model_copy(
                    update={"dagtekening": moment.date()}
                )
            }
        )
        message = message.model_copy(update={"header": header})
        messages.send(message, office, moment)
        messages.export(office, moment)
        toewijzingen.append(message)
    for position, (message, (moment, _provider, _products)) in enumerate(
        zip(toewijzingen, sent, strict=True)
    ):
        retour = make_retour(
            message, [], identification=f"DEMO-CR{position}", on=(moment + timedelta(days=1)).date()
        )
        [outcome] = messages.import_files([("retour.xml", write(retour))], office, moment + timedelta(days=1))
        if not outcome.accepted:
            raise RuntimeError(f"the demo retour was refused: {outcome.rule} {outcome.problem}")
    return len(toewijzingen)


def _toegewezen(
    messages: MessageService,
    office: Account,
    category: str,
    code: str,
    start: datetime,
    end: datetime,
    unit: Eenheid,
    volume: int,
) -> ToegewezenProduct:
    number = messages.issue_number(office, Domain.WMO, DEMO_CONVERSION_BSN, code, start)
    return example.toegewezen(
        Domain.WMO,
        number=number,
        product=example.product(Domain.WMO, code=code, category=category),
        toewijzingsdatum=start.date(),
        toewijzingstijd=time(10, 0),
        ingangsdatum=start.date(),
        einddatum=end.date(),
        omvang=Omvang(volume=volume, eenheid=unit, frequentie=Frequentie.PER_WEEK),
    )
