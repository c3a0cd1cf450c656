"""What the staff pages call the provisions and the routes a Wmo melding's check points to."""

from __future__ import annotations

from smi_core.case.jeugd_records import JEUGD_ROUTE_LABELS, JeugdRoute
from smi_core.case.route import Provision
from smi_core.wmo.melding import Route
from smi_web.ui import _


def provision_label(provision: str) -> str:
    labels = {
        Provision.SMI.value: _("SMI"),
        Provision.WMO.value: _("Wmo"),
        Provision.JEUGD.value: _("Youth care"),
    }
    return labels.get(provision, provision)


def outcome_label_of_access(outcome: str) -> str:
    """A Wmo or youth-care case's outcome column: the route its melding's check points to, or,
    for a youth-care case that came in otherwise, that way in (G, M)."""
    if outcome in set(JeugdRoute):
        return _(JEUGD_ROUTE_LABELS[JeugdRoute(outcome)])
    return route_label(outcome)


def route_label(route: str) -> str:
    """The route a Wmo melding's preliminary check points to (the access worker decides)."""
    labels = {
        Route.WMO: _("Wmo support"),
        Route.YOUTH_CARE: _("youth care"),
        Route.GENERAL_PROVISION: _("a general provision"),
        Route.OTHER_MUNICIPALITY: _("another municipality"),
        Route.TO_ASSESS: _("to assess"),
    }
    return labels.get(Route(route), route) if route in set(Route) else route
