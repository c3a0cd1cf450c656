"""The register of childcare providers and their locations as a table, with its CSV download."""

from __future__ import annotations

import streamlit as st

from smi_core.constants import CareType
from smi_core.providers import LOCATION_CARE_TYPES
from smi_web.services import services
from smi_web.ui import _, label


def short_care_types(care_types: frozenset[CareType]) -> str:
    return ", ".join(c.value.upper() for c in CareType if c in care_types)


def provider_register() -> None:
    """The locations (filtered by care type; inactive ones on request) and the download of them."""
    providers = services().providers
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
