"""The case's timeline: every entry, oldest first, in words the worker reads."""

from __future__ import annotations

from smi_core.constants import N_
from smi_intake.db.models import EventKind
from smi_intake.services.cases import CaseView
from smi_web.ui import _, plain_table

#: What each kind of timeline entry means, for the worker (unknown kinds are shown as stored).
TIMELINE_LABELS = {
    "submitted": N_("Request sent by the parents"),
    "completed_by_parents": N_("Request completed by the parents"),
    "handover_received": N_("Handover received"),
    "taken": N_("Case taken"),
    "handed_to": N_("Handed to a colleague"),
    "to_team": N_("On the agenda of the 0-100 meeting"),
    "closed": N_("Case closed"),
    EventKind.PLAN: N_("Conversation planned"),
    EventKind.CONVERSATION: N_("Conversation recorded"),
    EventKind.OTHER_ROUTE: N_("Referred to another route"),
    EventKind.DECISION: N_("Team decision"),
    EventKind.FORM: N_("Indication form saved"),
    EventKind.MESSAGE: N_("Message to the family"),
    EventKind.NOTE: N_("Note"),
    EventKind.PROVIDER_ASKED: N_("Provider asked for a place"),
    EventKind.PROVIDER_ANSWER: N_("Answer of the provider"),
    EventKind.PARENTS_REGISTERED: N_("Parents registered with the provider"),
    EventKind.SUPPORT_PLAN: N_("Support plan saved"),
    EventKind.PLAN_SIGNED: N_("Support plan signed"),
    EventKind.SHARED: N_("Data shared"),
    EventKind.CONSENT_RECORDED: N_("Written consent recorded"),
    EventKind.CONSENT_WITHDRAWN: N_("Consent withdrawn by the parents"),
    EventKind.GP_REQUEST: N_("Question to the GP"),
    EventKind.FINANCIAL_REFERRAL: N_("Referred for financial support"),
    EventKind.INDICATION: N_("Placement and indication recorded"),
    EventKind.REVIEW: N_("Review contact"),
    EventKind.EXTENSION: N_("Indication extended"),
    EventKind.INDICATION_ENDED: N_("Indication ended"),
}


def timeline_label(kind: str) -> str:
    label = TIMELINE_LABELS.get(kind)
    return _(label) if label else kind


def timeline_table(case: CaseView) -> None:
    plain_table(
        [
            {
                _("Moment"): e.occurred_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                _("Who"): e.actor,
                _("What"): timeline_label(e.kind),
                _("Status"): f"{e.from_status or ''} → {e.to_status or ''}" if e.to_status else "",
                _("Note"): e.text or e.note,
            }
            for e in case.timeline
        ]
    )
