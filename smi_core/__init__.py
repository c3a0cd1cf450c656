"""SMI policy core: the municipal SMI rules as pure, typed code.

Public entry point (see ``shared/domain/intake-format.md``)::

    answers = IntakeAnswers.model_validate(data)
    result = check_eligibility(answers, on=date(2026, 11, 22))

This package imports neither Streamlit nor SQLAlchemy. Besides what it exports here, other layers
import the core through the façade of each concept, e.g. ``smi_core.funding``, ``smi_core.reports``,
``smi_core.eligibility`` (packages whose ``__init__`` names their public parts in ``__all__``) or
a module of one concept such as ``smi_core.dates``, ``smi_core.providers`` or ``smi_core.timeline``.
"""

from smi_core.constants import (
    Activity,
    CanHelp,
    CareType,
    FindingStatus,
    KinderopvangToeslag,
    MedicalConfirmation,
    Outcome,
    Reason,
    Relation,
    RuleId,
)
from smi_core.eligibility import (
    EligibilityResult,
    Finding,
    check_eligibility,
    decide_outcome,
    outcome_summary,
)
from smi_core.i18n import SUPPORTED_LOCALES, UnsupportedLocale, gettext
from smi_core.intake import Child, IntakeAnswers, Network, NetworkMember, Parent
from smi_core.municipality import MunicipalityConfig, default_municipality, load_municipality
from smi_core.timeline import (
    ExtensionAnswers,
    ExtensionCheck,
    ExtensionRefusal,
    IndicationTimeline,
    ReviewKind,
    ReviewMoment,
    check_extension,
    indication_timeline,
)

__all__ = [
    "SUPPORTED_LOCALES",
    "Activity",
    "CanHelp",
    "CareType",
    "Child",
    "EligibilityResult",
    "ExtensionAnswers",
    "ExtensionCheck",
    "ExtensionRefusal",
    "Finding",
    "FindingStatus",
    "IndicationTimeline",
    "IntakeAnswers",
    "KinderopvangToeslag",
    "MedicalConfirmation",
    "MunicipalityConfig",
    "Network",
    "NetworkMember",
    "Outcome",
    "Parent",
    "Reason",
    "Relation",
    "ReviewKind",
    "ReviewMoment",
    "RuleId",
    "UnsupportedLocale",
    "check_eligibility",
    "check_extension",
    "decide_outcome",
    "default_municipality",
    "gettext",
    "indication_timeline",
    "load_municipality",
    "outcome_summary",
]
