"""After the placement: the contact about the situation (review), extending the indication with
the anonymised consultation, and ending it."""

from __future__ import annotations

import streamlit as st

from smi_core.anonymise import anonymised_summary, summary_lines
from smi_core.placement import (
    CONSULTATION_ROLE_LABELS,
    Consultation,
    ConsultationRole,
    EndRecord,
    ReviewRecord,
)
from smi_core.timeline import ExtensionAnswers
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import DATE_FORMAT, submit, text, value
from smi_web.services import now, services
from smi_web.ui import _, plain


def review_form(case: CaseView, worker: Account) -> None:
    key = f"case_review_{case.reference}_{len(case.placement.reviews)}"
    labels = {"held_on": _("Date of the contact"), "summary": _("How is it going?")}

    def act(version: int) -> object:
        review = ReviewRecord.model_validate(
            {"held_on": value(f"{key}_held_on"), "summary": text(f"{key}_summary")}
        )
        return services().placement.record_review(case.reference, worker, version, review, now())

    with st.form(key, border=True):
        st.markdown("**" + _("Record the contact about the situation") + "**")
        st.date_input(labels["held_on"], value=None, format=DATE_FORMAT, key=f"{key}_held_on")
        st.text_area(labels["summary"], max_chars=5000, key=f"{key}_summary")
        st.form_submit_button(
            _("Record the contact"),
            key=f"{key}_submit",
            **submit(case, act, _("The review contact is recorded."), labels),
        )


def _personal_extras(case: CaseView) -> list[str]:
    """Personal values outside the exchange format (a handover's contacts), for the scrubbing."""
    handover = case.content.get("handover") or {}
    values = [
        str(handover.get(k, "")) for k in ("professional_name", "professional_phone", "professional_email")
    ]
    for parent in handover.get("parents", []):
        values.extend(str(parent.get(k, "")) for k in ("name", "phone", "email"))
    for child in handover.get("children", []):
        values.append(str(child.get("first_name", "")))
    return [v for v in values if v.strip()]


def _extension_answers(key: str) -> ExtensionAnswers:
    return ExtensionAnswers.model_validate(
        {
            "family_cooperated": value(f"{key}_family_cooperated"),
            "why_no_improvement": text(f"{key}_why_no_improvement"),
            "can_reduce_dagdelen": value(f"{key}_can_reduce_dagdelen"),
            "reduce_explanation": text(f"{key}_reduce_explanation"),
        }
    )


def anonymised_summary_view(case: CaseView, key: str) -> None:
    """The anonymised case summary for the consultation: no names, addresses, dates of birth or
    contact details; the free texts are scrubbed of every personal value the case holds."""
    state = case.placement.indication
    if state is None:
        return
    summary = anonymised_summary(
        case.answers,
        state.indication,
        _extension_answers(key),
        services().municipality,
        now().date(),
        case.records.conversation,
        also_personal=_personal_extras(case),
    )
    lines = summary_lines(summary, _)
    with st.container(border=True):
        st.markdown("**" + _("Anonymised case summary for the consultation") + "**")
        for line in lines:
            plain(line)
        st.download_button(
            _("Download the anonymised summary"),
            data="\n".join(lines).encode("utf-8"),
            file_name="smi-geanonimiseerde-samenvatting.txt",
            mime="text/plain",
            on_click="ignore",
            key=f"{key}_summary_download",
        )


def extension_form(case: CaseView, worker: Account) -> None:
    """The three answers, the anonymised summary made from them, the consultation, then extend.

    Not an ``st.form``: the summary follows the answers as they are typed."""
    number = len(case.placement.extensions)
    key = f"case_extend_{case.reference}_{number}"
    labels = {
        "family_cooperated": _("Did the family cooperate actively with the plan?"),
        "why_no_improvement": _("Why was there no or too little improvement?"),
        "can_reduce_dagdelen": _("Can the number of part-days go down?"),
        "reduce_explanation": _("Explanation about the part-days"),
        "held_on": _("Date of the anonymised consultation"),
        "present": _("Present at the consultation"),
        "advice": _("Advice of the consultation"),
    }

    def act(version: int) -> object:
        consultation = Consultation.model_validate(
            {
                "held_on": value(f"{key}_held_on"),
                "present": value(f"{key}_present") or [],
                "advice": text(f"{key}_advice"),
            }
        )
        answers = _extension_answers(key)
        return services().placement.extend(case.reference, worker, version, answers, consultation, now())

    def yes_no(name: str) -> None:
        st.radio(
            labels[name],
            [True, False],
            index=None,
            format_func=lambda v: _("Yes") if v else _("No"),
            horizontal=True,
            key=f"{key}_{name}",
        )

    st.markdown("**" + _("Extend the indication (extension %(number)s)", number=number + 1) + "**")
    yes_no("family_cooperated")
    st.text_area(labels["why_no_improvement"], max_chars=5000, key=f"{key}_why_no_improvement")
    yes_no("can_reduce_dagdelen")
    st.text_area(labels["reduce_explanation"], max_chars=5000, key=f"{key}_reduce_explanation")
    anonymised_summary_view(case, key)
    st.date_input(labels["held_on"], value=None, format=DATE_FORMAT, key=f"{key}_held_on")
    st.multiselect(
        labels["present"],
        list(ConsultationRole),
        format_func=lambda r: _(CONSULTATION_ROLE_LABELS[r]),
        key=f"{key}_present",
    )
    st.text_area(labels["advice"], max_chars=5000, key=f"{key}_advice")
    st.button(
        _("Extend"),
        key=f"{key}_submit",
        type="primary",
        **submit(case, act, _("The indication is extended."), labels),
    )


def end_form(case: CaseView, worker: Account) -> None:
    state = case.placement.indication
    key = f"case_end_{case.reference}"
    labels = {"last_day": _("Last day of care"), "reason": _("Why does the indication end?")}

    def act(version: int) -> object:
        end = EndRecord.model_validate(
            {"last_day": value(f"{key}_last_day"), "reason": text(f"{key}_reason")}
        )
        message = text(f"{key}_message")
        return services().placement.end_indication(case.reference, worker, version, end, message, now())

    with st.form(key, border=True):
        st.markdown("**" + _("End the indication") + "**")
        st.date_input(
            labels["last_day"],
            value=state.timeline.last_day if state else None,
            format=DATE_FORMAT,
            key=f"{key}_last_day",
        )
        st.text_area(labels["reason"], max_chars=2000, key=f"{key}_reason")
        st.text_area(
            _("Message to the family (optional, shown on their status page)"),
            max_chars=5000,
            key=f"{key}_message",
        )
        st.form_submit_button(
            _("End the indication"),
            key=f"{key}_submit",
            **submit(case, act, _("The indication has ended."), labels),
        )
