"""Municipality and SMI coordinator: reports over a period, each as a chart with its figures beside it
and a CSV file. Counted from dates, statuses and amounts only, never from personal data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from smi_core.access import StaffPage
from smi_core.dates import add_months
from smi_core.reports import (
    OUTCOME_LABELS,
    REPORT_TITLES,
    Cell,
    ReportName,
    all_rows,
    build_reports,
    euros,
    month_label,
    month_start,
    report_rows,
)
from smi_intake.documents import csv_bytes, format_cell
from smi_intake.services.reports import local_day
from smi_web.auth import require
from smi_web.services import now, services
from smi_web.ui import _, current_locale

viewer = require(StaffPage.REPORTS)
svc = services()
locale = current_locale()
st.title(_("Reports"))
st.caption(_("Counted from dates, statuses and amounts only: the reports hold no personal data."))

today = local_day(now())
left, right = st.columns(2)
since = left.date_input(
    _("From"),
    value=add_months(month_start(today), -11),
    max_value=today,
    format="DD-MM-YYYY",
    key="reports_since",
)
until = right.date_input(_("Until"), value=today, max_value=today, format="DD-MM-YYYY", key="reports_until")
if not isinstance(since, date) or not isinstance(until, date) or since > until:
    st.error(_("Choose a period whose start lies before its end."), icon=":material/error:")
    st.stop()

reports = build_reports(
    svc.reports.facts(viewer, since, until, now()), today, svc.municipality.max_extensions
)


def csv_file(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    return csv_bytes(header, [[format_cell(cell, locale, for_csv=True) for cell in row] for row in rows])


def show(name: ReportName, chart: alt.Chart, description: str, note: str = "") -> None:
    """The report's title, its chart and beside it the same figures as a table, and its CSV file."""
    title = _(REPORT_TITLES[name])
    header, rows = report_rows(name, reports, _)
    st.subheader(title)
    if note:
        st.caption(note)
    drawn, figures = st.columns([3, 2])
    drawn.altair_chart(chart.properties(title=title), width="stretch", alt=description)
    table = pd.DataFrame(
        [[format_cell(cell, locale) for cell in row] for row in rows], columns=header
    ).set_index(header[0])
    figures.table(table, alt=_("Figures of the chart: %(title)s", title=title))
    st.download_button(
        _("Download %(title)s as CSV", title=title),
        data=csv_file(header, rows),
        file_name=f"smi-{name.value}-{since.isoformat()}-{until.isoformat()}.csv",
        mime="text/csv",
        key=f"reports_csv_{name.value}",
        on_click="ignore",
        icon=":material/download:",
    )


def bars(
    data: list[dict[str, object]], x_title: str, y_title: str, *, series: str | None = None
) -> alt.Chart:
    """Bars of ``value`` per ``x``; with ``series``, one colour per series (stacked)."""
    chart = alt.Chart(pd.DataFrame(data)).mark_bar()
    encoding: dict[str, object] = {
        "x": alt.X("x:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=0)),
        "y": alt.Y("value:Q", title=y_title),
        "tooltip": ["x:N", "value:Q"],
    }
    if series is not None:
        encoding["color"] = alt.Color("series:N", title=series, sort=None)
        encoding["tooltip"] = ["x:N", "series:N", "value:Q"]
    return chart.encode(**encoding)


month_title = _("Month")
parents, agencies = _("From parents"), _("From agencies")
show(
    ReportName.REQUESTS,
    bars(
        [
            {"x": month_label(r.month), "series": label, "value": count}
            for r in reports.requests
            for label, count in ((parents, r.parents), (agencies, r.agency))
        ],
        month_title,
        _("Requests"),
        series=_("Source"),
    ),
    _("Bar chart of the requests received per month, from parents and from agencies."),
)

show(
    ReportName.OUTCOMES,
    bars(
        [{"x": _(OUTCOME_LABELS[kind]), "value": count} for kind, count in reports.outcomes.items()],
        _("Outcome"),
        _("Requests"),
    ),
    _("Bar chart of what became of the requests received in the period."),
    _("The requests received in the period, with the decision as it stands today."),
)

median, mean = _("Median days"), _("Mean days")
times = [
    {"x": month_label(month), "series": label, "value": value}
    for month, stats in reports.decision_times.per_month
    for label, value in ((median, stats.median), (mean, stats.mean))
    if value is not None
]
show(
    ReportName.DECISION_DAYS,
    alt.Chart(pd.DataFrame(times, columns=["x", "series", "value"]))
    .mark_line(point=True)
    .encode(
        x=alt.X("x:N", title=_("Month of decision"), sort=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=_("Days")),
        color=alt.Color("series:N", title=_("Measure"), sort=None),
        tooltip=["x:N", "series:N", alt.Tooltip("value:Q", format=".1f")],
    ),
    _("Line chart of the median and mean number of days from request to decision, per month of decision."),
    _("Calendar days from the request to the team decision or the referral to another route."),
)

show(
    ReportName.ACTIVE,
    bars(
        [{"x": month_label(m.month), "value": m.count} for m in reports.active],
        month_title,
        _("Active indications"),
    ),
    _("Bar chart of the indications running at the end of each month."),
    _("Indications running on the last day of each month; for the current month, today."),
)

show(
    ReportName.EXTENSIONS,
    bars(
        [{"x": str(n), "value": count} for n, count in reports.extensions.items()],
        _("Number of extensions"),
        _("Indications"),
    ),
    _("Bar chart of the indications that ran in the period, by their number of extensions."),
)

approved, paid = _("Approved"), _("Paid")
costs = [
    {"x": c.quarter.label, "series": label, "value": float(euros(cents))}
    for c in reports.costs
    for label, cents in ((approved, c.approved_cents), (paid, c.paid_cents))
]
show(
    ReportName.COSTS,
    alt.Chart(pd.DataFrame(costs, columns=["x", "series", "value"]))
    .mark_bar()
    .encode(
        x=alt.X("x:N", title=_("Quarter"), sort=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("series:N", sort=None),
        y=alt.Y("value:Q", title=_("Euros")),
        color=alt.Color("series:N", title=_("Amount"), sort=None),
        tooltip=["x:N", "series:N", alt.Tooltip("value:Q", format=",.2f")],
    ),
    _("Bar chart of the subsidy approved and paid per quarter, in euros."),
    _(
        "Subsidy applications of the providers per quarter, without the rejected ones; "
        "approved includes what has been paid."
    ),
)

st.divider()
header, rows = all_rows(reports, _)
st.download_button(
    _("Download all reports as one CSV file"),
    data=csv_file(header, rows),
    file_name=f"smi-reports-{since.isoformat()}-{until.isoformat()}.csv",
    mime="text/csv",
    key="reports_csv_all",
    on_click="ignore",
    icon=":material/download:",
    type="primary",
)
