"""One table from refusal to message: what a screen says when a service will not do something.

A refusal is an exception a user can cause (a colleague took the case first, a consent is
missing, a step comes too early). ``message_for`` looks the error's type up (its base classes
too) in the table of the screen, then in the shared table, and last takes the message id a
``smi_core.errors.Refusal`` carries. The pages catch ``REFUSALS`` and show ``message_for``; no
page has its own chain of ``except`` for messages.

The exception classes are imported here (and in ``smi_web.case.action``) only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from enum import Enum
from typing import Any, NoReturn

import streamlit as st

from smi_core.case.errors import (
    ConsentMissing,
    ExtensionRefused,
    FormNotAllowed,
    IndicationInvalid,
    NotCaseOwner,
    PeriodTooLong,
    PlacementBlocked,
    StepOutOfOrder,
    TransitionNotAllowed,
)
from smi_core.constants import N_
from smi_core.errors import CaseAlreadyClaimed, CaseNotFound, ConcurrentEdit, NotAllowed, Refusal
from smi_core.funding import APPLICATION_STATUS_LABELS, MAX_LINES
from smi_core.intake_errors import AccountInvalid, AccountLocked, SignInFailed
from smi_core.istandaarden.provider import NotAssigned
from smi_core.placement import (
    CONSENT_LABELS,
    INDICATION_PROBLEM_LABELS,
    PLACEMENT_BLOCKER_LABELS,
    ConsentState,
    problem_values,
)
from smi_core.register_refusals import (
    ApplicationHasProblems,
    ApplicationInvalid,
    DuplicateLrk,
    LocationNotFound,
    QuarterNotEnded,
    ReasonRequired,
    UnknownProvider,
    WrongStatus,
)
from smi_core.timeline import EXTENSION_REFUSAL_LABELS
from smi_core.wmo.letters import LetterIncomplete
from smi_intake.services.provider_exchange import MessageNotMade
from smi_web.services import services
from smi_web.ui import _


class Screen(Enum):
    """Where a refusal is shown: some screens word the same refusal for their own situation."""

    CASE = "case"
    QUEUE = "queue"
    PROVIDERS = "providers"
    STATUS = "status"
    ACCOUNTS = "accounts"
    MY_ACCOUNT = "my_account"
    SIGN_IN = "sign_in"
    FUNDING = "funding"
    ASSIGNMENTS = "assignments"
    BEPALINGEN = "bepalingen"


#: A message id (translated as it is), or the text made from the error.
Message = str | Callable[[Any], str]


def consent_message(error: ConsentMissing) -> str:
    """Which consent is missing, and how: nothing was shared."""
    consent = _(CONSENT_LABELS[error.check.consent])
    if error.check.state is ConsentState.WITHDRAWN:
        return _("The parents withdrew the %(consent)s. Nothing was shared.", consent=consent)
    if error.check.state is ConsentState.REFUSED:
        return _("The parents refused the %(consent)s. Nothing was shared.", consent=consent)
    return _("The %(consent)s has not been recorded. Nothing was shared.", consent=consent)


#: Why a placement step came too early (``StepOutOfOrder.reason``), for the worker.
STEP_MESSAGES = {
    "not_asked": N_("This location has not been asked for a place."),
    "no_place": N_("This provider has not said that a place is available."),
    "no_plan": N_("There is no support plan yet."),
    "plan_not_signed": N_("The newest support plan has not been signed by a parent and the worker."),
    "not_registered": N_("The parents have not registered with a provider yet."),
    "no_location": N_("Choose the provider location."),
    "no_indication": N_("There is no indication yet."),
    "review_before_start": N_("The contact cannot lie before the start of the indication."),
    "ended": N_("The indication has already ended."),
    "end_outside_period": N_("The last day of care must lie within the indication period."),
}

#: Why an account was not created or changed (``AccountInvalid.field`` and ``.reason``).
ACCOUNT_REASONS = {
    ("username", "format"): N_("Use 3 to 80 lower-case letters, digits or . _ @ -."),
    ("username", "taken"): N_("This user name is taken."),
    ("display_name", "empty"): N_("Fill in a name."),
    ("organisation", "empty"): N_("An agency account needs an organisation."),
    ("organisation", "agb"): N_("A care provider account needs the AGB code of the provider: 8 digits."),
    ("password", "too_short"): N_("The password needs at least 12 characters."),
    ("password", "too_long"): N_("The password is too long. Use at most 72 characters."),
    ("role", "unknown"): N_("Choose a role."),
}


#: What a beschikking letter misses (the details of ``LetterIncomplete``'s findings), for the
#: worker: the core's own words as message ids.
LETTER_FINDINGS = (
    N_("no beschikking is recorded"),
    N_("the motivation is missing"),
    N_("the resident's name is missing"),
    N_("the decision is dated before the request"),
    N_("a certified institution decides on youth care only (Jeugdwet)"),
    N_("a grant names the provisions granted"),
    N_("a grant names the results to reach"),
    N_("a refusal grants no provisions"),
    N_("the product (code and name) is missing"),
    N_("the volume is missing"),
    N_("the unit is missing"),
    N_("the frequency is missing"),
    N_("the start date is missing"),
    N_("the end date is missing"),
    N_("it ends before it starts"),
    N_("the provider is missing (zorg in natura)"),
)
_PROVISION_FINDING = re.compile(r"provision (?P<number>\d+) \((?P<code>[^)]*)\): (?P<problem>.+)")


def _letter_finding(detail: str) -> str:
    about = _PROVISION_FINDING.fullmatch(detail)
    if about is None:
        return _(detail)
    return _(
        "provision %(number)s (%(code)s): %(problem)s",
        number=about["number"],
        code=about["code"],
        problem=_(about["problem"]),
    )


def _letter_incomplete(error: LetterIncomplete) -> str:
    return _(
        "The beschikking letter cannot be made yet (%(rules)s). Missing: %(missing)s. Nothing was made.",
        rules=", ".join(sorted(rule.value for rule in error.rules)),
        missing="; ".join(_letter_finding(f.detail) for f in error.findings),
    )


def _indication_problems(error: IndicationInvalid) -> str:
    values = problem_values(services().municipality)
    return " ".join(_(INDICATION_PROBLEM_LABELS[p], **values) for p in error.problems)


def _paid_from(error: QuarterNotEnded) -> str:
    """The first day an application of the quarter may be marked as paid."""
    return _(
        "%(quarter)s has not ended yet. Mark the application as paid from %(date)s.",
        quarter=str(error.quarter),
        date=(error.quarter.last_day + timedelta(days=1)).strftime("%d-%m-%Y"),
    )


#: The refusals of the case actions, and those that read the same everywhere.
MESSAGES: dict[type[BaseException], Message] = {
    ConcurrentEdit: N_(
        "A colleague changed this case in the meantime. Nothing was saved. Look again and try once more."
    ),
    NotCaseOwner: lambda e: _(
        "Only the case owner (%(owner)s) or the SMI coordinator can change this case.", owner=e.owner or "-"
    ),
    CaseAlreadyClaimed: lambda e: _("%(owner)s has just taken this case.", owner=e.owner),
    TransitionNotAllowed: N_("This step is not possible in the case's current status."),
    FormNotAllowed: N_("The indication form cannot be changed in this status."),
    PeriodTooLong: lambda e: _("An indication lasts at most %(limit)s months in all.", limit=e.limit),
    ConsentMissing: consent_message,
    PlacementBlocked: lambda e: " ".join(_(PLACEMENT_BLOCKER_LABELS[b]) for b in e.blockers),
    IndicationInvalid: _indication_problems,
    ExtensionRefused: lambda e: _(
        "No extension: %(reasons)s", reasons=" ".join(_(EXTENSION_REFUSAL_LABELS[r]) for r in e.refusals)
    ),
    StepOutOfOrder: lambda e: _(STEP_MESSAGES.get(e.reason, N_("This step is not possible yet."))),
    LocationNotFound: N_("This location is not in the register of childcare providers."),
    CaseNotFound: N_("There is no case with this reference number."),
    LetterIncomplete: _letter_incomplete,
}

#: Where a screen words a refusal for its own situation (looked up before ``MESSAGES``).
ON_SCREEN: dict[Screen, dict[type[BaseException], Message]] = {
    Screen.QUEUE: {
        TransitionNotAllowed: N_("This case has already been taken."),
        ConcurrentEdit: N_("This case was changed in the meantime. Look again and try once more."),
    },
    Screen.PROVIDERS: {
        DuplicateLrk: lambda e: _("Another location already has LRK number %(lrk)s.", lrk=e.lrk_number),
        LocationNotFound: N_("This location no longer exists."),
        NotAllowed: N_("You may not change the provider register."),
    },
    Screen.STATUS: {
        CaseNotFound: N_("We cannot find a request with this number and code. Check both and try again."),
    },
    Screen.ACCOUNTS: {
        AccountInvalid: lambda e: (
            _(ACCOUNT_REASONS[(e.field, e.reason)]) if (e.field, e.reason) in ACCOUNT_REASONS else e.field
        ),
    },
    Screen.MY_ACCOUNT: {
        AccountInvalid: lambda e: (
            _("The password is too long. Use at most 72 characters.")
            if e.reason == "too_long"
            else _("The new password is too short. Use at least 12 characters.")
        ),
        SignInFailed: N_("The current password is wrong."),
        AccountLocked: N_("The current password is wrong."),
    },
    Screen.SIGN_IN: {
        AccountLocked: lambda e: _(
            "Too many attempts. Try again after %(time)s.", time=e.until.astimezone().strftime("%H:%M")
        ),
        SignInFailed: N_("The user name or the password is wrong."),
    },
    Screen.FUNDING: {
        ApplicationInvalid: lambda e: _("Choose a provider and enter 1 to %(max)s lines.", max=MAX_LINES),
        UnknownProvider: lambda e: _("Choose a provider and enter 1 to %(max)s lines.", max=MAX_LINES),
        ApplicationHasProblems: lambda e: _(
            "This application cannot be approved: the check finds %(count)s problems on "
            "its lines. Reject it with a reason, so that the provider can send a "
            "corrected application.",
            count=e.count,
        ),
        WrongStatus: lambda e: _(
            "This application is already %(status)s.", status=_(APPLICATION_STATUS_LABELS[e.status])
        ),
        ReasonRequired: N_("Give the reason for the rejection."),
        QuarterNotEnded: _paid_from,
    },
    Screen.ASSIGNMENTS: {
        NotAllowed: N_("This assignment is not for your organisation."),
        NotAssigned: N_("This assignment holds no product with this assignment number."),
        MessageNotMade: lambda e: _(
            "A value does not fit the standard (%(where)s). Check it and send again.", where=e.where
        ),
    },
}

#: Everything a page catches to show a message: the types of the tables and every ``Refusal``.
REFUSALS: tuple[type[Exception], ...] = tuple(
    dict.fromkeys(
        [
            Refusal,
            *(t for t in MESSAGES if issubclass(t, Exception)),
            *(t for table in ON_SCREEN.values() for t in table if issubclass(t, Exception)),
        ]
    )
)


def _lookup(error: BaseException, table: Mapping[type[BaseException], Message]) -> str | None:
    for kind in type(error).__mro__:
        message = table.get(kind)
        if message is not None:
            return _(message) if isinstance(message, str) else message(error)
    return None


def message_for(error: BaseException, screen: Screen = Screen.CASE) -> str | None:
    """The message for ``error`` on ``screen``, or None when it is no refusal the screens know."""
    for table in (ON_SCREEN.get(screen, {}), MESSAGES):
        message = _lookup(error, table)
        if message is not None:
            return message
    if isinstance(error, Refusal) and error.message_id:
        return _(error.message_id, **error.values)
    return None


#: Refusals shown with their own icon instead of the page's.
ICONS: dict[type[BaseException], str] = {AccountLocked: ":material/lock_clock:"}


def show_refusal(error: Exception, screen: Screen, icon: str | None = ":material/error:") -> None:
    """Show the message for ``error`` (an ``st.error``); an error without a message goes on up."""
    message = message_for(error, screen)
    if message is None:
        _reraise(error)
    st.error(message, icon=ICONS.get(type(error), icon))


def _reraise(error: Exception) -> NoReturn:
    raise error
