"""Childcare providers on the case page: who was asked for a place, asking one, their answer, and
the parents' registration with the provider that has a place."""

from __future__ import annotations

import streamlit as st

from smi_core.placement import PROVIDER_ANSWER_LABELS, ProviderAnswer
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import Incomplete, submit, text, value
from smi_web.services import now, services
from smi_web.ui import _, plain_table


def asked_table(case: CaseView) -> None:
    asked = case.placement.asked
    if not asked:
        st.caption(_("No provider has been asked yet."))
        return
    plain_table(
        [
            {
                _("Provider"): a.provider_name,
                _("Location"): a.location_name,
                _("Asked"): a.asked_at.astimezone().strftime("%d-%m-%Y"),
                _("Answer"): _(PROVIDER_ANSWER_LABELS[a.answer]) if a.answer else _("No answer yet"),
            }
            for a in asked
        ]
    )


def ask_provider_form(case: CaseView, worker: Account) -> None:
    key = f"case_ask_{case.reference}"
    locations = services().providers.locations()
    if not locations:
        st.warning(_("The register of childcare providers is empty."), icon=":material/warning:")
        return
    by_id = {loc.id: loc for loc in locations}

    def act(version: int) -> object:
        chosen = value(f"{key}_location")
        if chosen is None:
            raise Incomplete(_("Choose a location."))
        return services().placement.ask_provider(case.reference, worker, version, int(chosen), now())

    with st.form(key, border=True):
        st.markdown("**" + _("Ask a childcare provider for a place") + "**")
        st.caption(_("Only with the parents' consent to contact the provider."))
        st.selectbox(
            _("Provider and location"),
            list(by_id),
            index=None,
            format_func=lambda i: (
                f"{by_id[i].provider_name} – {by_id[i].name} "
                f"({', '.join(sorted(t.value for t in by_id[i].care_types))}; LRK {by_id[i].lrk_number})"
            ),
            key=f"{key}_location",
        )
        st.form_submit_button(
            _("Record the request"),
            key=f"{key}_submit",
            **submit(case, act, _("The request for a place is recorded.")),
        )


def provider_answer_form(case: CaseView, worker: Account) -> None:
    asked = {a.location_id: a for a in case.placement.asked}
    key = f"case_answer_{case.reference}"
    default_message = _(
        "The childcare provider we asked has no place for your child. We are now asking another provider."
    )

    def act(version: int) -> object:
        location = value(f"{key}_location")
        answer = value(f"{key}_answer")
        if location is None or answer is None:
            raise Incomplete(_("Choose the location and its answer."))
        message = text(f"{key}_message") if answer == ProviderAnswer.NO_PLACE else ""
        return services().placement.provider_answer(
            case.reference, worker, version, int(location), ProviderAnswer(answer), message, now()
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record the provider's answer") + "**")
        st.selectbox(
            _("Location"),
            list(asked),
            index=len(asked) - 1,
            format_func=lambda i: f"{asked[i].provider_name} – {asked[i].location_name}",
            key=f"{key}_location",
        )
        st.radio(
            _("Answer"),
            list(ProviderAnswer),
            index=None,
            format_func=lambda a: _(PROVIDER_ANSWER_LABELS[a]),
            horizontal=True,
            key=f"{key}_answer",
        )
        st.text_area(
            _("Message to the parents when there is no place (shown on their status page)"),
            value=default_message,
            max_chars=5000,
            key=f"{key}_message",
        )
        st.form_submit_button(
            _("Record the answer"),
            key=f"{key}_submit",
            **submit(case, act, _("The provider's answer is recorded.")),
        )


def registered_button(case: CaseView, worker: Account) -> None:
    progress = case.placement.progress
    available = [a for a in case.placement.asked if a.answer is ProviderAnswer.PLACE_AVAILABLE]
    if not available or progress.registered_at == available[-1].location_id:
        return
    chosen = available[-1]

    def act(version: int) -> object:
        return services().placement.parents_registered(
            case.reference, worker, version, chosen.location_id, now()
        )

    st.button(
        _(
            "The parents registered with %(location)s",
            location=f"{chosen.provider_name} – {chosen.location_name}",
        ),
        key=f"case_registered_{case.reference}",
        **submit(case, act, _("The registration is recorded.")),
    )
