"""Municipality and coordinator: the granted indications and their costs, the providers' quarterly
subsidy applications (enter, check, submit, approve, reject, pay) and the parents' contribution."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_web.auth import require
from smi_web.funding_overview import contribution_overview, indications_and_costs
from smi_web.services import services
from smi_web.subsidy import applications_tab
from smi_web.ui import _

account = require(StaffPage.FUNDING)
st.title(_("Funding"))

costs_tab, applications, contribution_tab = st.tabs(
    [_("Indications and costs"), _("Subsidy applications"), _("Parents' contribution")]
)
with costs_tab:
    indications_and_costs(account)
with applications:
    applications_tab(account)
with contribution_tab:
    contribution_overview(services().municipality)
