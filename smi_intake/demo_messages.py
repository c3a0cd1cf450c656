"""Demo iWmo/iJw messages (demo mode only): a few fictional assignments and requests between the
configured municipality and one fictional provider, exchanged through the normal message service,
so that *Berichten* and *Termijnen* show every state a back office meets.

- an iJw 301 sent a week ago, accepted by the provider's retour, and care started with a 305;
- an iWmo 301 sent six working days ago whose retour never came (overdue, OP090);
- an iJw 315 request imported three days ago, still waiting for an answer (OP274).

The clients are fictional, with test BSNs that pass the elfproef; the provider's AGB code is not a
real one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TypeVar

from smi_core.istandaarden import examples as example
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.messages import Message
from smi_core.istandaarden.retour import make_retour
from smi_core.istandaarden.xml import write
from smi_intake.db.messages import MessageFilter
from smi_intake.services.accounts import Account
from smi_intake.services.messages import MessageService

M = TypeVar("M", bound=Message)

#: The demo provider's AGB code (fictional).
DEMO_PROVIDER_AGB = "99990001"
#: Fictional clients: test BSNs that pass the elfproef (CS002).
DEMO_BSNS = ("999900006", "999900018", "999900031")


def seed_demo_messages(messages: MessageService, office: Account, now: datetime) -> int:
    """The demo messages, when the store is empty; how many messages were stored."""
    if messages.count(office, MessageFilter()):
        return 0
    municipality = messages.municipality_code

    def ours(message: M) -> M:
        return example.between(message, municipality, DEMO_PROVIDER_AGB)

    week_ago = now - timedelta(days=7)
    youth_number = messages.issue_number(office, Domain.JW, DEMO_BSNS[0], "", week_ago)
    support_number = messages.issue_number(office, Domain.WMO, DEMO_BSNS[1], "", week_ago)
    youth = ours(
        example.toewijzing(
            Domain.JW,
            example.toegewezen(Domain.JW, number=youth_number, ingangsdatum=week_ago.date()),
            bsn=DEMO_BSNS[0],
            identificatie=messages.next_identification(),
        )
    )
    messages.send(youth, office, week_ago)
    support = ours(
        example.toewijzing(
            Domain.WMO,
            example.toegewezen(Domain.WMO, number=support_number, ingangsdatum=week_ago.date()),
            bsn=DEMO_BSNS[1],
            identificatie=messages.next_identification(),
        )
    )
    messages.send(support, office, week_ago)
    messages.export(office, week_ago)  # both sent a week ago; only the first gets its retour

    accepted = make_retour(youth, [], identification="DEMO-R1", on=(week_ago + timedelta(days=1)).date())
    started = ours(
        example.start_zorg(
            Domain.JW,
            example.start(
                youth_number,
                toewijzing_ingangsdatum=week_ago.date(),
                begindatum=(now - timedelta(days=2)).date(),
            ),
            bsn=DEMO_BSNS[0],
            identificatie="DEMO-S1",
        )
    )
    asked = ours(
        example.verzoek_om_toewijzing(
            Domain.JW,
            example.aangevraagd(
                Domain.JW,
                reference="DEMO-VOT-1",
                toewijzing_ingangsdatum=(now + timedelta(days=14)).date(),
                toewijzing_einddatum=(now + timedelta(days=194)).date(),
            ),
            bsn=DEMO_BSNS[2],
            identificatie="DEMO-V1",
        )
    )
    files = [("retour.xml", write(accepted)), ("start.xml", write(started))]
    outcomes = messages.import_files(files, office, now - timedelta(days=2))
    outcomes += messages.import_files([("verzoek.xml", write(asked))], office, now - timedelta(days=3))
    if not all(outcome.accepted for outcome in outcomes):
        problems = [
            (outcome.name, outcome.rule, outcome.problem) for outcome in outcomes if not outcome.accepted
        ]
        raise RuntimeError(f"the demo messages were refused: {problems}")
    return messages.count(office, MessageFilter())
