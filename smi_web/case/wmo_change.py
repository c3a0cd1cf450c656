"""A provider's change request (317) on a Wmo case: what it asks, and the access worker's
judgement (honoured: the back office sends a new 301; refused: a 319 with its reason)."""

from __future__ import annotations

import streamlit as st

from smi_core.case import CaseAction
from smi_core.case.route import ACTION_LABELS
from smi_core.istandaarden.codes import RedenAfwijzingVerzoek
from smi_core.wmo.casework import ChangeJudgement, ChangeRequest
from smi_intake.services.accounts import Account
from smi_intake.services.wmo_cases import WmoCaseView
from smi_intake.services.wmo_views import JeugdCaseView
from smi_web.case.action import text, value
from smi_web.case.wmo_forms import submit_on_version
from smi_web.case.wmo_sections import day
from smi_web.services import now, services
from smi_web.ui import _, plain_table


def change_request_table(change: ChangeRequest) -> None:
    plain_table(
        [
            {
                _("Reference of the provider"): change.referentie_aanbieder,
                _("ToewijzingNummer"): str(change.toewijzing_nummer),
                _("From"): day(change.from_date),
                _("Volume"): "" if change.volume is None else str(change.volume),
                _("End"): day(change.einddatum) if change.einddatum else "",
                _("New products asked"): str(change.new_products),
            }
        ]
    )


def judge_change_form(view: WmoCaseView | JeugdCaseView, worker: Account) -> None:
    change = view.records.change
    if change is None:
        return
    key = f"case_wmo_change_{view.reference}"
    labels = {
        "honoured": _("Judgement"),
        "refusal_reason": _("Reason of the refusal"),
        "motivation": _("Motivation"),
    }
    reasons = list(RedenAfwijzingVerzoek)

    def act(version: int) -> int:
        honoured = bool(value(f"{key}_honoured"))
        judgement = ChangeJudgement.model_validate(
            {
                "referentie_aanbieder": change.referentie_aanbieder,
                "honoured": honoured,
                "refusal_reason": None if honoured else value(f"{key}_refusal_reason"),
                "motivation": text(f"{key}_motivation"),
            }
        )
        return services().wmo.judge_change_request(view.reference, worker, version, judgement, now())

    st.markdown("**" + _(ACTION_LABELS[CaseAction.JUDGE_CHANGE]) + "**")
    change_request_table(change)
    with st.form(key):
        st.radio(
            labels["honoured"],
            [True, False],
            format_func=lambda honoured: _("honour it (a new 301)") if honoured else _("refuse it (a 319)"),
            key=f"{key}_honoured",
        )
        st.selectbox(
            labels["refusal_reason"],
            reasons,
            format_func=lambda code: f"{code.value} {code.label}",
            key=f"{key}_refusal_reason",
        )
        st.text_area(labels["motivation"], max_chars=5000, key=f"{key}_motivation")
        st.form_submit_button(
            _("Record the judgement"),
            key=f"{key}_submit",
            **submit_on_version(
                view, act, _("The judgement is recorded. The back office sends the answer."), labels
            ),
        )


__all__ = ["change_request_table", "judge_change_form"]
