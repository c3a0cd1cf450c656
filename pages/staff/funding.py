"""Municipality and coordinator: the granted indications and their costs, the providers' quarterly
subsidy applications (enter, check, submit, approve, reject, pay) and the parents' contribution."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from smi_core.access import StaffPage
from smi_core.funding import (
    APPLICATION_STATUS_LABELS,
    CSV_PROBLEM_LABELS,
    INDICATION_PHASE_LABELS,
    LINE_PROBLEM_LABELS,
    MAX_LINES,
    ApplicationStatus,
    CsvError,
    LineProblem,
    Quarter,
    SubsidyLine,
    parse_subsidy_csv,
)
from smi_core.placement import CONSENT_STATE_LABELS
from smi_intake.services.funding import (
    MAX_REASON_LENGTH,
    ApplicationHasProblems,
    ApplicationInvalid,
    ApplicationView,
    QuarterNotEnded,
    ReasonRequired,
    UnknownProvider,
    WrongStatus,
)
from smi_web.auth import require
from smi_web.funding import contribution_rows, editor_rows_as_csv, money, show_contribution_table
from smi_web.services import now, services
from smi_web.ui import _, label, plain_table

account = require(StaffPage.FUNDING)
svc = services()
funding = svc.funding
municipality = svc.municipality
st.title(_("Funding"))


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.strftime("%d-%m-%Y")


def problems_text(problems: list[LineProblem] | tuple[LineProblem, ...]) -> str:
    return " ".join(_(LINE_PROBLEM_LABELS[p]) for p in problems) if problems else _("OK")


def csv_error_text(error: CsvError, first_row: int) -> str:
    message = _(CSV_PROBLEM_LABELS[error.problem], max=MAX_LINES)
    return _("Row %(row)s: %(message)s", row=error.row - first_row, message=message)


costs_tab, applications_tab, contribution_tab = st.tabs(
    [_("Indications and costs"), _("Subsidy applications"), _("Parents' contribution")]
)

# -- indications and costs -----------------------------------------------------------------------

with costs_tab:
    overview = funding.indications(account, now())
    rated = bool(municipality.dagdeel_rates)
    if overview.costs:
        rows: list[dict[str, Any]] = []
        for cost in overview.costs:
            row: dict[str, Any] = {
                _("Reference"): cost.reference,
                _("Provider"): cost.provider or "—",
                _("Location"): cost.location or "—",
                _("Care type"): label(cost.care_type),
                _("Start"): day(cost.start),
                _("Last day"): day(cost.last_day),
                _("Extensions"): cost.extensions,
                _("Children"): cost.children,
                _("Part-days per week"): cost.dagdelen_per_week,
                _("Approved"): money(cost.approved_cents),
                _("Paid"): money(cost.paid_cents),
            }
            if rated:
                row[_("Estimated cost")] = (
                    "—" if cost.estimated_cents is None else money(cost.estimated_cents)
                )
            row[_("Status")] = _(INDICATION_PHASE_LABELS[cost.phase])
            rows.append(row)
        st.dataframe(rows, hide_index=True)  # not st.table: its cells are markdown
    else:
        st.info(_("There are no granted indications to show."), icon=":material/info:")
    columns = st.columns(4 if rated else 3)
    columns[0].metric(_("Indications shown"), len(overview.costs))
    columns[1].metric(_("Approved in total"), money(overview.approved_cents))
    columns[2].metric(_("Paid in total"), money(overview.paid_cents))
    if rated:
        estimated = overview.estimated_cents
        columns[3].metric(_("Estimated in total"), "—" if estimated is None else money(estimated))
    else:
        st.caption(_("No subsidy rate per part-day is configured, so there is no cost estimate."))
    if overview.hidden_count:
        st.info(
            _(
                "%(count)s indications are not shown: the parents have not given consent to share "
                "their data with the municipality, or have withdrawn it.",
                count=overview.hidden_count,
            ),
            icon=":material/visibility_off:",
        )
        st.caption(
            " · ".join(
                f"{_(CONSENT_STATE_LABELS[state])}: {count}"
                for state, count in sorted(overview.hidden.items())
            )
        )

# -- subsidy applications ------------------------------------------------------------------------

CHECKED_KEY = "funding_checked"
#: Set on submission: the next run empties the entry before its widgets are drawn. A widget's
#: value popped from the session state stays in the browser (and comes back on the next run), so
#: the pasted text is set to "" and the table and the upload get new keys (their generation).
CLEAR_KEY = "funding_clear"
GENERATION_KEY = "funding_generation"
EDITOR_COLUMNS = ["reference", "child", "dagdelen_per_week", "weeks", "amount"]


def entered_lines(mode: str) -> tuple[list[SubsidyLine], list[str]]:
    """The lines of the application as typed, uploaded or pasted, and the rows that were not read."""
    if mode == "editor":
        st.caption(_("One row per child. The amount is in euros."))
        frame = st.data_editor(
            pd.DataFrame(
                {
                    "reference": pd.Series(dtype="string"),
                    "child": pd.Series(dtype="string"),
                    "dagdelen_per_week": pd.Series(dtype="Int64"),
                    "weeks": pd.Series(dtype="Int64"),
                    "amount": pd.Series(dtype="float"),
                }
            ),
            num_rows="dynamic",
            key=f"funding_editor_{st.session_state.get(GENERATION_KEY, 0)}",
            column_config={
                "reference": st.column_config.TextColumn(_("Reference"), max_chars=20),
                "child": st.column_config.TextColumn(_("Child's first name"), max_chars=120),
                "dagdelen_per_week": st.column_config.NumberColumn(
                    _("Part-days per week"), min_value=1, max_value=99, step=1
                ),
                "weeks": st.column_config.NumberColumn(_("Weeks"), min_value=1, max_value=99, step=1),
                "amount": st.column_config.NumberColumn(
                    _("Amount (EUR)"), min_value=0, step=0.01, format="%.2f"
                ),
            },
            width="stretch",
        )
        text, first_row = editor_rows_as_csv(frame, EDITOR_COLUMNS), 1
    elif mode == "upload":
        st.caption(
            _(
                "A CSV file with the columns reference, child, dagdelen_per_week, weeks and amount "
                "(in euros), separated by ; or ,."
            )
        )
        upload = st.file_uploader(
            _("CSV file"),
            type=["csv", "txt"],
            key=f"funding_upload_{st.session_state.get(GENERATION_KEY, 0)}",
        )
        if upload is None:
            return [], []
        raw = upload.getvalue()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        first_row = 0
    else:
        text = st.text_area(
            _("Rows with a header row, e.g. copied from a spreadsheet"),
            key="funding_paste",
            height=160,
            placeholder="reference;child;dagdelen_per_week;weeks;amount\nSMI-2026-000001;Sam;4;13;1234,56",
        )
        first_row = 0
        if not text.strip():
            return [], []
    lines, errors = parse_subsidy_csv(text)
    return lines, [csv_error_text(error, first_row) for error in errors]


def show_lines(lines: list[SubsidyLine], problems: list[list[LineProblem]] | None) -> None:
    """The lines (typed text, so in a data frame, never as markdown), and each line's problems."""
    st.dataframe(
        [
            {
                _("Reference"): x.reference,
                _("Child"): x.child,
                _("Part-days per week"): x.dagdelen_per_week,
                _("Weeks"): x.weeks,
                _("Amount"): money(x.amount_cents),
                **({_("Check"): problems_text(problems[i])} if problems is not None else {}),
            }
            for i, x in enumerate(lines)
        ],
        hide_index=True,
    )
    for number, found in enumerate(problems or [], start=1):
        if found:
            st.write(_("Line %(number)s: %(problems)s", number=number, problems=problems_text(found)))


def status_text(status: ApplicationStatus) -> str:
    return _(APPLICATION_STATUS_LABELS[status])


with applications_tab:
    if st.session_state.pop(CLEAR_KEY, False):
        st.session_state["funding_paste"] = ""
        st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    providers = funding.providers(account)
    today = now().date()
    current = Quarter.of(today)
    quarters = [current]
    while len(quarters) < 8:
        previous = Quarter.of(quarters[-1].first_day - timedelta(days=1))
        quarters.append(previous)

    st.subheader(_("New application"))
    if not providers:
        st.info(
            _("There are no childcare providers in the register yet. Add them on the providers page first."),
            icon=":material/info:",
        )
    else:
        names = {p.id: p.name if p.active else _("%(name)s (inactive)", name=p.name) for p in providers}
        left, right = st.columns(2)
        provider_id = left.selectbox(
            _("Provider"), list(names), format_func=lambda i: names[i], key="funding_provider"
        )
        quarter = right.selectbox(_("Quarter"), quarters, format_func=str, key="funding_quarter")
        modes = {"editor": _("Type the lines"), "upload": _("Upload a CSV file"), "paste": _("Paste rows")}
        mode = st.radio(
            _("How do you enter the lines?"),
            list(modes),
            format_func=lambda m: modes[m],
            horizontal=True,
            key="funding_mode",
        )
        lines, row_errors = entered_lines(mode)
        for message in row_errors:
            st.error(message, icon=":material/error:")
        checked = st.session_state.get(CHECKED_KEY)
        current_entry = (provider_id, quarter.label, [x.model_dump() for x in lines])
        if checked is not None and checked["entry"] != current_entry:
            checked = None
        if lines:
            show_lines(lines, checked["problems"] if checked else None)
            check_column, submit_column = st.columns(2)
            if check_column.button(_("Check the lines"), key="funding_check"):
                try:
                    found = funding.check(account, provider_id, quarter, lines, now())
                except (ApplicationInvalid, UnknownProvider):
                    st.error(_("Choose a provider and enter 1 to %(max)s lines.", max=MAX_LINES))
                else:
                    st.session_state[CHECKED_KEY] = {"entry": current_entry, "problems": found}
                    st.rerun()
            if checked is not None:
                count = sum(len(p) for p in checked["problems"])
                if count:
                    st.warning(
                        _(
                            "The check found %(count)s problems. You can still submit the application; "
                            "it cannot be approved until the problems are solved.",
                            count=count,
                        ),
                        icon=":material/warning:",
                    )
                else:
                    st.success(_("Every line passes the check."), icon=":material/check:")
                if submit_column.button(_("Submit the application"), key="funding_submit", type="primary"):
                    application_id = funding.submit(account, provider_id, quarter, lines, now())
                    st.session_state.pop(CHECKED_KEY, None)
                    st.session_state[CLEAR_KEY] = True  # a new application starts empty
                    st.session_state["funding_message"] = _(
                        "Application %(id)s has been submitted.", id=application_id
                    )
                    st.session_state["funding_application"] = application_id
                    st.rerun()
            else:
                submit_column.caption(_("Check the lines before you submit the application."))
        elif not row_errors:
            st.caption(_("Enter at least one line."))

    message = st.session_state.pop("funding_message", None)
    if message:
        st.success(message, icon=":material/check:")

    st.subheader(_("Applications"))
    shown_quarter = st.selectbox(
        _("Quarter"),
        [None, *quarters],
        format_func=lambda q: _("All quarters") if q is None else str(q),
        key="funding_list_quarter",
    )
    applications = funding.applications(account, shown_quarter)
    if applications:
        st.dataframe(
            [
                {
                    _("Number"): a.id,
                    _("Provider"): a.provider,
                    _("Quarter"): str(a.quarter),
                    _("Amount"): money(a.amount_cents),
                    _("Problems"): a.problem_count,
                    _("Status"): status_text(a.status),
                    _("Submitted"): day(a.submitted_at),
                    _("Decided by"): a.decided_by,
                    _("Paid on"): day(a.paid_at),
                    _("Reason for rejection"): a.reason,
                }
                for a in applications
            ],
            hide_index=True,
        )
        ids = [a.id for a in applications]
        if st.session_state.get("funding_application") not in ids:
            st.session_state.pop("funding_application", None)
        chosen = st.selectbox(_("Application"), ids, key="funding_application")
        view: ApplicationView = funding.application(account, chosen, now())
        st.markdown(
            "**"
            + _(
                "Application %(id)s, %(quarter)s: %(status)s, %(amount)s",
                id=view.id,
                quarter=str(view.quarter),
                status=status_text(view.status),
                amount=money(view.amount_cents),
            )
            + "**"
        )
        show_lines(
            [
                SubsidyLine(
                    reference=x.reference,
                    child=x.child,
                    dagdelen_per_week=x.dagdelen_per_week,
                    weeks=x.weeks,
                    amount_cents=x.amount_cents,
                )
                for x in view.lines
            ],
            [list(x.problems) for x in view.lines],
        )
        if view.status is ApplicationStatus.SUBMITTED:
            approve_column, reject_column = st.columns(2)
            if approve_column.button(_("Approve"), key="funding_approve", type="primary"):
                try:
                    funding.approve(account, view.id, now())
                except ApplicationHasProblems as refused:
                    st.error(
                        _(
                            "This application cannot be approved: the check finds %(count)s problems on "
                            "its lines. Reject it with a reason, so that the provider can send a "
                            "corrected application.",
                            count=refused.count,
                        ),
                        icon=":material/error:",
                    )
                except WrongStatus as changed:
                    st.error(
                        _("This application is already %(status)s.", status=status_text(changed.status)),
                        icon=":material/error:",
                    )
                else:
                    st.session_state["funding_message"] = _("Application %(id)s is approved.", id=view.id)
                    st.rerun()
            reason = reject_column.text_area(
                _("Reason for rejection"), max_chars=MAX_REASON_LENGTH, key="funding_reason"
            )
            if reject_column.button(_("Reject"), key="funding_reject"):
                try:
                    funding.reject(account, view.id, reason, now())
                except ReasonRequired:
                    st.error(_("Give the reason for the rejection."), icon=":material/error:")
                except WrongStatus as changed:
                    st.error(
                        _("This application is already %(status)s.", status=status_text(changed.status)),
                        icon=":material/error:",
                    )
                else:
                    st.session_state["funding_message"] = _("Application %(id)s is rejected.", id=view.id)
                    st.rerun()
        elif view.status is ApplicationStatus.APPROVED:
            st.caption(
                _(
                    "The municipality pays after the end of the quarter: from %(date)s.",
                    date=day(view.quarter.last_day + timedelta(days=1)),
                )
            )
            if st.button(_("Mark as paid"), key="funding_paid", type="primary"):
                try:
                    funding.mark_paid(account, view.id, now())
                except QuarterNotEnded as early:
                    st.error(
                        _(
                            "%(quarter)s has not ended yet. Mark the application as paid from %(date)s.",
                            quarter=str(early.quarter),
                            date=day(early.quarter.last_day + timedelta(days=1)),
                        ),
                        icon=":material/error:",
                    )
                except WrongStatus as changed:
                    st.error(
                        _("This application is already %(status)s.", status=status_text(changed.status)),
                        icon=":material/error:",
                    )
                else:
                    st.session_state["funding_message"] = _(
                        "Application %(id)s is marked as paid.", id=view.id
                    )
                    st.rerun()
    else:
        st.info(_("There are no applications yet."), icon=":material/info:")

# -- the parents' contribution ------------------------------------------------------------------

with contribution_tab:
    if municipality.parent_contribution:
        st.write(_("The parents' own contribution per hour, by yearly household income:"))
        plain_table(contribution_rows(municipality))
    else:
        st.info(
            _(
                "The municipality has not configured a contribution table. The childcare provider sets "
                "the parents' own contribution from the VNG table of parental contributions."
            ),
            icon=":material/info:",
        )
    st.caption(
        _(
            "Where parents cannot pay their contribution, WIJzer looks at further financial support "
            "(SDD) and records the referral on the case."
        )
    )
    with st.expander(_("What WIJzer and the parents see")):
        show_contribution_table(municipality)
