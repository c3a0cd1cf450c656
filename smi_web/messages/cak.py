"""The back office's report to the CAK (``BEG-CAK``): each start and end of begeleiding through the
coalition, with the client's BSN masked, the dates, the product and the provider; a CSV export for
the CAK (with the whole BSN); and a mark per line that it was reported. Reading, exporting and
marking are logged."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_intake.services.accounts import Account
from smi_intake.services.cak import CAK_LINE_LABELS, CakEntry
from smi_web.refusals import REFUSALS, message_for
from smi_web.services import now, services
from smi_web.ui import _, current_locale, plain_table

MARKED = "messages_cak_marked"
EXPORT = "messages_cak_export"


def day(on: date | None) -> str:
    return on.strftime("%d-%m-%Y") if on is not None else "—"


def cak_report(worker: Account) -> None:
    """The list of what is reported to the CAK, its export, and the mark of one line."""
    st.subheader(_("Report to the CAK"))
    st.caption(
        _(
            "The CAK collects the own contribution. Report each start and end of begeleiding through "
            "the coalition, then mark the line as reported. The export holds the whole BSN."
        )
    )
    if MARKED in st.session_state:
        kind, message = st.session_state.pop(MARKED)
        (st.success if kind == "success" else st.error)(message)
    entries = services().cak.entries(worker, now())
    if not entries:
        st.caption(_("No begeleiding through the coalition has started yet."))
        return
    plain_table(
        [
            {
                _("Case"): e.reference,
                _("What"): _(CAK_LINE_LABELS[e.line]),
                _("BSN"): e.masked_bsn,
                _("Date"): day(e.on),
                _("Product"): f"{e.product_code} {e.product_name}",
                _("Care provider"): e.provider_name,
                _("Assignment number"): str(e.toewijzing_nummer),
                _("Reported on"): day(e.reported_on) if e.reported_on is not None else _("not yet"),
            }
            for e in entries
        ]
    )
    made = st.session_state.get(EXPORT)
    if made is not None:
        st.download_button(
            _("Download the CAK report (CSV)"),
            data=made,
            file_name="cak-melding.csv",
            mime="text/csv",
            key="messages_cak_download",
        )
    elif st.button(
        _("Make the CAK export"), key="messages_cak_export", help=_("Making an export is logged.")
    ):
        st.session_state[EXPORT] = services().cak.export(worker, now(), current_locale())
        st.rerun()
    open_lines = [e for e in entries if e.reported_on is None]
    if not open_lines:
        st.caption(_("Every line is marked as reported."))
        return
    chosen = st.selectbox(
        _("Line to mark as reported"),
        range(len(open_lines)),
        format_func=lambda i: _line_text(open_lines[i]),
        key="messages_cak_line",
    )
    entry = open_lines[chosen or 0]

    def mark() -> None:
        try:
            services().cak.mark_reported(entry.reference, entry.line, entry.toewijzing_nummer, worker, now())
        except REFUSALS as refused:
            st.session_state[MARKED] = ("error", message_for(refused) or type(refused).__name__)
        else:
            st.session_state.pop(EXPORT, None)  # the export no longer shows every mark
            st.session_state[MARKED] = ("success", _("The line is marked as reported to the CAK."))

    st.button(_("Mark as reported to the CAK"), key="messages_cak_mark", type="primary", on_click=mark)


def _line_text(entry: CakEntry) -> str:
    return f"{entry.reference}: {_(CAK_LINE_LABELS[entry.line])} {day(entry.on)}"


__all__ = ["cak_report"]
