"""Status of a sent request, for the parents: reference number plus resume code."""

from __future__ import annotations

import streamlit as st

from smi_core.cases import CONSENT_TEXTS, CaseStatus, ConsentKind, status_for_residents
from smi_core.errors import CaseNotFound
from smi_core.i18n import long_date
from smi_core.placement import CONSENT_STATE_LABELS, ConsentState, consent_state
from smi_web.funding import show_contribution_table
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, current_locale, plain

svc = services()
municipality = svc.municipality
st.title(_("Status of your request"))
st.write(_("Fill in your reference number and your resume code."))
with st.form("status_form"):
    reference = st.text_input(_("Reference number"), placeholder="SMI-2026-000123", key="status_reference")
    code = st.text_input(_("Resume code"), placeholder="XXXX-XXXX-XXXX-XXXX", key="status_code")
    look_up = st.form_submit_button(_("Look up"))
if look_up:
    st.session_state["status_found"] = True
flash = st.session_state.pop("status_flash", None)
if flash:
    st.success(flash, icon=":material/check:")


def withdraw(kind: ConsentKind) -> None:
    """The parents withdraw one consent; the sharing it covered stops now."""
    try:
        changed = svc.intake.withdraw_consent(
            st.session_state.get("status_reference", ""), st.session_state.get("status_code", ""), kind, now()
        )
    except CaseNotFound:
        st.session_state["status_found"] = False
        return
    if changed:
        st.session_state["status_flash"] = _(
            "You have withdrawn your consent. From now on, %(team)s no longer does this.",
            team=municipality.social_team,
        )


if st.session_state.get("status_found"):
    try:
        summary = svc.intake.status(reference, code)
    except REFUSALS as refused:
        show_refusal(refused, Screen.STATUS)
    else:
        title, next_step = status_for_residents(summary.status, summary.provision)
        st.subheader(_("Status: %(status)s", status=_(title)))
        st.write(_(next_step, team=municipality.social_team, days=municipality.contact_overdue_working_days))
        for moment, message in summary.messages:
            with st.container(border=True):
                st.markdown(
                    "**"
                    + _(
                        "Message from %(team)s, %(date)s",
                        team=municipality.social_team,
                        date=long_date(moment.date(), current_locale()),
                    )
                    + "**"
                )
                plain(message)
        if summary.status in (CaseStatus.GRANTED, CaseStatus.PLACEMENT_REQUESTED, CaseStatus.PLACED):
            show_contribution_table(municipality)
        st.subheader(_("Your consents"))
        st.write(
            _(
                "You can withdraw a consent. Then the sharing stops from that moment. "
                "This can mean that %(team)s cannot arrange everything.",
                team=municipality.social_team,
            )
        )
        moment = now()
        for kind in ConsentKind:  # each request asks its own; those never asked are skipped
            state = consent_state(summary.consents, kind, moment)
            if state is ConsentState.MISSING:
                continue
            with st.container(border=True):
                plain(_(CONSENT_TEXTS[kind].message, team=municipality.social_team))
                plain(_("Status: %(status)s", status=_(CONSENT_STATE_LABELS[state])))
                if state is ConsentState.GIVEN:
                    st.button(
                        _("Withdraw this consent"),
                        key=f"status_withdraw_{kind.value}",
                        on_click=withdraw,
                        args=(kind,),
                    )
