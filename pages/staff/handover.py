"""Agency: hand a family over warmly to the social team."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st
from pydantic import ValidationError

from smi_core.access import StaffPage
from smi_core.handover import Handover
from smi_web.auth import require
from smi_web.handover_parts import warm_contact_fields
from smi_web.handover_wmo import WMO_FORM, YOUTH_FORM, wmo_handover
from smi_web.services import now, services
from smi_web.ui import _, plain

account = require(StaffPage.HANDOVER)
svc = services()
team = svc.municipality.social_team
today = now().date()
ERRORS = "handover_errors"
errors: dict[str, str] = st.session_state.get(ERRORS, {})


def field_error(key: str) -> None:
    """The error of one field, right below it (the page script ties it to the field)."""
    if key in errors:
        st.error(errors[key], icon=":material/error:")


def widget_key(loc: tuple[int | str, ...], message: str, parent_numbers: list[int]) -> str:
    """The widget of a validation error: its location, or for a check of the whole form the field
    named before the colon of its message."""
    if not loc:
        loc = (message.removeprefix("Value error, ").split(":")[0],)
    head = str(loc[0])
    if head == "parents":
        index = int(loc[1]) if len(loc) > 1 and isinstance(loc[1], int) else 0
        number = parent_numbers[index] if index < len(parent_numbers) else 1
        part = str(loc[2]) if len(loc) > 2 else "name"
        return f"handover_parent_{number}_{part}"
    if head == "children":
        index = int(loc[1]) if len(loc) > 1 and isinstance(loc[1], int) else 0
        part = "born" if len(loc) > 2 and loc[2] == "date_of_birth" else "name"
        return f"handover_child_{index + 1}_{part}"
    return FIELD_KEYS.get(head, "")


FIELD_KEYS = {
    "postcode": "handover_postcode",
    "help_request": "handover_help",
    "urgency_reason": "handover_urgency_reason",
    "parents_agreed_on": "handover_agreed_on",
    "parents_agreed_how": "handover_agreed_how",
    "professional_name": "handover_pro_name",
    "professional_phone": "handover_pro_phone",
    "professional_email": "handover_pro_email",
    "availability": "handover_availability",
}

st.title(_("Hand over a family"))
plain(_("Organisation: %(organisation)s", organisation=account.organisation))
KINDS = {
    "smi": _("Childcare for the children (SMI)"),
    "wmo": _("Support for an adult (Wmo)"),
    "jeugd": _("Support for a child (youth care)"),
}
kind = st.radio(
    _("What is the handover for?"),
    list(KINDS),
    format_func=lambda k: KINDS[k],
    horizontal=True,
    key="handover_kind",
)
if kind in ("wmo", "jeugd"):
    wmo_handover(account, svc.handovers, team, YOUTH_FORM if kind == "jeugd" else WMO_FORM)
    st.stop()
st.write(_("The parents must agree to the handover. After sending you get a code for the parents."))

sent = st.session_state.get("handover_sent")
if sent:
    with st.container(border=True):
        st.success(_("The handover has been received. Reference: %(reference)s", reference=sent.reference))
        st.write(
            _("Give the parents this code. With it and their postcode they complete the request themselves:")
        )
        st.code(sent.invitation_code, language=None)
        st.write(_("We show this code only once."))
        if st.button(_("New handover"), key="handover_new"):
            del st.session_state["handover_sent"]
            st.rerun()
    st.stop()

children_count = st.number_input(
    _("Number of children"), min_value=1, max_value=12, step=1, key="handover_children"
)
if errors:  # one summary; an error no field owns is part of it (so every other error has its field)
    summary = _("Please check the answers marked below: %(count)s.", count=len(errors))
    st.error(summary + (" " + errors[""] if "" in errors else ""), icon=":material/error:")
with st.form("handover_form"):
    st.subheader(_("The family"))
    parents = []
    for n in (1, 2):
        st.markdown(f"**{_('Parent or carer %(n)s', n=n)}**")
        parent = {}
        for part, label in (
            ("name", _("Name")),
            ("phone", _("Phone number")),
            ("email", _("E-mail address")),
        ):
            parent[part] = st.text_input(label, key=f"handover_parent_{n}_{part}")
            field_error(f"handover_parent_{n}_{part}")
        parents.append(parent)
    postcode = st.text_input(_("Postcode"), key="handover_postcode", placeholder="3341 AB")
    field_error("handover_postcode")
    children = []
    for n in range(1, int(children_count) + 1):
        st.markdown(f"**{_('Child %(n)s', n=n)}**")
        first_name = st.text_input(_("First name"), key=f"handover_child_{n}_name")
        field_error(f"handover_child_{n}_name")
        born = st.date_input(
            _("Date of birth"),
            value=None,
            min_value=today - timedelta(days=365 * 19),
            max_value=today,
            format="DD-MM-YYYY",
            key=f"handover_child_{n}_born",
        )
        field_error(f"handover_child_{n}_born")
        children.append({"first_name": first_name, "date_of_birth": born})
    st.subheader(_("The request for help"))
    help_request = st.text_area(
        _("The request for help in a few sentences"), key="handover_help", max_chars=3000
    )
    field_error("handover_help")
    warm = warm_contact_fields(
        account,
        team,
        today,
        "handover",
        lambda suffix: field_error(f"handover_{suffix}"),
        (_("Agreement of the parents"), _("When did the parents agree?"), _("How did the parents agree?")),
    )
    submitted = st.form_submit_button(_("Send the handover"), type="primary")

if submitted:
    data = {
        "parents": [p for p in parents if p["name"].strip() or p["phone"].strip() or p["email"].strip()],
        "postcode": postcode,
        "children": [{"first_name": c["first_name"], "date_of_birth": c["date_of_birth"]} for c in children],
        "help_request": help_request,
        **warm,
    }
    try:
        handover = Handover.model_validate(data)
    except ValidationError as error:
        numbers = [
            n
            for n, p in zip((1, 2), parents, strict=True)
            if p["name"].strip() or p["phone"].strip() or p["email"].strip()
        ]
        found: dict[str, str] = {}
        for e in error.errors():
            key = widget_key(tuple(e["loc"]), str(e["msg"]), numbers)
            found.setdefault(key, _("Fill this in or correct it."))
        st.session_state[ERRORS] = found
        st.rerun()
    else:
        st.session_state.pop(ERRORS, None)
        st.session_state["handover_sent"] = svc.handovers.submit(account, handover, now())
        st.rerun()
