"""Agency: hand a family over warmly to the social team."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st
from pydantic import ValidationError

from smi_core.access import StaffPage
from smi_core.handover import AGREEMENT_LABELS, AgreementChannel, Handover
from smi_intake.app_services import now, services
from smi_intake.auth import require
from smi_intake.ui import _, plain

account = require(StaffPage.HANDOVER)
svc = services()
team = svc.municipality.social_team
today = now().date()

st.title(_("Hand over a family"))
plain(_("Organisation: %(organisation)s", organisation=account.organisation))
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
with st.form("handover_form"):
    st.subheader(_("The family"))
    parents = []
    for n in (1, 2):
        st.markdown(f"**{_('Parent or carer %(n)s', n=n)}**")
        parents.append(
            {
                "name": st.text_input(_("Name"), key=f"handover_parent_{n}_name"),
                "phone": st.text_input(_("Phone number"), key=f"handover_parent_{n}_phone"),
                "email": st.text_input(_("E-mail address"), key=f"handover_parent_{n}_email"),
            }
        )
    postcode = st.text_input(_("Postcode"), key="handover_postcode", placeholder="3341 AB")
    children = []
    for n in range(1, int(children_count) + 1):
        st.markdown(f"**{_('Child %(n)s', n=n)}**")
        children.append(
            {
                "first_name": st.text_input(_("First name"), key=f"handover_child_{n}_name"),
                "date_of_birth": st.date_input(
                    _("Date of birth"),
                    value=None,
                    min_value=today - timedelta(days=365 * 19),
                    max_value=today,
                    format="DD-MM-YYYY",
                    key=f"handover_child_{n}_born",
                ),
            }
        )
    st.subheader(_("The request for help"))
    help_request = st.text_area(
        _("The request for help in a few sentences"), key="handover_help", max_chars=3000
    )
    urgent = st.radio(
        _("Urgency"),
        [False, True],
        format_func=lambda u: _("Urgent") if u else _("Normal"),
        horizontal=True,
        key="handover_urgent",
    )
    urgency_reason = st.text_area(_("Why is it urgent?"), key="handover_urgency_reason", max_chars=1000)
    st.subheader(_("Agreement of the parents"))
    agreed_on = st.date_input(
        _("When did the parents agree?"),
        value=None,
        max_value=today,
        format="DD-MM-YYYY",
        key="handover_agreed_on",
    )
    agreed_how = st.radio(
        _("How did the parents agree?"),
        list(AgreementChannel),
        index=None,
        format_func=lambda c: _(AGREEMENT_LABELS[c]),
        horizontal=True,
        key="handover_agreed_how",
    )
    st.subheader(_("Your contact details for the warm contact with %(team)s", team=team))
    professional_name = st.text_input(_("Your name"), value=account.display_name, key="handover_pro_name")
    professional_phone = st.text_input(_("Your phone number"), key="handover_pro_phone")
    professional_email = st.text_input(
        _("Your e-mail address"), value=account.email, key="handover_pro_email"
    )
    availability = st.text_area(_("When can %(team)s reach you?", team=team), key="handover_availability")
    submitted = st.form_submit_button(_("Send the handover"), type="primary")

if submitted:
    data = {
        "parents": [p for p in parents if p["name"].strip() or p["phone"].strip() or p["email"].strip()],
        "postcode": postcode,
        "children": [{"first_name": c["first_name"], "date_of_birth": c["date_of_birth"]} for c in children],
        "help_request": help_request,
        "urgent": urgent,
        "urgency_reason": urgency_reason,
        "parents_agreed_on": agreed_on,
        "parents_agreed_how": agreed_how,
        "professional_name": professional_name,
        "professional_phone": professional_phone,
        "professional_email": professional_email,
        "availability": availability,
    }
    try:
        handover = Handover.model_validate(data)
    except ValidationError as error:
        st.error(_("Please check these answers:"), icon=":material/error:")
        fields = sorted(
            {
                str(e["loc"][0]) if e["loc"] else e["msg"].removeprefix("Value error, ").split(":")[0]
                for e in error.errors()
            }
        )
        labels = {
            "parents": _("Parent or carer"),
            "postcode": _("Postcode"),
            "children": _("Children"),
            "help_request": _("The request for help"),
            "urgency_reason": _("Why is it urgent?"),
            "parents_agreed_on": _("When did the parents agree?"),
            "parents_agreed_how": _("How did the parents agree?"),
            "professional_name": _("Your name"),
            "professional_phone": _("Your phone number or e-mail address"),
        }
        st.markdown("\n".join(f"- {labels.get(f, f)}" for f in fields))
    else:
        st.session_state["handover_sent"] = svc.handovers.submit(account, handover, now())
        st.rerun()
