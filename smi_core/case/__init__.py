"""The case's own room: its events, their folds, its route per provision, its refusals, and the
``Case`` aggregate with one method per action. Pure: no Streamlit, no SQLAlchemy.

- ``smi_core.case.events``: ``EventKind`` (every timeline kind), ``EVENT_LABELS``, a payload
  model per kind and the discriminated union ``CaseEvent``;
- ``smi_core.case.records``: the folds (``case_records``, ``placement_records``, ...);
- ``smi_core.case.route``: ``Provision``, ``CaseAction`` and each provision's route (``ROUTES``);
- ``smi_core.case.errors``: the case's refusals;
- ``smi_core.case.aggregate``: ``Case``;
- route T (Wmo): ``wmo_events`` (its events), ``wmo_records`` (their fold and the legal terms),
  ``wmo_actions`` (its actions, mixed into ``Case``), ``wmo_letter`` (the beschikking letter
  built from what the route recorded).
"""

from __future__ import annotations

from smi_core.case.aggregate import FORM_STATUSES, Case, IndicationChange, Worker
from smi_core.case.errors import (
    BeschikkingIncomplete,
    BeschikkingMissing,
    ConsentMissing,
    ExtensionRefused,
    FormNotAllowed,
    IndicationInvalid,
    LocationNotFound,
    NotCaseOwner,
    PeriodTooLong,
    PlacementBlocked,
    ProductNotInCatalogue,
    ProviderNotContracted,
    StepOutOfOrder,
    TransitionNotAllowed,
)
from smi_core.case.events import EVENT_LABELS, CaseEvent, EventKind, event_from_stored, stored_payload
from smi_core.case.records import (
    PLACEMENT_KINDS,
    AskedLocation,
    CaseRecords,
    IndicationState,
    PlacementRecords,
    PlanVersion,
    SavedForm,
    SharedEntry,
    TimelineEntry,
    case_records,
    placement_records,
    saved_forms,
    timeline_entries,
)
from smi_core.case.route import (
    ROUTES,
    SMI_ROUTE,
    WMO_ROUTE,
    CaseAction,
    Provision,
    Route,
    allowed_actions,
    next_status,
)
from smi_core.case.wmo_records import TermDays, WmoRecords, term_days, terms_of, wmo_records

__all__ = [
    "EVENT_LABELS",
    "FORM_STATUSES",
    "PLACEMENT_KINDS",
    "ROUTES",
    "SMI_ROUTE",
    "WMO_ROUTE",
    "AskedLocation",
    "BeschikkingIncomplete",
    "BeschikkingMissing",
    "Case",
    "CaseAction",
    "CaseEvent",
    "CaseRecords",
    "ConsentMissing",
    "EventKind",
    "ExtensionRefused",
    "FormNotAllowed",
    "IndicationChange",
    "IndicationInvalid",
    "IndicationState",
    "LocationNotFound",
    "NotCaseOwner",
    "PeriodTooLong",
    "PlacementBlocked",
    "PlacementRecords",
    "PlanVersion",
    "ProductNotInCatalogue",
    "ProviderNotContracted",
    "Provision",
    "Route",
    "SavedForm",
    "SharedEntry",
    "StepOutOfOrder",
    "TermDays",
    "TimelineEntry",
    "TransitionNotAllowed",
    "WmoRecords",
    "Worker",
    "allowed_actions",
    "case_records",
    "event_from_stored",
    "next_status",
    "placement_records",
    "saved_forms",
    "stored_payload",
    "term_days",
    "terms_of",
    "timeline_entries",
    "wmo_records",
]
