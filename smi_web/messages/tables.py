"""Message lists as tables: what each message is, between whom, its state and its retour."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_core.constants import N_
from smi_intake.db.messages import MessageState, StoredMessage
from smi_web.ui import _, plain_table

STATE_LABELS = {
    MessageState.TO_SEND: N_("To send"),
    MessageState.SENT: N_("Sent, waiting for the retour"),
    MessageState.ACCEPTED: N_("Accepted"),
    MessageState.REJECTED: N_("Rejected"),
    MessageState.RETOUR: N_("Retour"),
}


def state_label(message: StoredMessage, today: date) -> str:
    """The message's state in words; a sent one past its retour's due day says so."""
    if message.overdue(today):
        return _("Overdue: no retour within 3 working days")
    return _(STATE_LABELS[message.state])


def message_table(messages: list[StoredMessage], today: date) -> None:
    """The messages as a table (no personal data: kinds, parties, identifications and codes)."""
    if not messages:
        st.info(_("No messages."), icon=":material/info:")
        return
    plain_table(
        [
            {
                _("Number"): m.id,
                _("Set"): "iWmo" if m.domain == "wmo" else "iJw",
                _("Message"): m.kind,
                _("From"): m.sender,
                _("To"): m.receiver,
                _("Identification"): m.identification,
                _("Date"): m.dagtekening.strftime("%d-%m-%Y"),
                _("Assignments"): ", ".join(str(n) for n in m.numbers),
                _("State"): state_label(m, today),
                _("Retour codes"): ", ".join(m.retour_codes),
                _("Retour due"): m.retour_due.strftime("%d-%m-%Y") if m.retour_due else "",
            }
            for m in messages
        ]
    )
