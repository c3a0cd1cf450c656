"""The agency's warm handover of an adult for Wmo support: the melding on the resident's behalf,
the agreement, and how the social team reaches the professional. Errors are shown next to each
field and nothing typed is lost (the form keeps its values in the session)."""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from smi_core.accounts import Account
from smi_core.handover import WmoHandover
from smi_core.wmo.melding import WMO_AREAS, LifeArea
from smi_intake.services.handover import HandoverService
from smi_intake.wmo_steps import NEED_QUESTIONS
from smi_web.handover_parts import warm_contact_fields
from smi_web.services import now
from smi_web.ui import _

KEY = "handover_wmo"
ERRORS = f"{KEY}_errors"
SENT = f"{KEY}_sent"

#: The form field each model field's error belongs to.
FIELDS = {
    "name": "name",
    "date_of_birth": "born",
    "postcode": "postcode",
    "registered_in_municipality": "registered",
    "phone": "phone",
    "email": "email",
    "needs": f"need_{LifeArea.SELF_RELIANCE.value}",
    "network": "network",
    "urgency_reason": "urgency_reason",
    "parents_agreed_on": "agreed_on",
    "parents_agreed_how": "agreed_how",
    "professional_name": "pro_name",
    "professional_phone": "pro_phone",
    "professional_email": "pro_email",
    "availability": "availability",
}


def _field_of(error: Any) -> str:
    loc = tuple(error["loc"])
    head = str(loc[0]) if loc else str(error["msg"]).removeprefix("Value error, ").split(":")[0]
    return FIELDS.get(head, "")


def wmo_handover(account: Account, handovers: HandoverService, team: str) -> None:
    """The form, its errors, and the reference once it is sent."""
    st.write(_("The resident must agree to the handover. %(team)s then contacts the resident.", team=team))
    sent = st.session_state.get(SENT)
    if sent:
        with st.container(border=True):
            st.success(_("The handover has been received. Reference: %(reference)s", reference=sent))
            if st.button(_("New handover"), key=f"{KEY}_new"):
                for key in [k for k in st.session_state if str(k).startswith(KEY)]:
                    del st.session_state[key]
                st.rerun()
        return
    errors: dict[str, str] = st.session_state.get(ERRORS, {})
    if errors:
        st.error(
            _("Please check the answers marked below: %(count)s.", count=len(errors)), icon=":material/error:"
        )

    def error(field: str) -> None:
        if field in errors:
            st.error(errors[field], icon=":material/error:")

    today = now().date()
    with st.form(f"{KEY}_form"):
        st.subheader(_("The person who needs help"))
        for field, label in (
            ("name", _("Name")),
            ("phone", _("Phone number")),
            ("email", _("E-mail address")),
        ):
            st.text_input(label, key=f"{KEY}_{field}", max_chars=200)
            error(field)
        st.date_input(
            _("Date of birth"),
            value=None,
            min_value=today.replace(year=1900),
            max_value=today,
            format="DD-MM-YYYY",
            key=f"{KEY}_born",
        )
        error("born")
        st.text_input(_("Postcode"), key=f"{KEY}_postcode", max_chars=7)
        error("postcode")
        st.radio(
            _("Registered in the municipality"),
            [True, False],
            index=None,
            format_func=lambda v: _("Yes") if v else _("No"),
            horizontal=True,
            key=f"{KEY}_registered",
        )
        error("registered")
        st.subheader(_("The request for help"))
        st.caption(_("Fill in at least one part."))
        for area, question in NEED_QUESTIONS.items():
            st.text_area(_(question), key=f"{KEY}_need_{area.value}", max_chars=2000)
            error(f"need_{area.value}")
        st.text_area(_("Who around the resident helps, or could help?"), key=f"{KEY}_network", max_chars=2000)
        warm = warm_contact_fields(
            account,
            team,
            today,
            KEY,
            error,
            (
                _("Agreement of the resident"),
                _("When did the resident agree?"),
                _("How did the resident agree?"),
            ),
        )
        submitted = st.form_submit_button(_("Send the handover"), type="primary")
    if submitted:
        _send(account, handovers, warm)


def _send(account: Account, handovers: HandoverService, warm: dict[str, Any]) -> None:
    value = st.session_state.get
    data = {
        "name": value(f"{KEY}_name", ""),
        "phone": value(f"{KEY}_phone", ""),
        "email": value(f"{KEY}_email", ""),
        "date_of_birth": value(f"{KEY}_born"),
        "postcode": value(f"{KEY}_postcode", ""),
        "registered_in_municipality": value(f"{KEY}_registered"),
        "needs": {area.value: value(f"{KEY}_need_{area.value}", "") for area in WMO_AREAS},
        "network": value(f"{KEY}_network", ""),
        **warm,
    }
    try:
        handover = WmoHandover.model_validate(data)
        if handover.agreed_in_future(now().date()):
            raise ValueError
    except (ValidationError, ValueError) as refused:
        found: dict[str, str] = {}
        problems = (
            refused.errors() if isinstance(refused, ValidationError) else [{"loc": ("parents_agreed_on",)}]
        )
        for problem in problems:
            found.setdefault(_field_of({"msg": "", **problem}), _("Fill this in or correct it."))
        st.session_state[ERRORS] = found
        st.rerun()
    st.session_state.pop(ERRORS, None)
    st.session_state[SENT] = handovers.submit_wmo(account, handover, now())
    st.rerun()
