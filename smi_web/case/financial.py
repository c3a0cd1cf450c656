"""The parents cannot pay their own contribution: the referrals for financial support."""

from __future__ import annotations

import streamlit as st

from smi_core.placement import FinancialReferral
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import DATE_FORMAT, submit, text, value
from smi_web.case.placement import day
from smi_web.services import now, services
from smi_web.ui import _, plain


def financial_referrals(case: CaseView) -> None:
    """The recorded referrals for financial support."""
    for referral in case.placement.referrals:
        plain(
            _("Referred to %(to)s on %(date)s.", to=referral.referred_to, date=day(referral.referred_on))
            + (f" {referral.note}" if referral.note else "")
        )


def financial_referral_form(case: CaseView, worker: Account) -> None:
    key = f"case_referral_{case.reference}_{len(case.placement.referrals)}"
    labels = {"referred_to": _("Referred to"), "referred_on": _("Date"), "note": _("Note")}

    def act(version: int) -> object:
        referral = FinancialReferral.model_validate(
            {
                "referred_to": text(f"{key}_referred_to"),
                "referred_on": value(f"{key}_referred_on"),
                "note": text(f"{key}_note"),
            }
        )
        return services().placement.refer_financial_support(case.reference, worker, version, referral, now())

    with st.form(key, border=True):
        st.markdown(
            "**" + _("The parents cannot pay their own contribution: refer for financial support") + "**"
        )
        st.text_input(labels["referred_to"], value="SDD", max_chars=120, key=f"{key}_referred_to")
        st.date_input(labels["referred_on"], value=None, format=DATE_FORMAT, key=f"{key}_referred_on")
        st.text_area(labels["note"], max_chars=5000, key=f"{key}_note")
        st.form_submit_button(
            _("Record the referral"),
            key=f"{key}_submit",
            **submit(case, act, _("The referral for financial support is recorded."), labels),
        )
