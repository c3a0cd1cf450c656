"""Taking a new case: the worker becomes its case owner."""

from __future__ import annotations

import streamlit as st

from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import submit
from smi_web.services import now, services
from smi_web.ui import _


def take_button(case: CaseView, worker: Account) -> None:
    def take(version: int) -> None:
        services().queue.claim(case.reference, worker, now())

    st.button(
        _("Take the case"),
        key="case_take",
        type="primary",
        **submit(case, take, _("You are now the case owner.")),
    )
