"""Choices of the SMI domain, as enums with translatable labels.

Labels are gettext message ids, marked with ``N_`` so that Babel extracts
them; they are translated when shown, through :mod:`smi_core.i18n`.

Dutch words without a good English equivalent stay Dutch:

- *dagdeel*: a half-day unit of childcare (morning or afternoon).
- *kinderopvangtoeslag* (KOT): the national childcare benefit.
- *VVE*: early-childhood education programme (voor- en vroegschoolse educatie).
"""

from __future__ import annotations

from enum import StrEnum


def N_(message: str) -> str:  # noqa: N802  (the gettext marker is named N_ by convention)
    """Mark a string for extraction without translating it."""
    return message


class Activity(StrEnum):
    """What a parent or carer does during the day."""

    WORKS = "works"
    STUDIES = "studies"
    REINTEGRATION = "reintegration"
    UNABLE = "unable"
    NONE = "none"


class CareType(StrEnum):
    """The kind of childcare asked for a child."""

    KDV = "kdv"
    VSO = "vso"
    TSO = "tso"
    BSO = "bso"
    PSG = "psg"
    MKD = "mkd"


class Reason(StrEnum):
    """Why the parents cannot care for their children themselves."""

    MEDICAL_PHYSICAL = "medical_physical"
    PSYCHOLOGICAL = "psychological"
    DISABILITY = "disability"
    SOCIAL = "social"


#: Reasons that concern health or disability (rule SMI-HEALTH).
HEALTH_REASONS = frozenset({Reason.MEDICAL_PHYSICAL, Reason.PSYCHOLOGICAL, Reason.DISABILITY})


class MedicalConfirmation(StrEnum):
    """How a health problem can be shown."""

    STATEMENT = "statement"
    GP_CONSENT = "gp_consent"
    NONE = "none"


class CanHelp(StrEnum):
    """Whether a person in the family's network can take over the care."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class KinderopvangToeslag(StrEnum):
    """Whether the household has a right to kinderopvangtoeslag."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Relation(StrEnum):
    """Usual relations in a network analysis (the format accepts free text too)."""

    GRANDPARENT = "grandparent"
    SIBLING = "sibling"
    OTHER_FAMILY = "other_family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    OTHER = "other"


class Outcome(StrEnum):
    """Outcome of the preliminary eligibility check, worst first."""

    NOT_ELIGIBLE = "not_eligible"
    INCOMPLETE = "incomplete"
    NEEDS_ASSESSMENT = "needs_assessment"
    ELIGIBLE = "eligible"


class FindingStatus(StrEnum):
    """Status of one rule in the check."""

    MET = "met"
    NOT_MET = "not_met"
    MISSING = "missing"
    TO_ASSESS = "to_assess"


class RuleId(StrEnum):
    """The rule ids of ``smi-policy.md``."""

    RES = "SMI-RES"
    AGE = "SMI-AGE"
    AGE_END = "SMI-AGE-END"
    CARE = "SMI-CARE"
    PSG_VVE = "SMI-PSG-VVE"
    MKD = "SMI-MKD"
    REASON = "SMI-REASON"
    PSY = "SMI-PSY"
    HEALTH = "SMI-HEALTH"
    NET = "SMI-NET"
    KOT = "SMI-KOT"
    FIN = "SMI-FIN"
    PLAN = "SMI-PLAN"
    EVAL = "SMI-EVAL"


#: Rules that are judged per child; they fail the request only when no child is left.
PER_CHILD_RULES = frozenset({RuleId.AGE, RuleId.AGE_END, RuleId.CARE, RuleId.PSG_VVE, RuleId.MKD})

LABELS: dict[StrEnum, str] = {
    Activity.WORKS: N_("works"),
    Activity.STUDIES: N_("studies"),
    Activity.REINTEGRATION: N_("is on a route to work"),
    Activity.UNABLE: N_("is ill or otherwise unable"),
    Activity.NONE: N_("none of these"),
    CareType.KDV: N_("day care (KDV)"),
    CareType.VSO: N_("before-school care (VSO)"),
    CareType.TSO: N_("lunch-time care (TSO)"),
    CareType.BSO: N_("after-school care (BSO)"),
    CareType.PSG: N_("playgroup (PSG), 3rd and 4th part-day"),
    CareType.MKD: N_("medical day care (MKD)"),
    Reason.MEDICAL_PHYSICAL: N_("physical illness"),
    Reason.PSYCHOLOGICAL: N_("psychological problems"),
    Reason.DISABILITY: N_("a disability"),
    Reason.SOCIAL: N_("a social situation"),
    MedicalConfirmation.STATEMENT: N_("you add a statement"),
    MedicalConfirmation.GP_CONSENT: N_("you allow us to ask your GP"),
    MedicalConfirmation.NONE: N_("not yet"),
    CanHelp.YES: N_("yes"),
    CanHelp.PARTLY: N_("partly"),
    CanHelp.NO: N_("no"),
    KinderopvangToeslag.YES: N_("yes"),
    KinderopvangToeslag.NO: N_("no"),
    KinderopvangToeslag.UNKNOWN: N_("I don't know"),
    Relation.GRANDPARENT: N_("grandparent"),
    Relation.SIBLING: N_("brother or sister"),
    Relation.OTHER_FAMILY: N_("other family"),
    Relation.FRIEND: N_("friend"),
    Relation.NEIGHBOUR: N_("neighbour"),
    Relation.OTHER: N_("someone else"),
    Outcome.ELIGIBLE: N_("You probably qualify"),
    Outcome.NEEDS_ASSESSMENT: N_("The social team will look at your situation"),
    Outcome.INCOMPLETE: N_("Some information is still missing"),
    Outcome.NOT_ELIGIBLE: N_("You probably do not qualify"),
    FindingStatus.MET: N_("OK"),
    FindingStatus.NOT_MET: N_("Not met"),
    FindingStatus.MISSING: N_("Missing"),
    FindingStatus.TO_ASSESS: N_("To be assessed"),
}
