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
    PROVIDER = "provider"
    """A care provider (or a coalition of providers) that delivers Wmo support or youth care; its
    account's organisation is its 8-digit AGB code."""
    JEUGDBESCHERMER = "jeugdbeschermer"
    """A youth protection worker of a certified institution (GI): decides on youth care for a child
    under a protection measure (the *bepaling jeugdhulp*); its account's organisation is its GI's
    name."""


ROLE_LABELS = {
    Role.AGENCY: N_("referring agency"),
    Role.WIJZER: N_("WIJzer worker"),
    Role.COORDINATOR: N_("SMI coordinator"),
    Role.GEMEENTE: N_("municipality staff"),
    Role.ADMIN: N_("administrator"),
    Role.PROVIDER: N_("care provider"),
    Role.JEUGDBESCHERMER: N_("jeugdbeschermer (certified institution)"),
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
    MESSAGES = "messages"
    ASSIGNMENTS = "assignments"
    CONVERSIONS = "conversions"
    BEPALINGEN = "bepalingen"
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
    # The back office that exchanges the iWmo/iJw messages is municipal staff: the municipality
    # assigns care and answers the providers (the access workers decide, the back office sends).
    StaffPage.MESSAGES: frozenset({Role.GEMEENTE}),
    # A provider sees the assignments to its own organisation and answers them; it stands in for the
    # provider's own software, which sends files through the chain.
    StaffPage.ASSIGNMENTS: frozenset({Role.PROVIDER}),
    # Several begeleiding indications become one traject (CONV-*): the access workers (WIJzer
    # workers, and the coordinator who stands in for them) hold the kitchen-table conversation and
    # decide; the back office sees the same list, to know which 301s are coming and when.
    StaffPage.CONVERSIONS: frozenset({Role.WIJZER, Role.COORDINATOR, Role.GEMEENTE}),
    # A certified institution's jeugdbeschermer records its bepalingen jeugdhulp (GI-DECIDES) and
    # follows them: only the children of its own organisation.
    StaffPage.BEPALINGEN: frozenset({Role.JEUGDBESCHERMER}),
    StaffPage.ACCOUNTS: frozenset({Role.ADMIN}),
    StaffPage.MY_ACCOUNT: frozenset(Role),
}


def _role_in(role: Role | str | None, roles: frozenset[Role]) -> bool:
    """Whether ``role`` is one of ``roles`` (nobody signed in, or an unknown role: never)."""
    if role is None:
        return False
    try:
        return Role(role) in roles
    except ValueError:
        return False


def may_open(role: Role | str | None, page: StaffPage) -> bool:
    """Whether a signed-in user with ``role`` may open ``page`` (nobody signed in: never)."""
    return _role_in(role, PAGE_ROLES[page])


class Permission(StrEnum):
    """What a role may do, beyond opening a page. Services check these, never a role by name."""

    HANDLE_CASES = "handle_cases"
    """Read and change cases, take them, see their deadlines (WIJzer workers and the coordinator)."""
    HAND_OVER = "hand_over"
    """Hand a family over and follow one's organisation's handovers (a referring agency)."""
    EDIT_PROVIDERS = "edit_providers"
    """Change the register of childcare providers (others who open it only read it)."""
    HANDLE_FUNDING = "handle_funding"
    """The indications' costs and the providers' subsidy applications."""
    READ_REPORTS = "read_reports"
    """The reports over all cases (unencrypted columns only)."""
    EXCHANGE_MESSAGES = "exchange_messages"
    """The iWmo/iJw messages with the providers: import, answer, export (the municipal back office)."""
    PROVIDE_CARE = "provide_care"
    """Read the assignments to one's own organisation and send its starts, stops and requests."""
    CONVERT_INDICATIONS = "convert_indications"
    """See the clients with several begeleiding indications and convert them into one traject: the
    301s this queues go through the message checks, and the back office exports them."""
    RECORD_BEPALINGEN = "record_bepalingen"
    """Record and adjust a certified institution's bepalingen jeugdhulp and read them, for the
    children of one's own organisation only (``GI-DECIDES``)."""


PERMISSION_ROLES: dict[Permission, frozenset[Role]] = {
    Permission.HANDLE_CASES: frozenset({Role.WIJZER, Role.COORDINATOR}),
    Permission.HAND_OVER: frozenset({Role.AGENCY}),
    Permission.EDIT_PROVIDERS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Permission.HANDLE_FUNDING: PAGE_ROLES[StaffPage.FUNDING],
    Permission.READ_REPORTS: PAGE_ROLES[StaffPage.REPORTS],
    Permission.EXCHANGE_MESSAGES: PAGE_ROLES[StaffPage.MESSAGES],
    Permission.PROVIDE_CARE: frozenset({Role.PROVIDER}),
    Permission.CONVERT_INDICATIONS: PAGE_ROLES[StaffPage.CONVERSIONS],
    Permission.RECORD_BEPALINGEN: frozenset({Role.JEUGDBESCHERMER}),
}

#: The roles that handle cases (``Permission.HANDLE_CASES``), e.g. to list the colleagues to hand to.
CASE_WORKERS = PERMISSION_ROLES[Permission.HANDLE_CASES]


def may(role: Role | str | None, permission: Permission) -> bool:
    """Whether a signed-in user with ``role`` has ``permission`` (nobody signed in: never)."""
    return _role_in(role, PERMISSION_ROLES[permission])


def pages_for(role: Role | str | None) -> list[StaffPage]:
    """The staff pages of a role, in menu order."""
    return [page for page in StaffPage if may_open(role, page)]
