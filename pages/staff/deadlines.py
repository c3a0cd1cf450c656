"""WIJzer: what falls due in the running indications: overdue, the next 2 weeks, weeks 3 and 4;
a calendar file to download, with only the case references."""

from __future__ import annotations

import streamlit as st

from smi_core.access import Role, StaffPage
from smi_core.deadlines import Deadline, windows
from smi_intake.ical import deadlines_ical
from smi_web.auth import require
from smi_web.request_deadlines import request_deadlines
from smi_web.services import now, services
from smi_web.ui import _, plain_table

worker = require(StaffPage.DEADLINES)
st.title(_("Deadlines"))

today = now().astimezone().date()
mine = st.toggle(_("Only my cases"), value=worker.role is Role.WIJZER, key="deadlines_mine")
found = sorted(
    [
        *services().deadlines.deadlines(worker, today, mine_only=mine),
        *services().wmo.deadlines(worker, today, mine_only=mine),  # the Wmo cases' legal terms
        *services().coalition.deadlines(worker, today, mine_only=mine),  # BEG-CONTACT-1W
    ],
    key=lambda d: (d.due, d.reference),
)
by_window = windows(found, today)


def when(deadline: Deadline) -> str:
    """How far away the day is, in words: overdue is said, not only coloured."""
    days = deadline.days_left(today)
    if days < -1:
        return _("Overdue by %(days)s days", days=-days)
    if days == -1:
        return _("Overdue by 1 day")
    if days == 0:
        return _("Due today")
    if days == 1:
        return _("1 day left")
    return _("%(days)s days left", days=days)


def show(title: str, rows: list[Deadline], empty: str) -> None:
    st.subheader(f"{title} ({len(rows)})")
    if not rows:
        st.caption(empty)
        return
    plain_table(
        [
            {
                _("Reference"): d.reference,
                _("What"): _(d.label),
                _("Due date"): d.due.strftime("%d-%m-%Y"),
                _("Days left"): when(d),
                _("Case owner"): d.owner or "—",
            }
            for d in rows
        ]
    )


overdue, soon, later = st.columns(3)
overdue.metric(_("Overdue"), len(by_window.overdue))
soon.metric(_("Due in the next 2 weeks"), len(by_window.within_2_weeks))
later.metric(_("Due in weeks 3 and 4"), len(by_window.within_4_weeks))
st.caption(
    _(
        "The next 2 weeks run from today up to 14 days from now; weeks 3 and 4 from 15 up to 28 days "
        "from now. Each deadline is counted once."
    )
)

show(_("Overdue"), by_window.overdue, _("Nothing is overdue."))
show(_("Due in the next 2 weeks"), by_window.within_2_weeks, _("Nothing falls due in the next 2 weeks."))
show(_("Due in weeks 3 and 4"), by_window.within_4_weeks, _("Nothing falls due in weeks 3 and 4."))
request_deadlines(worker, today)

shown = list(
    dict.fromkeys(
        d.reference for d in [*by_window.overdue, *by_window.within_2_weeks, *by_window.within_4_weeks]
    )
)
if shown:
    st.subheader(_("Open a case"))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    to_open = left.selectbox(_("Case"), shown, key="deadlines_open_reference")
    if right.button(_("Open the case"), key="deadlines_open"):
        st.session_state["case_open"] = to_open
        st.switch_page("pages/staff/case.py")

st.subheader(_("Calendar"))
st.write(
    _(
        "Download every open deadline of these cases, also those later than 4 weeks, as a calendar "
        "file. The file holds only the case references, no names."
    )
)
st.download_button(
    _("Download the calendar (.ics)"),
    data=deadlines_ical(found, now(), _, _("SMI deadlines")),
    file_name=f"smi-deadlines-{today.isoformat()}.ics",
    mime="text/calendar",
    icon=":material/download:",
    key="deadlines_ics",
)
