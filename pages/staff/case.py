"""WIJzer: one case with everything the parents and the agency entered, the consents, the check,
the documents and the timeline. Opening a case or a document is logged."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_core.cases import CONSENT_TEXTS, STATUS_FOR_RESIDENTS
from smi_core.constants import LABELS, FindingStatus, Outcome
from smi_core.handover import AGREEMENT_LABELS, AgreementChannel
from smi_intake.app_services import now, services
from smi_intake.auth import require
from smi_intake.services.queue import CaseNotFoundError
from smi_intake.summary import summary_sections
from smi_intake.ui import _, current_locale, plain

worker = require(StaffPage.CASE)
svc = services()
st.title(_("Case"))

reference = (
    st.text_input(_("Reference number"), placeholder="SMI-2026-000123", key="case_reference").strip().upper()
)
if not reference:
    st.info(_("Fill in the reference number of a case from the queue."), icon=":material/info:")
    st.stop()
try:
    case = svc.cases.view(reference, worker, now())
except CaseNotFoundError:
    st.error(_("There is no case with this reference number."), icon=":material/error:")
    st.stop()

team = svc.municipality.social_team
st.subheader(reference)
st.table(
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
    st.table(
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
    st.table(
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

st.subheader(_("Timeline"))
st.table(
    [
        {
            _("Moment"): e.occurred_at.astimezone().strftime("%d-%m-%Y %H:%M"),
            _("Who"): e.actor,
            _("What"): e.kind,
            _("Status"): f"{e.from_status or ''} → {e.to_status or ''}",
            _("Note"): e.note,
        }
        for e in case.timeline
    ]
)
