"""What a youth-care case's page shows of routes G and M: the way it came in, the certified
institution's bepaling with its registration form, and the providers' words that they cannot
deliver in time. Everything a user typed is shown as plain text."""

from __future__ import annotations

import streamlit as st

from smi_core.case.jeugd_records import JEUGD_ROUTE_LABELS, JeugdRecords
from smi_core.jeugd.bepaling import MEASURE_LABELS, Bepaling
from smi_core.wmo.letters import category_label
from smi_core.wmo.terms import Law
from smi_web.case.wmo_sections import day
from smi_web.ui import _, plain, plain_table


def youth_section(jeugd: JeugdRecords | None) -> None:
    """The route of a youth-care case, and its bepaling and not-in-time answers, if any."""
    if jeugd is None:
        return
    if jeugd.route is not None:
        st.write(_("Youth care, %(route)s.", route=_(JEUGD_ROUTE_LABELS[jeugd.route])))
    if jeugd.bepaling is not None:
        bepaling_view(jeugd.bepaling, adjusted=len(jeugd.bepalingen) > 1)
    if jeugd.not_in_time:
        st.subheader(_("The provider cannot deliver in time"))
        plain_table(
            [
                {
                    _("Provider"): answer.provider_agb,
                    _("Reported on"): day(answer.reported_on),
                    _("Earliest start"): day(answer.earliest_start) if answer.earliest_start else "—",
                    _("Note"): answer.note or "—",
                }
                for answer in jeugd.not_in_time
            ]
        )


def bepaling_view(bepaling: Bepaling, *, adjusted: bool = False) -> None:
    """The bepaling jeugdhulp as the certified institution recorded it (G2), with its
    registration form."""
    st.subheader(_("Adjusted bepaling jeugdhulp") if adjusted else _("Bepaling jeugdhulp"))
    child = bepaling.child
    name = " ".join(part for part in (child.given_name, child.prefix, child.surname) if part)
    plain_table(
        [
            {_("Subject"): key, _("Value"): value}
            for key, value in (
                (_("Child"), name),
                (_("Date of birth"), day(child.date_of_birth)),
                (_("Certified institution"), bepaling.gi_organisation),
                (_("Jeugdbeschermer"), bepaling.jeugdbeschermer),
                (_("Measure"), _(MEASURE_LABELS[bepaling.measure])),
                (_("Decided on"), day(bepaling.decided_on)),
                (
                    _("Youth care"),
                    " ".join(
                        part
                        for part in (
                            bepaling.category,
                            bepaling.product_code or "",
                            bepaling.product_name or category_label(Law.JEUGDWET, bepaling.category),
                        )
                        if part
                    ),
                ),
                (
                    _("Volume"),
                    f"{bepaling.volume} ({bepaling.unit.label}, {bepaling.frequency.label})",
                ),
                (_("Period"), day(bepaling.start) + " – " + (day(bepaling.end) if bepaling.end else "…")),
                (_("Provider"), bepaling.provider_name or bepaling.provider_agb),
            )
        ]
    )
    plain(_("Motivation") + ": " + bepaling.motivation)
    form = bepaling.registration
    with st.expander(_("Registration form")):
        plain(_("Reason for the registration") + ": " + form.reason)
        plain(_("What the help must reach") + ": " + form.goals)
        plain(_("Urgent") + ": " + (_("Yes") if form.urgent else _("No")))
        plain(_("Parents informed") + ": " + (_("Yes") if form.parents_informed else _("No")))
        if form.contact_name or form.contact_phone:
            plain(_("Contact") + ": " + " ".join(p for p in (form.contact_name, form.contact_phone) if p))
        if form.notes:
            plain(_("Notes") + ": " + form.notes)


__all__ = ["bepaling_view", "youth_section"]
