"""The one front door: what a resident asks help for, and which request each answer leads to.

A family may ask for more than one thing at once ("1 gezin, 1 plan"); every choice leads to its
own request, and the access worker decides. The door never blocks: a resident who does not know
is shown the general provisions and how to reach the social team.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from smi_core.constants import N_


class RequestKind(StrEnum):
    """A kind of request a resident can send through the front door."""

    SMI = "smi"
    WMO = "wmo"
    JEUGD = "jeugd"
    """A parent's request for youth care for a child (route T)."""


class HelpFor(StrEnum):
    """What the help is for, as the front door asks it."""

    CHILDCARE = "childcare"
    ADULT = "adult"
    CHILD = "child"
    OTHER = "other"


HELP_FOR_LABELS: dict[HelpFor, str] = {
    HelpFor.CHILDCARE: N_("Childcare, because I cannot care for my children for a while"),
    HelpFor.ADULT: N_(
        "Support for myself or another adult, for example at home, with guidance or day activities"
    ),
    HelpFor.CHILD: N_("Support for a child or young person under 18"),
    HelpFor.OTHER: N_("Something else, or I do not know yet"),
}

HELP_FOR_HINTS: dict[HelpFor, str] = {
    HelpFor.CHILDCARE: N_(
        "For example because you are ill or because of a hard situation at home. The municipality may "
        "then help pay for childcare for a short time."
    ),
    HelpFor.ADULT: N_(
        "For example when you can no longer manage on your own at home, or when caring for someone "
        "is too much for you."
    ),
    HelpFor.CHILD: N_("For example when a child has problems with growing up, behaviour or development."),
    HelpFor.OTHER: N_("We show you where you can go, and how to reach us."),
}

#: The request each answer leads to (the others are answered with information, not a form).
REQUEST_OF: dict[HelpFor, RequestKind] = {
    HelpFor.CHILDCARE: RequestKind.SMI,
    HelpFor.ADULT: RequestKind.WMO,
    HelpFor.CHILD: RequestKind.JEUGD,
}


def requests_for(chosen: Iterable[HelpFor]) -> list[RequestKind]:
    """The requests the chosen answers lead to, each once, in the order of the door's questions."""
    wanted = set(chosen)
    return [REQUEST_OF[help_for] for help_for in HelpFor if help_for in wanted and help_for in REQUEST_OF]
