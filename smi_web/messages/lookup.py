"""The messages of one client, one provider or one assignment, in order, with a message's XML."""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from smi_intake.db.messages import MessageFilter
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import ASSIGNMENT_STATE_LABELS, assignment_state
from smi_intake.services.messages import MessageService
from smi_web.messages.tables import message_table
from smi_web.services import now
from smi_web.ui import _

_BSN = re.compile(r"^\d{9}$")
_AGB = re.compile(r"^\d{8}$")


def lookup(service: MessageService, worker: Account, today: date) -> None:
    """Find by client (BSN), provider (AGB code) or assignment (ToewijzingNummer)."""
    by = st.radio(
        _("Find the messages of"),
        ["client", "provider", "assignment"],
        format_func=lambda v: {
            "client": _("a client"),
            "provider": _("a provider"),
            "assignment": _("an assignment"),
        }[v],
        horizontal=True,
        key="messages_find_by",
    )
    if by == "assignment":
        left, right = st.columns([1, 2])
        domain = left.selectbox(
            _("Set"),
            ["wmo", "jw"],
            format_func=lambda d: "iWmo" if d == "wmo" else "iJw",
            key="messages_find_set",
        )
        number = right.number_input(
            _("Assignment number (ToewijzingNummer)"),
            min_value=1,
            max_value=999_999_999,
            step=1,
            value=None,
            key="messages_find_number",
        )
        if number is not None:
            about = service.assignment(worker, domain, int(number))
            if about:
                state = assignment_state(about)
                st.markdown(
                    "**" + _("The assignment: %(state)s", state=_(ASSIGNMENT_STATE_LABELS[state])) + "**"
                )
            message_table(about, today)
    else:
        label = _("BSN (9 digits)") if by == "client" else _("AGB code of the provider (8 digits)")
        value = st.text_input(label, max_chars=9 if by == "client" else 8, key=f"messages_find_{by}").strip()
        if value:
            pattern = _BSN if by == "client" else _AGB
            if not pattern.match(value):
                st.error(_("Write only the digits of the number."), icon=":material/error:")
            else:
                which = MessageFilter(bsn=value) if by == "client" else MessageFilter(party=value)
                message_table(service.messages(worker, which), today)
    _download(service, worker)


def _download(service: MessageService, worker: Account) -> None:
    """A message's XML, by its number in the tables above; the read is logged."""
    with st.expander(_("Download a message"), key="messages_x_download"):
        number = st.number_input(_("Number"), min_value=1, step=1, value=None, key="messages_download_id")
        if number is not None and st.button(_("Prepare the download"), key="messages_download_prepare"):
            try:
                st.session_state["messages_download"] = (
                    int(number),
                    service.content(worker, int(number), now()),
                )
            except LookupError:
                st.error(_("There is no message with this number."), icon=":material/error:")
        prepared = st.session_state.get("messages_download")
        if prepared is not None:
            chosen, data = prepared
            st.download_button(
                _("Download message %(number)s", number=chosen),
                data=data,
                file_name=f"bericht-{chosen}.xml",
                mime="application/xml",
                key="messages_download_button",
                on_click="ignore",
                icon=":material/download:",
            )
