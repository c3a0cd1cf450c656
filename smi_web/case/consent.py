"""Consents on the case page: what may be shared now, a consent the parents gave in writing, and
the question to the GP (only with the parents' consent)."""

from __future__ import annotations

import streamlit as st

from smi_core.cases import CONSENT_TEXTS, SMI_CONSENTS, ConsentKind
from smi_core.placement import (
    CONSENT_STATE_LABELS,
    SHARING_CONSENT,
    SHARING_LABELS,
    ConsentState,
    GpRequest,
    Sharing,
    consent_state,
)
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import Incomplete, submit, text, value
from smi_web.services import now, services
from smi_web.ui import _, plain_table


def sharing_overview(case: CaseView) -> None:
    """What may be shared now, by consent: said in words, not by colour alone."""
    consents = case.consents
    moment = now()
    rows = []
    for sharing in Sharing:
        state = consent_state(consents, SHARING_CONSENT[sharing], moment)
        rows.append(
            {
                _("Sharing"): _(SHARING_LABELS[sharing]),
                _("Consent"): _(CONSENT_STATE_LABELS[state]),
                _("Allowed now"): _("Yes") if state is ConsentState.GIVEN else _("No"),
            }
        )
    plain_table(rows)


def record_consent_form(case: CaseView, worker: Account) -> None:
    key = f"case_consent_{case.reference}"
    team = services().municipality.social_team

    def act(version: int) -> object:
        kind = value(f"{key}_kind")
        given = value(f"{key}_given")
        name = text(f"{key}_by").strip()
        if kind is None or given is None or not name:
            raise Incomplete(_("Choose the consent, whether it was given, and who gave it."))
        return services().placement.record_consent(
            case.reference, worker, version, ConsentKind(kind), bool(given), name, now()
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record a consent the parents gave in writing") + "**")
        st.selectbox(
            _("Consent"),
            list(SMI_CONSENTS),
            index=None,
            format_func=lambda k: _(CONSENT_TEXTS[k].message, team=team),
            key=f"{key}_kind",
        )
        st.radio(
            _("Answer of the parents"),
            [True, False],
            index=None,
            format_func=lambda v: _("Given") if v else _("Refused"),
            horizontal=True,
            key=f"{key}_given",
        )
        st.text_input(_("Given by (name of the parent)"), max_chars=120, key=f"{key}_by")
        st.form_submit_button(
            _("Record the consent"), key=f"{key}_submit", **submit(case, act, _("The consent is recorded."))
        )


def gp_form(case: CaseView, worker: Account) -> None:
    key = f"case_gp_{case.reference}"

    def act(version: int) -> object:
        request = GpRequest.model_validate({"question": text(f"{key}_question")})
        return services().placement.ask_gp(case.reference, worker, version, request, now())

    with st.form(key, border=True):
        st.markdown("**" + _("Ask the GP for medical information") + "**")
        st.caption(_("Only with the parents' consent to ask the GP."))
        st.text_area(_("Question to the GP"), max_chars=2000, key=f"{key}_question")
        st.form_submit_button(
            _("Record the question"),
            key=f"{key}_submit",
            **submit(
                case, act, _("The question to the GP is recorded."), {"question": _("Question to the GP")}
            ),
        )


def consents_table(case: CaseView) -> None:
    """Every consent recorded on the case, with its text version and whether it was withdrawn."""
    team = services().municipality.social_team
    if case.consents:
        plain_table(
            [
                {
                    _("Consent"): _(CONSENT_TEXTS[c.kind].message, team=team),
                    _("Given"): _("Yes") if c.given else _("No"),
                    _("Text version"): c.text_version,
                    _("Moment"): c.recorded_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                    _("Withdrawn"): c.withdrawn_at.astimezone().strftime("%d-%m-%Y")
                    if c.withdrawn_at
                    else "",
                }
                for c in case.consents
            ]
        )
    else:
        st.caption(_("No consents recorded yet."))
