"""The case page of a Wmo case (route T): the melding as the resident sent it, the check's
findings, the legal terms, what was recorded, the messages of its toewijzing, and one form for
the next step the access worker may take. Everything a user typed is shown as plain text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

import streamlit as st

from smi_core.case import CaseAction
from smi_core.case.route import ACTION_LABELS
from smi_core.cases import STATUS_FOR_RESIDENTS
from smi_intake.services.accounts import Account
from smi_intake.services.wmo_cases import WmoCaseView
from smi_web.case.action import run, show_flash
from smi_web.case.wmo_change import change_request_table, judge_change_form
from smi_web.case.wmo_coalition import coalition_section, goes_to_coalition, pass_form
from smi_web.case.wmo_forms import (
    beschikking_form,
    client_form,
    plan_form,
    provision_form,
    report_form,
    submit_on_version,
)
from smi_web.case.wmo_letter import beschikking_letter
from smi_web.case.wmo_sections import melding_view, messages_table, recorded, terms_table, timeline_section
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain_table
from smi_web.wmo_labels import provision_label

A = CaseAction


def wmo_case_page(reference: str, worker: Account) -> None:
    """The whole page of the Wmo case ``reference``."""
    svc = services()
    try:
        view = svc.wmo.view(reference, worker, now())
    except REFUSALS as refused:
        show_refusal(refused, Screen.CASE)
        return
    show_flash()
    st.subheader(reference)
    plain_table(
        [
            {
                _("Provision"): provision_label(view.provision.value),
                _("Status"): _(STATUS_FOR_RESIDENTS[view.status][0]),
                _("Received"): view.received_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                _("Owner"): view.owner or "—",
            }
        ]
    )
    st.subheader(_("Next step"))
    next_step(view, worker)
    st.subheader(_("Terms"))
    terms_table(view)
    recorded(view)
    coalition_section(view, worker)
    beschikking_letter(view, worker)
    if view.handover:
        handed_over_by(view.handover)
    melding_view(view)
    st.subheader(_("Messages of the toewijzing"))
    messages_table(view)
    timeline_section(view)


def next_step(view: WmoCaseView, worker: Account) -> None:
    acts = view.next_actions
    if A.TAKE in acts:
        st.write(_("Nobody handles this case yet. Take it to become its case owner."))
        st.button(
            _("Take the case"),
            key="case_wmo_take",
            type="primary",
            on_click=run,
            args=(
                lambda: services().wmo.take(view.reference, worker, now()),
                _("You are now the case owner."),
            ),
        )
        return
    if not view.may_change:
        st.info(
            _(
                "Only the case owner (%(owner)s) or the coordinator can change this case.",
                owner=view.owner or "-",
            ),
            icon=":material/lock:",
        )
        return
    if A.JUDGE_CHANGE in acts:
        judge_change_form(view, worker)
    elif view.records.change is not None:  # judged: waiting for the back office's answer
        st.write(_("The change request is judged. The back office sends the answer to the provider."))
        change_request_table(view.records.change)
    elif A.START_INVESTIGATION in acts:
        client_form(view, worker)
    elif A.REPORT_INVESTIGATION in acts:
        report_form(view, worker)
    elif A.SAVE_WMO_PLAN in acts and view.records.plan is None:
        plan_form(view, worker)
    elif A.CHOOSE_PROVISION in acts or A.GRANT_BESCHIKKING in acts:
        if A.GRANT_BESCHIKKING in acts:
            if goes_to_coalition(view):  # B2: passed on instead of a beschikking
                pass_form(view, worker)
                with st.expander(_("Or record a beschikking yourself (not through the coalition)")):
                    beschikking_form(view, worker)
            else:
                beschikking_form(view, worker)
        with st.expander(_(ACTION_LABELS[A.CHOOSE_PROVISION]), expanded=A.GRANT_BESCHIKKING not in acts):
            provision_form(view, worker, services().settings.catalogue())
        if A.SAVE_WMO_PLAN in acts:
            with st.expander(_("Change the support plan")):
                plan_form(view, worker)
    elif A.REFUSE_BESCHIKKING in acts:  # no maatwerk needed: the aanvraag is refused
        beschikking_form(view, worker)
    else:
        st.write(_(STATUS_FOR_RESIDENTS[view.status][1], team=services().municipality.social_team))
    for action, done in (
        (A.WITHDRAW, _("The withdrawal is recorded.")),
        (A.CLOSE, _("The case is closed.")),
    ):
        if action in acts:
            method = services().wmo.withdraw if action is A.WITHDRAW else services().wmo.close
            st.button(
                _(ACTION_LABELS[action]),
                key=f"case_wmo_{action.value}",
                **submit_on_version(view, partial(_leave, method, view.reference, worker), done, {}),
            )


def _leave(
    method: Callable[[str, Account, int, datetime], int], reference: str, worker: Account, version: int
) -> int:
    return method(reference, worker, version, now())


__all__ = ["wmo_case_page"]


def handed_over_by(handover: dict[str, object]) -> None:
    """Who handed the resident over, and how to reach them for the warm contact (plain text)."""
    st.subheader(_("Warm handover"))
    rows = {
        _("Organisation"): handover.get("organisation", ""),
        _("Professional"): handover.get("professional_name", ""),
        _("Phone number"): handover.get("professional_phone", ""),
        _("E-mail address"): handover.get("professional_email", ""),
        _("Reachable"): handover.get("availability", ""),
        _("Urgent"): _("Yes") if handover.get("urgent") else _("No"),
        _("Why is it urgent?"): handover.get("urgency_reason", ""),
    }
    plain_table([{_("Subject"): key, _("Value"): str(value or "—")} for key, value in rows.items()])
