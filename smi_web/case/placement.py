"""The case page's placement phase: consents and sharing, asking providers, the support plan and
its signatures, the indication, the review, extensions and the end.

Like ``smi_web.case.casework``, every form goes through a callback with the case version that was on screen,
and every refusal (a missing consent, a step still to do) comes back as a clear message.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from smi_core.anonymise import anonymised_summary, summary_lines
from smi_core.cases import CONSENT_TEXTS, CaseStatus, ConsentKind
from smi_core.constants import LABELS, CareType
from smi_core.intake import IntakeAnswers
from smi_core.placement import (
    CONSENT_STATE_LABELS,
    CONSULTATION_ROLE_LABELS,
    PLACEMENT_BLOCKER_LABELS,
    PROVIDER_ANSWER_LABELS,
    SHARING_CONSENT,
    SHARING_LABELS,
    SIGNER_LABELS,
    ConsentState,
    Consultation,
    ConsultationRole,
    EndRecord,
    FinancialReferral,
    GpRequest,
    Indication,
    ProviderAnswer,
    ReviewRecord,
    Sharing,
    Signature,
    Signer,
    SupportPlan,
    consent_state,
    placement_blockers,
)
from smi_core.timeline import REVIEW_LABELS, ExtensionAnswers
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_web.case.casework import DATE_FORMAT, _run, _value
from smi_web.services import now, services
from smi_web.ui import _, plain, plain_table

S = CaseStatus


def _date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "—"


def case_children(case: CaseView) -> list[tuple[str, date]]:
    """The children named in the request or the handover: (first name, date of birth)."""
    source = case.content.get("answers") or case.content.get("handover") or {}
    children = []
    for child in source.get("children", []):
        try:
            children.append((str(child["first_name"]), date.fromisoformat(str(child["date_of_birth"]))))
        except (KeyError, ValueError):
            continue
    return children


# -- consents and sharing ------------------------------------------------------------------------


def sharing_overview(case: CaseView) -> None:
    """What may be shared now, by consent: said in words, not by colour alone."""
    consents = case.consents
    moment = now()
    rows = []
    for sharing in Sharing:
        state = consent_state(consents, SHARING_CONSENT[sharing], moment)
        rows.append(
            {
                _("Sharing"): _(SHARING_LABELS[sharing]),
                _("Consent"): _(CONSENT_STATE_LABELS[state]),
                _("Allowed now"): _("Yes") if state is ConsentState.GIVEN else _("No"),
            }
        )
    plain_table(rows)


def record_consent_form(case: CaseView, worker: Account) -> None:
    key = f"case_consent_{case.reference}"
    team = services().municipality.social_team

    def submit(version: int) -> None:
        kind = _value(f"{key}_kind")
        given = _value(f"{key}_given")
        name = str(_value(f"{key}_by") or "").strip()
        if kind is None or given is None or not name:
            st.session_state["case_flash"] = (
                "error",
                _("Choose the consent, whether it was given, and who gave it."),
            )
            return
        _run(
            lambda: services().placement.record_consent(
                case.reference, worker, version, ConsentKind(kind), bool(given), name, now()
            ),
            _("The consent is recorded."),
            {},
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record a consent the parents gave in writing") + "**")
        st.selectbox(
            _("Consent"),
            list(ConsentKind),
            index=None,
            format_func=lambda k: _(CONSENT_TEXTS[k].message, team=team),
            key=f"{key}_kind",
        )
        st.radio(
            _("Answer of the parents"),
            [True, False],
            index=None,
            format_func=lambda v: _("Given") if v else _("Refused"),
            horizontal=True,
            key=f"{key}_given",
        )
        st.text_input(_("Given by (name of the parent)"), max_chars=120, key=f"{key}_by")
        st.form_submit_button(
            _("Record the consent"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def gp_form(case: CaseView, worker: Account) -> None:
    key = f"case_gp_{case.reference}"

    def submit(version: int) -> None:
        question = str(_value(f"{key}_question") or "")
        _run(
            lambda: services().placement.ask_gp(
                case.reference, worker, version, GpRequest.model_validate({"question": question}), now()
            ),
            _("The question to the GP is recorded."),
            {"question": _("Question to the GP")},
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Ask the GP for medical information") + "**")
        st.caption(_("Only with the parents' consent to ask the GP."))
        st.text_area(_("Question to the GP"), max_chars=2000, key=f"{key}_question")
        st.form_submit_button(
            _("Record the question"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


# -- asking providers ---------------------------------------------------------------------------


def asked_table(case: CaseView) -> None:
    asked = case.placement.asked
    if not asked:
        st.caption(_("No provider has been asked yet."))
        return
    plain_table(
        [
            {
                _("Provider"): a.provider_name,
                _("Location"): a.location_name,
                _("Asked"): a.asked_at.astimezone().strftime("%d-%m-%Y"),
                _("Answer"): _(PROVIDER_ANSWER_LABELS[a.answer]) if a.answer else _("No answer yet"),
            }
            for a in asked
        ]
    )


def ask_provider_form(case: CaseView, worker: Account) -> None:
    key = f"case_ask_{case.reference}"
    locations = services().providers.locations()
    if not locations:
        st.warning(_("The register of childcare providers is empty."), icon=":material/warning:")
        return
    by_id = {loc.id: loc for loc in locations}

    def submit(version: int) -> None:
        chosen = _value(f"{key}_location")
        if chosen is None:
            st.session_state["case_flash"] = ("error", _("Choose a location."))
            return
        _run(
            lambda: services().placement.ask_provider(case.reference, worker, version, int(chosen), now()),
            _("The request for a place is recorded."),
            {},
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Ask a childcare provider for a place") + "**")
        st.caption(_("Only with the parents' consent to contact the provider."))
        st.selectbox(
            _("Provider and location"),
            list(by_id),
            index=None,
            format_func=lambda i: (
                f"{by_id[i].provider_name} – {by_id[i].name} "
                f"({', '.join(sorted(t.value for t in by_id[i].care_types))}; LRK {by_id[i].lrk_number})"
            ),
            key=f"{key}_location",
        )
        st.form_submit_button(
            _("Record the request"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def provider_answer_form(case: CaseView, worker: Account) -> None:
    asked = {a.location_id: a for a in case.placement.asked}
    key = f"case_answer_{case.reference}"
    default_message = _(
        "The childcare provider we asked has no place for your child. We are now asking another provider."
    )

    def submit(version: int) -> None:
        location = _value(f"{key}_location")
        answer = _value(f"{key}_answer")
        if location is None or answer is None:
            st.session_state["case_flash"] = ("error", _("Choose the location and its answer."))
            return
        message = str(_value(f"{key}_message") or "") if answer == ProviderAnswer.NO_PLACE else ""
        _run(
            lambda: services().placement.provider_answer(
                case.reference, worker, version, int(location), ProviderAnswer(answer), message, now()
            ),
            _("The provider's answer is recorded."),
            {},
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record the provider's answer") + "**")
        st.selectbox(
            _("Location"),
            list(asked),
            index=len(asked) - 1,
            format_func=lambda i: f"{asked[i].provider_name} – {asked[i].location_name}",
            key=f"{key}_location",
        )
        st.radio(
            _("Answer"),
            list(ProviderAnswer),
            index=None,
            format_func=lambda a: _(PROVIDER_ANSWER_LABELS[a]),
            horizontal=True,
            key=f"{key}_answer",
        )
        st.text_area(
            _("Message to the parents when there is no place (shown on their status page)"),
            value=default_message,
            max_chars=5000,
            key=f"{key}_message",
        )
        st.form_submit_button(
            _("Record the answer"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def registered_button(case: CaseView, worker: Account) -> None:
    progress = case.placement.progress
    available = [a for a in case.placement.asked if a.answer is ProviderAnswer.PLACE_AVAILABLE]
    if not available or progress.registered_at == available[-1].location_id:
        return
    chosen = available[-1]

    def submit(version: int) -> None:
        _run(
            lambda: services().placement.parents_registered(
                case.reference, worker, version, chosen.location_id, now()
            ),
            _("The registration is recorded."),
            {},
        )

    st.button(
        _(
            "The parents registered with %(location)s",
            location=f"{chosen.provider_name} – {chosen.location_name}",
        ),
        key=f"case_registered_{case.reference}",
        on_click=submit,
        args=(case.version,),
    )


# -- the support plan ---------------------------------------------------------------------------


def support_plan(case: CaseView, worker: Account, may_change: bool) -> None:
    plans = case.placement.plans
    progress = case.placement.progress
    if plans:
        newest = plans[-1]
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
            for label, text in (
                (_("Goals"), newest.plan.goals),
                (_("Agreements"), newest.plan.agreements),
                (_("The SMI part of the plan"), newest.plan.smi_part),
                (_("Evaluation"), newest.plan.evaluation),
            ):
                if text:
                    plain(f"{label}: {text}")
            if newest.signatures:
                for s in newest.signatures:
                    plain(
                        _(
                            "Signed by %(name)s (%(role)s) on %(date)s",
                            name=s.name,
                            role=_(SIGNER_LABELS[s.signer]),
                            date=_date(s.signed_on),
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
    else:
        st.caption(_("There is no support plan yet."))
    if not may_change:
        return
    _plan_form(case, worker)
    if plans:
        _sign_form(case, worker)
        left, right = st.columns(2)
        for column, sharing, label in (
            (left, Sharing.MUNICIPALITY, _("Send the signed plan to the municipality")),
            (right, Sharing.PROVIDER, _("Inform the provider of this version")),
        ):

            def share(version: int, sharing: Sharing = sharing) -> None:
                _run(
                    lambda: services().placement.share(case.reference, worker, version, sharing, now()),
                    _("Shared: %(what)s.", what=_(SHARING_LABELS[sharing])),
                    {},
                )

            column.button(label, key=f"case_share_{sharing.value}", on_click=share, args=(case.version,))


def _plan_form(case: CaseView, worker: Account) -> None:
    plans = case.placement.plans
    current = plans[-1].plan if plans else None
    labels = {
        "goals": _("Goals"),
        "agreements": _("Agreements"),
        "smi_part": _("The SMI part of the plan"),
        "evaluation": _("Evaluation"),
    }
    key = f"case_support_{case.reference}_{len(plans)}"

    def submit(version: int) -> None:
        data = {name: str(_value(f"{key}_{name}") or "") for name in labels}
        _run(
            lambda: services().placement.save_plan(
                case.reference, worker, version, SupportPlan.model_validate(data), now()
            ),
            _(
                "The support plan is saved as version %(number)s. It needs new signatures.",
                number=len(plans) + 1,
            ),
            labels,
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
            _("Save the support plan"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def _sign_form(case: CaseView, worker: Account) -> None:
    key = f"case_sign_{case.reference}_{len(case.placement.plans)}"
    labels = {"signer": _("Who signed"), "name": _("Name"), "signed_on": _("Date of signing")}

    def submit(version: int) -> None:
        data = {name: _value(f"{key}_{name}") for name in labels}
        data["name"] = str(data["name"] or "")
        _run(
            lambda: services().placement.sign_plan(
                case.reference, worker, version, Signature.model_validate(data), now()
            ),
            _("The signature is recorded."),
            labels,
        )

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
            _("Record the signature"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


# -- the placement itself -------------------------------------------------------------------------


def placement_form(case: CaseView, worker: Account) -> None:
    svc = services()
    m = svc.municipality
    progress = case.placement.progress
    registered = progress.registered_at
    if registered is None:
        st.caption(
            _("Record the placement once the parents have registered with a provider that has a place.")
        )
        return
    blockers = placement_blockers(progress, registered)
    if blockers:
        st.markdown("**" + _("Before the placement can be recorded:") + "**")
        for blocker in blockers:
            plain("• " + _(PLACEMENT_BLOCKER_LABELS[blocker]))
        return
    children = case_children(case)
    key = f"case_place_{case.reference}"
    labels = {
        "start": _("Start date"),
        "period_months": _("First period in months"),
        "care_type": _("Kind of childcare"),
        "children": _("Part-days per week per child"),
    }

    def submit(version: int) -> None:
        chosen: list[dict[str, Any]] = []
        for i, (name, born) in enumerate(children):
            dagdelen = int(_value(f"{key}_child_{i}") or 0)
            if dagdelen > 0:
                chosen.append({"name": name, "date_of_birth": born, "dagdelen_per_week": dagdelen})
        data: dict[str, Any] = {
            "start": _value(f"{key}_start"),
            "period_months": _value(f"{key}_period_months"),
            "care_type": _value(f"{key}_care_type"),
            "location_id": registered,
            "children": chosen,
        }
        _run(
            lambda: svc.placement.record_placement(
                case.reference, worker, version, Indication.model_validate(data), now()
            ),
            _("The placement is recorded. The indication runs from its start date."),
            labels,
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record the placement and the indication") + "**")
        left, right = st.columns(2)
        left.date_input(labels["start"], value=None, format=DATE_FORMAT, key=f"{key}_start")
        right.number_input(
            labels["period_months"],
            min_value=1,
            max_value=m.initial_period_months,
            value=m.initial_period_months,
            step=1,
            key=f"{key}_period_months",
        )
        st.selectbox(
            labels["care_type"],
            sorted(m.care_types),
            index=None,
            format_func=lambda t: _(LABELS[CareType(t)]),
            key=f"{key}_care_type",
        )
        st.caption(_("Part-days per week per child (0: the child is not in this indication)."))
        for i, (name, born) in enumerate(children):
            st.number_input(
                _("%(name)s, born %(date)s", name=name, date=_date(born)),
                min_value=0,
                max_value=m.max_dagdelen_per_week,
                value=0,
                step=1,
                key=f"{key}_child_{i}",
            )
        st.form_submit_button(
            _("Record the placement"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


# -- reviews, extensions, the end ---------------------------------------------------------------


def indication_overview(case: CaseView) -> None:
    state = case.placement.indication
    if state is None:
        return
    ind = state.indication
    timeline = state.timeline
    plain_table(
        [
            {
                _("Provider"): f"{ind.provider_name} – {ind.location_name}",
                _("Kind of childcare"): _(LABELS[ind.care_type]),
                _("Start"): _date(ind.start),
                _("First period"): _("%(months)s months", months=ind.period_months),
                _("Extensions"): str(ind.extensions),
                _("Last day"): _date(timeline.last_day),
                _("Definitive end"): _date(timeline.hard_stop),
                _("Ended on"): _date(state.ended_on),
            }
        ]
    )
    plain_table(
        [
            {
                _("Child"): c.name,
                _("Part-days per week"): c.dagdelen_per_week,
                _("Last day"): _date(timeline.child_last_days.get(c.name)),
            }
            for c in ind.children
        ]
    )
    st.markdown("**" + _("Review calendar") + "**")
    today = now().date()
    plain_table(
        [
            {
                _("When"): _date(moment.due),
                _("What"): _(REVIEW_LABELS[moment.kind]) + (f" ({moment.child})" if moment.child else ""),
                _("Done or passed"): (
                    _("Done on %(date)s", date=_date(state.contact_done_on))
                    if moment.kind == "contact" and state.contact_done_on
                    else (_("Passed") if moment.due < today else _("Still to come"))
                ),
            }
            for moment in timeline.moments
        ]
    )


def review_form(case: CaseView, worker: Account) -> None:
    key = f"case_review_{case.reference}_{len(case.placement.reviews)}"
    labels = {"held_on": _("Date of the contact"), "summary": _("How is it going?")}

    def submit(version: int) -> None:
        data = {"held_on": _value(f"{key}_held_on"), "summary": str(_value(f"{key}_summary") or "")}
        _run(
            lambda: services().placement.record_review(
                case.reference, worker, version, ReviewRecord.model_validate(data), now()
            ),
            _("The review contact is recorded."),
            labels,
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record the contact about the situation") + "**")
        st.date_input(labels["held_on"], value=None, format=DATE_FORMAT, key=f"{key}_held_on")
        st.text_area(labels["summary"], max_chars=5000, key=f"{key}_summary")
        st.form_submit_button(
            _("Record the contact"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def _personal_extras(case: CaseView) -> list[str]:
    """Personal values outside the exchange format (a handover's contacts), for the scrubbing."""
    handover = case.content.get("handover") or {}
    values = [
        str(handover.get(k, "")) for k in ("professional_name", "professional_phone", "professional_email")
    ]
    for parent in handover.get("parents", []):
        values.extend(str(parent.get(k, "")) for k in ("name", "phone", "email"))
    for child in handover.get("children", []):
        values.append(str(child.get("first_name", "")))
    return [v for v in values if v.strip()]


def _extension_answers(key: str) -> ExtensionAnswers:
    return ExtensionAnswers.model_validate(
        {
            "family_cooperated": _value(f"{key}_family_cooperated"),
            "why_no_improvement": str(_value(f"{key}_why_no_improvement") or ""),
            "can_reduce_dagdelen": _value(f"{key}_can_reduce_dagdelen"),
            "reduce_explanation": str(_value(f"{key}_reduce_explanation") or ""),
        }
    )


def anonymised_summary_view(case: CaseView, key: str) -> None:
    """The anonymised case summary for the consultation: no names, addresses, dates of birth or
    contact details; the free texts are scrubbed of every personal value the case holds."""
    state = case.placement.indication
    if state is None:
        return
    raw = case.content.get("answers")
    try:
        answers = IntakeAnswers.model_validate(raw) if raw else None
    except ValueError:
        answers = None
    summary = anonymised_summary(
        answers,
        state.indication,
        _extension_answers(key),
        services().municipality,
        now().date(),
        case.records.conversation,
        also_personal=_personal_extras(case),
    )
    lines = summary_lines(summary, _)
    with st.container(border=True):
        st.markdown("**" + _("Anonymised case summary for the consultation") + "**")
        for line in lines:
            plain(line)
        st.download_button(
            _("Download the anonymised summary"),
            data="\n".join(lines).encode("utf-8"),
            file_name="smi-geanonimiseerde-samenvatting.txt",
            mime="text/plain",
            on_click="ignore",
            key=f"{key}_summary_download",
        )


def extension_form(case: CaseView, worker: Account) -> None:
    """The three answers, the anonymised summary made from them, the consultation, then extend.

    Not an ``st.form``: the summary follows the answers as they are typed."""
    number = len(case.placement.extensions)
    key = f"case_extend_{case.reference}_{number}"
    labels = {
        "family_cooperated": _("Did the family cooperate actively with the plan?"),
        "why_no_improvement": _("Why was there no or too little improvement?"),
        "can_reduce_dagdelen": _("Can the number of part-days go down?"),
        "reduce_explanation": _("Explanation about the part-days"),
        "held_on": _("Date of the anonymised consultation"),
        "present": _("Present at the consultation"),
        "advice": _("Advice of the consultation"),
    }

    def submit(version: int) -> None:
        def extend() -> int:
            consultation = Consultation.model_validate(
                {
                    "held_on": _value(f"{key}_held_on"),
                    "present": _value(f"{key}_present") or [],
                    "advice": str(_value(f"{key}_advice") or ""),
                }
            )
            answers = _extension_answers(key)
            return services().placement.extend(case.reference, worker, version, answers, consultation, now())

        _run(extend, _("The indication is extended."), labels)

    def yes_no(name: str) -> None:
        st.radio(
            labels[name],
            [True, False],
            index=None,
            format_func=lambda v: _("Yes") if v else _("No"),
            horizontal=True,
            key=f"{key}_{name}",
        )

    st.markdown("**" + _("Extend the indication (extension %(number)s)", number=number + 1) + "**")
    yes_no("family_cooperated")
    st.text_area(labels["why_no_improvement"], max_chars=5000, key=f"{key}_why_no_improvement")
    yes_no("can_reduce_dagdelen")
    st.text_area(labels["reduce_explanation"], max_chars=5000, key=f"{key}_reduce_explanation")
    anonymised_summary_view(case, key)
    st.date_input(labels["held_on"], value=None, format=DATE_FORMAT, key=f"{key}_held_on")
    st.multiselect(
        labels["present"],
        list(ConsultationRole),
        format_func=lambda r: _(CONSULTATION_ROLE_LABELS[r]),
        key=f"{key}_present",
    )
    st.text_area(labels["advice"], max_chars=5000, key=f"{key}_advice")
    st.button(_("Extend"), on_click=submit, args=(case.version,), key=f"{key}_submit", type="primary")


def end_form(case: CaseView, worker: Account) -> None:
    state = case.placement.indication
    key = f"case_end_{case.reference}"
    labels = {"last_day": _("Last day of care"), "reason": _("Why does the indication end?")}

    def submit(version: int) -> None:
        data = {"last_day": _value(f"{key}_last_day"), "reason": str(_value(f"{key}_reason") or "")}
        message = str(_value(f"{key}_message") or "")
        _run(
            lambda: services().placement.end_indication(
                case.reference, worker, version, EndRecord.model_validate(data), message, now()
            ),
            _("The indication has ended."),
            labels,
        )

    with st.form(key, border=True):
        st.markdown("**" + _("End the indication") + "**")
        st.date_input(
            labels["last_day"],
            value=state.timeline.last_day if state else None,
            format=DATE_FORMAT,
            key=f"{key}_last_day",
        )
        st.text_area(labels["reason"], max_chars=2000, key=f"{key}_reason")
        st.text_area(
            _("Message to the family (optional, shown on their status page)"),
            max_chars=5000,
            key=f"{key}_message",
        )
        st.form_submit_button(
            _("End the indication"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def financial_referrals(case: CaseView) -> None:
    """The recorded referrals for financial support."""
    for referral in case.placement.referrals:
        plain(
            _("Referred to %(to)s on %(date)s.", to=referral.referred_to, date=_date(referral.referred_on))
            + (f" {referral.note}" if referral.note else "")
        )


def financial_referral_form(case: CaseView, worker: Account) -> None:
    key = f"case_referral_{case.reference}_{len(case.placement.referrals)}"
    labels = {"referred_to": _("Referred to"), "referred_on": _("Date"), "note": _("Note")}

    def submit(version: int) -> None:
        data = {
            "referred_to": str(_value(f"{key}_referred_to") or ""),
            "referred_on": _value(f"{key}_referred_on"),
            "note": str(_value(f"{key}_note") or ""),
        }
        _run(
            lambda: services().placement.refer_financial_support(
                case.reference, worker, version, FinancialReferral.model_validate(data), now()
            ),
            _("The referral for financial support is recorded."),
            labels,
        )

    with st.form(key, border=True):
        st.markdown(
            "**" + _("The parents cannot pay their own contribution: refer for financial support") + "**"
        )
        st.text_input(labels["referred_to"], value="SDD", max_chars=120, key=f"{key}_referred_to")
        st.date_input(labels["referred_on"], value=None, format=DATE_FORMAT, key=f"{key}_referred_on")
        st.text_area(labels["note"], max_chars=5000, key=f"{key}_note")
        st.form_submit_button(
            _("Record the referral"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )
