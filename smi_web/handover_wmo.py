"""The agency's warm handover of an adult for Wmo support, or of a child for youth care (route T):
the melding on the resident's (the child's) behalf, the agreement, and how the social team reaches
the professional. Errors are shown next to each field and nothing typed is lost (the form keeps
its values in the session). Both are one form (``HandoverForm``): what differs is the person, the
life areas asked about and the provision of the case it becomes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st
from pydantic import ValidationError

from smi_core.accounts import Account
from smi_core.case.route import Provision
from smi_core.constants import N_
from smi_core.handover import WmoHandover
from smi_core.wmo.melding import LifeArea
from smi_intake.jeugd_steps import YOUTH_NEED_QUESTIONS
from smi_intake.services.handover import HandoverService
from smi_intake.wmo_steps import NEED_QUESTIONS
from smi_web.handover_parts import warm_contact_fields
from smi_web.services import now
from smi_web.ui import _


@dataclass(frozen=True)
class HandoverForm:
    """What differs between handing over an adult (Wmo) and a child (youth care)."""

    key: str
    provision: Provision
    questions: Mapping[LifeArea, str]
    """The life areas asked about: area -> the question's message id."""
    texts: tuple[str, str, str, str, str, str]
    """Message ids: who must agree, the person's heading, the network question, and the
    agreement's heading and two questions."""
    oldest: int
    """The oldest age the date of birth may give (years)."""

    @property
    def errors(self) -> str:
        return f"{self.key}_errors"

    @property
    def sent(self) -> str:
        return f"{self.key}_sent"


WMO_FORM = HandoverForm(
    "handover_wmo",
    Provision.WMO,
    NEED_QUESTIONS,
    (
        N_("The resident must agree to the handover. %(team)s then contacts the resident."),
        N_("The person who needs help"),
        N_("Who around the resident helps, or could help?"),
        N_("Agreement of the resident"),
        N_("When did the resident agree?"),
        N_("How did the resident agree?"),
    ),
    oldest=130,
)
YOUTH_FORM = HandoverForm(
    "handover_jeugd",
    Provision.JEUGD,
    YOUTH_NEED_QUESTIONS,
    (
        N_("The parents must agree to the handover. %(team)s then contacts the parents."),
        N_("The child who needs help"),
        N_("Who around the child helps, or could help?"),
        N_("Agreement of the parents"),
        N_("When did the parents agree?"),
        N_("How did the parents agree?"),
    ),
    oldest=18,
)

#: The form field each model field's error belongs to (``needs``: the first area's field).
FIELDS = {
    "name": "name",
    "date_of_birth": "born",
    "postcode": "postcode",
    "registered_in_municipality": "registered",
    "phone": "phone",
    "email": "email",
    "needs": "need",
    "network": "network",
    "urgency_reason": "urgency_reason",
    "parents_agreed_on": "agreed_on",
    "parents_agreed_how": "agreed_how",
    "professional_name": "pro_name",
    "professional_phone": "pro_phone",
    "professional_email": "pro_email",
    "availability": "availability",
}


def _field_of(error: Any, form: HandoverForm) -> str:
    loc = tuple(error["loc"])
    head = str(loc[0]) if loc else str(error["msg"]).removeprefix("Value error, ").split(":")[0]
    field = FIELDS.get(head, "")
    return f"need_{next(iter(form.questions)).value}" if field == "need" else field


def wmo_handover(
    account: Account, handovers: HandoverService, team: str, form: HandoverForm = WMO_FORM
) -> None:
    """The form, its errors, and the reference once it is sent."""
    agree, person, network, *agreement = form.texts
    st.write(_(agree, team=team))
    sent = st.session_state.get(form.sent)
    if sent:
        with st.container(border=True):
            st.success(_("The handover has been received. Reference: %(reference)s", reference=sent))
            if st.button(_("New handover"), key=f"{form.key}_new"):
                for key in [k for k in st.session_state if str(k).startswith(form.key)]:
                    del st.session_state[key]
                st.rerun()
        return
    errors: dict[str, str] = st.session_state.get(form.errors, {})
    if errors:
        st.error(
            _("Please check the answers marked below: %(count)s.", count=len(errors)), icon=":material/error:"
        )

    def error(field: str) -> None:
        if field in errors:
            st.error(errors[field], icon=":material/error:")

    today = now().date()
    with st.form(f"{form.key}_form"):
        st.subheader(_(person))
        for field, label in (
            ("name", _("Name")),
            ("phone", _("Phone number")),
            ("email", _("E-mail address")),
        ):
            st.text_input(label, key=f"{form.key}_{field}", max_chars=200)
            error(field)
        st.date_input(
            _("Date of birth"),
            value=None,
            min_value=date(today.year - form.oldest, 1, 1),
            max_value=today,
            format="DD-MM-YYYY",
            key=f"{form.key}_born",
        )
        error("born")
        st.text_input(_("Postcode"), key=f"{form.key}_postcode", max_chars=7)
        error("postcode")
        st.radio(
            _("Registered in the municipality"),
            [True, False],
            index=None,
            format_func=lambda v: _("Yes") if v else _("No"),
            horizontal=True,
            key=f"{form.key}_registered",
        )
        error("registered")
        st.subheader(_("The request for help"))
        st.caption(_("Fill in at least one part."))
        for area, question in form.questions.items():
            st.text_area(_(question), key=f"{form.key}_need_{area.value}", max_chars=2000)
            error(f"need_{area.value}")
        st.text_area(_(network), key=f"{form.key}_network", max_chars=2000)
        warm = warm_contact_fields(
            account,
            team,
            today,
            form.key,
            error,
            (_(agreement[0]), _(agreement[1]), _(agreement[2])),
        )
        submitted = st.form_submit_button(_("Send the handover"), type="primary")
    if submitted:
        _send(account, handovers, warm, form)


def _send(account: Account, handovers: HandoverService, warm: dict[str, Any], form: HandoverForm) -> None:
    value = st.session_state.get
    data = {
        "name": value(f"{form.key}_name", ""),
        "phone": value(f"{form.key}_phone", ""),
        "email": value(f"{form.key}_email", ""),
        "date_of_birth": value(f"{form.key}_born"),
        "postcode": value(f"{form.key}_postcode", ""),
        "registered_in_municipality": value(f"{form.key}_registered"),
        "needs": {area.value: value(f"{form.key}_need_{area.value}", "") for area in form.questions},
        "network": value(f"{form.key}_network", ""),
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
            found.setdefault(_field_of({"msg": "", **problem}, form), _("Fill this in or correct it."))
        st.session_state[form.errors] = found
        st.rerun()
    st.session_state.pop(form.errors, None)
    st.session_state[form.sent] = handovers.submit_wmo(account, handover, now(), form.provision)
    st.rerun()
