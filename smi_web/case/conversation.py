"""The kitchen-table conversation (keukentafelgesprek): planning it, recording it, and what was
recorded."""

from __future__ import annotations

from datetime import time

import streamlit as st

from smi_core.casework import CONVERSATION_SUBJECTS, ConversationPlan, ConversationRecord
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import DATE_FORMAT, submit, text, value
from smi_web.services import now, services
from smi_web.ui import _, plain


def plan_form(case: CaseView, worker: Account) -> None:
    labels = {"on": _("Date"), "at": _("Time"), "place": _("Place")}
    plan = case.records.plan
    key = f"case_plan_{case.reference}"

    def act(version: int) -> int:
        planned = ConversationPlan.model_validate(
            {"on": value(f"{key}_on"), "at": value(f"{key}_at"), "place": text(f"{key}_place")}
        )
        return services().casework.plan_conversation(case.reference, worker, version, planned, now())

    with st.form(key, border=True):
        st.markdown("**" + _("Plan the kitchen-table conversation") + "**")
        left, right = st.columns(2)
        left.date_input(labels["on"], value=plan.on if plan else None, format=DATE_FORMAT, key=f"{key}_on")
        right.time_input(labels["at"], value=plan.at if plan else time(10, 0), step=900, key=f"{key}_at")
        st.text_input(
            labels["place"],
            value=plan.place if plan else _("At the family's home"),
            max_chars=200,
            key=f"{key}_place",
        )
        st.form_submit_button(
            _("Save the appointment"),
            key=f"{key}_submit",
            **submit(case, act, _("The kitchen-table conversation is planned."), labels),
        )


def conversation_form(case: CaseView, worker: Account) -> None:
    labels = {
        "held_on": _("Date of the conversation"),
        **{name: _(label) for name, label in CONVERSATION_SUBJECTS},
        "smi_most_fitting": _("Is SMI the most fitting provision?"),
        "judgement": _("Why (not)?"),
    }
    key = f"case_talk_{case.reference}"

    def act(version: int) -> int:
        data = {name: value(f"{key}_{name}") for name in labels}
        data = {
            k: ("" if v is None and k not in {"held_on", "smi_most_fitting"} else v) for k, v in data.items()
        }
        record = ConversationRecord.model_validate(data)
        return services().casework.record_conversation(case.reference, worker, version, record, now())

    with st.form(key, border=True):
        st.markdown("**" + _("Record the kitchen-table conversation") + "**")
        plan = case.records.plan
        st.date_input(
            labels["held_on"], value=plan.on if plan else None, format=DATE_FORMAT, key=f"{key}_held_on"
        )
        for name, _label in CONVERSATION_SUBJECTS:
            st.text_area(labels[name], max_chars=5000, key=f"{key}_{name}")
        st.radio(
            labels["smi_most_fitting"],
            [True, False],
            index=None,
            format_func=lambda v: _("Yes") if v else _("No, another route fits better"),
            horizontal=True,
            key=f"{key}_smi_most_fitting",
        )
        st.text_area(labels["judgement"], max_chars=5000, key=f"{key}_judgement")
        st.form_submit_button(
            _("Save the conversation"),
            key=f"{key}_submit",
            **submit(case, act, _("The conversation is recorded."), labels),
        )


def recorded_conversation(case: CaseView) -> None:
    """The appointment and the conversation, as recorded."""
    records = case.records
    if records.plan:
        with st.expander(_("Kitchen-table conversation: appointment")):
            plan = records.plan
            plain(f"{plan.on.strftime('%d-%m-%Y')} {plan.at.strftime('%H:%M')}, {plan.place}")
    if records.conversation:
        talk = records.conversation
        with st.expander(_("Kitchen-table conversation of %(date)s", date=talk.held_on.strftime("%d-%m-%Y"))):
            for name, label in CONVERSATION_SUBJECTS:
                st.markdown(f"**{_(label)}**")
                plain(getattr(talk, name))
            st.markdown("**" + _("Is SMI the most fitting provision?") + "**")
            plain((_("Yes") if talk.smi_most_fitting else _("No")) + ". " + talk.judgement)
