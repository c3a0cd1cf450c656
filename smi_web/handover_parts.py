"""The part every warm handover form shares: its urgency, the agreement of the family, and how
the social team reaches the professional for the warm contact (``smi_core.handover._WarmHandover``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from smi_core.accounts import Account
from smi_core.handover import AGREEMENT_LABELS, AgreementChannel
from smi_web.ui import _


def warm_contact_fields(
    account: Account,
    team: str,
    today: date,
    prefix: str,
    error: Callable[[str], None],
    agreement: tuple[str, str, str],
) -> dict[str, Any]:
    """The fields inside a handover form, keyed ``{prefix}_urgent``, ``{prefix}_agreed_on``, ...;
    ``error(suffix)`` shows a field's error below it; ``agreement`` is the heading and the two
    questions about who agreed (the parents, or the resident). Returns the model's fields."""
    urgent = st.radio(
        _("Urgency"),
        [False, True],
        format_func=lambda u: _("Urgent") if u else _("Normal"),
        horizontal=True,
        key=f"{prefix}_urgent",
    )
    urgency_reason = st.text_area(_("Why is it urgent?"), key=f"{prefix}_urgency_reason", max_chars=1000)
    error("urgency_reason")
    heading, when, how = agreement
    st.subheader(heading)
    agreed_on = st.date_input(
        when, value=None, max_value=today, format="DD-MM-YYYY", key=f"{prefix}_agreed_on"
    )
    error("agreed_on")
    agreed_how = st.radio(
        how,
        list(AgreementChannel),
        index=None,
        format_func=lambda c: _(AGREEMENT_LABELS[c]),
        horizontal=True,
        key=f"{prefix}_agreed_how",
    )
    error("agreed_how")
    st.subheader(_("Your contact details for the warm contact with %(team)s", team=team))
    professional_name = st.text_input(_("Your name"), value=account.display_name, key=f"{prefix}_pro_name")
    error("pro_name")
    professional_phone = st.text_input(_("Your phone number"), key=f"{prefix}_pro_phone")
    error("pro_phone")
    professional_email = st.text_input(
        _("Your e-mail address"), value=account.email, key=f"{prefix}_pro_email"
    )
    error("pro_email")
    availability = st.text_area(_("When can %(team)s reach you?", team=team), key=f"{prefix}_availability")
    error("availability")
    return {
        "urgent": urgent,
        "urgency_reason": urgency_reason,
        "parents_agreed_on": agreed_on,
        "parents_agreed_how": agreed_how,
        "professional_name": professional_name,
        "professional_phone": professional_phone,
        "professional_email": professional_email,
        "availability": availability,
    }
