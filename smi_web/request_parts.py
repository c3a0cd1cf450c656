"""The parts every request through the front door shares: going on with a saved request, the
consent step, the preliminary check rule by rule, and the "what you need" lists.

Each request's pages call these with their own ``Flow``; none of them is copied per request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, Protocol

import streamlit as st

from smi_core.cases import CONSENT_TEXTS
from smi_core.constants import LABELS, FindingStatus
from smi_core.front_door import RequestKind
from smi_core.intake_errors import DraftNotFound, IntakeIncomplete
from smi_intake.db.errors import StorageFailed
from smi_intake.intake_steps import Errors
from smi_intake.services.intake import SubmittedCase
from smi_intake.services.resume_codes import ResumeCodeExpired, ResumeCodeInvalid
from smi_intake.summary import Section
from smi_web.intake_form import (
    FLOWS,
    Flow,
    StepPage,
    consent_choices,
    load_into_session,
    record_consent_choices,
)
from smi_web.services import now, services
from smi_web.ui import _, plain

log = logging.getLogger(__name__)

STATUS_ICONS = {
    FindingStatus.MET: ":material/check_circle:",
    FindingStatus.NOT_MET: ":material/cancel:",
    FindingStatus.MISSING: ":material/help:",
    FindingStatus.TO_ASSESS: ":material/search:",
}


class Finding(Protocol):
    """One rule's finding of a preliminary check, as every request's check gives it."""

    @property
    def rule_id(self) -> str: ...
    @property
    def status(self) -> FindingStatus: ...
    @property
    def explanation(self) -> str: ...
    @property
    def advice(self) -> str | None: ...


def bullet_list(lines: Iterable[str]) -> None:
    """Texts of the catalog as a list (never user text: that is shown with ``plain``)."""
    st.markdown("\n".join(f"- {line}" for line in lines))


def resume_box(prefix: str = "") -> None:
    """Go on with a saved request of any kind: its code and postcode open it on the step where it
    was left, in the request it belongs to."""
    with st.expander(_("Go on with an earlier request")), st.form(f"{prefix}resume_form"):
        code = st.text_input(_("Resume code"), placeholder="XXXX-XXXX-XXXX-XXXX", key=f"{prefix}resume_code")
        postcode = st.text_input(_("Postcode"), placeholder="3341 AB", key=f"{prefix}resume_postcode")
        resume = st.form_submit_button(_("Go on"))
    if not resume:
        return
    try:
        draft = services().intake.resume(code, postcode, now())
    except ResumeCodeExpired:
        st.error(_("This request has expired and was deleted. Please start again."), icon=":material/error:")
    except ResumeCodeInvalid:
        st.error(
            _("We cannot find a request with this code and postcode. Check both and try again."),
            icon=":material/error:",
        )
    else:
        flow = FLOWS[draft.request]
        load_into_session(draft.answers, draft.consents, draft.id, flow)
        st.switch_page(flow.step(draft.step).page)


def consent_step(page: StepPage, validate: Callable[[dict[str, bool]], Errors]) -> None:
    """The consent step of a request: one yes/no per sharing of its flow, each recorded with the
    exact text shown; ``validate`` gets the choices made."""
    flow: Flow = page.flow
    team = services().municipality.social_team
    choices = st.session_state.setdefault(f"{flow.state}_consent_choices", {"consent": consent_choices(flow)})
    st.write(
        _("We need your consent for each of these. You can say no, and you can withdraw a consent later.")
    )
    for kind in flow.consents:
        with st.container(border=True):
            page.yes_no(f"consent.{kind.value}", _(CONSENT_TEXTS[kind].message, team=team), data=choices)

    def _validate() -> Errors:
        given = choices["consent"]
        record_consent_choices(given, flow)
        return validate({k: v for k, v in given.items() if v is not None})

    page.navigation(_validate)


def answer_sections(page: StepPage, sections: Iterable[Section]) -> None:
    """The check-and-send step's answers of any request, a part per step with its "Change" link
    (which comes back here after the step); the answers as plain text."""
    flow = page.flow
    st.write(_('Check your answers. Is something wrong? Choose "Change" at that part.'))
    for section in sections:
        with st.container(border=True):
            head, change = st.columns([4, 1])
            head.subheader(section.title)
            if change.button(
                _("Change"), key=_key(flow, f"controleren_change_{section.step}"), help=section.title
            ):
                st.session_state[flow.key("return_to_review")] = True
                st.switch_page(flow.step(section.step).page)
            for row_label, value in section.rows:
                plain(f"{row_label}: {value}")


def findings_list(findings: Sequence[Finding]) -> None:
    """A preliminary check, rule by rule: its status, its rule id, its explanation and advice."""
    for finding in findings:
        with st.container(border=True):
            st.markdown(
                f"{STATUS_ICONS[finding.status]} **{_(LABELS[finding.status])}** · `{finding.rule_id}`"
            )
            plain(finding.explanation)
            if finding.advice:
                plain(_("Other help: %(advice)s", advice=finding.advice))


def _key(flow: Flow, name: str) -> str:
    """A widget key of a shared part: SMI's keys as they always were, another request's prefixed."""
    return name if flow.request is RequestKind.SMI else f"{flow.state}_{name}"


def send_section(page: StepPage, submit: Callable[[str, datetime], SubmittedCase]) -> None:
    """The end of the check-and-send step of any request: send (at most once, with a clear message
    for every way it can fail, nothing typed lost), then the sent page; and Back."""
    flow, team = page.flow, services().municipality.social_team
    st.header(_("Send"))
    st.write(
        _(
            "When you send the request, %(team)s receives it. The decision is always made by %(team)s.",
            team=team,
        )
    )
    sent_key = flow.key("sent")
    send = st.button(
        _("Send the request"), key=_key(flow, "controleren_send"), type="primary", icon=":material/send:"
    )
    if send and st.session_state.get(sent_key):  # sent already in this session: a double click or a reload
        st.switch_page(flow.step("verzonden").page)
    if send and page.save():
        try:
            with st.spinner(_("Sending...")):
                sent = submit(st.session_state[flow.key("draft_id")], now())
        except IntakeIncomplete:
            st.error(
                _("Some answers are still missing. Go back to the steps and fill them in."),
                icon=":material/error:",
            )
        except DraftNotFound:
            st.error(_("Your saved request has expired. Please start again."), icon=":material/error:")
        except StorageFailed:
            log.exception("sending a %s request failed", flow.request.value)
            st.error(
                _("Sending did not work. Your answers are saved. Please try again in a few minutes."),
                icon=":material/error:",
            )
        else:
            st.session_state[sent_key] = {
                "reference": sent.reference,
                "received_at": sent.received_at,
                "consents": consent_choices(flow),
            }
            st.switch_page(flow.step("verzonden").page)

    if st.button(_("Back"), key=_key(flow, "controleren_back"), icon=":material/arrow_back:") and page.save():
        st.switch_page(flow.step("toestemming").page)


def sent_head(flow: Flow) -> dict[str, Any]:
    """The top of the sent page of any request: its reference, or (nothing sent in this session)
    a way back to the start, and the page stops there."""
    sent: dict[str, Any] | None = st.session_state.get(flow.key("sent"))
    if not sent:
        st.info(_("You have not sent a request in this session."), icon=":material/info:")
        st.page_link(flow.steps[0].page, label=_("Start a request"), icon=":material/edit_note:")
        st.stop()
        raise AssertionError  # st.stop() ends the run
    st.success(_("Thank you. We have received your request."), icon=":material/check_circle:")
    st.subheader(_("Your reference number"))
    st.code(sent["reference"], language=None)
    st.write(
        _("Keep this number and your resume code. With both you can look up the status of your request.")
    )
    st.subheader(_("What happens next?"))
    return sent


def sent_foot(flow: Flow, reference: str, receipt: bytes) -> None:
    """The end of the sent page of any request: the receipt to download and the status page."""
    st.download_button(
        _("Download your receipt (PDF)"),
        data=receipt,
        file_name=f"{reference}.pdf",
        mime="application/pdf",
        key=_key(flow, "verzonden_receipt"),
        icon=":material/download:",
    )
    st.page_link("pages/status.py", label=_("Look up the status of your request"), icon=":material/search:")
