"""A parent's request for youth care for a child (route T, steps T1-T4) and its preliminary
check, which never blocks.

The request is a ``WmoMelding`` about the child, filled in by a parent: the access worker's route
is the same as for Wmo support. The check says, rule by rule, whether youth care probably fits;
the access worker decides.

- ``JGD-RES``: youth care comes from the municipality where the child is registered (Jeugdwet
  art. 1.1, the *woonplaatsbeginsel*).
- ``JGD-AGE``: youth care is for children and young people under 18 (Jeugdwet art. 1.1); a child
  of 17 is told that youth care stops at 18 and that support as an adult (Wmo) can follow
  (``MED-17PLUS``'s idea for route T).
- ``JGD-NEED``: a need that the parents' own possibilities, the network and general provisions
  (school, the youth health service) do not meet (Jeugdwet art. 2.3).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from smi_core.constants import N_, FindingStatus
from smi_core.dates import age_on
from smi_core.municipality import MunicipalityConfig
from smi_core.wmo.melding import (
    ADULT_AGE,
    CatalogText,
    CheckTexts,
    Route,
    WmoCheck,
    WmoFinding,
    WmoMelding,
    need_finding,
    residence_finding,
    route_of,
    texts_of,
)

#: From this age the check tells the parent that youth care ends at 18 (``MED-17PLUS``).
LAST_YOUTH_YEAR = ADULT_AGE - 1


class JeugdRule(StrEnum):
    RES = "JGD-RES"
    AGE = "JGD-AGE"
    NEED = "JGD-NEED"


#: What the check says overall, for each route it points to.
YOUTH_ROUTE_SUMMARIES: dict[Route, str] = {
    Route.YOUTH_CARE: N_(
        "Youth care is probably possible. %(team)s will look at the situation of your child with you."
    ),
    Route.TO_ASSESS: N_("%(team)s needs to look at some answers with you before we know more."),
    Route.GENERAL_PROVISION: N_(
        "Your child may not need youth care. You can still send the request: %(team)s will talk with you."
    ),
    Route.WMO: N_("For someone of 18 or older, help goes through the Wmo, not youth care."),
    Route.OTHER_MUNICIPALITY: N_("Youth care comes from the municipality where the child is registered."),
}

YOUTH_TEXTS = CheckTexts(
    residence=JeugdRule.RES,
    not_registered=N_(
        "Your child is not registered in %(municipality)s. "
        "Youth care comes from the municipality where the child lives."
    ),
    not_registered_advice=N_("Ask the municipality where your child is registered."),
    postcode_elsewhere=N_(
        "The postcode %(postcode)s is not in %(municipality)s. %(team)s will check where your child lives."
    ),
    lives_here=N_("Your child lives in %(municipality)s."),
    need=JeugdRule.NEED,
    no_need=N_("You have not yet told us what your child needs help with."),
    solved_otherwise_advice=N_(
        "Then your child may not need youth care. %(team)s can tell you about help near you, "
        "for example at school or at the youth health service."
    ),
    need_met=N_("Your child needs help that you, people around you and general services cannot give."),
)


def check_youth_request(
    request: WmoMelding, municipality: MunicipalityConfig, on: date, locale: str = "nl"
) -> WmoCheck:
    """The preliminary check of a request for youth care on day ``on``, its texts in ``locale``."""
    t = texts_of(locale, municipality)
    findings = (
        residence_finding(request, municipality, t, YOUTH_TEXTS),
        _age(request, on, t),
        need_finding(request, t, YOUTH_TEXTS),
    )
    return WmoCheck(findings, route_of(findings, age_route=Route.WMO, met_route=Route.YOUTH_CARE))


def _age(request: WmoMelding, on: date, t: CatalogText) -> WmoFinding:
    age = age_on(request.date_of_birth, on)
    if age >= ADULT_AGE:
        return WmoFinding(
            JeugdRule.AGE,
            FindingStatus.NOT_MET,
            t(N_("Your child is 18 or older. Youth care is for children and young people under 18.")),
            t(N_("You can ask for Wmo support for adults here as well.")),
        )
    if age >= LAST_YOUTH_YEAR:
        return WmoFinding(
            JeugdRule.AGE,
            FindingStatus.MET,
            t(
                N_(
                    "Your child is 17. Youth care stops at 18: "
                    "it runs until the day before the 18th birthday."
                )
            ),
            t(
                N_(
                    "After that, support for adults (Wmo) can follow. "
                    "%(team)s talks with you about it in time."
                )
            ),
        )
    return WmoFinding(JeugdRule.AGE, FindingStatus.MET, t(N_("Your child is younger than 18.")))
