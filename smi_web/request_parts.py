"""The parts every request through the front door shares: going on with a saved request, the
consent step, the preliminary check rule by rule, and the "what you need" lists.

Each request's pages call these with their own ``Flow``; none of them is copied per request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

import streamlit as st

from smi_core.cases import CONSENT_TEXTS
from smi_core.constants import LABELS, FindingStatus
from smi_core.front_door import RequestKind
from smi_core.intake_errors import DraftNotFound, IntakeIncomplete
from smi_core.wmo.melding import OwnSolution, Route, WmoCheck
from smi_intake.db.errors import StorageFailed
from smi_intake.intake_steps import Errors
from smi_intake.services.intake import SubmittedCase
from smi_intake.services.resume_codes import ResumeCodeExpired, ResumeCodeInvalid
from smi_intake.services.wmo_intake import WmoIntakeService
from smi_intake.summary import Section
from smi_intake.wmo_receipt import wmo_receipt_pdf
from smi_web.intake_form import (
    FLOWS,
    Flow,
    StepPage,
    consent_choices,
    load_into_session,
    record_consent_choices,
)
from smi_web.services import now, services
from smi_web.ui import _, contact_block, current_locale, plain

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


def start_foot(needed: Iterable[str], prefix: str) -> None:
    """The end of the start step of a request of route T: what you need at hand, how your data are
    used, and going on with an earlier request."""
    values = {"days": services().municipality.draft_retention_days}
    st.subheader(_("What you need"))
    bullet_list(needed)
    st.subheader(_("Your data"))
    st.write(
        _(
            "We use your answers only to handle your request. Information about your health is stored "
            "encrypted. A request you do not send is deleted after %(days)s days.",
            **values,
        )
    )
    st.page_link("pages/privacy.py", label=_("Read how we handle your data"), icon=":material/lock:")
    resume_box(prefix)


def need_step(
    page: StepPage, intro: str, questions: Mapping[Any, str], validate: Callable[[], Errors]
) -> None:
    """The need step of a request of route T: one text per life area (``questions``: area -> the
    question's message id), at least one filled in."""
    page.answers.setdefault("needs", {})
    st.write(intro)
    page.error_for("needs")
    for area, question in questions.items():
        page.area(f"needs.{area.value}", _(question), max_chars=2000)
    page.navigation(validate)


def own_solution_choice(page: StepPage) -> None:
    """Whether own possibilities, the network and general provisions can meet the need."""
    page.choice(
        "own_solution",
        _("Can you, the people around you and this other help solve it together?"),
        {
            OwnSolution.YES.value: _("Yes"),
            OwnSolution.PARTLY.value: _("Partly"),
            OwnSolution.NO.value: _("No"),
            OwnSolution.UNKNOWN.value: _("I do not know"),
        },
    )


def check_section(
    page: StepPage,
    check: WmoCheck | None,
    summaries: Mapping[Route, str],
    expected: Route,
    elsewhere: tuple[Route, str] | None = None,
) -> None:
    """The preliminary check of a request of route T on its check-and-send step: the summary of
    the route it points to (``expected``: the route of this request), rule by rule; and where it
    points to another request, the way back to the front door (``elsewhere``: that route, the
    link's label)."""
    team = services().municipality.social_team
    st.header(_("Preliminary check"))
    if check is None:
        st.warning(
            _("Some answers are still missing, so we cannot check your request yet. Go back to the steps."),
            icon=":material/warning:",
        )
        return
    box = st.success if check.route is expected else st.info
    if any(f.status is FindingStatus.NOT_MET for f in check.findings):
        box = st.warning
    box(_(summaries[check.route], team=team), icon=":material/fact_check:")
    findings_list(check.findings)
    if elsewhere is not None and check.route is elsewhere[0]:
        st.page_link("pages/home.py", label=elsewhere[1], icon=":material/home:")


def plan_step(page: StepPage, validate: Callable[[], Errors], personal_plan: bool = True) -> None:
    """The step of a request of route T that offers a persoonlijk plan (``TOE-PLAN-7D``; with
    ``personal_plan`` False not: the Jeugdwet has none) and free client support."""
    team = services().municipality.social_team
    if personal_plan:
        _personal_plan(page, team)
    with st.container(border=True):
        st.markdown("**" + _("Free client support") + "**")
        st.write(
            _(
                "A client supporter is someone who helps you for free during the talks and with your "
                "request. This person does not work for %(team)s.",
                team=team,
            )
        )
        page.yes_no("wants_client_support", _("Do you want a free client supporter?"))
    page.navigation(validate)


def _personal_plan(page: StepPage, team: str) -> None:
    with st.container(border=True):
        st.markdown("**" + _("Your own plan") + "**")
        st.write(
            _(
                "You may write down yourself what you need and what you want to reach. This is called a "
                "personal plan. Send it to %(team)s within 7 days after this request. %(team)s then uses "
                "it in the talk with you.",
                team=team,
            )
        )
        page.yes_no("personal_plan", _("Do you want to make your own plan?"))


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


def sent_page(flow: Flow, next_lines: Iterable[str], intake: WmoIntakeService, youth: bool = False) -> None:
    """The sent page of a request of route T: its reference, what happens next (``next_lines``),
    the contact details and the receipt of what was stored."""
    municipality = services().municipality
    sent = sent_head(flow)
    bullet_list(next_lines)
    contact_block(municipality)
    stored = intake.sent_melding(sent["reference"])
    answers = st.session_state.get(flow.state) or {}
    pdf = wmo_receipt_pdf(
        stored.reference,
        stored.received_at,
        answers,
        sent["consents"],
        stored.check,
        current_locale(),
        municipality,
        youth=youth,
    )
    sent_foot(flow, sent["reference"], pdf)


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
