"""The placement itself: recording the placement and the indication, and the indication's
overview with its review calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from smi_core.constants import LABELS, CareType
from smi_core.placement import PLACEMENT_BLOCKER_LABELS, Indication, placement_blockers
from smi_core.timeline import REVIEW_LABELS
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import DATE_FORMAT, submit, value
from smi_web.services import now, services
from smi_web.ui import _, plain, plain_table


def day(moment: date | None) -> str:
    """A date as the case page shows it (``31-12-2026``), or a dash."""
    return moment.strftime("%d-%m-%Y") if moment else "—"


def case_children(case: CaseView) -> list[tuple[str, date]]:
    """The children named in the request or the handover: (first name, date of birth)."""
    source = case.content.get("answers") or case.content.get("handover") or {}
    children = []
    for child in source.get("children", []):
        try:
            children.append((str(child["first_name"]), date.fromisoformat(str(child["date_of_birth"]))))
        except (KeyError, ValueError):
            continue
    return children


def placement_form(case: CaseView, worker: Account) -> None:
    svc = services()
    m = svc.municipality
    progress = case.placement.progress
    registered = progress.registered_at
    if registered is None:
        st.caption(
            _("Record the placement once the parents have registered with a provider that has a place.")
        )
        return
    blockers = placement_blockers(progress, registered)
    if blockers:
        st.markdown("**" + _("Before the placement can be recorded:") + "**")
        for blocker in blockers:
            plain("• " + _(PLACEMENT_BLOCKER_LABELS[blocker]))
        return
    children = case_children(case)
    key = f"case_place_{case.reference}"
    labels = {
        "start": _("Start date"),
        "period_months": _("First period in months"),
        "care_type": _("Kind of childcare"),
        "children": _("Part-days per week per child"),
    }

    def act(version: int) -> object:
        chosen: list[dict[str, Any]] = []
        for i, (name, born) in enumerate(children):
            dagdelen = int(value(f"{key}_child_{i}") or 0)
            if dagdelen > 0:
                chosen.append({"name": name, "date_of_birth": born, "dagdelen_per_week": dagdelen})
        data: dict[str, Any] = {
            "start": value(f"{key}_start"),
            "period_months": value(f"{key}_period_months"),
            "care_type": value(f"{key}_care_type"),
            "location_id": registered,
            "children": chosen,
        }
        indication = Indication.model_validate(data)
        return svc.placement.record_placement(case.reference, worker, version, indication, now())

    with st.form(key, border=True):
        st.markdown("**" + _("Record the placement and the indication") + "**")
        left, right = st.columns(2)
        left.date_input(labels["start"], value=None, format=DATE_FORMAT, key=f"{key}_start")
        right.number_input(
            labels["period_months"],
            min_value=1,
            max_value=m.initial_period_months,
            value=m.initial_period_months,
            step=1,
            key=f"{key}_period_months",
        )
        st.selectbox(
            labels["care_type"],
            sorted(m.care_types),
            index=None,
            format_func=lambda t: _(LABELS[CareType(t)]),
            key=f"{key}_care_type",
        )
        st.caption(_("Part-days per week per child (0: the child is not in this indication)."))
        for i, (name, born) in enumerate(children):
            st.number_input(
                _("%(name)s, born %(date)s", name=name, date=day(born)),
                min_value=0,
                max_value=m.max_dagdelen_per_week,
                value=0,
                step=1,
                key=f"{key}_child_{i}",
            )
        st.form_submit_button(
            _("Record the placement"),
            key=f"{key}_submit",
            **submit(
                case, act, _("The placement is recorded. The indication runs from its start date."), labels
            ),
        )


def indication_overview(case: CaseView) -> None:
    state = case.placement.indication
    if state is None:
        return
    ind = state.indication
    timeline = state.timeline
    plain_table(
        [
            {
                _("Provider"): f"{ind.provider_name} – {ind.location_name}",
                _("Kind of childcare"): _(LABELS[ind.care_type]),
                _("Start"): day(ind.start),
                _("First period"): _("%(months)s months", months=ind.period_months),
                _("Extensions"): str(ind.extensions),
                _("Last day"): day(timeline.last_day),
                _("Definitive end"): day(timeline.hard_stop),
                _("Ended on"): day(state.ended_on),
            }
        ]
    )
    plain_table(
        [
            {
                _("Child"): c.name,
                _("Part-days per week"): c.dagdelen_per_week,
                _("Last day"): day(timeline.child_last_days.get(c.name)),
            }
            for c in ind.children
        ]
    )
    st.markdown("**" + _("Review calendar") + "**")
    today = now().date()
    plain_table(
        [
            {
                _("When"): day(moment.due),
                _("What"): _(REVIEW_LABELS[moment.kind]) + (f" ({moment.child})" if moment.child else ""),
                _("Done or passed"): (
                    _("Done on %(date)s", date=day(state.contact_done_on))
                    if moment.kind == "contact" and state.contact_done_on
                    else (_("Passed") if moment.due < today else _("Still to come"))
                ),
            }
            for moment in timeline.moments
        ]
    )
