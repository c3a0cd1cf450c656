"""Streamlit machinery of the multi-step intake: answers kept in the session, fields bound to
them, validation messages next to each field and in a summary, saving at every step.

Answers live in ``st.session_state["intake"]`` (exchange format); widgets are seeded from
there and written back on every run, so moving back and forth never loses anything.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from smi_core.cases import JEUGD_CONSENTS, SMI_CONSENTS, WMO_CONSENTS, ConsentKind, ConsentRecord
from smi_core.front_door import RequestKind
from smi_core.intake import IntakeDraft
from smi_core.intake_errors import DraftNotFound
from smi_intake.db.errors import StorageFailed
from smi_intake.intake_steps import STEPS, Errors, Step
from smi_intake.jeugd_steps import JEUGD_STEPS
from smi_intake.services.intake import consent_record
from smi_intake.wmo_steps import WMO_STEPS
from smi_web.services import now, services
from smi_web.ui import _, current_locale

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Flow:
    """One kind of request through the front door: its steps, consents and session keys.

    Every request shares this machinery (fields bound to answers, saving at every step, resume
    code, check and send); a flow names what differs. Each flow's answers and draft live under
    their own session keys, so a family that asks for two things fills in two requests side by side.
    """

    request: RequestKind
    steps: tuple[Step, ...]
    state: str
    """The session key of the answers; the other keys are derived from it."""
    widget_prefix: str
    consents: tuple[ConsentKind, ...]
    typed: Callable[[dict[str, Any]], Any] = dict
    """How the answers are handed to the draft store (SMI: an ``IntakeDraft``)."""

    def key(self, name: str) -> str:
        return f"{self.state}_{name}"

    def step(self, slug: str) -> Step:
        return next(step for step in self.steps if step.slug == slug)

    def number(self, slug: str) -> int:
        return [step.slug for step in self.steps].index(slug) + 1


SMI_FLOW = Flow(RequestKind.SMI, STEPS, "intake", "f.", SMI_CONSENTS, typed=IntakeDraft.of)
WMO_FLOW = Flow(RequestKind.WMO, WMO_STEPS, "wmo", "w.", WMO_CONSENTS)
JEUGD_FLOW = Flow(RequestKind.JEUGD, JEUGD_STEPS, "jeugd", "j.", JEUGD_CONSENTS)
FLOWS: dict[RequestKind, Flow] = {flow.request: flow for flow in (SMI_FLOW, WMO_FLOW, JEUGD_FLOW)}

ANSWERS = SMI_FLOW.state
CONSENTS = SMI_FLOW.key("consents")
DRAFT_ID = SMI_FLOW.key("draft_id")
NEW_CODE = SMI_FLOW.key("new_resume_code")
ERRORS = SMI_FLOW.key("errors")
SENT = SMI_FLOW.key("sent")
RETURN_TO_REVIEW = SMI_FLOW.key("return_to_review")
WIDGET_PREFIX = SMI_FLOW.widget_prefix


def init_state(flow: Flow = SMI_FLOW) -> None:
    """The flow's shared keys, set once per session."""
    st.session_state.setdefault(flow.state, {})
    st.session_state.setdefault(flow.key("consents"), {})
    st.session_state.setdefault(flow.key("draft_id"), None)
    st.session_state.setdefault(flow.key("errors"), {})


def answers(flow: Flow = SMI_FLOW) -> dict[str, Any]:
    init_state(flow)
    value: dict[str, Any] = st.session_state[flow.state]
    return value


def draft() -> IntakeDraft:
    """The session's answers, typed: the one place where the form's values become a draft."""
    return IntakeDraft.of(answers())


def consents(flow: Flow = SMI_FLOW) -> dict[str, ConsentRecord]:
    init_state(flow)
    value: dict[str, ConsentRecord] = st.session_state[flow.key("consents")]
    return value


def get_path(data: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(data, list):
            index = int(part)
            data = data[index] if index < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    target: Any = data
    for part, following in itertools.pairwise(parts):
        if isinstance(target, list):
            target = target[int(part)]
        else:
            target = target.setdefault(part, [] if following.isdigit() else {})
    last = parts[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


def forget_widgets(prefix: str, flow: Flow = SMI_FLOW) -> None:
    """Drop widget state under ``prefix`` so that widgets are seeded again (after a removal)."""
    for key in [k for k in st.session_state if str(k).startswith(flow.widget_prefix + prefix)]:
        del st.session_state[key]


def remove_item(items: list[Any], index: int, prefix: str, flow: Flow = SMI_FLOW) -> None:
    """Remove one entry of a list of answers (after every widget of the page wrote its value)."""
    items.pop(index)
    forget_widgets(prefix, flow)
    st.rerun()


def load_into_session(
    answers_: dict[str, Any], consents_: dict[str, ConsentRecord], draft_id: str, flow: Flow = SMI_FLOW
) -> None:
    """Replace the session's request of this flow by a resumed draft."""
    forget_widgets("", flow)
    st.session_state[flow.state] = answers_
    st.session_state[flow.key("consents")] = dict(consents_)
    st.session_state[flow.key("draft_id")] = draft_id
    st.session_state[flow.key("errors")] = {}
    st.session_state.pop(f"{flow.state}_consent_choices", None)
    st.session_state.pop("toestemming_choices", None)


class StepPage:
    """One step of the intake: header, bound fields, error summary, and Back/Continue."""

    def __init__(self, slug: str, flow: Flow = SMI_FLOW) -> None:
        init_state(flow)
        self.flow = flow
        self.step = flow.step(slug)
        self.labels: dict[str, str] = {}
        self.errors: Errors = st.session_state[flow.key("errors")].get(slug, {})
        number, total = flow.number(slug), len(flow.steps)
        st.caption(_("Step %(n)s of %(total)s", n=number, total=total))
        st.progress(number / total)
        st.title(_(self.step.title))
        self._summary = st.container()
        code = st.session_state.get(flow.key("new_resume_code"))
        if code:
            self._show_new_code(code)

    @property
    def answers(self) -> dict[str, Any]:
        """The answers of this page's request."""
        return answers(self.flow)

    # -- fields -------------------------------------------------------------------------------

    def field(
        self,
        widget: Callable[..., Any],
        path: str,
        label: str,
        *,
        data: dict[str, Any] | None = None,
        to_widget: Callable[[Any], Any] = lambda v: v,
        from_widget: Callable[[Any], Any] = lambda v: v,
        **kwargs: Any,
    ) -> Any:
        """Render ``widget`` bound to the answer at ``path``; show its error right below it."""
        store = self.answers if data is None else data
        key = self.flow.widget_prefix + path
        if key not in st.session_state:
            st.session_state[key] = to_widget(get_path(store, path))
        self.labels[path] = label
        widget(label, key=key, **kwargs)
        value = from_widget(st.session_state[key])
        set_path(store, path, value)
        self.error_for(path)
        return value

    def text(self, path: str, label: str, **kwargs: Any) -> Any:
        kwargs.setdefault("max_chars", 200)  # the exchange format's limit for short texts
        return self.field(st.text_input, path, label, to_widget=lambda v: v or "", **kwargs)

    def area(self, path: str, label: str, **kwargs: Any) -> Any:
        return self.field(st.text_area, path, label, to_widget=lambda v: v or "", **kwargs)

    def date(self, path: str, label: str, **kwargs: Any) -> Any:
        return self.field(
            st.date_input,
            path,
            label,
            to_widget=lambda v: date.fromisoformat(v) if isinstance(v, str) and v else None,
            from_widget=lambda v: v.isoformat() if isinstance(v, date) else None,
            format="DD-MM-YYYY",
            **kwargs,
        )

    def choice(self, path: str, label: str, options: dict[Any, str], **kwargs: Any) -> Any:
        """A radio choice with nothing chosen at first; ``options`` maps values to labels."""
        values = list(options)
        return self.field(
            st.radio,
            path,
            label,
            options=values,
            format_func=lambda v: options[v],
            to_widget=lambda v: v if v in values else None,
            index=None,
            **kwargs,
        )

    def yes_no(self, path: str, label: str, **kwargs: Any) -> Any:
        return self.choice(path, label, {True: _("Yes"), False: _("No")}, horizontal=True, **kwargs)

    def checkboxes(self, path: str, label: str, options: dict[str, str]) -> list[str]:
        """Several choices as checkboxes, stored as the list of chosen values."""
        chosen = set(get_path(self.answers, path) or [])
        st.markdown(f"**{label}**")
        self.labels[path] = label
        selected = []
        for value, text in options.items():
            key = f"{self.flow.widget_prefix}{path}.{value}"
            if key not in st.session_state:
                st.session_state[key] = value in chosen
            if st.checkbox(text, key=key):
                selected.append(value)
        set_path(self.answers, path, selected)
        self.error_for(path)
        return selected

    def lines(self, path: str, label: str, **kwargs: Any) -> list[str]:
        """A list of short texts, typed one per line."""
        result: list[str] = self.field(
            st.text_area,
            path,
            label,
            to_widget=lambda v: "\n".join(v or []),
            from_widget=lambda v: [line.strip() for line in (v or "").splitlines() if line.strip()],
            **kwargs,
        )
        return result

    def error_for(self, path: str) -> None:
        message = self.errors.get(path)
        if message:
            st.error(_(message), icon=":material/error:")

    # -- messages -----------------------------------------------------------------------------

    def _show_new_code(self, code: str) -> None:
        with st.container(border=True):
            st.subheader(_("Your resume code"))
            st.write(_("With this code and your postcode you can go on later, also on another device."))
            st.code(code, language=None)
            st.write(_("Write the code down now. We show it only once and cannot look it up for you."))
            if st.button(_("I have written the code down"), key=f"{self.flow.state}_code_seen"):
                del st.session_state[self.flow.key("new_resume_code")]
                st.rerun()

    def _render_summary(self) -> None:
        if not self.errors:
            return
        with self._summary, st.container(border=True):
            st.error(_("Please check these answers:"), icon=":material/error:")
            lines = [
                f"- {self.labels.get(path, '')}: {_(message)}" if path in self.labels else f"- {_(message)}"
                for path, message in self.errors.items()
            ]
            st.markdown("\n".join(lines))

    # -- navigation ---------------------------------------------------------------------------

    def save(self, resume_at: str | None = None) -> bool:
        """Save the answers as a draft; tell the user when that fails, keeping the answers.

        ``resume_at`` is the step a resumed draft opens on (default: this step).
        """
        intake, flow = services().intake, self.flow
        draft_id = st.session_state[flow.key("draft_id")]
        step = resume_at or self.step.slug
        typed, given = flow.typed(self.answers), consents(flow)
        try:
            try:
                saved = intake.save_draft(
                    draft_id, step, typed, given, current_locale(), now(), request=flow.request
                )
            except DraftNotFound:
                saved = intake.save_draft(
                    None, step, typed, given, current_locale(), now(), request=flow.request
                )
        except StorageFailed:
            log.exception("saving a draft failed")
            st.error(
                _("Saving did not work. Your answers are still here. Please try again in a minute."),
                icon=":material/error:",
            )
            return False
        st.session_state[flow.key("draft_id")] = saved.draft_id
        if saved.resume_code:
            st.session_state[flow.key("new_resume_code")] = saved.resume_code
        return True

    def go(self, slug: str) -> None:
        st.switch_page(self.flow.step(slug).page)

    def navigation(
        self, validate: Callable[[], Errors] | None = None, continue_label: str | None = None
    ) -> None:
        """Back and Continue; Continue validates, saves and moves on (or back to the review)."""
        steps = self.flow.steps
        index = self.flow.number(self.step.slug) - 1
        previous = steps[index - 1].slug if index > 0 else None
        following = steps[index + 1].slug if index + 1 < len(steps) else None
        left, right = st.columns(2)
        back = previous is not None and left.button(
            _("Back"), key=f"{self.flow.state}_back_{self.step.slug}", icon=":material/arrow_back:"
        )
        forward = following is not None and right.button(
            continue_label or _("Continue"),
            key=f"{self.flow.state}_next_{self.step.slug}",
            type="primary",
            icon=":material/arrow_forward:",
        )
        errors_key, review_key = self.flow.key("errors"), self.flow.key("return_to_review")
        if back and previous:
            st.session_state[errors_key].pop(self.step.slug, None)
            if self.save(resume_at=previous):
                self.go(previous)
        elif forward and following:
            errors = validate() if validate else {}
            st.session_state[errors_key][self.step.slug] = errors
            if errors:
                st.rerun()  # show each message next to its field, and the summary at the top
            target = "controleren" if st.session_state.get(review_key) else following
            if self.save(resume_at=target):
                st.session_state.pop(review_key, None)
                self.go(target)
        self._render_summary()


def consent_choices(flow: Flow = SMI_FLOW) -> dict[str, bool]:
    return {kind: record.given for kind, record in consents(flow).items()}


def record_consent_choices(choices: dict[str, bool | None], flow: Flow = SMI_FLOW) -> None:
    """Turn the consent page's choices into records; an unchanged choice keeps its moment."""
    team = services().municipality.social_team
    current = consents(flow)
    for kind in flow.consents:
        given = choices.get(kind.value)
        if given is None:
            current.pop(kind.value, None)
            continue
        existing = current.get(kind.value)
        if existing is None or existing.given != given or existing.locale != current_locale():
            current[kind.value] = consent_record(kind, given, current_locale(), team, now())
