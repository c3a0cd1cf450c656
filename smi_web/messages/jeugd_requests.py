"""The back office's section of the open youth-care requests for an assignment (315, routes M and
G): each request's check rule by rule (rule id, outcome, explanation), the stapeling details, the
child's age and 18th birthday, whether the access point knows the child, the due day; and the
three answers: the 301 with its beschikking, a 319 that refuses it, a 319 *in onderzoek*."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st
from pydantic import ValidationError

from smi_core.case.jeugd_records import JEUGD_ROUTE_LABELS
from smi_core.constants import N_
from smi_core.istandaarden.codes import RedenAfwijzingVerzoek
from smi_core.jeugd.request import OUTCOME_LABELS, CurrentToewijzing, ProposedAnswer
from smi_intake.services.accounts import Account
from smi_intake.services.jeugd_requests import (
    AnswerIncomplete,
    OpenRequest,
    RequestAnswerForm,
    RequestBlocked,
)
from smi_intake.services.message_facts import MessageRefused
from smi_web.refusals import REFUSALS, message_for
from smi_web.services import now, services
from smi_web.ui import _, plain, plain_table

KEY = "messages_vot"
#: What the back office reads when a 301 cannot be made (``AnswerIncomplete.missing``).
MISSING = {
    "motivation": N_("Give the motivation of the beschikking."),
    "results": N_("Give the results to reach."),
    "product": N_("The request names no product code: answer with a 319."),
    "volume": N_("The request names no volume: answer with a 319."),
}
FLASH = f"{KEY}_flash"
PDF = f"{KEY}_pdf"


def _day(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day is not None else "-"


def jeugd_requests(worker: Account) -> None:
    """The open 315s with their check, and the answers."""
    st.subheader(_("Requests for assignment (315)"))
    if FLASH in st.session_state:
        kind, message = st.session_state.pop(FLASH)
        (st.success if kind == "success" else st.error)(message)
    if PDF in st.session_state:
        reference, pdf = st.session_state[PDF]
        st.download_button(
            _("Download the beschikking of %(reference)s (PDF)", reference=reference),
            data=pdf,
            file_name=f"beschikking-{reference}.pdf",
            mime="application/pdf",
            key=f"{KEY}_pdf_download",
        )
    today = now().date()
    opened = services().jeugd_requests.open_requests(worker, today, now())
    if not opened:
        st.caption(_("No request for an assignment is waiting for its answer."))
        return
    plain_table(
        [
            {
                _("Case"): r.reference,
                _("Route"): _(JEUGD_ROUTE_LABELS[r.route]),
                _("Youth-care provider"): r.request.provider_agb,
                _("Reference of the provider"): r.request.referentie_aanbieder,
                _("Received"): _day(r.request.received_on),
                _("Answer by"): _day(r.check.due),
                _("Overdue"): _("yes") if r.check.overdue(today) else _("no"),
                _("Proposed answer"): r.check.proposed.value,
            }
            for r in opened
        ]
    )
    by_reference = {r.reference: r for r in opened}
    chosen = st.selectbox(_("Request"), list(by_reference), key=f"{KEY}_case")
    request = by_reference[str(chosen)]
    _details(request, today)
    _answers(request, worker)


def _details(opened: OpenRequest, today: date) -> None:
    check, request = opened.check, opened.request
    st.markdown("**" + _("The check") + "**")
    plain_table(
        [
            {
                _("Rule"): f.rule.value,
                _("Outcome"): _(OUTCOME_LABELS[f.outcome]),
                _("Explanation"): _(f.explanation, **f.values),
            }
            for f in check.findings
        ]
    )
    product = f"{request.category or '-'} {request.product_code or ''}".strip()
    plain(
        _(
            "Product %(product)s from %(start)s to %(end)s. Age on the start: %(age)s; 18th birthday: "
            "%(birthday)s.",
            product=product,
            start=_day(request.start),
            end=_day(check.end),
            age=check.age,
            birthday=_day(check.eighteenth_birthday),
        )
    )
    due = _("Answer by %(due)s.", due=_day(check.due))
    if check.overdue(today):
        st.warning(due + " " + _("The answer is overdue."))
    else:
        st.caption(due)
    if opened.in_onderzoek_on is not None:
        st.caption(_("Set in onderzoek on %(day)s.", day=_day(opened.in_onderzoek_on)))
    st.markdown("**" + _("Current provisions of the municipality for the child") + "**")
    current = [(t, True) for t in check.stacked] + [(t, False) for t in check.others]
    if current:
        plain_table([_current_row(t, stacked) for t, stacked in current])
    else:
        st.caption(_("No current toewijzing for the child."))
    if opened.known:
        plain(
            _(
                "Known to the access point: %(cases)s. An access worker is involved (owner: %(owner)s).",
                cases=", ".join(k.reference for k in opened.known),
                owner=opened.owner or _("none yet"),
            )
        )
    else:
        st.caption(_("The child is not known to the access point."))


def _current_row(toewijzing: CurrentToewijzing, stacked: bool) -> dict[str, object]:
    category, code = toewijzing.product or ("-", None)
    return {
        _("Product"): f"{category} {code or ''}".strip(),
        _("Period"): f"{_day(toewijzing.start)} - {_day(toewijzing.end)}",
        _("Youth-care provider"): toewijzing.provider_agb,
        _("Toewijzing"): toewijzing.toewijzing_nummer,
        _("Stapeling"): _("yes") if stacked else _("no"),
    }


def _answers(opened: OpenRequest, worker: Account) -> None:
    reference = opened.reference
    service = services().jeugd_requests
    assign_tab, refuse_tab, onderzoek_tab = st.tabs(
        [_("Assign (301 and beschikking)"), _("Refuse (319)"), _("In onderzoek (319)")]
    )
    with assign_tab, st.form(f"{KEY}_assign_form"):
        motivation = st.text_area(_("Motivation of the beschikking"), key=f"{KEY}_motivation")
        results = st.text_area(_("Results to reach"), key=f"{KEY}_results")
        reason = st.text_area(
            _("Why the municipality assigns to a provider without a contract for it (if so)"),
            key=f"{KEY}_non_contracted",
        )
        if st.form_submit_button(_("Send the toewijzing (301)"), type="primary", key=f"{KEY}_assign"):
            form = RequestAnswerForm(motivation=motivation, results=results, non_contracted_reason=reason)

            def assign() -> None:
                service.assign(reference, worker, form, now())
                st.session_state[PDF] = (reference, service.beschikking(reference, worker, now()))

            _run(assign, _("The toewijzing is in the outbox; the beschikking is ready."))
    with refuse_tab, st.form(f"{KEY}_refuse_form"):
        codes = list(RedenAfwijzingVerzoek)
        proposed = opened.check.proposed_reason
        code = st.selectbox(
            _("Reason (RedenAfwijzingVerzoek)"),
            codes,
            index=codes.index(proposed) if proposed is not None else 0,
            format_func=lambda c: f"{c.value} {c.label}",
            key=f"{KEY}_reason",
        )
        municipality = st.text_input(
            _("Responsible municipality (CBS code), for the woonplaatsbeginsel only"), key=f"{KEY}_gemeente"
        )
        why = st.text_area(_("Motivation"), key=f"{KEY}_refuse_motivation")
        if st.form_submit_button(_("Send the refusal (319)"), key=f"{KEY}_refuse"):
            _run(
                lambda: service.refuse(reference, worker, code, why, now(), municipality.strip() or None),
                _("The refusal is in the outbox."),
            )
    with onderzoek_tab:
        if opened.check.proposed is ProposedAnswer.REFUSE:
            st.caption(_("The check proposes a refusal."))
        done = opened.in_onderzoek_on is not None
        if done:
            st.caption(_("This request was set in onderzoek already; it can be set so only once."))
        if st.button(_("Set in onderzoek (319)"), key=f"{KEY}_onderzoek", disabled=done):
            _run(lambda: service.set_in_onderzoek(reference, worker, now()), _("The 319 is in the outbox."))


def _run(action: Callable[[], object], success: str) -> None:
    """Run one answer; a refusal or bad input becomes a clear message, never a traceback."""
    try:
        action()
    except RequestBlocked as blocked:
        st.session_state[FLASH] = (
            "error",
            _(
                "The check refuses this request (%(rules)s): answer with a 319; nothing was sent.",
                rules=", ".join(blocked.rules),
            ),
        )
    except AnswerIncomplete as incomplete:
        st.session_state[FLASH] = ("error", _(MISSING[incomplete.missing]))
    except MessageRefused as refused:
        st.session_state[FLASH] = (
            "error",
            _(
                "The message breaks rule %(rule)s (%(path)s); nothing was queued.",
                rule=refused.rule,
                path=refused.path,
            ),
        )
    except ValidationError:
        st.session_state[FLASH] = (
            "error",
            _(
                "Check the answer: a woonplaatsbeginsel refusal (8), and only that, names "
                "a CBS code of 4 digits."
            ),
        )
    except REFUSALS as refused:
        st.session_state[FLASH] = ("error", message_for(refused) or type(refused).__name__)
    else:
        st.session_state[FLASH] = ("success", success)
    st.rerun()


__all__ = ["jeugd_requests"]
