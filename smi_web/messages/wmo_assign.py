"""The back office's Wmo toewijzingen to send: the cases whose beschikking grants a provision and
that have no 301 yet (route T, step T5). Queuing one builds the 301 from the case and puts it in
the outbox, checked like every message we send."""

from __future__ import annotations

import streamlit as st

from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import MessageRefused
from smi_web.refusals import REFUSALS, message_for
from smi_web.services import now, services
from smi_web.ui import _

ASSIGNED = "messages_wmo_assigned"
ANSWERED = "messages_wmo_answered"


def wmo_toewijzingen(worker: Account) -> None:
    """The granted Wmo provisions waiting for their 301, and a button that queues one."""
    st.subheader(_("Wmo toewijzingen to send"))
    if ASSIGNED in st.session_state:
        kind, message = st.session_state.pop(ASSIGNED)
        (st.success if kind == "success" else st.error)(message)
    waiting = services().wmo.awaiting_assignment(worker)
    if not waiting:
        st.caption(_("No granted Wmo provision is waiting for its toewijzing."))
        return
    chosen = st.selectbox(_("Case"), waiting, key="messages_wmo_case")

    def assign() -> None:
        try:
            done = services().wmo.assign(str(chosen), worker, now())
        except MessageRefused as refused:
            st.session_state[ASSIGNED] = (
                "error",
                _(
                    "The toewijzing breaks rule %(rule)s (%(path)s); nothing was queued.",
                    rule=refused.rule,
                    path=refused.path,
                ),
            )
        except REFUSALS as refused:
            st.session_state[ASSIGNED] = ("error", message_for(refused) or type(refused).__name__)
        else:
            st.session_state[ASSIGNED] = (
                "success",
                _("The toewijzing %(number)s is in the outbox.", number=done.toewijzing_nummer),
            )

    st.button(_("Queue the toewijzing (301)"), key="messages_wmo_assign", type="primary", on_click=assign)


def wmo_change_answers(worker: Account) -> None:
    """The change requests (317) the access worker judged, and a button that queues the answer
    as judged: the 301 that honours it or the 319 that refuses it (``MSG-317-ANSWER``)."""
    st.subheader(_("Wmo change requests to answer"))
    if ANSWERED in st.session_state:
        kind, message = st.session_state.pop(ANSWERED)
        (st.success if kind == "success" else st.error)(message)
    waiting = services().wmo.awaiting_change_answer(worker)
    if not waiting:
        st.caption(_("No judged change request is waiting for its answer."))
        return
    chosen = st.selectbox(_("Case"), waiting, key="messages_wmo_change_case")

    def answer() -> None:
        try:
            services().wmo.answer_change_request(str(chosen), worker, now())
        except MessageRefused as refused:
            st.session_state[ANSWERED] = (
                "error",
                _(
                    "The answer breaks rule %(rule)s (%(path)s); nothing was queued.",
                    rule=refused.rule,
                    path=refused.path,
                ),
            )
        except REFUSALS as refused:
            st.session_state[ANSWERED] = ("error", message_for(refused) or type(refused).__name__)
        else:
            st.session_state[ANSWERED] = ("success", _("The answer to the change request is in the outbox."))

    st.button(_("Queue the answer as judged"), key="messages_wmo_answer", on_click=answer)


__all__ = ["wmo_change_answers", "wmo_toewijzingen"]
