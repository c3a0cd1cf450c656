"""SMI-RES: the children are registered in the municipality."""

from __future__ import annotations

from smi_core.constants import N_, FindingStatus, RuleId
from smi_core.eligibility.findings import Finding, RuleContext


def check_residence(c: RuleContext) -> list[Finding]:
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
