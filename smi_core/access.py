"""Who may see what: roles and the pages each role may open (policy as code).

Parents stay anonymous: they use their reference and resume code, never an account.
Every page checks this table again before it shows anything, so an address typed
by hand gives nothing away.
"""

from __future__ import annotations

from enum import StrEnum

from smi_core.constants import N_


class Role(StrEnum):
    """The roles of signed-in users."""

    AGENCY = "agency"
    WIJZER = "wijzer"
    COORDINATOR = "coordinator"
    GEMEENTE = "gemeente"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.AGENCY: N_("referring agency"),
    Role.WIJZER: N_("WIJzer worker"),
    Role.COORDINATOR: N_("SMI coordinator"),
    Role.GEMEENTE: N_("municipality staff"),
    Role.ADMIN: N_("administrator"),
}


class StaffPage(StrEnum):
    """Pages behind the sign-in."""

    QUEUE = "queue"
    CASE = "case"
    HANDOVER = "handover"
    MY_HANDOVERS = "my_handovers"
    DEADLINES = "deadlines"
    PROVIDERS = "providers"
    FUNDING = "funding"
    REPORTS = "reports"
    ACCOUNTS = "accounts"
    MY_ACCOUNT = "my_account"


PAGE_ROLES: dict[StaffPage, frozenset[Role]] = {
    StaffPage.QUEUE: frozenset({Role.WIJZER, Role.COORDINATOR}),
    StaffPage.CASE: frozenset({Role.WIJZER, Role.COORDINATOR}),
    StaffPage.HANDOVER: frozenset({Role.AGENCY}),
    StaffPage.MY_HANDOVERS: frozenset({Role.AGENCY}),
    StaffPage.DEADLINES: frozenset({Role.WIJZER, Role.COORDINATOR}),
    StaffPage.PROVIDERS: frozenset({Role.WIJZER, Role.COORDINATOR, Role.ADMIN}),
    StaffPage.FUNDING: frozenset({Role.GEMEENTE, Role.COORDINATOR}),
    StaffPage.REPORTS: frozenset({Role.GEMEENTE, Role.COORDINATOR}),
    StaffPage.ACCOUNTS: frozenset({Role.ADMIN}),
    StaffPage.MY_ACCOUNT: frozenset(Role),
}


def may_open(role: Role | str | None, page: StaffPage) -> bool:
    """Whether a signed-in user with ``role`` may open ``page`` (nobody signed in: never)."""
    if role is None:
        return False
    try:
        return Role(role) in PAGE_ROLES[page]
    except ValueError:
        return False


#: Who may change the register of childcare providers (others may only read it).
PROVIDER_EDITORS = frozenset({Role.COORDINATOR, Role.ADMIN})


def pages_for(role: Role | str | None) -> list[StaffPage]:
    """The staff pages of a role, in menu order."""
    return [page for page in StaffPage if may_open(role, page)]
