"""SMI-NET: nobody in the family's own network can take over the care."""

from __future__ import annotations

from smi_core.constants import N_, CanHelp, FindingStatus, Relation, RuleId
from smi_core.eligibility.findings import Finding, RuleContext
from smi_core.i18n import join_list


def _relations(c: RuleContext, can_help: CanHelp) -> str:
    def label(relation: str) -> str:
        try:
            return c.label(Relation(relation))
        except ValueError:
            return relation

    members = [m for m in c.answers.network.members if m.can_help is can_help]
    return join_list((label(m.relation) for m in members), c.locale)


def check_network(c: RuleContext) -> list[Finding]:
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
