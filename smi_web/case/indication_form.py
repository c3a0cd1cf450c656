"""The indication form (indicatieformulier): its newest version, editable, and every saved version
with its PDF."""

from __future__ import annotations

from typing import Any

import streamlit as st

from smi_core.case import CaseAction
from smi_core.casework import INDICATION_FORM_FIELDS, IndicationForm
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import lines, submit, value
from smi_web.services import now, services
from smi_web.ui import _, plain

__all__ = ["form_versions", "indication_form"]


def indication_form(case: CaseView, worker: Account) -> None:
    """The newest version (or a first draft), editable; saving makes a new version."""
    svc = services()
    editable = CaseAction.WRITE_FORM in case.next_actions
    form = case.indication_form(svc.municipality)
    labels = {name: _(label) for name, label in INDICATION_FORM_FIELDS}
    number = len(case.records.forms)
    key = f"case_form_{case.reference}_{number}"

    def act(version: int) -> object:
        data: dict[str, Any] = {name: value(f"{key}_{name}") for name, _label in INDICATION_FORM_FIELDS}
        for name in ("bottlenecks", "agreements"):
            data[name] = lines(f"{key}_{name}")
        for name in ("family_name", "why_childcare_needed", "provider", "other_remarks"):
            data[name] = str(data[name] or "")
        saved = IndicationForm.model_validate(data)
        return svc.casework.save_indication_form(case.reference, worker, version, saved, now())

    if number:
        st.caption(_("Version %(number)s is the newest. Saving makes a new version.", number=number))
    else:
        st.caption(_("Filled in from the request and the conversation. Check it and save it."))

    def yes_no(name: str) -> None:
        st.radio(
            labels[name],
            [True, False],
            index=0 if getattr(form, name) else 1,
            format_func=lambda v: _("Yes") if v else _("No"),
            horizontal=True,
            key=f"{key}_{name}",
        )

    with st.form(key, border=True):
        st.text_input(labels["family_name"], value=form.family_name, max_chars=200, key=f"{key}_family_name")
        st.text_area(
            labels["why_childcare_needed"],
            value=form.why_childcare_needed,
            max_chars=5000,
            key=f"{key}_why_childcare_needed",
        )
        st.text_area(
            labels["bottlenecks"],
            value="\n".join(form.bottlenecks),
            help=_("One item a line."),
            key=f"{key}_bottlenecks",
        )
        yes_no("network_analysis_done")
        yes_no("parents_can_pay")
        left, right = st.columns(2)
        left.number_input(
            labels["period_months"],
            min_value=1,
            max_value=max(svc.municipality.hard_stop_months, form.period_months),
            value=form.period_months,
            step=1,
            key=f"{key}_period_months",
        )
        right.number_input(
            labels["dagdelen_per_week"],
            min_value=1,
            max_value=60,
            value=form.dagdelen_per_week,
            step=1,
            key=f"{key}_dagdelen_per_week",
        )
        st.text_input(labels["provider"], value=form.provider, max_chars=200, key=f"{key}_provider")
        yes_no("tick_child_file")
        st.text_area(
            labels["agreements"],
            value="\n".join(form.agreements),
            help=_("One item a line."),
            key=f"{key}_agreements",
        )
        st.text_area(
            labels["other_remarks"], value=form.other_remarks, max_chars=5000, key=f"{key}_other_remarks"
        )
        st.form_submit_button(
            _("Save as a new version"),
            disabled=not editable,
            key=f"{key}_submit",
            **submit(
                case, act, _("The indication form is saved as version %(number)s.", number=number + 1), labels
            ),
        )


def form_versions(case: CaseView, worker: Account, locale: str) -> None:
    """Every saved version, each with its PDF (made when asked for; the export is logged)."""
    for saved in reversed(case.records.forms):
        left, right = st.columns([3, 1])
        with left:
            plain(
                _(
                    "Version %(number)s, %(moment)s, %(who)s",
                    number=saved.number,
                    moment=saved.saved_at.astimezone().strftime("%d-%m-%Y %H:%M"),
                    who=saved.saved_by,
                )
            )
        pdf_key = ("case_pdf", case.reference, saved.number)
        made = st.session_state.get("case_pdf")
        if made and made[0] == pdf_key:
            right.download_button(
                _("Download PDF"),
                data=made[1],
                file_name=f"indicatieformulier-{case.reference}-v{saved.number}.pdf",
                mime="application/pdf",
                key=f"case_pdf_download_{saved.number}",
            )
        elif right.button(
            _("Make PDF"), key=f"case_pdf_make_{saved.number}", help=_("Making a PDF is logged.")
        ):
            pdf = services().cases.form_pdf(case.reference, saved.number, worker, locale, now())
            st.session_state["case_pdf"] = (pdf_key, pdf)
            st.rerun()
