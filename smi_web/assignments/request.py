"""Ask for an assignment (315): the client as the referral names it, the product and period, the
volume, and who referred the client. Checked on the form only for what the provider can see at once
(the BSN's elfproef, the referrer's AGB code); the message itself goes through the same checks as
any received file."""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from smi_core.istandaarden.codes import (
    CategorieJw,
    CategorieWmo,
    Domain,
    Eenheid,
    Frequentie,
    Geslacht,
    TypeVerwijzer,
)
from smi_core.istandaarden.common import Omvang, Product
from smi_core.istandaarden.provider import Referral, RequestedClient
from smi_core.istandaarden.rules import elfproef
from smi_intake.services.accounts import Account
from smi_intake.services.message_facts import ImportOutcome
from smi_intake.services.provider_exchange import ProviderExchange
from smi_web.assignments.answers import DATE_FORMAT, send, show_last
from smi_web.assignments.labels import (
    DOMAIN_LABELS,
    EENHEID_LABELS,
    FREQUENTIE_LABELS,
    GESLACHT_LABELS,
    VERWIJZER_LABELS,
    coded,
)
from smi_web.services import now
from smi_web.ui import _

OUTCOME = "assignments_request_outcome"
_AGB = re.compile(r"^[0-9]{8}$")
_OLDEST = date(1900, 1, 1)


def _request(exchange: ProviderExchange, provider: Account, domain: Domain) -> ImportOutcome | str:
    state = st.session_state
    bsn = (state.get("assignments_request_bsn") or "").strip()
    born: date | None = state.get("assignments_request_born")
    surname = (state.get("assignments_request_surname") or "").strip()
    start: date | None = state.get("assignments_request_start")
    volume = state.get("assignments_request_volume")
    referrer: TypeVerwijzer = state["assignments_request_referrer"]
    code = (state.get("assignments_request_referrer_agb") or "").strip()
    if not elfproef(bsn):
        return _("This BSN is not right: it needs 9 digits that pass the elfproef. Check the number.")
    if born is None or not surname or start is None or volume is None:
        return _("Fill in the date of birth, the surname, the start date and the volume.")
    if referrer.is_care_professional and not _AGB.match(code):
        return _("This referrer needs its AGB code: 8 digits.")
    client = RequestedClient(
        bsn=bsn,
        born=born,
        gender=state["assignments_request_gender"],
        surname=surname,
        initials=(state.get("assignments_request_initials") or "").strip() or None,
    )
    product = Product(
        categorie=state[f"assignments_request_category_{domain.value}"],
        code=(state.get("assignments_request_code") or "").strip() or None,
    )
    omvang = Omvang(
        volume=int(volume),
        eenheid=state["assignments_request_unit"],
        frequentie=state["assignments_request_frequency"],
    )
    referral = Referral(type=referrer, code=code if referrer.is_care_professional else None)
    end: date | None = state.get("assignments_request_end")
    return exchange.send_assignment_request(
        provider, domain, client, product, start, end, omvang, referral, now()
    )


def request_form(exchange: ProviderExchange, provider: Account) -> None:
    """The 315 form; the domain is chosen first, as it decides the product categories."""
    domain = st.radio(
        _("Domain"),
        list(Domain),
        format_func=lambda d: DOMAIN_LABELS[d],
        horizontal=True,
        key="assignments_request_domain",
    )
    domain = domain or Domain.WMO
    categories = list(CategorieWmo) if domain is Domain.WMO else list(CategorieJw)
    with st.form("assignments_request_form"):
        st.text_input(_("BSN of the client (9 digits)"), max_chars=9, key="assignments_request_bsn")
        left, right = st.columns(2)
        left.date_input(
            _("Date of birth"),
            value=None,
            min_value=_OLDEST,
            max_value="today",
            format=DATE_FORMAT,
            key="assignments_request_born",
        )
        right.selectbox(
            _("Gender"),
            list(Geslacht),
            format_func=lambda g: _(GESLACHT_LABELS[g]),
            key="assignments_request_gender",
        )
        left, right = st.columns([2, 1])
        left.text_input(_("Surname"), max_chars=200, key="assignments_request_surname")
        right.text_input(_("Initials"), max_chars=6, key="assignments_request_initials")
        left, right = st.columns([2, 1])
        left.selectbox(
            _("Product category"),
            categories,
            format_func=coded,
            key=f"assignments_request_category_{domain.value}",
        )
        right.text_input(_("Product code (optional)"), max_chars=5, key="assignments_request_code")
        left, right = st.columns(2)
        left.date_input(_("From"), value=None, format=DATE_FORMAT, key="assignments_request_start")
        right.date_input(_("Until (optional)"), value=None, format=DATE_FORMAT, key="assignments_request_end")
        volume, unit, frequency = st.columns(3)
        volume.number_input(
            _("Volume"),
            min_value=1,
            max_value=99_999_999,
            step=1,
            value=None,
            key="assignments_request_volume",
        )
        units, frequencies = list(Eenheid), list(Frequentie)
        unit.selectbox(
            _("Unit"),
            units,
            index=units.index(Eenheid.UUR),
            format_func=lambda u: _(EENHEID_LABELS[u]),
            key="assignments_request_unit",
        )
        frequency.selectbox(
            _("Frequency"),
            frequencies,
            index=frequencies.index(Frequentie.PER_MAAND),  # per week needs an end date (CD076)
            format_func=lambda f: _(FREQUENTIE_LABELS[f]),
            key="assignments_request_frequency",
        )
        left, right = st.columns(2)
        left.selectbox(
            _("Referred by"),
            list(TypeVerwijzer),
            format_func=lambda t: _(VERWIJZER_LABELS[t]),
            key="assignments_request_referrer",
        )
        right.text_input(
            _("AGB code of the referrer (for a doctor, a certified institution or a specialist)"),
            max_chars=8,
            key="assignments_request_referrer_agb",
        )
        st.form_submit_button(
            _("Send the request (315)"),
            key="assignments_send_request",
            on_click=send,
            args=(OUTCOME, lambda: _request(exchange, provider, domain)),
        )
    show_last(OUTCOME)
