"""The forms of a Wmo case's next step (route T): who the client is, the investigation, the support
plan, the provision and provider from the catalogue, and the beschikking. Each runs its service
action on the case version on screen, as the SMI forms do (``smi_web.case.action``)."""

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

import streamlit as st

from smi_core.case import CaseAction
from smi_core.case.route import ACTION_LABELS, DOMAINS, Provision
from smi_core.istandaarden.codes import Eenheid, Frequentie, Geslacht
from smi_core.wmo.casework import (
    OBJECTION_CLAUSE,
    Beschikking,
    InvestigationReport,
    ProvisionChoice,
    WmoClient,
    WmoSupportPlan,
)
from smi_core.wmo.catalogue import Catalogue, CatalogueProduct
from smi_intake.services.accounts import Account
from smi_intake.services.wmo_cases import WmoCaseView
from smi_intake.services.wmo_views import JeugdCaseView
from smi_web.case.action import DATE_FORMAT, lines, run, text, value
from smi_web.services import now, services
from smi_web.ui import _

A = CaseAction


def submit_on_version(
    view: WmoCaseView | JeugdCaseView, act: Callable[[int], object], done: str, labels: Mapping[str, str]
) -> dict[str, Any]:
    """The ``on_click`` of a button that runs ``act`` on the version on screen (as the SMI forms)."""
    return {"on_click": _run_on_version, "args": (act, done, dict(labels), view.version)}


def _run_on_version(act: Callable[[int], object], done: str, labels: Mapping[str, str], version: int) -> None:
    run(lambda: act(version), done, labels)


def client_form(view: WmoCaseView, worker: Account) -> None:
    key = f"case_wmo_client_{view.reference}"
    labels = {
        "bsn": _("BSN"),
        "surname": _("Surname"),
        "prefix": _("Prefix"),
        "initials": _("Initials"),
        "gender": _("Gender"),
    }
    genders = {
        Geslacht.ONBEKEND: _("unknown"),
        Geslacht.MANNELIJK: _("male"),
        Geslacht.VROUWELIJK: _("female"),
    }

    def act(version: int) -> int:
        client = WmoClient.model_validate(
            {
                "bsn": text(f"{key}_bsn").strip(),
                "surname": text(f"{key}_surname"),
                "prefix": text(f"{key}_prefix"),
                "initials": text(f"{key}_initials"),
                "gender": value(f"{key}_gender") or Geslacht.ONBEKEND,
            }
        )
        return services().wmo.start_investigation(view.reference, worker, version, client, now())

    with st.form(key):
        st.markdown("**" + _(ACTION_LABELS[A.START_INVESTIGATION]) + "**")
        st.caption(_("Record who the client is, as shown to you (the toewijzing names the client by it)."))
        st.text_input(labels["bsn"], max_chars=9, key=f"{key}_bsn")
        st.text_input(labels["surname"], max_chars=200, key=f"{key}_surname")
        st.text_input(labels["prefix"], max_chars=10, key=f"{key}_prefix")
        st.text_input(labels["initials"], max_chars=6, key=f"{key}_initials")
        st.selectbox(labels["gender"], list(genders), format_func=genders.__getitem__, key=f"{key}_gender")
        st.form_submit_button(
            _("Start the investigation"),
            key=f"{key}_submit",
            **submit_on_version(view, act, _("The investigation has started."), labels),
        )


def report_form(view: WmoCaseView, worker: Account) -> None:
    key = f"case_wmo_report_{view.reference}"
    labels = {
        "held_on": _("Conversation held on"),
        "need": _("The need for support"),
        "own_possibilities": _("Own possibilities"),
        "network": _("Network"),
        "general_provisions": _("General provisions"),
        "maatwerk_needed": _("An individual provision (maatwerk) is needed"),
        "account_sent_on": _("Written report sent to the resident on"),
    }

    def act(version: int) -> int:
        report = InvestigationReport.model_validate(
            {
                "held_on": value(f"{key}_held_on"),
                "need": text(f"{key}_need"),
                "own_possibilities": text(f"{key}_own_possibilities"),
                "network": text(f"{key}_network"),
                "general_provisions": text(f"{key}_general_provisions"),
                "maatwerk_needed": bool(value(f"{key}_maatwerk_needed")),
                "account_sent_on": value(f"{key}_account_sent_on"),
            }
        )
        return services().wmo.report_investigation(view.reference, worker, version, report, now())

    today = now().astimezone().date()
    with st.form(key):
        st.markdown("**" + _(ACTION_LABELS[A.REPORT_INVESTIGATION]) + "**")
        st.date_input(labels["held_on"], value=today, format=DATE_FORMAT, key=f"{key}_held_on")
        for name in ("need", "own_possibilities", "network", "general_provisions"):
            st.text_area(labels[name], max_chars=5000, key=f"{key}_{name}")
        st.checkbox(labels["maatwerk_needed"], value=True, key=f"{key}_maatwerk_needed")
        st.date_input(
            labels["account_sent_on"], value=today, format=DATE_FORMAT, key=f"{key}_account_sent_on"
        )
        st.form_submit_button(
            _("Record the investigation"),
            key=f"{key}_submit",
            **submit_on_version(
                view, act, _("The investigation and its written report are recorded."), labels
            ),
        )


def plan_form(view: WmoCaseView, worker: Account) -> None:
    key = f"case_wmo_plan_{view.reference}"
    labels = {"results": _("Results to reach (one per line)"), "notes": _("Notes")}
    current = view.records.plan

    def act(version: int) -> int:
        plan = WmoSupportPlan(results=tuple(lines(f"{key}_results")), notes=text(f"{key}_notes"))
        return services().wmo.save_plan(view.reference, worker, version, plan, now())

    with st.form(key):
        st.markdown("**" + _(ACTION_LABELS[A.SAVE_WMO_PLAN]) + "**")
        st.text_area(
            labels["results"],
            value="\n".join(current.results) if current else "",
            max_chars=5000,
            key=f"{key}_results",
        )
        st.text_area(
            labels["notes"], value=current.notes if current else "", max_chars=5000, key=f"{key}_notes"
        )
        st.form_submit_button(
            _("Save the support plan"),
            key=f"{key}_submit",
            **submit_on_version(view, act, _("The support plan is saved."), labels),
        )


def provision_form(view: WmoCaseView, worker: Account, catalogue: Catalogue) -> None:
    key = f"case_wmo_provision_{view.reference}"
    products = {p.code: p for p in catalogue.products_of(DOMAINS[view.provision])}
    if not products:
        empty = (
            _("The catalogue holds no youth-care products.")
            if view.provision is Provision.JEUGD
            else _("The catalogue holds no Wmo products.")
        )
        st.warning(empty, icon=":material/warning:")
        return
    labels = {
        "product_code": _("Product"),
        "provider_agb": _("Care provider"),
        "non_contracted_reason": _("Why a provider that is not contracted for it (TOE-CONTRACTED)"),
        "volume": _("Volume"),
        "unit": _("Unit"),
        "frequency": _("Frequency"),
        "requested_on": _("Aanvraag received on"),
        "start": _("Start"),
        "end": _("End"),
        "evaluations": _("Evaluation moments"),
    }
    code = st.selectbox(
        labels["product_code"],
        list(products),
        format_func=lambda c: f"{c} {products[c].name}",
        key=f"{key}_product_code",
    )
    product: CatalogueProduct = products[code]
    contracted = catalogue.providers_for(product)
    others = [p for p in catalogue.providers if p not in contracted]
    names = {p.agb: p.name for p in catalogue.providers}
    st.caption(
        _(
            "Contracted for this product: %(providers)s",
            providers=", ".join(p.name for p in contracted) or "—",
        )
    )

    def act(version: int) -> int:
        evaluation = value(f"{key}_evaluation")
        choice = ProvisionChoice.model_validate(
            {
                "product_code": product.code,
                "category": product.category,
                "product_name": product.name,
                "volume": value(f"{key}_volume"),
                "unit": value(f"{key}_unit"),
                "frequency": value(f"{key}_frequency"),
                "requested_on": value(f"{key}_requested_on"),
                "start": value(f"{key}_start"),
                "end": value(f"{key}_end"),
                "provider_agb": value(f"{key}_provider_agb"),
                "provider_name": names.get(str(value(f"{key}_provider_agb")), ""),
                "non_contracted_reason": text(f"{key}_non_contracted_reason"),
                "evaluations": (evaluation,) if evaluation else (),
            }
        )
        return services().wmo.choose_provision(view.reference, worker, version, choice, now())

    today = now().astimezone().date()
    with st.form(key):
        st.selectbox(
            labels["provider_agb"],
            [p.agb for p in [*contracted, *others]],
            format_func=lambda agb: (
                names[agb] + ("" if agb in {p.agb for p in contracted} else " " + _("(not contracted)"))
            ),
            key=f"{key}_provider_agb",
        )
        st.text_area(labels["non_contracted_reason"], max_chars=5000, key=f"{key}_non_contracted_reason")
        st.number_input(
            labels["volume"], min_value=1, max_value=99_999_999, value=1, step=1, key=f"{key}_volume"
        )
        units, frequencies = list(Eenheid), list(Frequentie)
        st.selectbox(
            labels["unit"], units, index=units.index(product.unit), format_func=_code_label, key=f"{key}_unit"
        )
        st.selectbox(
            labels["frequency"],
            frequencies,
            index=frequencies.index(product.frequency),
            format_func=_code_label,
            key=f"{key}_frequency",
        )
        st.date_input(labels["requested_on"], value=today, format=DATE_FORMAT, key=f"{key}_requested_on")
        st.date_input(
            labels["start"], value=today + timedelta(days=14), format=DATE_FORMAT, key=f"{key}_start"
        )
        st.date_input(labels["end"], value=today + timedelta(days=379), format=DATE_FORMAT, key=f"{key}_end")
        st.date_input(
            labels["evaluations"],
            value=today + timedelta(days=104),
            format=DATE_FORMAT,
            key=f"{key}_evaluation",
        )
        st.form_submit_button(
            _("Choose this provision"),
            key=f"{key}_submit",
            **submit_on_version(view, act, _("The provision and the provider are chosen."), labels),
        )


def beschikking_form(view: WmoCaseView, worker: Account) -> None:
    key = f"case_wmo_beschikking_{view.reference}"
    labels = {
        "granted": _("Decision"),
        "requested_on": _("Aanvraag received on"),
        "decided_on": _("Decided on"),
        "motivation": _("Motivation"),
        "objection_clause": _("Objection clause"),
    }
    can_grant = A.GRANT_BESCHIKKING in view.next_actions
    choices = [True, False] if can_grant else [False]
    provision = view.records.provision
    today = now().astimezone().date()
    clause = _(OBJECTION_CLAUSE, municipality=services().municipality.name)

    def act(version: int) -> int:
        beschikking = Beschikking.model_validate(
            {
                "granted": bool(value(f"{key}_granted")),
                "requested_on": value(f"{key}_requested_on"),
                "decided_on": value(f"{key}_decided_on"),
                "motivation": text(f"{key}_motivation"),
                "objection_clause": text(f"{key}_objection_clause"),
            }
        )
        return services().wmo.record_beschikking(view.reference, worker, version, beschikking, now())

    with st.form(key):
        st.markdown("**" + _("Record the beschikking") + "**")
        st.radio(
            labels["granted"],
            choices,
            format_func=lambda granted: _("granted") if granted else _("refused"),
            key=f"{key}_granted",
        )
        st.date_input(
            labels["requested_on"],
            value=provision.requested_on if provision else today,
            format=DATE_FORMAT,
            key=f"{key}_requested_on",
        )
        st.date_input(labels["decided_on"], value=today, format=DATE_FORMAT, key=f"{key}_decided_on")
        st.text_area(labels["motivation"], max_chars=5000, key=f"{key}_motivation")
        st.text_area(labels["objection_clause"], value=clause, max_chars=5000, key=f"{key}_objection_clause")
        st.form_submit_button(
            _("Record the beschikking"),
            key=f"{key}_submit",
            **submit_on_version(view, act, _("The beschikking is recorded."), labels),
        )


def _code_label(code: Any) -> str:
    return f"{code.value} {code.label}" if hasattr(code, "label") else str(code)


__all__ = [
    "beschikking_form",
    "client_form",
    "plan_form",
    "provision_form",
    "report_form",
    "submit_on_version",
]
