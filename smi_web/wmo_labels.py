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


def youth_route_label(outcome: str) -> str:
    """How a youth-care case came in (route T, G or M); a route-T case's column holds its check's
    route as a Wmo melding's does."""
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
