"""The chosen provider's view of a certified institution's bepaling (G3), on its assignments page:
only the bepalingen naming its own AGB code, with the registration form, and its two answers: it can
deliver in time (it sends its 315 from the page's own form, filled in from the bepaling with the GI
as the referrer, type 04), or it cannot (``GI-NOT-IN-TIME``: the GI is told at once and chooses
another provider). An adjusted bepaling on an assigned case is answered with the page's 317 form."""

from __future__ import annotations

import streamlit as st

from smi_core.cases import CaseStatus
from smi_core.istandaarden.codes import CategorieJw, Domain, TypeVerwijzer
from smi_core.jeugd.bepaling import Bepaling, NotInTime
from smi_intake.services.accounts import Account
from smi_intake.services.gi import GiCase
from smi_web.bepaling_view import bepaling_details, child_name, day, history, product_text, status_text
from smi_web.case.action import DATE_FORMAT, run, show_flash, text, value
from smi_web.refusals import REFUSALS, Screen, show_refusal
from smi_web.services import now, services
from smi_web.ui import _, plain_table

KEY = "assignments_bepaling"
#: The widget keys of the 315 form (``smi_web.assignments.request``) this view fills in.
REQUEST = "assignments_request"


def provider_bepalingen(provider: Account) -> list[GiCase]:
    """The bepalingen naming the provider's organisation (each read logged)."""
    try:
        return services().gi.for_provider(provider, now())
    except REFUSALS as refused:
        show_refusal(refused, Screen.ASSIGNMENTS)
        return []


def fill_request(reference: str, bepaling: Bepaling) -> None:
    """Fill in the 315 form from the bepaling, with the certified institution as the referrer."""
    state, child = st.session_state, bepaling.child
    state[f"{REQUEST}_domain"] = Domain.JW
    state[f"{REQUEST}_bsn"] = child.bsn
    state[f"{REQUEST}_born"] = child.date_of_birth
    state[f"{REQUEST}_gender"] = child.gender
    state[f"{REQUEST}_surname"] = " ".join(part for part in (child.prefix, child.surname) if part)
    state[f"{REQUEST}_initials"] = child.initials
    state[f"{REQUEST}_category_{Domain.JW.value}"] = CategorieJw(bepaling.category)
    state[f"{REQUEST}_code"] = bepaling.product_code or ""
    state[f"{REQUEST}_start"] = bepaling.start
    state[f"{REQUEST}_end"] = bepaling.end
    state[f"{REQUEST}_volume"] = bepaling.volume
    state[f"{REQUEST}_unit"] = bepaling.unit
    state[f"{REQUEST}_frequency"] = bepaling.frequency
    state[f"{REQUEST}_referrer"] = TypeVerwijzer.GECERTIFICEERDE_INSTELLING
    state[f"{REQUEST}_referrer_agb"] = bepaling.gi_code or ""
    state[f"{KEY}_filled_from"] = reference


def _not_in_time(provider: Account, reference: str) -> None:
    report = NotInTime(
        provider_agb=provider.organisation,
        reported_on=now().date(),
        earliest_start=value(f"{KEY}_earliest"),
        note=text(f"{KEY}_note").strip(),
    )
    services().gi.not_in_time(provider, reference, report, now())


def _answers(provider: Account, case: GiCase) -> None:
    if case.pending_not_in_time is not None:
        st.info(
            _("You said you cannot deliver in time. The certified institution chooses another provider."),
            icon=":material/schedule:",
        )
        return
    if case.status in (CaseStatus.ASSIGNED, CaseStatus.CARE_STARTED):
        if case.adjusted_after_assignment:
            st.warning(
                _(
                    "The certified institution adjusted this bepaling after the assignment. Ask for "
                    "the change with a change request (317) for the assignment, above."
                ),
                icon=":material/edit_note:",
            )
        return
    if case.status is not CaseStatus.DETERMINED:
        return
    question = _("Can you deliver this help in time?")
    st.markdown(f"**{question}**")
    st.button(
        _("We can deliver in time: fill in the request (315)"),
        key=f"{KEY}_in_time",
        on_click=fill_request,
        args=(case.reference, case.bepaling),
    )
    with st.form(f"{KEY}_not_in_time_form"):
        st.date_input(
            _("Earliest start we can make (optional)"), value=None, format=DATE_FORMAT, key=f"{KEY}_earliest"
        )
        st.text_area(_("Note for the certified institution"), max_chars=5000, key=f"{KEY}_note")
        st.form_submit_button(
            _("We cannot deliver in time"),
            key=f"{KEY}_not_in_time",
            on_click=run,
            args=(
                lambda: _not_in_time(provider, case.reference),
                _("The certified institution is told that you cannot deliver in time."),
            ),
        )


def bepalingen_section(provider: Account, cases: list[GiCase]) -> None:
    """The bepalingen of certified institutions that name the provider, and its answers to one."""
    st.header(_("Bepalingen of certified institutions"))
    st.caption(
        _(
            "A certified institution decided which youth care a child gets and chose your "
            "organisation. Say at once whether you can deliver in time: if you can, send the request "
            "(315); if you cannot, the institution chooses another provider. When the institution "
            "adjusts a bepaling after the assignment, send a change request (317)."
        )
    )
    show_flash()
    if not cases:
        st.caption(_("No bepaling names your organisation."))
        return
    plain_table(
        [
            {
                _("Case"): c.reference,
                _("Child"): child_name(c.bepaling),
                _("Youth care"): product_text(c.bepaling),
                _("From"): day(c.bepaling.start),
                _("Status"): status_text(c),
            }
            for c in cases
        ]
    )
    index = st.selectbox(
        _("Bepaling"),
        range(len(cases)),
        format_func=lambda i: f"{cases[i].reference}: {child_name(cases[i].bepaling)}",
        key=f"{KEY}_choice",
    )
    case = cases[index or 0]
    bepaling_details(case.bepaling)
    _answers(provider, case)
    if st.session_state.get(f"{KEY}_filled_from") == case.reference:
        st.success(_("The request (315) below is filled in from the bepaling. Check it and send it."))
    history(case)
