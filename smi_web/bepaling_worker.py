"""A certified institution's bepaling as it went to the municipal worker (G3), on the case page: the
bepaling with the registration form and what happened since, read only (the GI decided,
``GI-DECIDES``; the provider's 315 and the back office's 301 follow)."""

from __future__ import annotations

import streamlit as st

from smi_intake.services.accounts import Account
from smi_web.bepaling_view import bepaling_details, history, not_in_time_notice, status_text
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain


def bepaling_case_page(reference: str, worker: Account) -> None:
    try:
        case = services().gi.for_worker(worker, reference, now())
    except REFUSALS as refused:
        show_refusal(refused, Screen.CASE)
        return
    st.subheader(reference)
    plain(_("Status: %(status)s", status=status_text(case)))
    st.caption(
        _(
            "A certified institution decided on this youth care. The provider it chose asks for the "
            "assignment (315); the back office answers with a 301 and a beschikking without "
            "objection clause."
        )
    )
    not_in_time_notice(case)
    bepaling_details(case.bepaling)
    history(case)
