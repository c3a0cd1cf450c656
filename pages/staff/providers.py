"""The register of childcare providers and their locations: everyone reads and downloads it,
the coordinator and administrators add, change, deactivate and import locations."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from smi_core.access import Permission, StaffPage, may
from smi_core.constants import CareType
from smi_core.providers import (
    CSV_COLUMNS,
    LOCATION_CARE_TYPES,
    MSG_NOT_CSV,
    CsvError,
    ProviderLocationEntry,
    UnreadableCsv,
    decode_csv,
    entry_problems,
    parse_providers_csv,
)
from smi_intake.services.providers import LocationView
from smi_web.auth import require
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, escape_markdown, label

account = require(StaffPage.PROVIDERS)
providers = services().providers
may_edit = may(account.role, Permission.EDIT_PROVIDERS)
FLASH = "providers_flash"
NEXT_CHOICE = "providers_next_choice"
CHOICE = "providers_edit_choice"

st.title(_("Childcare providers"))
if flash := st.session_state.pop(FLASH, None):
    st.success(flash, icon=":material/check:")


def short_care_types(care_types: frozenset[CareType]) -> str:
    return ", ".join(c.value.upper() for c in CareType if c in care_types)


def csv_error_text(error: CsvError) -> str:
    problem = _(error.message, **error.values)
    if error.column:
        return _(
            "Line %(line)s, column %(column)s: %(problem)s",
            line=error.line,
            column=error.column,
            problem=problem,
        )
    return _("Line %(line)s: %(problem)s", line=error.line, problem=problem)


# -- the register ------------------------------------------------------------------------------

left, right = st.columns(2, vertical_alignment="bottom")
care_type = left.selectbox(
    _("Care type"),
    [None, *LOCATION_CARE_TYPES],
    format_func=lambda c: _("all") if c is None else label(c),
    key="providers_care_type",
)
show_inactive = right.checkbox(_("Show inactive locations"), key="providers_show_inactive")
shown = providers.locations(active_only=not show_inactive, care_type=care_type)

st.subheader(_("%(count)s locations", count=len(shown)))
if shown:
    st.dataframe(
        [
            {
                _("Provider"): view.provider_name,
                _("Location"): view.name,
                _("LRK number"): view.lrk_number,
                _("Care types"): short_care_types(view.care_types),
                _("Contact person"): view.contact_name,
                _("Telephone"): view.phone,
                _("E-mail address"): view.email,
                _("Active"): _("Yes") if view.active else _("No"),
            }
            for view in shown
        ],
        hide_index=True,
        key="providers_table",
    )
else:
    st.info(_("No locations match these filters."), icon=":material/info:")

st.download_button(
    _("Download as CSV"),
    data=providers.export_csv(active_only=not show_inactive).encode("utf-8"),
    file_name="kinderopvang-locaties.csv",
    mime="text/csv",
    key="providers_download",
    on_click="ignore",
    icon=":material/download:",
)

if not may_edit:
    st.stop()

# -- add or change a location ------------------------------------------------------------------

FIELD_LABELS = {
    "provider_name": _("Provider (houder)"),
    "contact_name": _("Contact person"),
    "phone": _("Telephone"),
    "email": _("E-mail address"),
    "location_name": _("Location name"),
    "address": _("Address"),
    "lrk_number": _("LRK number (9 digits)"),
    "care_types": _("Care types"),
}

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
        FIELD_LABELS["provider_name"],
        value=current.provider_name if current else "",
        max_chars=120,
        key=f"{prefix}provider_name",
    )
    values["location_name"] = right.text_input(
        FIELD_LABELS["location_name"],
        value=current.name if current else "",
        max_chars=120,
        key=f"{prefix}location_name",
    )
    values["address"] = left.text_input(
        FIELD_LABELS["address"],
        value=current.address if current else "",
        max_chars=200,
        key=f"{prefix}address",
    )
    values["lrk_number"] = right.text_input(
        FIELD_LABELS["lrk_number"],
        value=current.lrk_number if current else "",
        max_chars=12,
        key=f"{prefix}lrk_number",
    )
    values["care_types"] = st.multiselect(
        FIELD_LABELS["care_types"],
        list(LOCATION_CARE_TYPES),
        default=[c for c in LOCATION_CARE_TYPES if current and c in current.care_types],
        format_func=label,
        key=f"{prefix}care_types",
    )
    st.caption(_("Contact details belong to the provider and apply to all its locations."))
    left, middle, right = st.columns(3)
    values["contact_name"] = left.text_input(
        FIELD_LABELS["contact_name"],
        value=current.contact_name if current else "",
        max_chars=120,
        key=f"{prefix}contact_name",
    )
    values["phone"] = middle.text_input(
        FIELD_LABELS["phone"],
        value=current.phone if current else "",
        max_chars=40,
        key=f"{prefix}phone",
    )
    values["email"] = right.text_input(
        FIELD_LABELS["email"],
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
            text = f"{FIELD_LABELS.get(problem.name, problem.name)}: {_(problem.message, **problem.values)}"
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

# -- import a CSV file -------------------------------------------------------------------------

st.header(_("Import a CSV file"))
st.caption(
    _(
        "One line per location, with the columns %(columns)s. Separate care types with | or a space. "
        "Locations are matched by their LRK number: known ones are updated, new ones are added. "
        "When a line has an error, nothing is saved.",
        columns=", ".join(CSV_COLUMNS),
    )
)
upload = st.file_uploader(_("CSV file"), type=["csv", "txt"], key="providers_upload")
if upload is not None:
    try:
        text = decode_csv(upload.getvalue())
    except UnreadableCsv:
        st.error(_(MSG_NOT_CSV), icon=":material/error:")
    else:
        parsed = parse_providers_csv(text)
        if parsed.errors:
            lines = "\n".join(csv_error_text(error) for error in parsed.errors)
            st.error(
                _("Nothing was saved. Correct these lines and upload the file again.")
                + "  \n"
                + escape_markdown(lines),
                icon=":material/error:",
            )
        else:
            st.info(_("%(count)s locations in the file.", count=len(parsed.entries)), icon=":material/info:")
            if st.button(
                _("Import the file"), key="providers_import", type="primary", disabled=not parsed.entries
            ):
                try:
                    result = providers.import_csv(account, text, now())
                except REFUSALS as refused:
                    show_refusal(refused, Screen.PROVIDERS)
                else:
                    if result.errors:
                        st.error(
                            escape_markdown("\n".join(csv_error_text(error) for error in result.errors)),
                            icon=":material/error:",
                        )
                    else:
                        st.session_state[FLASH] = _(
                            "Imported: %(created)s added, %(updated)s changed, %(unchanged)s unchanged.",
                            created=result.created,
                            updated=result.updated,
                            unchanged=result.unchanged,
                        )
                        st.rerun()
