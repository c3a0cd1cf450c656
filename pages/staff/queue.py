"""WIJzer: the intake queue. What needs attention first, filters, paging, taking and handing on."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_core.cases import STATUS_FOR_RESIDENTS, CaseSource, CaseStatus
from smi_core.constants import LABELS, Outcome
from smi_intake.services.queue import OPEN_STATUSES, QueueQuery
from smi_web.auth import require
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain_table
from smi_web.wmo_labels import provision_label, route_label

worker = require(StaffPage.QUEUE)
queue = services().queue
st.title(_("Intake queue"))

SOURCE_LABELS = {CaseSource.OUDER: _("parents"), CaseSource.INSTANTIE: _("agency")}
open_statuses = [s for s in CaseStatus if s in OPEN_STATUSES]


def status_label(status: CaseStatus) -> str:
    return _(STATUS_FOR_RESIDENTS[status][0])


def outcome_label(outcome: str, provision: str = "smi") -> str:
    if provision != "smi":  # a Wmo or youth-care case: the melding's route, or youth care's G or M
        return route_label(outcome)
    return _(LABELS[Outcome(outcome)]) if outcome else _("not yet checked")


with st.expander(_("Filters"), expanded=True):
    left, middle, right = st.columns(3)
    statuses = left.multiselect(
        _("Status"), open_statuses, default=open_statuses, format_func=status_label, key="queue_statuses"
    )
    outcome = middle.selectbox(
        _("Preliminary outcome"),
        [None, *[o.value for o in Outcome]],
        format_func=lambda o: _("all") if o is None else outcome_label(o),
        key="queue_outcome",
    )
    source = right.selectbox(
        _("Source"),
        [None, *CaseSource],
        format_func=lambda s: _("all") if s is None else SOURCE_LABELS[s],
        key="queue_source",
    )
    mine = left.checkbox(_("Only my cases"), key="queue_mine")
    unassigned = middle.checkbox(_("Only cases without an owner"), key="queue_unassigned")
    page_size = right.selectbox(_("Rows per page"), [10, 25, 50, 100], index=1, key="queue_page_size")

page_number = st.session_state.setdefault("queue_page", 1)
result = queue.queue(
    worker,
    QueueQuery(
        statuses=frozenset(statuses) or OPEN_STATUSES,
        outcome=outcome,
        source=source,
        mine=mine,
        unassigned=unassigned,
        page=page_number,
        page_size=page_size,
    ),
    now(),
)

st.subheader(_("Open cases per status"))
st.bar_chart({status_label(s): [result.counts.get(s, 0)] for s in open_statuses}, horizontal=True, height=220)
st.caption(" · ".join(f"{status_label(s)}: {result.counts.get(s, 0)}" for s in open_statuses))

st.subheader(
    _("%(total)s cases, page %(page)s of %(pages)s", total=result.total, page=result.page, pages=result.pages)
)
if result.rows:
    plain_table(
        [
            {
                _("Reference"): row.reference,
                _("Provision"): provision_label(row.provision),
                _("Source"): SOURCE_LABELS[row.source],
                _("Received"): row.received_at.astimezone().strftime("%d-%m-%Y"),
                _("Working days waiting"): row.waiting_days,
                _("Urgent"): _("Yes") if row.urgent else "",
                _("Overdue"): _("Yes, not contacted in time") if row.overdue else "",
                _("Preliminary outcome"): outcome_label(row.outcome, row.provision),
                _("Owner"): row.owner or "—",
                _("Status"): status_label(row.status),
            }
            for row in result.rows
        ]
    )
else:
    st.info(_("No cases match these filters."), icon=":material/info:")
previous, following = st.columns(2)
if previous.button(_("Previous page"), key="queue_previous", disabled=result.page <= 1):
    st.session_state["queue_page"] = result.page - 1
    st.rerun()
if following.button(_("Next page"), key="queue_next", disabled=result.page >= result.pages):
    st.session_state["queue_page"] = result.page + 1
    st.rerun()

if result.rows:
    st.subheader(_("Open a case"))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    to_open = left.selectbox(_("Case"), [row.reference for row in result.rows], key="queue_open_reference")
    if right.button(_("Open the case"), key="queue_open"):
        st.session_state["case_open"] = to_open
        st.switch_page("pages/staff/case.py")

st.subheader(_("Take a case"))
free = [row.reference for row in result.rows if row.owner is None and row.status is CaseStatus.NEW]
if free:
    chosen = st.selectbox(_("Case without an owner"), free, key="queue_take_reference")
    if st.button(_("Take the case"), key="queue_take", type="primary"):
        try:
            queue.claim(chosen, worker, now())
        except REFUSALS as refused:
            show_refusal(refused, Screen.QUEUE)
        else:
            st.success(
                _("You are now the case owner of %(reference)s.", reference=chosen), icon=":material/check:"
            )
            st.rerun()
else:
    st.caption(_("There is no new case without an owner on this page."))

involve_in = [
    row
    for row in result.rows
    if row.provision == "jeugd"
    and row.owner is None
    and row.status in {CaseStatus.REQUESTED, CaseStatus.DETERMINED}
]
if involve_in:
    # a provider's request or a bepaling without an access worker (e.g. a child known to the team)
    st.subheader(_("Youth care without an access worker"))
    chosen_youth = st.selectbox(
        _("Case"), [row.reference for row in involve_in], key="queue_involve_reference"
    )
    if st.button(_("Be involved as the access worker"), key="queue_involve"):
        version = next(row.version for row in involve_in if row.reference == chosen_youth)
        try:
            services().jeugd_requests.involve(chosen_youth, worker, version, now())
        except REFUSALS as refused:
            show_refusal(refused, Screen.QUEUE)
        else:
            st.success(
                _("You are now the case owner of %(reference)s.", reference=chosen_youth),
                icon=":material/check:",
            )
            st.rerun()

mine_rows = [row for row in result.rows if row.owner == worker.username]
colleagues = [c for c in queue.colleagues() if c != worker.username]
if mine_rows and colleagues:
    st.subheader(_("Hand a case to a colleague"))
    own = st.selectbox(_("My case"), [row.reference for row in mine_rows], key="queue_hand_reference")
    colleague = st.selectbox(_("Colleague"), colleagues, key="queue_hand_colleague")
    if st.button(_("Hand over"), key="queue_hand"):
        version = next(row.version for row in mine_rows if row.reference == own)
        try:
            queue.hand_to(own, worker, colleague, version, now())
        except REFUSALS as refused:
            show_refusal(refused, Screen.QUEUE)
        else:
            st.success(_("%(reference)s is now with %(colleague)s.", reference=own, colleague=colleague))
            st.rerun()
