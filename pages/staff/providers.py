"""The register of childcare providers and their locations: everyone reads and downloads it,
the coordinator and administrators add, change, deactivate and import locations."""

from __future__ import annotations

import streamlit as st

from smi_core.access import Permission, StaffPage, may
from smi_web.auth import require
from smi_web.provider_form import FLASH, location_form
from smi_web.provider_import import csv_import
from smi_web.provider_register import provider_register
from smi_web.ui import _

account = require(StaffPage.PROVIDERS)
st.title(_("Childcare providers"))
if flash := st.session_state.pop(FLASH, None):
    st.success(flash, icon=":material/check:")

provider_register()
if may(account.role, Permission.EDIT_PROVIDERS):
    location_form(account)
    csv_import(account)
