"""Running a case action from a form, and keeping its outcome (the flash) for the next run.

Every form and button of the case page has the same shape: ``submit(case, act, done, labels)``
gives the widget its ``on_click`` and ``args``. The callback calls ``act(version)`` with the case
version that was on screen when the form was drawn, so a change made by a colleague in the
meantime is detected (``ConcurrentEdit``), never silently overwritten. The outcome, ``done`` or
the message for the refusal (``smi_web.refusals``), is shown at the top of the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from pydantic import ValidationError

from smi_intake.services.cases import CaseView
from smi_web.refusals import REFUSALS, message_for
from smi_web.ui import _

FLASH = "case_flash"
DATE_FORMAT = "DD-MM-YYYY"

#: An action: called with the case version on screen; what it returns is not used.
Act = Callable[[int], object]


class Incomplete(Exception):
    """A form was sent without a choice it needs; ``message`` says which (nothing was called)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def show_flash() -> None:
    """The outcome of the last action, once."""
    flash = st.session_state.pop(FLASH, None)
    if not flash:
        return
    kind, message = flash
    if kind == "success":
        st.success(message, icon=":material/check:")
    else:
        st.error(message, icon=":material/error:")


def flash_error(message: str) -> None:
    """Show ``message`` as the outcome at the top of the next run."""
    st.session_state[FLASH] = ("error", message)


def value(key: str) -> Any:
    """The value of a widget, by its key."""
    return st.session_state.get(key)


def text(key: str) -> str:
    """The text of a widget, "" when it is empty."""
    return str(value(key) or "")


def lines(key: str) -> list[str]:
    """The non-empty lines of a text area, stripped."""
    return [line.strip() for line in text(key).splitlines() if line.strip()]


def _invalid_fields(invalid: ValidationError, labels: Mapping[str, str]) -> str:
    fields = []
    for error in invalid.errors():
        name = str(error["loc"][0]) if error["loc"] else ""
        fields.append(labels.get(name, name) if name else error["msg"])
    return _("Please complete or correct: %(fields)s", fields="; ".join(dict.fromkeys(fields)))


def run(action: Callable[[], object], done: str, labels: Mapping[str, str] | None = None) -> None:
    """Call a service; keep ``done``, or the message of the refusal, for the next run."""
    try:
        action()
    except Incomplete as incomplete:
        flash_error(incomplete.message)
    except ValidationError as invalid:
        flash_error(_invalid_fields(invalid, labels or {}))
    except REFUSALS as refused:
        message = message_for(refused)
        if message is None:
            raise
        flash_error(message)
    else:
        st.session_state[FLASH] = ("success", done)


def _run_with_version(act: Act, done: str, labels: Mapping[str, str], version: int) -> None:
    run(lambda: act(version), done, labels)


def submit(case: CaseView, act: Act, done: str, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The ``on_click`` and ``args`` of the button that runs ``act`` on the version now on screen."""
    return {"on_click": _run_with_version, "args": (act, done, labels or {}, case.version)}
