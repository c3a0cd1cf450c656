"""WIJzer: one case with everything the parents and the agency entered, the consents, the check,
the documents and the timeline. Opening a case or a document is logged."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_core.case import CaseAction
from smi_core.cases import STATUS_FOR_RESIDENTS
from smi_web.auth import require
from smi_web.case import (
    action,
    consent,
    conversation,
    decision,
    details,
    financial,
    indication_form,
    notes,
    other_route,
    placement,
    provider,
    review,
    support_plan,
    taking,
    timeline,
    wmo,
)
from smi_web.case.jeugd import jeugd_case_page
from smi_web.funding import show_contribution_table
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, current_locale, plain_table

worker = require(StaffPage.CASE)
svc = services()
st.title(_("Case"))

if "case_open" in st.session_state:  # opened from the queue
    st.session_state["case_reference"] = st.session_state.pop("case_open")
reference = (
    st.text_input(_("Reference number"), placeholder="SMI-2026-000123", key="case_reference").strip().upper()
)
if not reference:
    st.info(_("Fill in the reference number of a case from the queue."), icon=":material/info:")
    st.stop()
if svc.jeugd_requests.is_request_case(reference):  # youth care by a bepaling or a provider's 315
    jeugd_case_page(reference, worker)
    st.stop()
if svc.wmo.is_wmo(reference):  # a Wmo case follows route T, on its own sections
    wmo.wmo_case_page(reference, worker)
    st.stop()
try:
    case = svc.cases.view(reference, worker, now())
except REFUSALS as refused:
    show_refusal(refused, Screen.CASE)
    st.stop()

team = svc.municipality.social_team
action.show_flash()
st.subheader(reference)
plain_table(
    [
        {
            _("Status"): _(STATUS_FOR_RESIDENTS[case.status][0]),
            _("Source"): case.source.value,
            _("Received"): case.received_at.astimezone().strftime("%d-%m-%Y %H:%M"),
            _("Urgent"): _("Yes") if case.urgent else _("No"),
            _("Owner"): case.owner or "—",
        }
    ]
)

A = CaseAction
# Everything below is drawn from the case's route: the areas from what its status allows, the
# forms from what this worker may do now (Case.open_actions) and next (Case.next_actions).
stage, areas, acts = case.route_actions, case.open_actions, case.next_actions
st.subheader(_("Next step"))
if A.TAKE in acts:
    st.write(_("Nobody handles this case yet. Take it to become its case owner."))
    taking.take_button(case, worker)
elif not case.may_change:
    st.info(
        _(
            "Only the case owner (%(owner)s) or the SMI coordinator can change this case.",
            owner=case.owner or "-",
        ),
        icon=":material/lock:",
    )
elif A.RECORD_CONVERSATION in acts:
    conversation.conversation_form(case, worker)
    with st.expander(_("Move the appointment"), key="case_x_move"):
        conversation.plan_form(case, worker)
elif A.PLAN_CONVERSATION in acts:
    conversation.plan_form(case, worker)
    if A.REFER_OTHER_ROUTE in acts:
        with st.expander(_("SMI clearly does not fit: refer to another route"), key="case_x_route_early"):
            other_route.other_route_form(case, worker)
elif A.TO_TEAM_MEETING in acts:
    st.write(_("Check the indication form below, then present the case in the 0-100 meeting."))
    decision.team_meeting_button(case, worker)
    with st.expander(_("SMI does not fit after all: refer to another route"), key="case_x_route_late"):
        other_route.other_route_form(case, worker)
elif A.REFER_OTHER_ROUTE in acts:  # the conversation found that SMI does not fit
    other_route.other_route_form(case, worker)
elif A.GRANT in acts:
    decision.decision_form(case, worker)
elif A.REQUEST_PLACEMENT in acts:
    st.write(
        _(
            "Ask a childcare provider for a place, write the support plan with the parents, "
            "and record the placement below."
        )
    )
elif A.RECORD_REVIEW in areas:
    st.write(_("Keep to the review calendar below: the contact after three months, then extend or end."))
else:
    st.write(
        _(STATUS_FOR_RESIDENTS[case.status][1], team=team, days=svc.municipality.contact_overdue_working_days)
    )

records = case.records
if records.plan or records.conversation or records.other_route or records.decision:
    st.subheader(_("Recorded"))
conversation.recorded_conversation(case)
other_route.recorded_other_route(case)
decision.recorded_decision(case)

if A.WRITE_FORM in stage or records.forms:
    st.subheader(_("Indication form"))
    if case.may_change:
        indication_form.indication_form(case, worker)
    indication_form.form_versions(case, worker, current_locale())

placed = case.placement
placement_open = A.SAVE_PLAN in stage
if placement_open or placed.asked or placed.indication:
    st.subheader(_("Placement"))
    st.markdown("**" + _("What may be shared now") + "**")
    consent.sharing_overview(case)
    editable = A.SAVE_PLAN in areas
    if editable and A.RECORD_CONSENT in acts:
        with st.expander(_("Record a consent the parents gave in writing"), key="case_x_consent"):
            consent.record_consent_form(case, worker)
    st.markdown("**" + _("Childcare providers asked") + "**")
    provider.asked_table(case)
    if A.REQUEST_PLACEMENT in acts:
        provider.ask_provider_form(case, worker)
        if A.PROVIDER_ANSWER in acts:
            provider.provider_answer_form(case, worker)
            provider.registered_button(case, worker)
    st.markdown("**" + _("Support plan") + "**")
    support_plan.support_plan(case, worker, editable)
    if A.RECORD_PLACEMENT in areas:
        placement.placement_form(case, worker)
    if placed.indication:
        st.subheader(_("Indication"))
        placement.indication_overview(case)
        if A.RECORD_REVIEW in areas:
            if placed.indication.contact_done_on is None:
                review.review_form(case, worker)
            with st.expander(_("Extend the indication"), key="case_x_extend"):
                review.extension_form(case, worker)
            with st.expander(_("End the indication"), key="case_x_end"):
                review.end_form(case, worker)
    show_contribution_table(svc.municipality)
    financial.financial_referrals(case)
    if A.FINANCIAL_REFERRAL in acts:
        financial.financial_referral_form(case, worker)
if A.RECORD_CONSENT in acts and not placement_open:
    with st.expander(_("Record a consent the parents gave in writing"), key="case_x_consent_early"):
        consent.record_consent_form(case, worker)
if A.ASK_GP in acts:
    with st.expander(_("Ask the GP for medical information"), key="case_x_gp"):
        consent.gp_form(case, worker)

details.handover_view(case)
details.request_view(case)
details.check_view(case)

st.subheader(_("Consents"))
consent.consents_table(case)

st.subheader(_("Documents"))
details.documents(case, worker)

st.subheader(_("Notes"))
notes.note_form(case, worker)

st.subheader(_("Timeline"))
timeline.timeline_table(case)
