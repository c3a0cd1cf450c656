"""The rules about each child: SMI-AGE, SMI-AGE-END, SMI-CARE, SMI-PSG-VVE and SMI-MKD.

They fail for that child only (see ``decide_outcome``).
"""

from __future__ import annotations

from smi_core.constants import N_, CareType, FindingStatus, RuleId
from smi_core.dates import age_on, birthday, last_day_before_age, period_last_day
from smi_core.eligibility.findings import Finding, RuleContext
from smi_core.i18n import long_date
from smi_core.intake import Child


def check_children(c: RuleContext) -> list[Finding]:
    findings: list[Finding] = []
    for index, child in enumerate(c.answers.children):
        findings.extend(_child_rules(c, index, child))
    return findings


def _child_rules(c: RuleContext, index: int, child: Child) -> list[Finding]:
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


def _age_end(c: RuleContext, who: tuple[int, Child]) -> Finding:
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


def _care(c: RuleContext, who: tuple[int, Child]) -> list[Finding]:
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


def _any_mkd_child(c: RuleContext) -> bool:
    return any(child.care_type is CareType.MKD for child in c.answers.children)


def _mkd_refused(c: RuleContext, who: tuple[int, Child]) -> Finding:
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


def check_mkd_request(c: RuleContext) -> list[Finding]:
    if c.answers.asks_mkd:
        return []  # judged per child
    return [c.fixed(RuleId.MKD, FindingStatus.MET, N_("You do not ask for a place at a medical day care."))]
