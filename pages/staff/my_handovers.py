"""Agency: the handovers of my organisation and their status (nothing of the assessment)."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_core.handover import HANDOVER_STATUS_LABELS
from smi_web.auth import require
from smi_web.services import services
from smi_web.ui import _, plain, plain_table

account = require(StaffPage.MY_HANDOVERS)
st.title(_("Handovers of my organisation"))
plain(account.organisation)
handovers = services().handovers.handovers_of(account)
if not handovers:
    st.info(_("Your organisation has not handed over any family yet."), icon=":material/info:")
else:
    plain_table(
        [
            {
                _("Reference"): h.reference,
                _("Received"): h.received_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                _("Status"): _(HANDOVER_STATUS_LABELS[h.status]),
                _("Urgent"): _("Yes") if h.urgent else _("No"),
                _("Parents completed the request"): _("Yes") if h.parents_completed else _("No"),
                _("Handed over by"): h.created_by,
            }
            for h in handovers
        ],
    )
