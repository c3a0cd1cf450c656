"""The providers' requests (315/317) waiting for the municipality's answer, on the deadlines page."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_intake.services.accounts import Account
from smi_web.services import services
from smi_web.ui import _, plain_table


def request_deadlines(worker: Account, today: date) -> None:
    """Each open request with the day its answer is due (5 working days; 8 weeks in onderzoek)."""
    waiting = services().messages.open_requests(worker, today)
    st.subheader(f"{_('Requests of providers waiting for an answer')} ({len(waiting)})")
    if not waiting:
        st.caption(_("No request of a provider is waiting for an answer."))
        return
    plain_table(
        [
            {
                _("Message"): f"{'iWmo' if d.request.domain == 'wmo' else 'iJw'} {d.request.kind}",
                _("Care provider"): d.request.sender,
                _("Reference of the provider"): d.request.referentie_aanbieder or "",
                _("Received"): d.request.stored_at.astimezone().strftime("%d-%m-%Y"),
                _("Answer"): _("final answer after in onderzoek") if d.in_onderzoek else _("first answer"),
                _("Due date"): d.due.strftime("%d-%m-%Y"),
                _("Overdue"): _("Yes") if d.overdue else _("No"),
            }
            for d in waiting
        ]
    )
