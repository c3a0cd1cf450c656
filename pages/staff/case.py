"""WIJzer: one case with everything the parents and the agency entered, the consents, the check,
the documents and the timeline. Opening a case or a document is logged."""

from __future__ import annotations

import streamlit as st

from smi_core.access import Role, StaffPage
from smi_core.cases import CONSENT_TEXTS, STATUS_FOR_RESIDENTS, CaseStatus
from smi_core.casework import CONVERSATION_SUBJECTS, MEETING_ROLE_LABELS
from smi_core.constants import LABELS, FindingStatus, Outcome
from smi_core.errors import CaseNotFound
from smi_core.handover import AGREEMENT_LABELS, AgreementChannel
from smi_core.lifecycle import is_open
from smi_intake.summary import summary_sections
from smi_web.auth import require
from smi_web.case import casework as actions
from smi_web.case import placement as placing
from smi_web.funding import show_contribution_table
from smi_web.services import now, services
from smi_web.ui import _, current_locale, plain, plain_table

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
try:
    case = svc.cases.view(reference, worker, now())
except CaseNotFound:
    st.error(_("There is no case with this reference number."), icon=":material/error:")
    st.stop()

team = svc.municipality.social_team
actions.show_flash()
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

S = CaseStatus
st.subheader(_("Next step"))
may_change = worker.username == case.owner or worker.role == Role.COORDINATOR
if case.status is S.NEW and case.owner is None:
    st.write(_("Nobody handles this case yet. Take it to become its case owner."))
    actions.take_button(case, worker)
elif not may_change:
    st.info(
        _(
            "Only the case owner (%(owner)s) or the SMI coordinator can change this case.",
            owner=case.owner or "-",
        ),
        icon=":material/lock:",
    )
elif case.status in (S.IN_TRIAGE, S.CONVERSATION_PLANNED):
    if case.status is S.CONVERSATION_PLANNED:
        actions.conversation_form(case, worker)
        with st.expander(_("Move the appointment"), key="case_x_move"):
            actions.plan_form(case, worker)
    else:
        actions.plan_form(case, worker)
        with st.expander(_("SMI clearly does not fit: refer to another route"), key="case_x_route_early"):
            actions.other_route_form(case, worker)
elif case.status is S.CONVERSATION_HELD:
    fits = case.records.conversation is None or case.records.conversation.smi_most_fitting
    if fits:
        st.write(_("Check the indication form below, then present the case in the 0-100 meeting."))
        actions.team_meeting_button(case, worker)
        with st.expander(_("SMI does not fit after all: refer to another route"), key="case_x_route_late"):
            actions.other_route_form(case, worker)
    else:
        actions.other_route_form(case, worker)
elif case.status is S.IN_TEAM_MEETING:
    actions.decision_form(case, worker)
elif case.status in (S.GRANTED, S.PLACEMENT_REQUESTED):
    st.write(
        _(
            "Ask a childcare provider for a place, write the support plan with the parents, "
            "and record the placement below."
        )
    )
elif case.status is S.PLACED:
    st.write(_("Keep to the review calendar below: the contact after three months, then extend or end."))
else:
    st.write(
        _(STATUS_FOR_RESIDENTS[case.status][1], team=team, days=svc.municipality.contact_overdue_working_days)
    )

records = case.records
if records.plan or records.conversation or records.other_route or records.decision:
    st.subheader(_("Recorded"))
if records.plan:
    with st.expander(_("Kitchen-table conversation: appointment")):
        plan = records.plan
        plain(f"{plan.on.strftime('%d-%m-%Y')} {plan.at.strftime('%H:%M')}, {plan.place}")
if records.conversation:
    talk = records.conversation
    with st.expander(_("Kitchen-table conversation of %(date)s", date=talk.held_on.strftime("%d-%m-%Y"))):
        for name, label in CONVERSATION_SUBJECTS:
            st.markdown(f"**{_(label)}**")
            plain(getattr(talk, name))
        st.markdown("**" + _("Is SMI the most fitting provision?") + "**")
        plain((_("Yes") if talk.smi_most_fitting else _("No")) + ". " + talk.judgement)
if records.other_route:
    with st.expander(_("Other route"), expanded=True):
        plain(_("The other route") + ": " + records.other_route.route)
        plain(_("The advice given to the family") + ": " + records.other_route.advice)
if records.decision:
    decision = records.decision
    with st.expander(_("Decision of the 0-100 meeting"), expanded=True):
        verdict = _("Granted") if decision.granted else _("Refused")
        plain(f"{verdict}, {decision.decided_on.strftime('%d-%m-%Y')}")
        plain(_("Reasons") + ": " + decision.reasons)
        plain(
            _("Roles present") + ": " + ", ".join(_(MEETING_ROLE_LABELS[r]) for r in decision.roles_present)
        )

if case.status in actions.FORM_STATUSES or records.forms:
    st.subheader(_("Indication form"))
    if may_change:
        actions.indication_form(case, worker)
    actions.form_versions(case, worker, current_locale())

PLACEMENT_OPEN = (S.GRANTED, S.PLACEMENT_REQUESTED, S.PLACED)
placement = case.placement
if case.status in PLACEMENT_OPEN or placement.asked or placement.indication:
    st.subheader(_("Placement"))
    st.markdown("**" + _("What may be shared now") + "**")
    placing.sharing_overview(case)
    editable = may_change and case.status in PLACEMENT_OPEN
    if editable:
        with st.expander(_("Record a consent the parents gave in writing"), key="case_x_consent"):
            placing.record_consent_form(case, worker)
    st.markdown("**" + _("Childcare providers asked") + "**")
    placing.asked_table(case)
    if may_change and case.status in (S.GRANTED, S.PLACEMENT_REQUESTED):
        placing.ask_provider_form(case, worker)
        if placement.asked:
            placing.provider_answer_form(case, worker)
            placing.registered_button(case, worker)
    st.markdown("**" + _("Support plan") + "**")
    placing.support_plan(case, worker, editable)
    if may_change and case.status is S.PLACEMENT_REQUESTED:
        placing.placement_form(case, worker)
    if placement.indication:
        st.subheader(_("Indication"))
        placing.indication_overview(case)
        if may_change and case.status is S.PLACED:
            if placement.indication.contact_done_on is None:
                placing.review_form(case, worker)
            with st.expander(_("Extend the indication"), key="case_x_extend"):
                placing.extension_form(case, worker)
            with st.expander(_("End the indication"), key="case_x_end"):
                placing.end_form(case, worker)
    show_contribution_table(svc.municipality)
    placing.financial_referrals(case)
    if editable:
        placing.financial_referral_form(case, worker)
if may_change and case.status not in (S.NEW, *PLACEMENT_OPEN) and is_open(case.status):
    with st.expander(_("Record a consent the parents gave in writing"), key="case_x_consent_early"):
        placing.record_consent_form(case, worker)
if may_change and is_open(case.status) and case.status is not S.NEW:
    with st.expander(_("Ask the GP for medical information"), key="case_x_gp"):
        placing.gp_form(case, worker)

handover = case.content.get("handover")
if handover:
    with st.expander(
        _("Handover by %(organisation)s", organisation=handover.get("organisation", "")), expanded=True
    ):
        plain(_("The request for help") + ": " + handover.get("help_request", ""))
        if handover.get("urgent"):
            plain(_("Why is it urgent?") + " " + handover.get("urgency_reason", ""))
        how = AGREEMENT_LABELS.get(AgreementChannel(handover["parents_agreed_how"]), "")
        plain(_("Agreement of the parents") + f": {handover.get('parents_agreed_on', '')}, {_(how)}")
        contact = ", ".join(
            x for x in (handover.get("professional_phone"), handover.get("professional_email")) if x
        )
        plain(f"{handover.get('professional_name', '')} ({contact}). {handover.get('availability', '')}")

answers = case.content.get("answers")
if answers:
    consents = {c.kind.value: c.given for c in case.consents}
    for section in summary_sections(answers, consents, current_locale(), team):
        with st.expander(section.title):
            for label, value in section.rows:
                plain(f"{label}: {value}")
else:
    st.info(_("The parents have not completed the request yet."), icon=":material/hourglass_top:")

check = case.content.get("check")
if check:
    st.subheader(_("Preliminary check: %(outcome)s", outcome=_(LABELS[Outcome(check["outcome"])])))
    plain_table(
        [
            {
                _("Rule"): f["rule_id"],
                _("Status"): _(LABELS[FindingStatus(f["status"])]),
                _("Explanation"): f["explanation"],
            }
            for f in check["findings"]
        ]
    )

st.subheader(_("Consents"))
if case.consents:
    plain_table(
        [
            {
                _("Consent"): _(CONSENT_TEXTS[c.kind].message, team=team),
                _("Given"): _("Yes") if c.given else _("No"),
                _("Text version"): c.text_version,
                _("Moment"): c.recorded_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                _("Withdrawn"): c.withdrawn_at.astimezone().strftime("%d-%m-%Y") if c.withdrawn_at else "",
            }
            for c in case.consents
        ]
    )
else:
    st.caption(_("No consents recorded yet."))

st.subheader(_("Documents"))
if not case.documents:
    st.caption(_("No documents."))
for document in case.documents:
    left, right = st.columns([3, 1])
    with left:
        plain(f"{document.filename} ({document.size // 1024 + 1} kB)")
    opened = st.session_state.get("case_opened_document")
    if opened and opened[0] == (reference, document.id):
        right.download_button(
            _("Download"),
            data=opened[1],
            file_name=document.filename,
            mime=document.media_type,
            key=f"case_download_{document.id}",
        )
    elif right.button(_("Open"), key=f"case_open_{document.id}", help=_("Opening a document is logged.")):
        name, media_type, content = svc.cases.document(reference, document.id, worker, now())
        st.session_state["case_opened_document"] = ((reference, document.id), content)
        st.rerun()

st.subheader(_("Notes"))
actions.note_form(case, worker)

st.subheader(_("Timeline"))
plain_table(
    [
        {
            _("Moment"): e.occurred_at.astimezone().strftime("%d-%m-%Y %H:%M"),
            _("Who"): e.actor,
            _("What"): actions.timeline_label(e.kind),
            _("Status"): f"{e.from_status or ''} → {e.to_status or ''}" if e.to_status else "",
            _("Note"): e.text or e.note,
        }
        for e in case.timeline
    ]
)
