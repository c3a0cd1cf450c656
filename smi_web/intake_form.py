"""Streamlit machinery of the multi-step intake: answers kept in the session, fields bound to
them, validation messages next to each field and in a summary, saving at every step.

Answers live in ``st.session_state["intake"]`` (exchange format); widgets are seeded from
there and written back on every run, so moving back and forth never loses anything.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from smi_core.cases import ConsentKind, ConsentRecord
from smi_core.intake import IntakeDraft
from smi_core.intake_errors import DraftNotFound
from smi_intake.db.errors import StorageFailed
from smi_intake.intake_steps import STEPS, Errors, step_by_slug, step_number
from smi_intake.services.intake import consent_record
from smi_web.services import now, services
from smi_web.ui import _, current_locale

log = logging.getLogger(__name__)

ANSWERS = "intake"
CONSENTS = "intake_consents"
DRAFT_ID = "intake_draft_id"
NEW_CODE = "intake_new_resume_code"
ERRORS = "intake_errors"
SENT = "intake_sent"
RETURN_TO_REVIEW = "intake_return_to_review"
WIDGET_PREFIX = "f."


def init_state() -> None:
    """The shared intake keys, set once per session."""
    st.session_state.setdefault(ANSWERS, {})
    st.session_state.setdefault(CONSENTS, {})
    st.session_state.setdefault(DRAFT_ID, None)
    st.session_state.setdefault(ERRORS, {})


def answers() -> dict[str, Any]:
    init_state()
    value: dict[str, Any] = st.session_state[ANSWERS]
    return value


def draft() -> IntakeDraft:
    """The session's answers, typed: the one place where the form's values become a draft."""
    return IntakeDraft.of(answers())


def consents() -> dict[str, ConsentRecord]:
    init_state()
    value: dict[str, ConsentRecord] = st.session_state[CONSENTS]
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


def forget_widgets(prefix: str) -> None:
    """Drop widget state under ``prefix`` so that widgets are seeded again (after a removal)."""
    for key in [k for k in st.session_state if str(k).startswith(WIDGET_PREFIX + prefix)]:
        del st.session_state[key]


def remove_item(items: list[Any], index: int, prefix: str) -> None:
    """Remove one entry of a list of answers (after every widget of the page wrote its value)."""
    items.pop(index)
    forget_widgets(prefix)
    st.rerun()


def load_into_session(answers_: dict[str, Any], consents_: dict[str, ConsentRecord], draft_id: str) -> None:
    """Replace the session's intake by a resumed draft."""
    forget_widgets("")
    st.session_state[ANSWERS] = answers_
    st.session_state[CONSENTS] = dict(consents_)
    st.session_state[DRAFT_ID] = draft_id
    st.session_state[ERRORS] = {}
    st.session_state.pop("toestemming_choices", None)


class StepPage:
    """One step of the intake: header, bound fields, error summary, and Back/Continue."""

    def __init__(self, slug: str) -> None:
        init_state()
        self.step = step_by_slug(slug)
        self.labels: dict[str, str] = {}
        self.errors: Errors = st.session_state[ERRORS].get(slug, {})
        st.caption(_("Step %(n)s of %(total)s", n=step_number(slug), total=len(STEPS)))
        st.progress(step_number(slug) / len(STEPS))
        st.title(_(self.step.title))
        self._summary = st.container()
        code = st.session_state.get(NEW_CODE)
        if code:
            self._show_new_code(code)

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
        store = answers() if data is None else data
        key = WIDGET_PREFIX + path
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
        chosen = set(get_path(answers(), path) or [])
        st.markdown(f"**{label}**")
        self.labels[path] = label
        selected = []
        for value, text in options.items():
            key = f"{WIDGET_PREFIX}{path}.{value}"
            if key not in st.session_state:
                st.session_state[key] = value in chosen
            if st.checkbox(text, key=key):
                selected.append(value)
        set_path(answers(), path, selected)
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
            if st.button(_("I have written the code down"), key="intake_code_seen"):
                del st.session_state[NEW_CODE]
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
        intake = services().intake
        draft_id = st.session_state[DRAFT_ID]
        step = resume_at or self.step.slug
        try:
            try:
                saved = intake.save_draft(draft_id, step, draft(), consents(), current_locale(), now())
            except DraftNotFound:
                saved = intake.save_draft(None, step, draft(), consents(), current_locale(), now())
        except StorageFailed:
            log.exception("saving a draft failed")
            st.error(
                _("Saving did not work. Your answers are still here. Please try again in a minute."),
                icon=":material/error:",
            )
            return False
        st.session_state[DRAFT_ID] = saved.draft_id
        if saved.resume_code:
            st.session_state[NEW_CODE] = saved.resume_code
        return True

    def go(self, slug: str) -> None:
        st.switch_page(step_by_slug(slug).page)

    def navigation(
        self, validate: Callable[[], Errors] | None = None, continue_label: str | None = None
    ) -> None:
        """Back and Continue; Continue validates, saves and moves on (or back to the review)."""
        index = step_number(self.step.slug) - 1
        previous = STEPS[index - 1].slug if index > 0 else None
        following = STEPS[index + 1].slug if index + 1 < len(STEPS) else None
        left, right = st.columns(2)
        back = previous is not None and left.button(
            _("Back"), key=f"intake_back_{self.step.slug}", icon=":material/arrow_back:"
        )
        forward = following is not None and right.button(
            continue_label or _("Continue"),
            key=f"intake_next_{self.step.slug}",
            type="primary",
            icon=":material/arrow_forward:",
        )
        if back and previous:
            st.session_state[ERRORS].pop(self.step.slug, None)
            if self.save(resume_at=previous):
                self.go(previous)
        elif forward and following:
            errors = validate() if validate else {}
            st.session_state[ERRORS][self.step.slug] = errors
            if errors:
                st.rerun()  # show each message next to its field, and the summary at the top
            target = "controleren" if st.session_state.get(RETURN_TO_REVIEW) else following
            if self.save(resume_at=target):
                st.session_state.pop(RETURN_TO_REVIEW, None)
                self.go(target)
        self._render_summary()


def consent_choices() -> dict[str, bool]:
    return {kind: record.given for kind, record in consents().items()}


def record_consent_choices(choices: dict[str, bool | None]) -> None:
    """Turn the consent page's choices into records; an unchanged choice keeps its moment."""
    team = services().municipality.social_team
    current = consents()
    for kind in ConsentKind:
        given = choices.get(kind.value)
        if given is None:
            current.pop(kind.value, None)
            continue
        existing = current.get(kind.value)
        if existing is None or existing.given != given or existing.locale != current_locale():
            current[kind.value] = consent_record(kind, given, current_locale(), team, now())
