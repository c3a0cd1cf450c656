"""The outbox (export), the inbox and the import of the *Berichten* page."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import streamlit as st

from smi_intake.db.messages import Direction, MessageFilter, MessageState
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import ImportOutcome
from smi_intake.services.messages import MessageService
from smi_web.messages.tables import message_table
from smi_web.services import now
from smi_web.ui import _, escape_markdown

RESULTS = "messages_import_results"
EXPORTED = "messages_exported"


def _zip(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def outbox(service: MessageService, worker: Account, today: date) -> None:
    """What the municipality sends: to send (and the export), sent, answered, overdue."""
    to_send = MessageFilter(direction=Direction.OUT, states=frozenset({MessageState.TO_SEND}))
    overdue = MessageFilter(direction=Direction.OUT, overdue_on=today)
    waiting, late = service.count(worker, to_send), service.count(worker, overdue)
    left, right = st.columns(2)
    left.metric(_("To send"), waiting)
    right.metric(_("Overdue retours"), late)
    if late:
        st.warning(_("%(count)s sent messages have no retour after 3 working days.", count=late))

    def export() -> None:  # before the run draws the page, so its counts are already new
        files = service.export(worker, now())
        st.session_state[EXPORTED] = _zip(files), len(files)

    st.button(_("Export the messages to send"), key="messages_export", disabled=not waiting, on_click=export)
    if EXPORTED in st.session_state:
        data, count = st.session_state[EXPORTED]
        st.success(_("%(count)s messages are ready as envelope files.", count=count), icon=":material/check:")
        st.download_button(
            _("Download the envelopes (zip)"),
            data=data,
            file_name="berichten-uit.zip",
            mime="application/zip",
            key="messages_export_download",
            on_click="ignore",
            icon=":material/download:",
        )
    show = st.radio(  # a radio, not a segmented control: its selected label lacks contrast (axe)
        _("Show"),
        ["all", "to_send", "sent", "overdue"],
        horizontal=True,
        format_func=lambda v: {
            "all": _("All"),
            "to_send": _("To send"),
            "sent": _("Sent, waiting for the retour"),
            "overdue": _("Overdue"),
        }[v],
        key="messages_out_show",
    )
    which = {
        "to_send": to_send,
        "sent": MessageFilter(direction=Direction.OUT, states=frozenset({MessageState.SENT})),
        "overdue": overdue,
    }.get(show or "all", MessageFilter(direction=Direction.OUT, heen_only=True))
    message_table(service.messages(worker, which), today)


def inbox(service: MessageService, worker: Account, today: date) -> None:
    """Import files (one, several, or a zip); every message validated, stored and answered at once."""
    if not service.schema_check_on:
        st.info(
            _(
                "The schema check (level 1) is off: no schema folder is configured (SMI_ISTANDAARDEN_DIR). "
                "The rules in and across messages (levels 2 and 3) still run."
            ),
            icon=":material/info:",
        )
    with st.form("messages_import_form", clear_on_submit=True):
        uploads = st.file_uploader(
            _("Message files (XML, envelope or zip)"),
            type=["xml", "zip"],
            accept_multiple_files=True,
            key="messages_upload",
        )
        send = st.form_submit_button(_("Import"), type="primary", key="messages_import")
    if send and uploads:
        bar = st.progress(0.0, text=_("Importing..."))
        outcomes: list[ImportOutcome] = []
        for number, upload in enumerate(uploads, start=1):
            outcomes += service.import_files([(upload.name, upload.getvalue())], worker, now())
            bar.progress(
                number / len(uploads),
                text=_("Imported %(done)s of %(count)s files", done=number, count=len(uploads)),
            )
        bar.empty()
        st.session_state[RESULTS] = outcomes
    elif send:
        st.error(_("Choose one or more files first."), icon=":material/error:")
    outcomes = st.session_state.get(RESULTS, [])
    if outcomes:
        _show_outcomes(outcomes)
    st.subheader(_("Received"))
    message_table(
        service.messages(worker, MessageFilter(direction=Direction.IN, heen_only=True)),
        today,
    )


def _show_outcomes(outcomes: list[ImportOutcome]) -> None:
    accepted = sum(o.accepted for o in outcomes)
    box = st.success if accepted == len(outcomes) else st.warning
    box(_("%(accepted)s of %(count)s files accepted.", accepted=accepted, count=len(outcomes)))
    st.dataframe(
        [
            {
                _("File"): o.name,
                _("Message"): f"{o.domain} {o.kind}".strip(),
                _("Identification"): o.identification,
                _("Result"): _("Accepted") if o.accepted else _("Rejected"),
                _("Rule"): o.rule,
                _("Where"): o.path,
                _("Retour codes"): ", ".join(o.retour_codes),
                _("Why"): o.problem,
            }
            for o in outcomes
        ],
        hide_index=True,
        key="messages_import_table",
    )
    retours = [(o.retour_name, o.retour) for o in outcomes if o.retour is not None]
    for index, (name, data) in enumerate(retours):
        st.download_button(
            _("Download retour %(name)s", name=escape_markdown(name)),
            data=data,
            file_name=name,
            mime="application/xml",
            key=f"messages_retour_{index}",
            on_click="ignore",
            icon=":material/download:",
        )
    if len(retours) > 1:
        st.download_button(
            _("Download all retours (zip)"),
            data=_zip(retours),
            file_name="retours.zip",
            mime="application/zip",
            key="messages_retours_zip",
            on_click="ignore",
        )
