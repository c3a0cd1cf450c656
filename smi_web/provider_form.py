"""Adding or changing a provider's location, and (de)activating it: for those who edit the register."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from smi_core.providers import LOCATION_CARE_TYPES, ProviderLocationEntry, entry_problems
from smi_intake.services.accounts import Account
from smi_intake.services.providers import LocationView
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, escape_markdown, label

#: The message shown after the next run (a saved or (de)activated location).
FLASH = "providers_flash"
NEXT_CHOICE = "providers_next_choice"
CHOICE = "providers_edit_choice"


def field_labels() -> dict[str, str]:
    """The form's labels, in the reader's language."""
    return {
        "provider_name": _("Provider (houder)"),
        "contact_name": _("Contact person"),
        "phone": _("Telephone"),
        "email": _("E-mail address"),
        "location_name": _("Location name"),
        "address": _("Address"),
        "lrk_number": _("LRK number (9 digits)"),
        "care_types": _("Care types"),
    }


def location_form(account: Account) -> None:
    """Choose a location (or a new one), edit it and save; (de)activate a chosen one."""
    providers = services().providers
    labels = field_labels()
    st.header(_("Add or change a location"))
    every = {view.id: view for view in providers.locations(active_only=False)}
    if NEXT_CHOICE in st.session_state:
        st.session_state[CHOICE] = st.session_state.pop(NEXT_CHOICE)
    if st.session_state.get(CHOICE) not in (None, *every):
        st.session_state[CHOICE] = None

    def choice_label(location_id: int | None) -> str:
        if location_id is None:
            return _("New location")
        view = every[location_id]
        return f"{view.provider_name} – {view.name} ({view.lrk_number})"

    chosen = st.selectbox(_("Location to change"), [None, *every], format_func=choice_label, key=CHOICE)
    current: LocationView | None = every.get(chosen) if chosen is not None else None
    prefix = f"providers_{chosen if chosen is not None else 'new'}_"

    with st.form(f"{prefix}form"):
        values: dict[str, object] = {}
        left, right = st.columns(2)
        values["provider_name"] = left.text_input(
            labels["provider_name"],
            value=current.provider_name if current else "",
            max_chars=120,
            key=f"{prefix}provider_name",
        )
        values["location_name"] = right.text_input(
            labels["location_name"],
            value=current.name if current else "",
            max_chars=120,
            key=f"{prefix}location_name",
        )
        values["address"] = left.text_input(
            labels["address"],
            value=current.address if current else "",
            max_chars=200,
            key=f"{prefix}address",
        )
        values["lrk_number"] = right.text_input(
            labels["lrk_number"],
            value=current.lrk_number if current else "",
            max_chars=12,
            key=f"{prefix}lrk_number",
        )
        values["care_types"] = st.multiselect(
            labels["care_types"],
            list(LOCATION_CARE_TYPES),
            default=[c for c in LOCATION_CARE_TYPES if current and c in current.care_types],
            format_func=label,
            key=f"{prefix}care_types",
        )
        st.caption(_("Contact details belong to the provider and apply to all its locations."))
        left, middle, right = st.columns(3)
        values["contact_name"] = left.text_input(
            labels["contact_name"],
            value=current.contact_name if current else "",
            max_chars=120,
            key=f"{prefix}contact_name",
        )
        values["phone"] = middle.text_input(
            labels["phone"],
            value=current.phone if current else "",
            max_chars=40,
            key=f"{prefix}phone",
        )
        values["email"] = right.text_input(
            labels["email"],
            value=current.email if current else "",
            max_chars=200,
            key=f"{prefix}email",
        )
        save = st.form_submit_button(_("Save the location"), type="primary", key=f"{prefix}save")

    if save:
        try:
            entry = ProviderLocationEntry.model_validate(values)
        except ValidationError as invalid:
            for problem in entry_problems(invalid):
                text = f"{labels.get(problem.name, problem.name)}: {_(problem.message, **problem.values)}"
                st.error(escape_markdown(text), icon=":material/error:")
        else:
            try:
                saved = providers.save(account, entry, now(), location_id=chosen)
            except REFUSALS as refused:
                show_refusal(refused, Screen.PROVIDERS)
            else:
                st.session_state[FLASH] = _("The location is saved.")
                st.session_state[NEXT_CHOICE] = saved
                st.rerun()

    if current is not None:
        if current.active:
            toggle = st.button(_("Deactivate this location"), key="providers_toggle_active")
        else:
            toggle = st.button(_("Make this location active again"), key="providers_toggle_active")
        if toggle:
            try:
                providers.set_active(account, current.id, not current.active, now())
            except REFUSALS as refused:
                show_refusal(refused, Screen.PROVIDERS)
            else:
                st.session_state[FLASH] = (
                    _("The location is no longer active.")
                    if current.active
                    else _("The location is active again.")
                )
                st.rerun()
