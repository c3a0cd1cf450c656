"""The check as a whole: every rule in the order residents read them, the outcome the findings
lead to, and what that outcome means for a resident."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from smi_core.constants import N_, FindingStatus, Outcome
from smi_core.eligibility.children import check_children, check_mkd_request
from smi_core.eligibility.commitments import check_evaluation, check_plan
from smi_core.eligibility.findings import EligibilityResult, Finding, RuleContext
from smi_core.eligibility.money import check_benefit, check_finances
from smi_core.eligibility.network import check_network
from smi_core.eligibility.residence import check_residence
from smi_core.eligibility.situation import check_health, check_psychological, check_reason
from smi_core.i18n import gettext, normalise_locale, translations
from smi_core.intake import IntakeAnswers
from smi_core.municipality import MunicipalityConfig, default_municipality

#: The rules, in the order they are explained to residents.
RULES: tuple[Callable[[RuleContext], list[Finding]], ...] = (
    check_residence,
    check_children,
    check_mkd_request,
    check_reason,
    check_psychological,
    check_health,
    check_network,
    check_benefit,
    check_finances,
    check_plan,
    check_evaluation,
)


def excluded_children(findings: Iterable[Finding]) -> set[int]:
    """Children for whom a per-child rule is not met (only per-child findings name a child)."""
    return {
        f.child_index for f in findings if f.child_index is not None and f.status == FindingStatus.NOT_MET
    }


def decide_outcome(findings: Sequence[Finding], number_of_children: int) -> Outcome:
    """The outcome precedence of the policy.

    ``not_eligible`` if a rule fails hard (a per-child rule only when no child is
    left); else ``incomplete`` if something required is missing; else
    ``needs_assessment`` if a rule is left to the social team; else ``eligible``.
    Findings about children already excluded do not count further.
    """
    excluded = excluded_children(findings)
    if len(excluded) >= number_of_children:
        return Outcome.NOT_ELIGIBLE
    missing = to_assess = False
    for finding in findings:
        if finding.child_index is not None and finding.child_index in excluded:
            continue
        status = finding.status
        if status == FindingStatus.NOT_MET:
            return Outcome.NOT_ELIGIBLE
        missing = missing or status == FindingStatus.MISSING
        to_assess = to_assess or status == FindingStatus.TO_ASSESS
    if missing:
        return Outcome.INCOMPLETE
    return Outcome.NEEDS_ASSESSMENT if to_assess else Outcome.ELIGIBLE


def check_eligibility(
    answers: IntakeAnswers,
    on: date,
    *,
    locale: str = "nl",
    municipality: MunicipalityConfig | None = None,
) -> EligibilityResult:
    """Apply every rule to an intake, counting ages at the later of ``on`` and the requested start."""
    language = normalise_locale(locale)
    context = RuleContext(
        answers=answers,
        on=on,
        reference_date=max(on, answers.requested_start),
        locale=language,
        municipality=municipality or default_municipality(),
        catalog=translations(language),
    )
    findings = [finding for rule in RULES for finding in rule(context)]
    excluded = excluded_children(findings)
    return EligibilityResult(
        outcome=decide_outcome(findings, len(answers.children)),
        findings=findings,
        checked_on=on,
        reference_date=context.reference_date,
        locale=context.locale,
        eligible_children=[i for i in range(len(answers.children)) if i not in excluded],
    )


def outcome_summary(outcome: Outcome, locale: str, municipality: MunicipalityConfig | None = None) -> str:
    """One or two sentences that tell a resident what the outcome means."""
    team = (municipality or default_municipality()).social_team
    texts = {
        Outcome.ELIGIBLE: N_(
            "Based on your answers, you probably qualify for SMI. %(team)s makes the decision "
            "after a conversation with you."
        ),
        Outcome.NEEDS_ASSESSMENT: N_(
            "Some things need a closer look. %(team)s talks about them with you and then decides."
        ),
        Outcome.INCOMPLETE: N_(
            "Some information is still missing. You can still send the request; %(team)s will "
            "ask you for the rest."
        ),
        Outcome.NOT_ELIGIBLE: N_(
            "Based on your answers, SMI is probably not possible. Below you read why, and where "
            "else you can find help. You can still send the request: %(team)s decides."
        ),
    }
    return gettext(normalise_locale(locale), texts[outcome], team=team)
