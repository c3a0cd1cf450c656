"""The providers' quarterly subsidy applications on the funding page: entering the lines (typed,
uploaded or pasted), checking and submitting them, and deciding on a submitted application
(approve, reject, mark as paid)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from smi_core.funding import (
    APPLICATION_STATUS_LABELS,
    CSV_PROBLEM_LABELS,
    LINE_PROBLEM_LABELS,
    MAX_LINES,
    ApplicationStatus,
    LineProblem,
    Quarter,
    SubsidyCsvError,
    SubsidyLine,
    parse_subsidy_csv,
)
from smi_intake.services.accounts import Account
from smi_intake.services.funding import MAX_REASON_LENGTH, ApplicationView, ProviderChoice
from smi_web.funding import day, editor_rows_as_csv, money
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _


def problems_text(problems: list[LineProblem] | tuple[LineProblem, ...]) -> str:
    return " ".join(_(LINE_PROBLEM_LABELS[p]) for p in problems) if problems else _("OK")


def csv_error_text(error: SubsidyCsvError, first_row: int) -> str:
    message = _(CSV_PROBLEM_LABELS[error.problem], max=MAX_LINES)
    return _("Row %(row)s: %(message)s", row=error.row - first_row, message=message)


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


def recent_quarters(today: date) -> list[Quarter]:
    """The current quarter and the seven before it, newest first."""
    quarters = [Quarter.of(today)]
    while len(quarters) < 8:
        previous = Quarter.of(quarters[-1].first_day - timedelta(days=1))
        quarters.append(previous)
    return quarters


def applications_tab(account: Account) -> None:
    """A new application, then the applications of a quarter and the one chosen."""
    if st.session_state.pop(CLEAR_KEY, False):
        st.session_state["funding_paste"] = ""
        st.session_state[GENERATION_KEY] = st.session_state.get(GENERATION_KEY, 0) + 1
    providers = services().funding.providers(account)
    quarters = recent_quarters(now().date())

    st.subheader(_("New application"))
    if not providers:
        st.info(
            _("There are no childcare providers in the register yet. Add them on the providers page first."),
            icon=":material/info:",
        )
    else:
        new_application(account, providers, quarters)

    message = st.session_state.pop("funding_message", None)
    if message:
        st.success(message, icon=":material/check:")

    st.subheader(_("Applications"))
    applications_list(account, quarters)


def new_application(account: Account, providers: list[ProviderChoice], quarters: list[Quarter]) -> None:
    funding = services().funding
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
            except REFUSALS as refused:
                show_refusal(refused, Screen.FUNDING, icon=None)
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


def applications_list(account: Account, quarters: list[Quarter]) -> None:
    funding = services().funding
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
                except REFUSALS as refused:
                    show_refusal(refused, Screen.FUNDING)
                else:
                    st.session_state["funding_message"] = _("Application %(id)s is approved.", id=view.id)
                    st.rerun()
            reason = reject_column.text_area(
                _("Reason for rejection"), max_chars=MAX_REASON_LENGTH, key="funding_reason"
            )
            if reject_column.button(_("Reject"), key="funding_reject"):
                try:
                    funding.reject(account, view.id, reason, now())
                except REFUSALS as refused:
                    show_refusal(refused, Screen.FUNDING)
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
                except REFUSALS as refused:
                    show_refusal(refused, Screen.FUNDING)
                else:
                    st.session_state["funding_message"] = _(
                        "Application %(id)s is marked as paid.", id=view.id
                    )
                    st.rerun()
    else:
        st.info(_("There are no applications yet."), icon=":material/info:")
