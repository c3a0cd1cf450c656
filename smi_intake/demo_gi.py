"""Demo data of youth care's route G: one bepaling jeugdhulp of the demo certified institution for
a fictional child, naming the demo provider, waiting for the provider's answer (G3). Added only
when the demo jeugdbeschermer has none yet."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from smi_core.access import Role
from smi_core.istandaarden.codes import Eenheid, Frequentie, Geslacht
from smi_core.jeugd.bepaling import Bepaling, Child, Measure, RegistrationForm
from smi_intake.demo_messages import DEMO_PROVIDER_AGB
from smi_intake.services.accounts import Account
from smi_intake.services.gi import GiService

#: A fictional test BSN (it passes the elfproef; the 9999 series is not issued).
DEMO_GI_CHILD_BSN = "999900055"


def demo_bepaling(gi: Account, today: date) -> Bepaling:
    """A bepaling for ambulant youth care at home, three hours a week for half a year."""
    return Bepaling(
        gi_organisation=gi.organisation,
        jeugdbeschermer=gi.display_name,
        measure=Measure.OTS,
        child=Child(
            bsn=DEMO_GI_CHILD_BSN,
            given_name="Noor",
            surname="Demo",
            initials="N",
            gender=Geslacht.VROUWELIJK,
            date_of_birth=today.replace(year=today.year - 11, day=1),
        ),
        category="45",
        product_code="45A01",
        product_name="Jeugdhulp ambulant, individueel",
        volume=3,
        unit=Eenheid.UUR,
        frequency=Frequentie.PER_WEEK,
        start=today + timedelta(days=7),
        end=today + timedelta(days=190),
        provider_agb=DEMO_PROVIDER_AGB,
        motivation="Onder toezicht gesteld; ambulante hulp thuis is nodig voor de opvoeding (demo).",
        decided_on=today,
        registration=RegistrationForm(
            reason="Ondertoezichtstelling; thuis lukt de opvoeding niet zonder hulp (demo).",
            goals="Noor gaat weer elke dag naar school; de ouders hebben grip op de opvoeding (demo).",
            contact_name=gi.display_name,
        ),
    )


def seed_demo_gi(gi_service: GiService, accounts: list[Account], now: datetime) -> int:
    """The demo bepaling, when the demo jeugdbeschermer has none; how many were added."""
    gi = next((a for a in accounts if a.role is Role.JEUGDBESCHERMER), None)
    if gi is None or gi_service.bepalingen(gi, now):
        return 0
    gi_service.record(gi, demo_bepaling(gi, now.date()), now)
    return 1


__all__ = ["DEMO_GI_CHILD_BSN", "demo_bepaling", "seed_demo_gi"]
