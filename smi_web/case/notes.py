"""Notes on the case: free text, added to the timeline."""

from __future__ import annotations

import streamlit as st

from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import flash_error, run, text
from smi_web.services import now, services
from smi_web.ui import _


def note_form(case: CaseView, worker: Account) -> None:
    key = f"case_note_{case.reference}"

    def add() -> None:
        note = text(key).strip()
        if not note:
            flash_error(_("Write a note first."))
            return
        run(
            lambda: services().casework.add_note(case.reference, worker, note, now()), _("The note is added.")
        )
        st.session_state[key] = ""

    st.text_area(_("Note"), max_chars=5000, key=key)
    st.button(_("Add the note"), key="case_note_add", on_click=add)
