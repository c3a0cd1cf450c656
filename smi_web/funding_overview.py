"""The funding page's overviews (staff only): the granted indications with their costs (and how
many are not shown because the parents did not consent to sharing them with the municipality),
and the parents' contribution as the municipality configured it."""

from __future__ import annotations

from typing import Any

import streamlit as st

from smi_core import MunicipalityConfig
from smi_core.funding import INDICATION_PHASE_LABELS
from smi_core.placement import CONSENT_STATE_LABELS
from smi_intake.services.accounts import Account
from smi_web.funding import contribution_rows, day, money, show_contribution_table
from smi_web.services import now, services
from smi_web.ui import _, label, plain_table


def indications_and_costs(account: Account) -> None:
    funding = services().funding
    municipality = services().municipality
    overview = funding.indications(account, now())
    rated = bool(municipality.dagdeel_rates)
    if overview.costs:
        rows: list[dict[str, Any]] = []
        for cost in overview.costs:
            row: dict[str, Any] = {
                _("Reference"): cost.reference,
                _("Provider"): cost.provider or "—",
                _("Location"): cost.location or "—",
                _("Care type"): label(cost.care_type),
                _("Start"): day(cost.start),
                _("Last day"): day(cost.last_day),
                _("Extensions"): cost.extensions,
                _("Children"): cost.children,
                _("Part-days per week"): cost.dagdelen_per_week,
                _("Approved"): money(cost.approved_cents),
                _("Paid"): money(cost.paid_cents),
            }
            if rated:
                row[_("Estimated cost")] = (
                    "—" if cost.estimated_cents is None else money(cost.estimated_cents)
                )
            row[_("Status")] = _(INDICATION_PHASE_LABELS[cost.phase])
            rows.append(row)
        st.dataframe(rows, hide_index=True)  # not st.table: its cells are markdown
    else:
        st.info(_("There are no granted indications to show."), icon=":material/info:")
    columns = st.columns(4 if rated else 3)
    columns[0].metric(_("Indications shown"), len(overview.costs))
    columns[1].metric(_("Approved in total"), money(overview.approved_cents))
    columns[2].metric(_("Paid in total"), money(overview.paid_cents))
    if rated:
        estimated = overview.estimated_cents
        columns[3].metric(_("Estimated in total"), "—" if estimated is None else money(estimated))
    else:
        st.caption(_("No subsidy rate per part-day is configured, so there is no cost estimate."))
    if overview.hidden_count:
        st.info(
            _(
                "%(count)s indications are not shown: the parents have not given consent to share "
                "their data with the municipality, or have withdrawn it.",
                count=overview.hidden_count,
            ),
            icon=":material/visibility_off:",
        )
        st.caption(
            " · ".join(
                f"{_(CONSENT_STATE_LABELS[state])}: {count}"
                for state, count in sorted(overview.hidden.items())
            )
        )


def contribution_overview(municipality: MunicipalityConfig) -> None:
    """The funding page's view of the parents' contribution: the table, the referral for financial
    support, and what WIJzer and the parents see."""
    if municipality.parent_contribution:
        st.write(_("The parents' own contribution per hour, by yearly household income:"))
        plain_table(contribution_rows(municipality))
    else:
        st.info(
            _(
                "The municipality has not configured a contribution table. The childcare provider sets "
                "the parents' own contribution from the VNG table of parental contributions."
            ),
            icon=":material/info:",
        )
    st.caption(
        _(
            "Where parents cannot pay their contribution, WIJzer looks at further financial support "
            "(SDD) and records the referral on the case."
        )
    )
    with st.expander(_("What WIJzer and the parents see")):
        show_contribution_table(municipality)
