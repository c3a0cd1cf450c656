"""What the case says when it will not do something: one refusal class per condition.

Each derives from ``smi_core.errors.Refusal`` (plus the builtin it was before, so existing
``except`` clauses keep working) and carries its context as plain values, never personal data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from smi_core.cases import CaseStatus
from smi_core.constants import N_
from smi_core.errors import Refusal
from smi_core.placement import IndicationProblem, PlacementBlocker, SharingCheck
from smi_core.register_refusals import LocationNotFound  # one class for the register and the case
from smi_core.timeline import ExtensionRefusal

if TYPE_CHECKING:
    from smi_core.case.route import CaseAction


class TransitionNotAllowed(Refusal, ValueError):
    """An action that the case's current status does not allow."""

    def __init__(self, status: CaseStatus, action: CaseAction, allowed: Iterable[str] = ()) -> None:
        names = ", ".join(allowed) or "none"
        super().__init__(
            f"{action.value} is not allowed from {status.value}; allowed: {names}",
            status=status.value,
            action=action.value,
        )
        self.status = status
        self.action = action


class NotCaseOwner(Refusal, PermissionError):
    """Only the case owner (regiehouder) or the SMI coordinator changes a case."""

    def __init__(self, reference: str, owner: str | None) -> None:
        super().__init__(f"{reference} belongs to {owner or 'nobody'}", reference=reference, owner=owner)
        self.reference = reference
        self.owner = owner


class FormNotAllowed(Refusal, RuntimeError):
    """The indication form cannot be written in the case's current status."""

    def __init__(self, reference: str, status: CaseStatus) -> None:
        super().__init__(
            f"the indication form of {reference} cannot be written while it is {status.value}",
            reference=reference,
            status=status.value,
        )
        self.reference = reference
        self.status = status


class PeriodTooLong(Refusal, ValueError):
    """The form asks a longer period than the policy's definitive end allows."""

    def __init__(self, months: int, limit: int) -> None:
        super().__init__(
            f"a period of {months} months is longer than the limit of {limit} months",
            months=months,
            limit=limit,
        )
        self.months = months
        self.limit = limit


class PlacementBlocked(Refusal, RuntimeError):
    """Steps that must come before the placement is recorded."""

    def __init__(self, blockers: Sequence[PlacementBlocker]) -> None:
        super().__init__(
            "placement blocked: " + ", ".join(b.value for b in blockers), blockers=[b.value for b in blockers]
        )
        self.blockers = list(blockers)


class IndicationInvalid(Refusal, ValueError):
    """The indication breaks a rule of the scheme."""

    def __init__(self, problems: Sequence[IndicationProblem]) -> None:
        super().__init__(
            "indication invalid: " + ", ".join(p.value for p in problems),
            problems=[p.value for p in problems],
        )
        self.problems = list(problems)


class ExtensionRefused(Refusal, RuntimeError):
    """The extension is not allowed (count, hard stop, age limit, or missing answers)."""

    def __init__(self, refusals: Sequence[ExtensionRefusal]) -> None:
        super().__init__(
            "extension refused: " + ", ".join(r.value for r in refusals), refusals=[r.value for r in refusals]
        )
        self.refusals = list(refusals)


class StepOutOfOrder(Refusal, RuntimeError):
    """A placement step whose earlier step is missing; ``reason`` is a key the page translates."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, reason=reason)
        self.reason = reason


class ConsentMissing(Refusal, PermissionError):
    """A sharing without the consent it needs: names the consent and whether it is missing,
    refused or withdrawn (never any personal data)."""

    def __init__(self, check: SharingCheck) -> None:
        super().__init__(
            f"{check.sharing.value} needs {check.consent.value}, which is {check.state.value}",
            sharing=check.sharing.value,
            consent=check.consent.value,
            state=check.state.value,
        )
        self.check = check


class ProductNotInCatalogue(Refusal, LookupError):
    """The chosen product is not in the municipality's catalogue of Wmo products."""

    message_id = N_("Product %(code)s is not in the municipality's catalogue.")

    def __init__(self, code: str) -> None:
        super().__init__(f"product {code} is not in the catalogue", code=code)
        self.code = code


class ProviderNotContracted(Refusal, ValueError):
    """``TOE-CONTRACTED``: the provider is not contracted for the product (by code or segment),
    and no reason is written why it is chosen all the same."""

    rule = "TOE-CONTRACTED"
    message_id = N_(
        "Provider %(agb)s is not contracted for product %(code)s. Choose a contracted provider, "
        "or write why this provider is chosen (TOE-CONTRACTED)."
    )

    def __init__(self, agb: str, code: str) -> None:
        super().__init__(f"{agb} is not contracted for {code} and no reason is given", agb=agb, code=code)
        self.agb = agb
        self.code = code


class BeschikkingIncomplete(Refusal, ValueError):
    """``TOE-BESCHIKKING-CONTENT``: a beschikking needs its motivation and its objection clause
    before it is recorded on the case. (The letter made from it has its own check and refusal,
    ``smi_core.wmo.letters.LetterIncomplete``.)"""

    rule = "TOE-BESCHIKKING-CONTENT"
    message_id = N_(
        "A beschikking needs its motivation and its objection clause (TOE-BESCHIKKING-CONTENT). "
        "Nothing was saved."
    )

    def __init__(self, missing: Sequence[str]) -> None:
        super().__init__("beschikking incomplete: " + ", ".join(missing), missing=list(missing))
        self.missing = list(missing)


class BeschikkingMissing(Refusal, RuntimeError):
    """``MSG-301-AFTER-BESCHIKKING``: no toewijzing (301) before a beschikking grants the provision."""

    rule = "MSG-301-AFTER-BESCHIKKING"
    message_id = N_(
        "No toewijzing before a beschikking grants the provision (MSG-301-AFTER-BESCHIKKING). "
        "Nothing was sent."
    )

    def __init__(self, reference: str) -> None:
        super().__init__(f"{reference} has no granted beschikking", reference=reference)
        self.reference = reference


__all__ = [
    "BeschikkingIncomplete",
    "BeschikkingMissing",
    "ConsentMissing",
    "ExtensionRefused",
    "FormNotAllowed",
    "IndicationInvalid",
    "LocationNotFound",
    "NotCaseOwner",
    "PeriodTooLong",
    "PlacementBlocked",
    "ProductNotInCatalogue",
    "ProviderNotContracted",
    "StepOutOfOrder",
    "TransitionNotAllowed",
]
