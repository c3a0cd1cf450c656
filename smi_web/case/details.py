"""What the parents and the agency entered: the handover, the request section by section, the
preliminary check and the documents (opening one is logged)."""

from __future__ import annotations

import streamlit as st

from smi_core.constants import LABELS
from smi_core.handover import AGREEMENT_LABELS, AgreementChannel
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_intake.summary import summary_sections
from smi_web.services import now, services
from smi_web.ui import _, current_locale, plain, plain_table


def handover_view(case: CaseView) -> None:
    handover = case.content.get("handover")
    if not handover:
        return
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


def request_view(case: CaseView) -> None:
    answers = case.content.get("answers")
    if answers:
        consents = {c.kind.value: c.given for c in case.consents}
        team = services().municipality.social_team
        for section in summary_sections(answers, consents, current_locale(), team):
            with st.expander(section.title):
                for label, value in section.rows:
                    plain(f"{label}: {value}")
    else:
        st.info(_("The parents have not completed the request yet."), icon=":material/hourglass_top:")


def check_view(case: CaseView) -> None:
    check = case.check  # as computed when the request was sent
    if check is None:
        return
    st.subheader(_("Preliminary check: %(outcome)s", outcome=_(LABELS[check.outcome])))
    plain_table(
        [
            {
                _("Rule"): f.rule_id.value,
                _("Status"): _(LABELS[f.status]),
                _("Explanation"): f.explanation,
            }
            for f in check.findings
        ]
    )


def documents(case: CaseView, worker: Account) -> None:
    if not case.documents:
        st.caption(_("No documents."))
    for document in case.documents:
        left, right = st.columns([3, 1])
        with left:
            plain(f"{document.filename} ({document.size // 1024 + 1} kB)")
        opened = st.session_state.get("case_opened_document")
        if opened and opened[0] == (case.reference, document.id):
            right.download_button(
                _("Download"),
                data=opened[1],
                file_name=document.filename,
                mime=document.media_type,
                key=f"case_download_{document.id}",
            )
        elif right.button(_("Open"), key=f"case_open_{document.id}", help=_("Opening a document is logged.")):
            _name, _media_type, content = services().cases.document(
                case.reference, document.id, worker, now()
            )
            st.session_state["case_opened_document"] = ((case.reference, document.id), content)
            st.rerun()
