"""The preliminary eligibility check: every rule of ``smi-policy.md`` as code.

The check advises; the decision is the team's (0-100 overleg). It is pure: no
database, no user interface, no clock other than ``on``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from babel.support import Translations

from smi_core.constants import (
    HEALTH_REASONS,
    LABELS,
    N_,
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
from smi_core.dates import age_on, birthday, last_day_before_age, period_last_day
from smi_core.i18n import gettext, join_list, long_date, normalise_locale, translations
from smi_core.intake import Child, IntakeAnswers
from smi_core.municipality import MunicipalityConfig, default_municipality


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
class _Context:
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


def _residence(c: _Context) -> list[Finding]:
    municipality = c.municipality.name
    if not c.answers.registered_in_municipality:
        advice = c.municipality.text("other_route", c.locale) or c.t(
            N_("Ask your own municipality about help with childcare.")
        )
        return [
            c.finding(
                RuleId.RES,
                FindingStatus.NOT_MET,
                c.t(
                    N_(
                        "Your children are not registered in %(municipality)s. "
                        "SMI is only for children who are registered here."
                    ),
                    municipality=municipality,
                ),
                advice,
            )
        ]
    if not c.municipality.covers_postcode(c.answers.postcode):
        return [
            c.finding(
                RuleId.RES,
                FindingStatus.TO_ASSESS,
                c.t(
                    N_(
                        "Your postcode %(postcode)s is not in %(municipality)s. "
                        "%(team)s will check where your children are registered."
                    ),
                    postcode=c.answers.postcode,
                    municipality=municipality,
                ),
            )
        ]
    return [
        c.finding(
            RuleId.RES,
            FindingStatus.MET,
            c.t(
                N_("Your children are registered in %(municipality)s."),
                municipality=municipality,
            ),
        )
    ]


def _child_rules(c: _Context, index: int, child: Child) -> list[Finding]:
    """SMI-AGE, SMI-AGE-END, SMI-CARE, SMI-PSG-VVE and SMI-MKD for one child."""
    m = c.municipality
    who = (index, child)
    name = child.first_name
    when = long_date(c.reference_date, c.locale)
    findings: list[Finding] = []
    if child.date_of_birth > c.reference_date:
        findings.append(
            c.finding(
                RuleId.AGE,
                FindingStatus.NOT_MET,
                c.t(
                    N_("%(child)s is not born yet on %(date)s. SMI is possible from birth."),
                    child=name,
                    date=when,
                ),
                child=who,
            )
        )
    else:
        age = age_on(child.date_of_birth, c.reference_date, m.leap_day_birthday)
        if age > m.max_age:
            findings.append(
                c.finding(
                    RuleId.AGE,
                    FindingStatus.NOT_MET,
                    c.t(
                        N_(
                            "%(child)s is %(age)s years old on %(date)s. "
                            "SMI is only possible up to and including age %(max_age)s."
                        ),
                        child=name,
                        age=age,
                        date=when,
                        max_age=m.max_age,
                    ),
                    c.t(N_("For older children, %(team)s looks at other help with you.")),
                    child=who,
                )
            )
        else:
            findings.append(
                c.finding(
                    RuleId.AGE,
                    FindingStatus.MET,
                    c.t(
                        N_(
                            "%(child)s is %(age)s years old on %(date)s. "
                            "SMI is possible up to and including age %(max_age)s."
                        ),
                        child=name,
                        age=age,
                        date=when,
                        max_age=m.max_age,
                    ),
                    child=who,
                )
            )
            findings.append(_age_end(c, who))
    findings.extend(_care(c, who))
    return findings


def _age_end(c: _Context, who: tuple[int, Child]) -> Finding:
    m = c.municipality
    child = who[1]
    limit = m.max_age + 1
    last_allowed = last_day_before_age(child.date_of_birth, limit, m.leap_day_birthday)
    period_end = period_last_day(c.reference_date, m.initial_period_months)
    if last_allowed < period_end:
        return c.finding(
            RuleId.AGE_END,
            FindingStatus.TO_ASSESS,
            c.t(
                N_(
                    "%(child)s turns %(age)s on %(birthday)s. SMI for %(child)s stops "
                    "the day before, on %(end)s. %(team)s takes this into account."
                ),
                child=child.first_name,
                age=limit,
                birthday=long_date(birthday(child.date_of_birth, limit, m.leap_day_birthday), c.locale),
                end=long_date(last_allowed, c.locale),
            ),
            child=who,
        )
    return c.finding(
        RuleId.AGE_END,
        FindingStatus.MET,
        c.t(
            N_("%(child)s is young enough for the whole first period of %(months)s months."),
            child=child.first_name,
            months=m.initial_period_months,
        ),
        child=who,
    )


def _care(c: _Context, who: tuple[int, Child]) -> list[Finding]:
    m = c.municipality
    child = who[1]
    name = child.first_name
    if child.care_type is CareType.MKD or (c.answers.mkd_requested and not _any_mkd_child(c)):
        return [_mkd_refused(c, who)]
    care = c.label(child.care_type)
    findings: list[Finding] = []
    if child.care_type not in m.care_types:
        findings.append(
            c.finding(
                RuleId.CARE,
                FindingStatus.NOT_MET,
                c.t(
                    N_("SMI in %(municipality)s does not pay for %(care)s."),
                    municipality=m.name,
                    care=care,
                ),
                child=who,
            )
        )
    elif child.care_type is CareType.PSG and child.dagdelen_per_week > m.psg_smi_dagdelen:
        findings.append(
            c.finding(
                RuleId.CARE,
                FindingStatus.TO_ASSESS,
                c.t(
                    N_(
                        "SMI pays at most %(max)s extra part-days of playgroup: the 3rd and 4th. "
                        "You ask for %(count)s part-days for %(child)s. %(team)s discusses this with you."
                    ),
                    max=m.psg_smi_dagdelen,
                    count=child.dagdelen_per_week,
                    child=name,
                ),
                child=who,
            )
        )
    elif child.dagdelen_per_week > m.max_dagdelen_per_week:
        findings.append(
            c.finding(
                RuleId.CARE,
                FindingStatus.TO_ASSESS,
                c.t(
                    N_(
                        "You ask for %(count)s part-days a week for %(child)s. That is more than "
                        "the usual maximum of %(max)s. %(team)s discusses this with you."
                    ),
                    count=child.dagdelen_per_week,
                    max=m.max_dagdelen_per_week,
                    child=name,
                ),
                child=who,
            )
        )
    else:
        findings.append(
            c.finding(
                RuleId.CARE,
                FindingStatus.MET,
                c.t(N_("SMI can pay for %(care)s for %(child)s."), care=care, child=name),
                child=who,
            )
        )
    if child.care_type is CareType.PSG:
        if child.vve_indication:
            findings.append(
                c.finding(
                    RuleId.PSG_VVE,
                    FindingStatus.NOT_MET,
                    c.t(
                        N_(
                            "%(child)s has a VVE indication. Extra part-days of playgroup then "
                            "go through VVE, not through SMI."
                        ),
                        child=name,
                    ),
                    c.t(N_("Ask the playgroup or youth health care about VVE.")),
                    child=who,
                )
            )
        else:
            findings.append(
                c.finding(
                    RuleId.PSG_VVE,
                    FindingStatus.MET,
                    c.t(
                        N_(
                            "%(child)s has no VVE indication. SMI can pay for the 3rd and 4th "
                            "part-day of playgroup."
                        ),
                        child=name,
                    ),
                    child=who,
                )
            )
    return findings


def _any_mkd_child(c: _Context) -> bool:
    return any(child.care_type is CareType.MKD for child in c.answers.children)


def _mkd_refused(c: _Context, who: tuple[int, Child]) -> Finding:
    return c.finding(
        RuleId.MKD,
        FindingStatus.NOT_MET,
        c.t(
            N_(
                "A medical day care (MKD) for %(child)s is never paid with SMI. "
                "It needs a decision under the Youth Act (Jeugdwet)."
            ),
            child=who[1].first_name,
        ),
        c.t(N_("%(team)s can help you apply for this under the Youth Act.")),
        child=who,
    )


def _mkd_request(c: _Context) -> list[Finding]:
    if c.answers.asks_mkd:
        return []  # judged per child
    return [c.fixed(RuleId.MKD, FindingStatus.MET, N_("You do not ask for a place at a medical day care."))]


def _reason(c: _Context) -> list[Finding]:
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


def _confirmed(c: _Context) -> bool:
    return c.answers.medical_confirmation is not MedicalConfirmation.NONE


def _psychological(c: _Context) -> list[Finding]:
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


def _health(c: _Context) -> list[Finding]:
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


def _relations(c: _Context, can_help: CanHelp) -> str:
    def label(relation: str) -> str:
        try:
            return c.label(Relation(relation))
        except ValueError:
            return relation

    members = [m for m in c.answers.network.members if m.can_help is can_help]
    return join_list((label(m.relation) for m in members), c.locale)


def _network(c: _Context) -> list[Finding]:
    network = c.answers.network
    if not network.analysis_done:
        return [
            c.fixed(
                RuleId.NET,
                FindingStatus.MISSING,
                N_(
                    "The network analysis has not been done yet. Tell us who around you "
                    "could help, such as family, friends or neighbours."
                ),
            )
        ]
    helpers = {m.can_help for m in network.members}
    if CanHelp.YES in helpers:
        return [
            c.finding(
                RuleId.NET,
                FindingStatus.NOT_MET,
                c.t(
                    N_(
                        "Someone in your network can take over the care: %(who)s. "
                        "SMI is only for when there is really no other way."
                    ),
                    who=_relations(c, CanHelp.YES),
                ),
                c.t(N_("Make agreements with the people who can help. %(team)s can help you with this.")),
            )
        ]
    if CanHelp.PARTLY in helpers:
        return [
            c.finding(
                RuleId.NET,
                FindingStatus.TO_ASSESS,
                c.t(
                    N_(
                        "Someone in your network can take over part of the care: %(who)s. "
                        "%(team)s looks with you at what they can do."
                    ),
                    who=_relations(c, CanHelp.PARTLY),
                ),
            )
        ]
    return [
        c.fixed(
            RuleId.NET,
            FindingStatus.MET,
            N_("Your network analysis shows that nobody around you can take over the care."),
        )
    ]


def _benefit(c: _Context) -> list[Finding]:
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


def _finances(c: _Context) -> list[Finding]:
    if c.answers.can_pay_partly:
        text = N_(
            "You say you can pay part of the care yourself. We only talk about this; it is not a condition."
        )
    else:
        text = N_(
            "You say you cannot pay for the care yourself. We only talk about this; it is not a condition."
        )
    return [c.fixed(RuleId.FIN, FindingStatus.MET, text)]


def _plan(c: _Context) -> list[Finding]:
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


def _evaluation(c: _Context) -> list[Finding]:
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


def _children(c: _Context) -> list[Finding]:
    findings: list[Finding] = []
    for index, child in enumerate(c.answers.children):
        findings.extend(_child_rules(c, index, child))
    return findings


#: The rules, in the order they are explained to residents.
RULES: tuple[Callable[[_Context], list[Finding]], ...] = (
    _residence,
    _children,
    _mkd_request,
    _reason,
    _psychological,
    _health,
    _network,
    _benefit,
    _finances,
    _plan,
    _evaluation,
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
    context = _Context(
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
