"""Step 4: the reasons, the family's own words, the bottlenecks, and the medical confirmation."""

from __future__ import annotations

import streamlit as st

from smi_core import MedicalConfirmation, Reason
from smi_intake.intake_steps import validate_situatie
from smi_intake.services.documents import DocumentRejected
from smi_web.intake_form import DRAFT_ID, StepPage, answers
from smi_web.services import now, services
from smi_web.ui import _, label, plain

page = StepPage("situatie")
intake = services().intake

page.checkboxes(
    "reasons",
    _("Why can you not care for your children yourself right now? Choose all that apply."),
    {reason.value: label(reason) for reason in Reason},
)
page.area("explanation", _("Tell us in your own words what is going on"), max_chars=5000)
page.lines(
    "bottlenecks",
    _("What is hard because of your health or disability? Write one thing per line."),
    max_chars=3000,
    placeholder=_("For example: I may not lift anything for 3 months"),
)
confirmation = page.choice(
    "medical_confirmation",
    _("Can a doctor confirm your health problems?"),
    {
        MedicalConfirmation.STATEMENT.value: _("Yes, I add a statement from my doctor"),
        MedicalConfirmation.GP_CONSENT.value: _("Yes, you may ask my GP"),
        MedicalConfirmation.NONE.value: _("No, or not now"),
    },
    captions=[
        _("A PDF, or a photo (JPEG or PNG), of at most 10 MB."),
        _("We ask for your consent for this in step 7."),
        _("For psychological problems a confirmation is required."),
    ],
)

if confirmation == MedicalConfirmation.STATEMENT:
    uploaded = st.file_uploader(
        _("Add the statement"), type=["pdf", "jpg", "jpeg", "png"], key="situatie_upload"
    )
    handled = st.session_state.setdefault("situatie_handled_uploads", set())
    if uploaded is not None and uploaded.file_id not in handled:
        if st.session_state.get(DRAFT_ID) is None:
            page.save()
        try:
            intake.add_document(st.session_state[DRAFT_ID], uploaded.name, uploaded.getvalue(), now())
        except DocumentRejected as rejected:
            messages = {
                "empty": _("This file is empty."),
                "too_large": _("This file is larger than 10 MB. Make a smaller photo or scan."),
                "wrong_type": _("This file is not a PDF, JPEG or PNG. Choose another file."),
            }
            st.error(messages[rejected.reason], icon=":material/error:")
        else:
            st.success(_("The statement has been added."), icon=":material/check:")
        handled.add(uploaded.file_id)
    draft_id = st.session_state.get(DRAFT_ID)
    documents = intake.draft_documents(draft_id) if draft_id else []
    for document in documents:
        left, right = st.columns([4, 1])
        with left:
            plain(f"{document.filename} ({document.size // 1024 + 1} kB)")
        if right.button(_("Remove"), key=f"situatie_remove_{document.id}"):
            intake.remove_document(draft_id, document.id)
            st.rerun()
else:
    documents = []


def _validate() -> dict[str, str]:
    return validate_situatie(answers(), now().date(), documents=len(documents))


page.navigation(_validate)
