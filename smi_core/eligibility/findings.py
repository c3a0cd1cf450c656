"""What a check of the rules gives: a finding per rule (for the request or for one child), the result
of the whole check, and the context every rule reads (the answers, the day, the language, the
municipality) with its texts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from babel.support import Translations

from smi_core.constants import LABELS, FindingStatus, Outcome, RuleId
from smi_core.i18n import translations
from smi_core.intake import Child, IntakeAnswers
from smi_core.municipality import MunicipalityConfig


class Finding(NamedTuple):
    """The judgement of one rule, for the request or for one child.

    A named tuple: immutable and cheap to build (a check makes a dozen or more).
    """

    rule_id: RuleId
    status: FindingStatus
    explanation: str
    advice: str | None = None
    child_index: int | None = None
    child: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The finding as a JSON-ready dict."""
        return {
            "rule_id": str(self.rule_id),
            "status": str(self.status),
            "explanation": self.explanation,
            "advice": self.advice,
            "child_index": self.child_index,
            "child": self.child,
        }


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    """Outcome and findings of a preliminary check.

    Serialise with :meth:`to_dict`.
    """

    outcome: Outcome
    findings: list[Finding]
    checked_on: date
    reference_date: date
    locale: str
    eligible_children: list[int]

    def findings_for(self, rule_id: str) -> list[Finding]:
        """The findings of one rule id."""
        return [f for f in self.findings if f.rule_id == rule_id]

    def to_dict(self) -> dict[str, object]:
        """The result as a JSON-ready dict (dates as ISO strings)."""
        return {
            "outcome": self.outcome.value,
            "findings": [f.to_dict() for f in self.findings],
            "checked_on": self.checked_on.isoformat(),
            "reference_date": self.reference_date.isoformat(),
            "locale": self.locale,
            "eligible_children": list(self.eligible_children),
        }


@lru_cache(maxsize=4096)
def _fixed_text(locale: str, team: str, message: str) -> str:
    """A translated text without per-request values: the same for every check."""
    return translations(locale).gettext(message) % {"team": team}


@lru_cache(maxsize=1024)
def _fixed_finding(
    locale: str, team: str, rule_id: RuleId, status: FindingStatus, message: str, advice: str | None
) -> Finding:
    advice_text = _fixed_text(locale, team, advice) if advice else None
    return Finding(rule_id, status, _fixed_text(locale, team, message), advice_text)


@dataclass(slots=True)
class RuleContext:
    answers: IntakeAnswers
    on: date
    reference_date: date
    locale: str
    municipality: MunicipalityConfig
    catalog: Translations

    def t(self, message: str, **values: object) -> str:
        if not values:
            return _fixed_text(self.locale, self.municipality.social_team, message)
        return self.catalog.gettext(message) % {"team": self.municipality.social_team, **values}

    def label(self, key: object) -> str:
        return self.t(LABELS[key]) if key in LABELS else str(key)  # type: ignore[index]

    def fixed(
        self, rule_id: RuleId, status: FindingStatus, message: str, advice: str | None = None
    ) -> Finding:
        """A request-level finding whose texts take no values: the same object for every check."""
        return _fixed_finding(self.locale, self.municipality.social_team, rule_id, status, message, advice)

    def finding(
        self,
        rule_id: RuleId,
        status: FindingStatus,
        explanation: str,
        advice: str | None = None,
        child: tuple[int, Child] | None = None,
    ) -> Finding:
        if child is None:
            return Finding(rule_id, status, explanation, advice)
        return Finding(rule_id, status, explanation, advice, child[0], child[1].first_name)
