"""A resident's Wmo melding (route T, steps T1-T4) and its preliminary check, which never blocks.

The check says, rule by rule, where the request probably belongs; the access worker decides.

- ``WMO-RES``: Wmo support comes from the municipality where the resident is registered.
- ``WMO-AGE``: the Wmo is for adults; for someone under 18, help goes through youth care.
- ``WMO-NEED``: a need that the resident's own possibilities, network and general provisions do
  not meet (Wmo 2015 art. 2.3.5 lid 3).

The resident's own words (the need per area, own possibilities, network, provisions tried) are
kept as typed; the check reads only the answers that bear on a rule and never quotes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from smi_core.constants import N_, FindingStatus
from smi_core.dates import age_on
from smi_core.i18n import translations
from smi_core.municipality import MunicipalityConfig

#: The age from which a person asks for support under the Wmo rather than youth care.
ADULT_AGE = 18

ResidentText = str  # the resident's own words, shown back as plain text only


class CatalogText(Protocol):
    """A text of the catalog with the municipality's values and ``values`` filled in."""

    def __call__(self, message: str, /, **values: object) -> str: ...


class WmoRule(StrEnum):
    RES = "WMO-RES"
    AGE = "WMO-AGE"
    NEED = "WMO-NEED"


class LifeArea(StrEnum):
    """The areas the Wmo investigation covers (art. 2.3.2 lid 4)."""

    SELF_RELIANCE = "self_reliance"
    PARTICIPATION = "participation"
    HOUSEHOLD = "household"
    HEALTH = "health"
    CARER_LOAD = "carer_load"
    # the areas of a request for youth care (a child's growing up)
    DEVELOPMENT = "development"
    BEHAVIOUR = "behaviour"
    SCHOOL = "school"
    PARENTING = "parenting"
    FAMILY = "family"


#: The life areas a Wmo melding asks about, and those a request for youth care asks about.
WMO_AREAS: tuple[LifeArea, ...] = (
    LifeArea.SELF_RELIANCE,
    LifeArea.HOUSEHOLD,
    LifeArea.PARTICIPATION,
    LifeArea.HEALTH,
    LifeArea.CARER_LOAD,
)
YOUTH_AREAS: tuple[LifeArea, ...] = (
    LifeArea.DEVELOPMENT,
    LifeArea.BEHAVIOUR,
    LifeArea.SCHOOL,
    LifeArea.HEALTH,
    LifeArea.PARENTING,
    LifeArea.FAMILY,
)


class OwnSolution(StrEnum):
    """Whether own possibilities, the network and general provisions can meet the need."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    UNKNOWN = "unknown"


class Household(StrEnum):
    """Who the person who needs help lives with."""

    ALONE = "alone"
    PARTNER = "partner"
    FAMILY = "family"
    OTHER = "other"


HOUSEHOLD_LABELS: dict[Household, str] = {
    Household.ALONE: N_("Alone"),
    Household.PARTNER: N_("With a partner"),
    Household.FAMILY: N_("With a partner or children, or with parents"),
    Household.OTHER: N_("In another way, for example in a group home"),
}


class WmoMelding(BaseModel):
    """What a resident tells in a Wmo melding: who needs help, how to reach them, and the need.

    ``asked_by`` is the name of someone who fills it in for them (a partner, a child, a carer);
    empty when they ask themselves. A request for youth care (route T) is a melding about the
    child, filled in by a parent (``asked_by``), with the child's ``school`` and who else is
    ``involved`` (a GP, a youth doctor, a provider); a Wmo melding leaves those empty."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: ResidentText = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=200)
    household: Household | None = None
    asked_by: ResidentText = Field(default="", max_length=200)
    asked_by_relation: ResidentText = Field(default="", max_length=200)
    date_of_birth: date
    postcode: str = Field(pattern=r"^\d{4} [A-Z]{2}$")
    registered_in_municipality: bool
    needs: dict[LifeArea, ResidentText] = Field(default_factory=dict)
    own_possibilities: ResidentText = ""
    network: ResidentText = ""
    general_provisions_tried: ResidentText = ""
    school: ResidentText = ""
    involved: ResidentText = ""
    own_solution: OwnSolution = OwnSolution.UNKNOWN
    personal_plan: bool = False
    wants_client_support: bool = False

    @property
    def described_needs(self) -> dict[LifeArea, ResidentText]:
        return {area: text for area, text in self.needs.items() if text}


class Route(StrEnum):
    """Where the request probably belongs."""

    WMO = "wmo"
    YOUTH_CARE = "youth_care"
    GENERAL_PROVISION = "general_provision"
    OTHER_MUNICIPALITY = "other_municipality"
    TO_ASSESS = "to_assess"


#: What the check says overall, for each route it points to.
ROUTE_SUMMARIES: dict[Route, str] = {
    Route.WMO: N_("Wmo support is probably possible. %(team)s will look at your situation with you."),
    Route.TO_ASSESS: N_("%(team)s needs to look at some answers with you before we know more."),
    Route.GENERAL_PROVISION: N_(
        "You may not need Wmo support. You can still send the request: %(team)s will talk with you."
    ),
    Route.YOUTH_CARE: N_("For someone younger than 18, help goes through youth care, not the Wmo."),
    Route.OTHER_MUNICIPALITY: N_("Wmo support comes from the municipality where the person is registered."),
}


@dataclass(frozen=True)
class WmoFinding:
    rule_id: StrEnum
    """A ``WmoRule`` for a Wmo melding, a ``JeugdRule`` for a request for youth care."""
    status: FindingStatus
    explanation: str
    advice: str | None = None


@dataclass(frozen=True)
class WmoCheck:
    """The findings of the three rules, in order, and the route they point to."""

    findings: tuple[WmoFinding, ...]
    route: Route

    def finding(self, rule: StrEnum) -> WmoFinding:
        return next(finding for finding in self.findings if finding.rule_id is rule)


@dataclass(frozen=True)
class CheckTexts:
    """The rule ids and texts of the residence and need rules of a check (a Wmo melding's, or a
    request for youth care's): the rules are the same, the words are about the person or the child."""

    residence: StrEnum
    not_registered: str
    not_registered_advice: str
    postcode_elsewhere: str
    lives_here: str
    need: StrEnum
    no_need: str
    solved_otherwise_advice: str
    need_met: str


WMO_TEXTS = CheckTexts(
    residence=WmoRule.RES,
    not_registered=N_(
        "You are not registered in %(municipality)s. Wmo support comes from the municipality where you live."
    ),
    not_registered_advice=N_("Ask your own municipality for support."),
    postcode_elsewhere=N_(
        "Your postcode %(postcode)s is not in %(municipality)s. %(team)s will check where you live."
    ),
    lives_here=N_("You live in %(municipality)s."),
    need=WmoRule.NEED,
    no_need=N_("You have not yet told us what you need help with."),
    solved_otherwise_advice=N_(
        "Then you may not need Wmo support. %(team)s can tell you about services near you."
    ),
    need_met=N_("You need help that you, people around you and general services cannot give."),
)


def texts_of(locale: str, municipality: MunicipalityConfig) -> CatalogText:
    """The catalog's texts in ``locale`` with the municipality's values filled in."""
    catalog = translations(locale)
    values = {"team": municipality.social_team, "municipality": municipality.name}

    def t(message: str, /, **more: object) -> str:
        return catalog.gettext(message) % {**values, **more}

    return t


def check_melding(
    melding: WmoMelding, municipality: MunicipalityConfig, on: date, locale: str = "nl"
) -> WmoCheck:
    """The preliminary check of ``melding`` on day ``on``, its texts in ``locale``."""
    t = texts_of(locale, municipality)
    findings = (
        residence_finding(melding, municipality, t, WMO_TEXTS),
        _age(melding, on, t),
        need_finding(melding, t, WMO_TEXTS),
    )
    return WmoCheck(findings, route_of(findings, age_route=Route.YOUTH_CARE, met_route=Route.WMO))


def residence_finding(
    melding: WmoMelding, municipality: MunicipalityConfig, t: CatalogText, texts: CheckTexts
) -> WmoFinding:
    """Support comes from the municipality where the person is registered (``WMO-RES``)."""
    if not melding.registered_in_municipality:
        return WmoFinding(
            texts.residence, FindingStatus.NOT_MET, t(texts.not_registered), t(texts.not_registered_advice)
        )
    if not municipality.covers_postcode(melding.postcode):
        return WmoFinding(
            texts.residence, FindingStatus.TO_ASSESS, t(texts.postcode_elsewhere, postcode=melding.postcode)
        )
    return WmoFinding(texts.residence, FindingStatus.MET, t(texts.lives_here))


def _age(melding: WmoMelding, on: date, t: CatalogText) -> WmoFinding:
    if age_on(melding.date_of_birth, on) < ADULT_AGE:
        return WmoFinding(
            WmoRule.AGE,
            FindingStatus.NOT_MET,
            t(N_("The person who needs help is younger than 18. Help for children goes through youth care.")),
            t(N_("You can ask for youth care here as well.")),
        )
    return WmoFinding(WmoRule.AGE, FindingStatus.MET, t(N_("The person who needs help is 18 or older.")))


def need_finding(melding: WmoMelding, t: CatalogText, texts: CheckTexts) -> WmoFinding:
    """A need that own possibilities, the network and general provisions do not meet (``WMO-NEED``)."""
    if not melding.described_needs:
        return WmoFinding(texts.need, FindingStatus.MISSING, t(texts.no_need))
    if melding.own_solution is OwnSolution.YES:
        return WmoFinding(
            texts.need,
            FindingStatus.NOT_MET,
            t(N_("You say that you, people around you or a general service can solve this.")),
            t(texts.solved_otherwise_advice),
        )
    if melding.own_solution is OwnSolution.NO:
        return WmoFinding(texts.need, FindingStatus.MET, t(texts.need_met))
    return WmoFinding(
        texts.need,
        FindingStatus.TO_ASSESS,
        t(
            N_(
                "%(team)s will look with you at what you and people around you can do, "
                "and what help is still needed."
            )
        ),
    )


def route_of(
    findings: tuple[WmoFinding, WmoFinding, WmoFinding], *, age_route: Route, met_route: Route
) -> Route:
    """Where residence, age and need point: ``age_route`` when the age does not fit this request,
    ``met_route`` when residence and need are met."""
    residence, age, need = findings
    if residence.status is FindingStatus.NOT_MET:
        return Route.OTHER_MUNICIPALITY
    if age.status is FindingStatus.NOT_MET:
        return age_route
    if need.status is FindingStatus.NOT_MET:
        return Route.GENERAL_PROVISION
    if residence.status is FindingStatus.MET and need.status is FindingStatus.MET:
        return met_route
    return Route.TO_ASSESS
