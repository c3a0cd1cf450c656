"""The preliminary eligibility check: every rule of ``smi-policy.md`` as code.

The check advises; the decision is the team's (0-100 overleg). It is pure: no
database, no user interface, no clock other than ``on``.

The rules are grouped by what they ask about, each group its own module: ``residence``
(SMI-RES), ``children`` (SMI-AGE, SMI-AGE-END, SMI-CARE, SMI-PSG-VVE, SMI-MKD), ``situation``
(SMI-REASON, SMI-PSY, SMI-HEALTH), ``network`` (SMI-NET), ``money`` (SMI-KOT, SMI-FIN) and
``commitments`` (SMI-PLAN, SMI-EVAL); ``findings`` holds what a rule gives and the context it
reads, ``outcome`` the check as a whole. Import them through this package.
"""

from smi_core.eligibility.findings import EligibilityResult, Finding
from smi_core.eligibility.outcome import (
    RULES,
    check_eligibility,
    decide_outcome,
    excluded_children,
    outcome_summary,
)

__all__ = [
    "RULES",
    "EligibilityResult",
    "Finding",
    "check_eligibility",
    "decide_outcome",
    "excluded_children",
    "outcome_summary",
]
