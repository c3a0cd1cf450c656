"""The family's situation: SMI-REASON, and the medical confirmation of SMI-PSY and SMI-HEALTH."""

from __future__ import annotations

from smi_core.constants import HEALTH_REASONS, N_, FindingStatus, MedicalConfirmation, Reason, RuleId
from smi_core.eligibility.findings import Finding, RuleContext
from smi_core.i18n import join_list


def check_reason(c: RuleContext) -> list[Finding]:
    if not c.answers.reasons:
        return [
            c.fixed(
                RuleId.REASON,
                FindingStatus.MISSING,
                N_(
                    "You have not given a reason yet. SMI is only possible when a social or "
                    "medical situation makes you unable to care for your children."
                ),
            )
        ]
    reasons = join_list((c.label(r) for r in c.answers.reasons), c.locale)
    return [
        c.finding(
            RuleId.REASON,
            FindingStatus.MET,
            c.t(
                N_("You give a reason why you cannot care for your children yourself: %(reasons)s."),
                reasons=reasons,
            ),
        )
    ]


def _confirmed(c: RuleContext) -> bool:
    return c.answers.medical_confirmation is not MedicalConfirmation.NONE


def check_psychological(c: RuleContext) -> list[Finding]:
    if Reason.PSYCHOLOGICAL not in c.answers.reasons:
        return [
            c.fixed(
                RuleId.PSY,
                FindingStatus.MET,
                N_(
                    "Psychological problems are not a reason in your request. "
                    "No confirmation is needed for this."
                ),
            )
        ]
    if _confirmed(c):
        return [
            c.finding(
                RuleId.PSY,
                FindingStatus.MET,
                c.t(
                    N_(
                        "You give psychological problems as a reason. A medical contact "
                        "confirms that childcare is needed: %(how)s."
                    ),
                    how=c.label(c.answers.medical_confirmation),
                ),
            )
        ]
    return [
        c.fixed(
            RuleId.PSY,
            FindingStatus.MISSING,
            N_(
                "You give psychological problems as a reason. Then a confirmation from a "
                "doctor or other medical contact is required. Add a statement, or allow us "
                "to ask your GP."
            ),
        )
    ]


def check_health(c: RuleContext) -> list[Finding]:
    if not any(reason in HEALTH_REASONS for reason in c.answers.reasons):
        return [
            c.fixed(
                RuleId.HEALTH,
                FindingStatus.MET,
                N_("Your reason is not about health. A medical statement is not needed."),
            )
        ]
    if _confirmed(c):
        return [
            c.finding(
                RuleId.HEALTH,
                FindingStatus.MET,
                c.t(
                    N_("The health problems can be shown: %(how)s."),
                    how=c.label(c.answers.medical_confirmation),
                ),
            )
        ]
    return [
        c.fixed(
            RuleId.HEALTH,
            FindingStatus.TO_ASSESS,
            N_(
                "You have not added a statement and have not allowed us to ask your GP. "
                "%(team)s discusses with you how the health problems can be shown."
            ),
        )
    ]
