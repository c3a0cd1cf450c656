"""The provider's tables: its assignments with their state, the messages it sent with their retours,
and what became of the message it just sent."""

from __future__ import annotations

from datetime import date

import streamlit as st

from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.retourcodes import RetourCode
from smi_intake.db.messages import StoredMessage
from smi_intake.services.message_facts import ASSIGNMENT_STATE_LABELS, ImportOutcome
from smi_intake.services.provider_exchange import AssignedProduct, Assignment, RequestAnswer, SentMessage
from smi_web.assignments.labels import DOMAIN_LABELS, coded, product_text, volume_text
from smi_web.messages.tables import STATE_LABELS
from smi_web.ui import _, plain_table


def _day(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def period_text(product: AssignedProduct) -> str:
    if product.einddatum is None:
        return _("from %(start)s", start=_day(product.ingangsdatum))
    return _("%(start)s to %(end)s", start=_day(product.ingangsdatum), end=_day(product.einddatum))


def _sent_text(message: StoredMessage | None) -> str:
    """The newest message the provider sent about a product: its kind, state and retour codes."""
    if message is None:
        return ""
    codes = ", ".join(message.retour_codes)
    state = _(STATE_LABELS[message.state])
    return f"{message.kind}: {state} {codes}".strip()


def assignment_table(assignments: list[Assignment]) -> None:
    """One row per assigned product (client data shown as plain text)."""
    if not assignments:
        st.info(
            _("The municipality has not assigned any care to your organisation yet."), icon=":material/info:"
        )
        return
    plain_table(
        [
            {
                _("Number"): a.message.id,
                _("Date"): _day(a.message.dagtekening),
                _("Domain"): DOMAIN_LABELS[a.domain],
                _("Client"): a.client_name,
                _("Date of birth"): _day(a.born),
                _("Product"): product_text(p.product),
                _("Assignment number"): p.number,
                _("Period"): period_text(p),
                _("Volume"): volume_text(p.omvang),
                _("State"): _(ASSIGNMENT_STATE_LABELS[p.state]),
                _("Last sent"): _sent_text(p.last_sent),
            }
            for a in assignments
            for p in a.products
        ]
    )


def sent_table(sent: list[SentMessage]) -> None:
    """The messages the provider sent, each with the retour the municipality answered it with."""
    if not sent:
        st.info(_("You have not sent any message yet."), icon=":material/info:")
        return
    plain_table(
        [
            {
                _("Date"): _day(s.message.dagtekening),
                _("Domain"): DOMAIN_LABELS[Domain(s.message.domain)],
                _("Message"): s.message.kind,
                _("Identification"): s.message.identification,
                _("Assignments"): ", ".join(str(n) for n in s.message.numbers),
                _("State"): _(STATE_LABELS[s.message.state]),
                _("Retour"): s.retour.kind if s.retour else "",
                _("Retour codes"): ", ".join(s.message.retour_codes),
            }
            for s in sent
        ]
    )


def answers_table(answers: list[RequestAnswer]) -> None:
    """The municipality's 319s to the provider's requests: refused (with the reason) or in onderzoek."""
    if not answers:
        st.caption(_("The municipality has not refused any of your requests, nor put one in onderzoek."))
        return
    plain_table(
        [
            {
                _("Date"): _day(a.message.dagtekening),
                _("Domain"): DOMAIN_LABELS[Domain(a.message.domain)],
                _("Your reference"): a.antwoord.referentie_aanbieder,
                _("Answer"): coded(a.antwoord.verzoek_antwoord),
                _("Reason"): coded(a.antwoord.reden_afwijzing_verzoek or ""),
            }
            for a in answers
        ]
    )


def code_text(code: str, domain: Domain) -> str:
    """A retour code with the standard's explanation of it."""
    try:
        return RetourCode(code).label_in(domain)
    except ValueError:
        return ""


def show_outcome(outcome: ImportOutcome) -> None:
    """Accepted, or refused with each retour code and its explanation (and the rule it broke)."""
    if outcome.accepted:
        st.success(
            _(
                "Accepted: the municipality received your message %(kind)s (identification "
                "%(identification)s) and answered with a retour without remarks.",
                kind=outcome.kind,
                identification=outcome.identification,
            ),
            icon=":material/check:",
        )
        return
    st.error(
        _(
            "Refused: the municipality did not accept your message %(kind)s. Nothing you filled in "
            "is lost: correct it and send again.",
            kind=outcome.kind or "-",
        ),
        icon=":material/error:",
    )
    domain = Domain(outcome.domain) if outcome.domain else Domain.WMO
    rows = [
        {_("Retour code"): code, _("Explanation"): code_text(code, domain)} for code in outcome.retour_codes
    ]
    if rows:
        plain_table(rows)
    if outcome.rule or outcome.path:
        plain_table([{_("Rule"): outcome.rule, _("Where"): outcome.path}])
