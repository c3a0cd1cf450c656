"""The support plan (ondersteuningsplan): its newest version, writing or changing it, the
signatures, and sharing the signed plan with the municipality and the provider."""

from __future__ import annotations

import streamlit as st

from smi_core.placement import SHARING_LABELS, SIGNER_LABELS, Sharing, Signature, Signer, SupportPlan
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.action import DATE_FORMAT, submit, text, value
from smi_web.case.placement import day
from smi_web.services import now, services
from smi_web.ui import _, plain


def support_plan(case: CaseView, worker: Account, may_change: bool) -> None:
    plans = case.placement.plans
    if plans:
        _newest_plan(case)
    else:
        st.caption(_("There is no support plan yet."))
    if not may_change:
        return
    plan_form(case, worker)
    if plans:
        sign_form(case, worker)
        share_buttons(case, worker)


def _newest_plan(case: CaseView) -> None:
    newest = case.placement.plans[-1]
    progress = case.placement.progress
    with st.container(border=True):
        st.markdown(
            "**"
            + _(
                "Support plan, version %(number)s (%(moment)s, %(who)s)",
                number=newest.number,
                moment=newest.saved_at.astimezone().strftime("%d-%m-%Y"),
                who=newest.saved_by,
            )
            + "**"
        )
        for label, part in (
            (_("Goals"), newest.plan.goals),
            (_("Agreements"), newest.plan.agreements),
            (_("The SMI part of the plan"), newest.plan.smi_part),
            (_("Evaluation"), newest.plan.evaluation),
        ):
            if part:
                plain(f"{label}: {part}")
        if newest.signatures:
            for s in newest.signatures:
                plain(
                    _(
                        "Signed by %(name)s (%(role)s) on %(date)s",
                        name=s.name,
                        role=_(SIGNER_LABELS[s.signer]),
                        date=day(s.signed_on),
                    )
                )
        else:
            plain(_("Not signed yet."))
        status = [
            _(
                "Signed by a parent and the worker: %(answer)s",
                answer=_("Yes") if progress.plan_signed else _("No"),
            ),
            _(
                "Sent to the municipality: %(answer)s",
                answer=_("Yes") if progress.plan_shared_with(Sharing.MUNICIPALITY) else _("No"),
            ),
            _(
                "Provider informed of this version: %(answer)s",
                answer=_("Yes") if progress.plan_shared_with(Sharing.PROVIDER) else _("No"),
            ),
        ]
        for line in status:
            plain(line)


def share_buttons(case: CaseView, worker: Account) -> None:
    left, right = st.columns(2)
    for column, sharing, label in (
        (left, Sharing.MUNICIPALITY, _("Send the signed plan to the municipality")),
        (right, Sharing.PROVIDER, _("Inform the provider of this version")),
    ):

        def act(version: int, sharing: Sharing = sharing) -> object:
            return services().placement.share(case.reference, worker, version, sharing, now())

        column.button(
            label,
            key=f"case_share_{sharing.value}",
            **submit(case, act, _("Shared: %(what)s.", what=_(SHARING_LABELS[sharing]))),
        )


def plan_form(case: CaseView, worker: Account) -> None:
    plans = case.placement.plans
    current = plans[-1].plan if plans else None
    labels = {
        "goals": _("Goals"),
        "agreements": _("Agreements"),
        "smi_part": _("The SMI part of the plan"),
        "evaluation": _("Evaluation"),
    }
    key = f"case_support_{case.reference}_{len(plans)}"

    def act(version: int) -> object:
        plan = SupportPlan.model_validate({name: text(f"{key}_{name}") for name in labels})
        return services().placement.save_plan(case.reference, worker, version, plan, now())

    done = _(
        "The support plan is saved as version %(number)s. It needs new signatures.", number=len(plans) + 1
    )
    with (
        st.expander(
            _("Change the support plan") if plans else _("Write the support plan"), expanded=not plans
        ),
        st.form(key, border=False),
    ):
        for name, label in labels.items():
            st.text_area(
                label,
                value=getattr(current, name) if current else "",
                max_chars=5000,
                key=f"{key}_{name}",
            )
        st.form_submit_button(
            _("Save the support plan"), key=f"{key}_submit", **submit(case, act, done, labels)
        )


def sign_form(case: CaseView, worker: Account) -> None:
    key = f"case_sign_{case.reference}_{len(case.placement.plans)}"
    labels = {"signer": _("Who signed"), "name": _("Name"), "signed_on": _("Date of signing")}

    def act(version: int) -> object:
        data = {name: value(f"{key}_{name}") for name in labels}
        data["name"] = str(data["name"] or "")
        signature = Signature.model_validate(data)
        return services().placement.sign_plan(case.reference, worker, version, signature, now())

    with st.form(key, border=True):
        st.markdown("**" + _("Record a signature of the newest version") + "**")
        st.radio(
            labels["signer"],
            list(Signer),
            index=None,
            format_func=lambda s: _(SIGNER_LABELS[s]),
            horizontal=True,
            key=f"{key}_signer",
        )
        st.text_input(labels["name"], max_chars=120, key=f"{key}_name")
        st.date_input(labels["signed_on"], value=None, format=DATE_FORMAT, key=f"{key}_signed_on")
        st.form_submit_button(
            _("Record the signature"),
            key=f"{key}_submit",
            **submit(case, act, _("The signature is recorded."), labels),
        )
