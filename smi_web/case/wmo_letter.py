"""The beschikking of a Wmo case as the letter to the resident: once it is recorded, its term
(``TOE-BESCHIKKING-TERM``) and a PDF in the resident's language, made when asked for (the read is
logged), as the indication form's PDF is offered."""

from __future__ import annotations

import streamlit as st

from smi_core.i18n import language_name
from smi_core.wmo.terms import Term
from smi_intake.services.accounts import Account
from smi_intake.services.wmo_cases import WmoCaseView
from smi_web.case.wmo_sections import day
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _

__all__ = ["beschikking_letter"]

#: The session key of the PDF made: (reference, the case's version it was made of, the bytes).
MADE_KEY = "case_wmo_letter_pdf"


def beschikking_letter(view: WmoCaseView, worker: Account) -> None:
    """The beschikking's term and its letter as a PDF, once a beschikking is recorded."""
    beschikking = view.records.beschikking
    if beschikking is None:
        return
    st.subheader(_("The beschikking letter"))
    term = next((t for t in view.terms if t.term is Term.BESCHIKKING), None)
    if term is not None:  # dates and a rule id only: no typed text
        st.write(
            _(
                "Due date (TOE-BESCHIKKING-TERM): %(due)s. Decided on %(decided)s.",
                due=day(term.due),
                decided=day(beschikking.decided_on),
            )
            + (" " + _("%(days)s days late", days=term.days_late) if term.overdue else "")
        )
    st.caption(
        _(
            "The letter is in the resident's language (%(language)s). Making it is logged.",
            language=language_name(view.locale),
        )
    )
    made = st.session_state.get(MADE_KEY)
    if made and made[:2] == (view.reference, view.version):
        st.download_button(
            _("Download the beschikking (PDF)"),
            data=made[2],
            file_name=f"beschikking-{view.reference}.pdf",
            mime="application/pdf",
            key="case_wmo_letter_download",
            type="primary",
        )
        return
    if st.button(_("Make the beschikking letter (PDF)"), key="case_wmo_letter_make"):
        try:
            pdf = services().wmo.beschikking_pdf(view.reference, worker, now())
        except REFUSALS as refused:
            show_refusal(refused, Screen.CASE)
            return
        st.session_state[MADE_KEY] = (view.reference, view.version, pdf)
        st.rerun()
