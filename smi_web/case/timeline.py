"""The case's timeline: every entry, oldest first, in words the worker reads."""

from __future__ import annotations

from smi_core.case.events import EVENT_LABELS
from smi_intake.services.cases import CaseView
from smi_web.ui import _, plain_table


def timeline_label(kind: str) -> str:
    label = EVENT_LABELS.get(kind)
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
