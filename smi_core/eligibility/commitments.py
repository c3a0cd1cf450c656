"""What the parents commit to: SMI-PLAN (a plan of action) and SMI-EVAL (evaluations and extra
support)."""

from __future__ import annotations

from smi_core.constants import N_, FindingStatus, RuleId
from smi_core.eligibility.findings import Finding, RuleContext


def check_plan(c: RuleContext) -> list[Finding]:
    if c.answers.cooperates_with_plan:
        return [
            c.fixed(
                RuleId.PLAN,
                FindingStatus.MET,
                N_("You will work on a plan with %(team)s, so that your family can manage on its own again."),
            )
        ]
    return [
        c.fixed(
            RuleId.PLAN,
            FindingStatus.NOT_MET,
            N_(
                "SMI is only possible if you work on a plan with %(team)s. The plan helps "
                "your family to manage on its own again."
            ),
        )
    ]


def check_evaluation(c: RuleContext) -> list[Finding]:
    if c.answers.willing_to_evaluate:
        return [
            c.fixed(
                RuleId.EVAL,
                FindingStatus.MET,
                N_("You are willing to take part in evaluations and in extra support."),
            )
        ]
    return [
        c.fixed(
            RuleId.EVAL,
            FindingStatus.NOT_MET,
            N_("SMI is only possible if you take part in evaluations and in extra support."),
        )
    ]
