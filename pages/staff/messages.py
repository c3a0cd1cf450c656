"""The municipal back office: the iWmo/iJw messages with the providers. The outbox and its export,
the inbox and its import (each message validated, stored and answered with its retour), and the
messages of a client, a provider or an assignment."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_web.auth import require
from smi_web.messages.cak import cak_report
from smi_web.messages.exchange import inbox, outbox
from smi_web.messages.jeugd_requests import jeugd_requests
from smi_web.messages.lookup import lookup
from smi_web.messages.wmo_assign import wmo_change_answers, wmo_toewijzingen
from smi_web.services import now, services
from smi_web.ui import _

worker = require(StaffPage.MESSAGES)
service = services().messages
today = now().date()
st.title(_("Messages"))
st.caption(_("The iWmo and iJw messages with the providers: assignments, starts, stops and requests."))

sent, received, find, cak = st.tabs(
    [_("Outbox"), _("Inbox and import"), _("Per client, provider or assignment"), _("CAK")]
)
with sent:
    jeugd_requests(worker)  # the answer to every youth-care 315 (routes M and G)
    wmo_toewijzingen(worker)
    wmo_change_answers(worker)
    outbox(service, worker, today)
with received:
    inbox(service, worker, today)
with find:
    lookup(service, worker, today)
with cak:
    cak_report(worker)  # BEG-CAK: the starts and ends of begeleiding through the coalition
