"""The case page's actions: a form per step of the route map, each sent through a callback.

A callback receives the case version the worker saw when the form was drawn, so a change made
by a colleague in the meantime is detected (``ConcurrentEdit``), never silently overwritten.
The outcome of an action is kept in the session and shown at the top of the next run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

import streamlit as st
from pydantic import ValidationError

from smi_core.casework import (
    CONVERSATION_SUBJECTS,
    INDICATION_FORM_FIELDS,
    MEETING_ROLE_LABELS,
    ConversationPlan,
    ConversationRecord,
    IndicationForm,
    MeetingRole,
    OtherRoute,
    TeamDecision,
)
from smi_core.constants import N_
from smi_core.errors import CaseAlreadyClaimed, ConcurrentEdit
from smi_core.lifecycle import TransitionNotAllowed
from smi_core.placement import (
    CONSENT_LABELS,
    INDICATION_PROBLEM_LABELS,
    PLACEMENT_BLOCKER_LABELS,
    ConsentState,
    problem_values,
)
from smi_core.timeline import EXTENSION_REFUSAL_LABELS
from smi_intake.db.models import EventKind
from smi_intake.services.accounts import Account
from smi_intake.services.cases import CaseView
from smi_intake.services.casework import FORM_STATUSES, FormNotAllowed, NotCaseOwner, PeriodTooLong
from smi_intake.services.consents import ConsentMissing
from smi_intake.services.placement import (
    ExtensionRefused,
    IndicationInvalid,
    LocationNotFound,
    PlacementBlocked,
    StepOutOfOrder,
)
from smi_web.services import now, services
from smi_web.ui import _, plain

FLASH = "case_flash"
DATE_FORMAT = "DD-MM-YYYY"


def show_flash() -> None:
    """The outcome of the last action, once."""
    flash = st.session_state.pop(FLASH, None)
    if not flash:
        return
    kind, message = flash
    if kind == "success":
        st.success(message, icon=":material/check:")
    else:
        st.error(message, icon=":material/error:")


#: Why a placement step came too early (``StepOutOfOrder.reason``), for the worker.
STEP_MESSAGES = {
    "not_asked": N_("This location has not been asked for a place."),
    "no_place": N_("This provider has not said that a place is available."),
    "no_plan": N_("There is no support plan yet."),
    "plan_not_signed": N_("The newest support plan has not been signed by a parent and the worker."),
    "not_registered": N_("The parents have not registered with a provider yet."),
    "no_location": N_("Choose the provider location."),
    "no_indication": N_("There is no indication yet."),
    "review_before_start": N_("The contact cannot lie before the start of the indication."),
    "ended": N_("The indication has already ended."),
    "end_outside_period": N_("The last day of care must lie within the indication period."),
}


#: What each kind of timeline entry means, for the worker (unknown kinds are shown as stored).
TIMELINE_LABELS = {
    "submitted": N_("Request sent by the parents"),
    "completed_by_parents": N_("Request completed by the parents"),
    "handover_received": N_("Handover received"),
    "taken": N_("Case taken"),
    "handed_to": N_("Handed to a colleague"),
    "to_team": N_("On the agenda of the 0-100 meeting"),
    "closed": N_("Case closed"),
    EventKind.PLAN: N_("Conversation planned"),
    EventKind.CONVERSATION: N_("Conversation recorded"),
    EventKind.OTHER_ROUTE: N_("Referred to another route"),
    EventKind.DECISION: N_("Team decision"),
    EventKind.FORM: N_("Indication form saved"),
    EventKind.MESSAGE: N_("Message to the family"),
    EventKind.NOTE: N_("Note"),
    EventKind.PROVIDER_ASKED: N_("Provider asked for a place"),
    EventKind.PROVIDER_ANSWER: N_("Answer of the provider"),
    EventKind.PARENTS_REGISTERED: N_("Parents registered with the provider"),
    EventKind.SUPPORT_PLAN: N_("Support plan saved"),
    EventKind.PLAN_SIGNED: N_("Support plan signed"),
    EventKind.SHARED: N_("Data shared"),
    EventKind.CONSENT_RECORDED: N_("Written consent recorded"),
    EventKind.CONSENT_WITHDRAWN: N_("Consent withdrawn by the parents"),
    EventKind.GP_REQUEST: N_("Question to the GP"),
    EventKind.FINANCIAL_REFERRAL: N_("Referred for financial support"),
    EventKind.INDICATION: N_("Placement and indication recorded"),
    EventKind.REVIEW: N_("Review contact"),
    EventKind.EXTENSION: N_("Indication extended"),
    EventKind.INDICATION_ENDED: N_("Indication ended"),
}


def timeline_label(kind: str) -> str:
    label = TIMELINE_LABELS.get(kind)
    return _(label) if label else kind


def consent_message(error: ConsentMissing) -> str:
    """Which consent is missing, and how: nothing was shared."""
    consent = _(CONSENT_LABELS[error.check.consent])
    if error.check.state is ConsentState.WITHDRAWN:
        return _("The parents withdrew the %(consent)s. Nothing was shared.", consent=consent)
    if error.check.state is ConsentState.REFUSED:
        return _("The parents refused the %(consent)s. Nothing was shared.", consent=consent)
    return _("The %(consent)s has not been recorded. Nothing was shared.", consent=consent)


def _refusal(error: Exception) -> str | None:
    """The message for a refusal of the placement phase, or None when it is not one."""
    if isinstance(error, ConsentMissing):
        return consent_message(error)
    if isinstance(error, PlacementBlocked):
        return " ".join(_(PLACEMENT_BLOCKER_LABELS[b]) for b in error.blockers)
    if isinstance(error, IndicationInvalid):
        values = problem_values(services().municipality)
        return " ".join(_(INDICATION_PROBLEM_LABELS[p], **values) for p in error.problems)
    if isinstance(error, ExtensionRefused):
        return _(
            "No extension: %(reasons)s",
            reasons=" ".join(_(EXTENSION_REFUSAL_LABELS[r]) for r in error.refusals),
        )
    if isinstance(error, StepOutOfOrder):
        return _(STEP_MESSAGES.get(error.reason, N_("This step is not possible yet.")))
    if isinstance(error, LocationNotFound):
        return _("This location is not in the register of childcare providers.")
    return None


def _run(action: Callable[[], Any], done: str, labels: dict[str, str]) -> None:
    """Call a service; turn every refusal into a clear message for the next run."""
    try:
        action()
    except ValidationError as invalid:
        fields = []
        for error in invalid.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            fields.append(labels.get(name, name) if name else error["msg"])
        message = _("Please complete or correct: %(fields)s", fields="; ".join(dict.fromkeys(fields)))
        st.session_state[FLASH] = ("error", message)
    except ConcurrentEdit:
        st.session_state[FLASH] = (
            "error",
            _(
                "A colleague changed this case in the meantime. Nothing was saved. "
                "Look again and try once more."
            ),
        )
    except NotCaseOwner as other:
        st.session_state[FLASH] = (
            "error",
            _(
                "Only the case owner (%(owner)s) or the SMI coordinator can change this case.",
                owner=other.owner or "-",
            ),
        )
    except CaseAlreadyClaimed as taken:
        st.session_state[FLASH] = ("error", _("%(owner)s has just taken this case.", owner=taken.owner))
    except TransitionNotAllowed:
        st.session_state[FLASH] = ("error", _("This step is not possible in the case's current status."))
    except FormNotAllowed:
        st.session_state[FLASH] = ("error", _("The indication form cannot be changed in this status."))
    except PeriodTooLong as long:
        st.session_state[FLASH] = (
            "error",
            _("An indication lasts at most %(limit)s months in all.", limit=long.limit),
        )
    except (
        ConsentMissing,
        PlacementBlocked,
        IndicationInvalid,
        ExtensionRefused,
        StepOutOfOrder,
        LocationNotFound,
    ) as refused:
        st.session_state[FLASH] = ("error", _refusal(refused) or "")
    else:
        st.session_state[FLASH] = ("success", done)


def _value(key: str) -> Any:
    return st.session_state.get(key)


def _lines(key: str) -> list[str]:
    return [line.strip() for line in str(_value(key) or "").splitlines() if line.strip()]


# -- taking -------------------------------------------------------------------------------------


def take_button(case: CaseView, worker: Account) -> None:
    def take() -> None:
        _run(
            lambda: services().queue.claim(case.reference, worker, now()),
            _("You are now the case owner."),
            {},
        )

    st.button(_("Take the case"), key="case_take", type="primary", on_click=take)


# -- the kitchen-table conversation -------------------------------------------------------------


def plan_form(case: CaseView, worker: Account) -> None:
    labels = {"on": _("Date"), "at": _("Time"), "place": _("Place")}
    plan = case.records.plan
    key = f"case_plan_{case.reference}"

    def submit(version: int) -> None:
        _run(
            lambda: services().casework.plan_conversation(
                case.reference,
                worker,
                version,
                ConversationPlan.model_validate(
                    {
                        "on": _value(f"{key}_on"),
                        "at": _value(f"{key}_at"),
                        "place": _value(f"{key}_place") or "",
                    }
                ),
                now(),
            ),
            _("The kitchen-table conversation is planned."),
            labels,
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Plan the kitchen-table conversation") + "**")
        left, right = st.columns(2)
        left.date_input(labels["on"], value=plan.on if plan else None, format=DATE_FORMAT, key=f"{key}_on")
        right.time_input(labels["at"], value=plan.at if plan else time(10, 0), step=900, key=f"{key}_at")
        st.text_input(
            labels["place"],
            value=plan.place if plan else _("At the family's home"),
            max_chars=200,
            key=f"{key}_place",
        )
        st.form_submit_button(
            _("Save the appointment"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def conversation_form(case: CaseView, worker: Account) -> None:
    labels = {
        "held_on": _("Date of the conversation"),
        **{name: _(label) for name, label in CONVERSATION_SUBJECTS},
        "smi_most_fitting": _("Is SMI the most fitting provision?"),
        "judgement": _("Why (not)?"),
    }
    key = f"case_talk_{case.reference}"

    def submit(version: int) -> None:
        data = {name: _value(f"{key}_{name}") for name in labels}
        data = {
            k: ("" if v is None and k not in {"held_on", "smi_most_fitting"} else v) for k, v in data.items()
        }
        _run(
            lambda: services().casework.record_conversation(
                case.reference, worker, version, ConversationRecord.model_validate(data), now()
            ),
            _("The conversation is recorded."),
            labels,
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record the kitchen-table conversation") + "**")
        plan = case.records.plan
        st.date_input(
            labels["held_on"], value=plan.on if plan else None, format=DATE_FORMAT, key=f"{key}_held_on"
        )
        for name, _label in CONVERSATION_SUBJECTS:
            st.text_area(labels[name], max_chars=5000, key=f"{key}_{name}")
        st.radio(
            labels["smi_most_fitting"],
            [True, False],
            index=None,
            format_func=lambda v: _("Yes") if v else _("No, another route fits better"),
            horizontal=True,
            key=f"{key}_smi_most_fitting",
        )
        st.text_area(labels["judgement"], max_chars=5000, key=f"{key}_judgement")
        st.form_submit_button(
            _("Save the conversation"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


def other_route_form(case: CaseView, worker: Account) -> None:
    labels = {
        "route": _("The other route"),
        "advice": _("The advice given to the family"),
        "message_to_family": _("Message to the family (shown on their status page)"),
    }
    key = f"case_route_{case.reference}"

    def submit(version: int) -> None:
        data = {name: _value(f"{key}_{name}") or "" for name in labels}
        _run(
            lambda: services().casework.refer_other_route(
                case.reference, worker, version, OtherRoute.model_validate(data), now()
            ),
            _("The other route is recorded and the case is closed. The family sees the message."),
            labels,
        )

    with st.form(key, border=True):
        st.markdown("**" + _("SMI does not fit: refer to another route and close the case") + "**")
        st.text_input(labels["route"], max_chars=200, key=f"{key}_route")
        st.text_area(labels["advice"], max_chars=5000, key=f"{key}_advice")
        st.text_area(labels["message_to_family"], max_chars=5000, key=f"{key}_message_to_family")
        st.form_submit_button(
            _("Record the other route and close the case"),
            on_click=submit,
            args=(case.version,),
            key=f"{key}_submit",
        )


def team_meeting_button(case: CaseView, worker: Account) -> None:
    def submit(version: int) -> None:
        _run(
            lambda: services().casework.to_team_meeting(case.reference, worker, version, now()),
            _("The case is on the agenda of the 0-100 meeting."),
            {},
        )

    st.button(
        _("Present in the 0-100 meeting"),
        key="case_to_team",
        type="primary",
        on_click=submit,
        args=(case.version,),
    )


def decision_form(case: CaseView, worker: Account) -> None:
    labels = {
        "granted": _("Team decision"),
        "reasons": _("Reasons"),
        "decided_on": _("Date of the meeting"),
        "roles_present": _("Roles present (the SMI coordinator and at least one other)"),
        "message_to_family": _("Message to the family (optional, shown on their status page)"),
    }
    key = f"case_decision_{case.reference}"

    def submit(version: int) -> None:
        data = {name: _value(f"{key}_{name}") for name in labels}
        data["reasons"] = data["reasons"] or ""
        data["message_to_family"] = data["message_to_family"] or ""
        data["roles_present"] = data["roles_present"] or []
        _run(
            lambda: services().casework.record_decision(
                case.reference, worker, version, TeamDecision.model_validate(data), now()
            ),
            _("The team decision is recorded."),
            {**labels, "": labels["roles_present"]},
        )

    with st.form(key, border=True):
        st.markdown("**" + _("Record the decision of the 0-100 meeting") + "**")
        st.radio(
            labels["granted"],
            [True, False],
            index=None,
            format_func=lambda v: _("Granted") if v else _("Refused"),
            horizontal=True,
            key=f"{key}_granted",
        )
        st.text_area(labels["reasons"], max_chars=5000, key=f"{key}_reasons")
        st.date_input(labels["decided_on"], value=None, format=DATE_FORMAT, key=f"{key}_decided_on")
        st.multiselect(
            labels["roles_present"],
            list(MeetingRole),
            format_func=lambda r: _(MEETING_ROLE_LABELS[r]),
            key=f"{key}_roles_present",
        )
        st.text_area(labels["message_to_family"], max_chars=5000, key=f"{key}_message_to_family")
        st.form_submit_button(
            _("Save the decision"), on_click=submit, args=(case.version,), key=f"{key}_submit"
        )


# -- the indication form ------------------------------------------------------------------------


def indication_form(case: CaseView, worker: Account) -> None:
    """The newest version (or a first draft), editable; saving makes a new version."""
    svc = services()
    editable = case.status in FORM_STATUSES
    form = case.indication_form(svc.municipality)
    labels = {name: _(label) for name, label in INDICATION_FORM_FIELDS}
    number = len(case.records.forms)
    key = f"case_form_{case.reference}_{number}"

    def submit(version: int) -> None:
        data: dict[str, Any] = {name: _value(f"{key}_{name}") for name, _label in INDICATION_FORM_FIELDS}
        for name in ("bottlenecks", "agreements"):
            data[name] = _lines(f"{key}_{name}")
        for name in ("family_name", "why_childcare_needed", "provider", "other_remarks"):
            data[name] = str(data[name] or "")
        _run(
            lambda: svc.casework.save_indication_form(
                case.reference, worker, version, IndicationForm.model_validate(data), now()
            ),
            _("The indication form is saved as version %(number)s.", number=number + 1),
            labels,
        )

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
            on_click=submit,
            args=(case.version,),
            disabled=not editable,
            key=f"{key}_submit",
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


# -- notes --------------------------------------------------------------------------------------


def note_form(case: CaseView, worker: Account) -> None:
    key = f"case_note_{case.reference}"

    def submit() -> None:
        text = str(_value(key) or "").strip()
        if not text:
            st.session_state[FLASH] = ("error", _("Write a note first."))
            return
        _run(
            lambda: services().casework.add_note(case.reference, worker, text, now()),
            _("The note is added."),
            {},
        )
        st.session_state[key] = ""

    st.text_area(_("Note"), max_chars=5000, key=key)
    st.button(_("Add the note"), key="case_note_add", on_click=submit)
