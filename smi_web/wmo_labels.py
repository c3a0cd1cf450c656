"""What the staff pages call the provisions and the routes a Wmo melding's check points to."""

from __future__ import annotations

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
