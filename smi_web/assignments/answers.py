"""Answer one assignment: start care (305), stop care (307) or ask for a change (317). Each form is
sent in its button's callback, before the page is drawn, so the tables show the new state at once;
what was filled in stays in the form, accepted or refused."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import streamlit as st

from smi_core.istandaarden.codes import REDEN_BEEINDIGING, Eenheid, Frequentie, RedenVerzoek
from smi_core.istandaarden.common import Omvang
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import ImportOutcome
from smi_intake.services.provider_exchange import AssignedProduct, Assignment, ProviderExchange
from smi_web.assignments.labels import (
    DOMAIN_LABELS,
    EENHEID_LABELS,
    FREQUENTIE_LABELS,
    REDEN_VERZOEK_LABELS,
    coded,
    product_text,
)
from smi_web.assignments.tables import show_outcome
from smi_web.refusals import REFUSALS, Screen, message_for
from smi_web.services import now
from smi_web.ui import _

#: What the last answer gave: an import outcome, or the text of a refusal or a missing field.
OUTCOME = "assignments_answer_outcome"
DATE_FORMAT = "DD-MM-YYYY"


def send(key: str, action: Callable[[], ImportOutcome | str]) -> None:
    """Run a send in a callback and keep under ``key`` its outcome, or the text of what is missing
    or of the refusal, for the page to show."""
    try:
        st.session_state[key] = action()
    except REFUSALS as refused:
        st.session_state[key] = message_for(refused, Screen.ASSIGNMENTS) or _(
            "This message could not be sent."
        )


def show_last(key: str) -> None:
    outcome = st.session_state.get(key)
    if isinstance(outcome, ImportOutcome):
        show_outcome(outcome)
    elif isinstance(outcome, str):
        st.error(outcome, icon=":material/error:")


def answer_forms(
    exchange: ProviderExchange,
    provider: Account,
    assignments: list[Assignment],
    start_dates: Mapping[int, date] | None = None,
) -> None:
    """Choose one assigned product, then start, stop or ask to change it. ``start_dates``: the
    start date to offer per ToewijzingNummer (the coalition's in-depth conversation, BEG-START-DATE)."""
    choices = [(a, p) for a in assignments for p in a.products]
    if not choices:
        return
    index = st.selectbox(
        _("Assignment"),
        range(len(choices)),
        format_func=lambda i: _(
            "%(domain)s, assignment number %(number)s: %(product)s",
            domain=DOMAIN_LABELS[choices[i][0].domain],
            number=choices[i][1].number,
            product=product_text(choices[i][1].product),
        ),
        key="assignments_choice",
    )
    assignment, product = choices[index or 0]
    start_tab, stop_tab, change_tab = st.tabs([_("Start care"), _("Stop care"), _("Change request")])
    with start_tab:
        _start_form(exchange, provider, assignment, product, (start_dates or {}).get(product.number))
    with stop_tab:
        _stop_form(exchange, provider, assignment, product)
    with change_tab:
        _change_form(exchange, provider, assignment, product)
    show_last(OUTCOME)


def _start_form(
    exchange: ProviderExchange,
    provider: Account,
    assignment: Assignment,
    product: AssignedProduct,
    prefill: date | None = None,
) -> None:
    # a start date offered (the in-depth conversation's) has its own widget, so it shows once known
    key = "assignments_start_date" if prefill is None else f"assignments_start_date_{prefill.isoformat()}"

    def start() -> ImportOutcome | str:
        begun: date | None = st.session_state.get(key)
        if begun is None:
            return _("Fill in the day the care started.")
        return exchange.send_start(provider, assignment.message.id, product.number, begun, now())

    with st.form("assignments_start_form"):
        st.date_input(_("Care started on"), value=prefill or "today", format=DATE_FORMAT, key=key)
        st.form_submit_button(
            _("Send the start (305)"),
            type="primary",
            key="assignments_send_start",
            on_click=send,
            args=(OUTCOME, start),
        )


def _stop_form(
    exchange: ProviderExchange, provider: Account, assignment: Assignment, product: AssignedProduct
) -> None:
    reasons = list(REDEN_BEEINDIGING[assignment.domain])

    def stop() -> ImportOutcome | str:
        begun = st.session_state.get("assignments_stop_begin")
        ended = st.session_state.get("assignments_stop_end")
        reason = st.session_state.get("assignments_stop_reason")
        if begun is None or ended is None or reason is None:
            return _("Fill in the start date of the care, the day it ended and the reason.")
        return exchange.send_stop(
            provider, assignment.message.id, product.number, begun, ended, str(reason), now()
        )

    with st.form("assignments_stop_form"):
        st.date_input(
            _("Care started on (the date of your start message)"),
            value=None,
            format=DATE_FORMAT,
            key="assignments_stop_begin",
        )
        st.date_input(_("Care ended on"), value=None, format=DATE_FORMAT, key="assignments_stop_end")
        st.selectbox(_("Reason the care ended"), reasons, format_func=coded, key="assignments_stop_reason")
        st.form_submit_button(
            _("Send the stop (307)"), key="assignments_send_stop", on_click=send, args=(OUTCOME, stop)
        )


def _change_form(
    exchange: ProviderExchange, provider: Account, assignment: Assignment, product: AssignedProduct
) -> None:
    current = product.omvang

    def change() -> ImportOutcome | str:
        state = st.session_state
        reason, from_date = state.get("assignments_change_reason"), state.get("assignments_change_from")
        volume, end = state.get("assignments_change_volume"), state.get("assignments_change_end")
        if reason is None or from_date is None:
            return _("Fill in the reason and the date the change starts.")
        if volume is None and end is None:
            return _("Fill in a new volume, a new end date, or both.")
        omvang = None
        if volume is not None:
            omvang = Omvang(
                volume=int(volume),
                eenheid=state["assignments_change_unit"],
                frequentie=state["assignments_change_frequency"],
            )
        return exchange.send_change_request(
            provider, assignment.message.id, product.number, reason, from_date, omvang, end, now()
        )

    with st.form("assignments_change_form"):
        st.radio(
            _("Why do you ask for a change?"),
            list(RedenVerzoek),
            format_func=lambda r: _(REDEN_VERZOEK_LABELS[r]),
            key="assignments_change_reason",
        )
        st.date_input(
            _("The change starts on"), value=None, format=DATE_FORMAT, key="assignments_change_from"
        )
        st.number_input(
            _("New volume (leave empty to keep it)"),
            min_value=1,
            max_value=99_999_999,
            step=1,
            value=None,
            key="assignments_change_volume",
        )
        units, frequencies = list(Eenheid), list(Frequentie)
        left, right = st.columns(2)
        left.selectbox(
            _("Unit"),
            units,
            index=units.index(current.eenheid) if current else 1,
            format_func=lambda u: _(EENHEID_LABELS[u]),
            key="assignments_change_unit",
        )
        right.selectbox(
            _("Frequency"),
            frequencies,
            index=frequencies.index(current.frequentie) if current else 2,
            format_func=lambda f: _(FREQUENTIE_LABELS[f]),
            key="assignments_change_frequency",
        )
        st.date_input(
            _("New end date (leave empty to keep it)"),
            value=None,
            format=DATE_FORMAT,
            key="assignments_change_end",
        )
        st.form_submit_button(
            _("Send the change request (317)"),
            key="assignments_send_change",
            on_click=send,
            args=(OUTCOME, change),
        )
