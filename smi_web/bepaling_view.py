"""A bepaling jeugdhulp as the certified institution and the chosen provider read it: the decision
with the uniform registration form (G2-G3), the providers' words that they cannot deliver in time
(``GI-NOT-IN-TIME``), and what happened since (the 315, the 301, the start and the stop). Every
text a user typed is shown as plain text."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_core.cases import STATUS_FOR_RESIDENTS
from smi_core.istandaarden.codes import CategorieJw
from smi_core.jeugd.bepaling import MEASURE_LABELS, Bepaling, NotInTime
from smi_intake.services.gi import GiCase
from smi_web.assignments.labels import EENHEID_LABELS, FREQUENTIE_LABELS, GESLACHT_LABELS, coded
from smi_web.case.timeline import timeline_label
from smi_web.ui import _, plain, plain_table


def day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value is not None else "—"


def child_name(bepaling: Bepaling) -> str:
    """The child's name as a list shows it: given name, prefix and surname."""
    child = bepaling.child
    return " ".join(
        part for part in (child.given_name or child.initials, child.prefix, child.surname) if part
    )


def product_text(bepaling: Bepaling) -> str:
    category = coded(CategorieJw(bepaling.category))
    if not bepaling.product_code:
        return category
    name = f" {bepaling.product_name}" if bepaling.product_name else ""
    return f"{bepaling.product_code}{name} ({category})"


def volume_text(bepaling: Bepaling) -> str:
    return _(
        "%(volume)s %(unit)s %(frequency)s",
        volume=bepaling.volume,
        unit=_(EENHEID_LABELS[bepaling.unit]),
        frequency=_(FREQUENTIE_LABELS[bepaling.frequency]),
    )


def provider_text(bepaling: Bepaling) -> str:
    return (
        f"{bepaling.provider_name} ({bepaling.provider_agb})"
        if bepaling.provider_name
        else bepaling.provider_agb
    )


def status_text(case: GiCase) -> str:
    return _(STATUS_FOR_RESIDENTS[case.status][0])


def bepalingen_table(cases: list[GiCase]) -> None:
    """The list of bepalingen; one whose provider cannot deliver in time is marked."""
    plain_table(
        [
            {
                _("Case"): c.reference,
                _("Child"): child_name(c.bepaling),
                _("Youth care"): product_text(c.bepaling),
                _("Youth-care provider"): provider_text(c.bepaling),
                _("From"): day(c.bepaling.start),
                _("Status"): status_text(c),
                _("Provider not in time"): _("yes: choose another provider")
                if c.pending_not_in_time is not None
                else "",
            }
            for c in cases
        ]
    )


def bepaling_details(bepaling: Bepaling) -> None:
    """The bepaling and its uniform registration form (G2-G3)."""
    child = bepaling.child
    st.subheader(_("Bepaling jeugdhulp"))
    plain_table(
        [
            {_("Field"): _("Certified institution"), _("Value"): bepaling.gi_organisation},
            {_("Field"): _("Decided by"), _("Value"): bepaling.jeugdbeschermer},
            {_("Field"): _("Decided on"), _("Value"): day(bepaling.decided_on)},
            {_("Field"): _("Measure"), _("Value"): _(MEASURE_LABELS[bepaling.measure])},
            {_("Field"): _("Child"), _("Value"): child_name(bepaling)},
            {_("Field"): _("BSN"), _("Value"): child.bsn},
            {_("Field"): _("Date of birth"), _("Value"): day(child.date_of_birth)},
            {_("Field"): _("Gender"), _("Value"): _(GESLACHT_LABELS[child.gender])},
            {_("Field"): _("Youth care"), _("Value"): product_text(bepaling)},
            {_("Field"): _("Volume"), _("Value"): volume_text(bepaling)},
            {_("Field"): _("Period"), _("Value"): f"{day(bepaling.start)} – {day(bepaling.end)}"},
            {_("Field"): _("Youth-care provider"), _("Value"): provider_text(bepaling)},
            {_("Field"): _("Motivation"), _("Value"): bepaling.motivation},
        ]
    )
    form = bepaling.registration
    st.subheader(_("Registration form"))
    plain_table(
        [
            {_("Field"): _("Reason for the registration"), _("Value"): form.reason},
            {_("Field"): _("Goals of the help"), _("Value"): form.goals},
            {_("Field"): _("Urgent"), _("Value"): _("yes") if form.urgent else _("no")},
            {_("Field"): _("Parents informed"), _("Value"): _("yes") if form.parents_informed else _("no")},
            {_("Field"): _("Contact person"), _("Value"): form.contact_name},
            {_("Field"): _("Phone"), _("Value"): form.contact_phone},
            {_("Field"): _("Other information"), _("Value"): form.notes},
        ]
    )


def not_in_time_text(report: NotInTime) -> str:
    """A provider's word that it cannot deliver in time, in one line."""
    text = _(
        "Provider %(agb)s cannot deliver in time (said on %(day)s).",
        agb=report.provider_agb,
        day=day(report.reported_on),
    )
    if report.earliest_start is not None:
        text += " " + _("Earliest start: %(day)s.", day=day(report.earliest_start))
    return text


def not_in_time_notice(case: GiCase) -> None:
    """The provider's word that it cannot deliver in time, marked, until an adjusted bepaling."""
    report = case.pending_not_in_time
    if report is None:
        return
    st.warning(not_in_time_text(report), icon=":material/schedule:")
    if report.note:
        plain(report.note)


def history(case: GiCase) -> None:
    """What happened since the bepaling: every entry of the case's timeline, oldest first."""
    st.subheader(_("What happened since"))
    plain_table(
        [
            {
                _("When"): e.occurred_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                _("Who"): e.actor,
                _("What"): timeline_label(e.kind),
            }
            for e in case.timeline
        ]
    )
    if len(case.not_in_time) > (1 if case.pending_not_in_time else 0):
        st.caption(_("Earlier answers of providers that could not deliver in time:"))
        for report in case.not_in_time:
            if report is not case.pending_not_in_time:
                plain(not_in_time_text(report))
