"""Money: SMI-KOT (no right to childcare benefit) and SMI-FIN (paying part oneself is discussed,
never tested)."""

from __future__ import annotations

from smi_core.constants import N_, FindingStatus, KinderopvangToeslag, RuleId
from smi_core.eligibility.findings import Finding, RuleContext


def check_benefit(c: RuleContext) -> list[Finding]:
    kot = c.answers.kinderopvangtoeslag
    if kot is KinderopvangToeslag.YES:
        return [
            c.fixed(
                RuleId.KOT,
                FindingStatus.NOT_MET,
                N_("You have a right to childcare benefit (kinderopvangtoeslag). Then SMI is not possible."),
                N_("Apply for childcare benefit at the Dienst Toeslagen."),
            )
        ]
    if kot is KinderopvangToeslag.UNKNOWN:
        return [
            c.fixed(
                RuleId.KOT,
                FindingStatus.TO_ASSESS,
                N_(
                    "You do not know yet if you have a right to childcare benefit "
                    "(kinderopvangtoeslag). %(team)s finds this out with you."
                ),
            )
        ]
    return [
        c.fixed(
            RuleId.KOT,
            FindingStatus.MET,
            N_(
                "You have no right to childcare benefit (kinderopvangtoeslag). "
                "SMI is meant for parents without that right."
            ),
        )
    ]


def check_finances(c: RuleContext) -> list[Finding]:
    if c.answers.can_pay_partly:
        text = N_(
            "You say you can pay part of the care yourself. We only talk about this; it is not a condition."
        )
    else:
        text = N_(
            "You say you cannot pay for the care yourself. We only talk about this; it is not a condition."
        )
    return [c.fixed(RuleId.FIN, FindingStatus.MET, text)]
