"""The *One traject* page's parts: the clients with several begeleiding indications, one client's
current indications, and the walk-through of the conversion in the order of the instruction
(goals, segment, provider, form, period, the pgb that stays), its preview and its confirmation.

Every widget's key starts with ``conversion_``; what is typed in the walk-through stays in the
session when a plan is refused, and is cleared when another client is chosen.
"""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from smi_core.constants import N_
from smi_core.istandaarden.codes import Domain
from smi_core.wmo.catalogue import Catalogue, CatalogueProduct
from smi_core.wmo.conversion import (
    Conversion,
    ConversionPlan,
    ConversionRefused,
    ConversionRule,
    CurrentIndication,
    Form,
)
from smi_core.wmo.indications import OPEN_END, Candidate
from smi_intake.services.conversions import ConversionDone
from smi_intake.services.message_facts import MessageRefused
from smi_web.ui import _

CLIENT = "conversion_client"
STEP = "conversion_step_"
GOALS, SEGMENT, ROUTE, PROVIDER = f"{STEP}goals", f"{STEP}segment", f"{STEP}route", f"{STEP}provider"
NON_CONTRACTED, FORM, PGB_REASON = f"{STEP}non_contracted_reason", f"{STEP}form", f"{STEP}pgb_reason"
START, END, KEEP = f"{STEP}start", f"{STEP}end", f"{STEP}keep"
CONFIRM, DONE = "conversion_confirm", "conversion_done"

#: Each rule of the instruction in plain words, for a refusal.
RULE_EXPLANATIONS = {
    ConversionRule.ONE: N_(
        "All current indications become one new indication in one segment. The others end, "
        "so exactly one remains."
    ),
    ConversionRule.ONE_PROVIDER: N_("The new indication has exactly one provider."),
    ConversionRule.ZIN_XOR_PGB: N_(
        "The new indication is wholly in kind or wholly a pgb. Only a pgb for the social network "
        "may stay next to it."
    ),
    ConversionRule.GOALS_FIRST: N_(
        "First the goals with the client, without providers. The segment follows from the goals."
    ),
    ConversionRule.PROVIDER: N_(
        "Choose an involved provider that is contracted in the segment, another involved provider, "
        "or a contracted provider the client picks. A provider without a contract needs a written reason."
    ),
    ConversionRule.PGB_RARE: N_(
        "A pgb only where contracted support really does not fit and the client has the skills "
        "for a pgb. Write down why."
    ),
}

ROUTES = {
    "involved_contracted": N_("An involved provider that is contracted in the segment"),
    "involved": N_("Another involved provider"),
    "contracted": N_("A contracted provider the client picks"),
}
FORMS = {Form.ZIN: N_("In kind (ZIN)"), Form.PGB: N_("Personal budget (pgb)")}


def day(value: date) -> str:
    return _("no end date") if value == OPEN_END else value.strftime("%d-%m-%Y")


def provider_name(catalogue: Catalogue, agb: str) -> str:
    provider = catalogue.provider(agb)
    return f"{provider.name} ({agb})" if provider else agb


def product_name(catalogue: Catalogue, code: str) -> str:
    product = catalogue.product(Domain.WMO, code)
    return f"{product.name} ({code})" if product else code


# -- the list and the client --------------------------------------------------------------------


def _client_changed() -> None:
    for key in [key for key in st.session_state if str(key).startswith(STEP)]:
        del st.session_state[key]
    st.session_state.pop(DONE, None)


def choose_client(candidates: list[Candidate]) -> Candidate | None:
    """The candidates as a table (BSNs masked), and the client chosen among them."""
    if not candidates:
        st.info(_("No client has more than one current begeleiding indication."), icon=":material/info:")
        return None
    st.dataframe(
        [
            {
                _("Client"): c.masked_bsn,
                _("Indications"): c.count,
                _("First one ends"): day(c.first_end),
                _("Conversion due"): _("yes") if c.due else _("not yet"),
            }
            for c in candidates
        ],
        hide_index=True,
    )
    by_bsn = {c.bsn: c for c in candidates}
    if st.session_state.get(CLIENT) not in by_bsn:
        st.session_state.pop(CLIENT, None)
    chosen = st.selectbox(
        _("Client"),
        list(by_bsn),
        index=None,
        format_func=lambda bsn: _(
            "%(client)s: %(count)s indications", client=by_bsn[bsn].masked_bsn, count=by_bsn[bsn].count
        ),
        placeholder=_("Choose a client"),
        key=CLIENT,
        on_change=_client_changed,
    )
    return by_bsn.get(chosen) if chosen else None


def current_table(catalogue: Catalogue, bsn: str, current: list[CurrentIndication]) -> None:
    st.subheader(_("Current indications"))
    st.text(_("BSN: %(bsn)s", bsn=bsn))
    st.dataframe(
        [
            {
                _("Indication"): i.reference,
                _("Support provider"): provider_name(catalogue, i.provider),
                _("Product"): product_name(catalogue, i.product_code),
                _("Form"): _(FORMS[i.form]),
                _("Start"): day(i.start),
                _("End"): day(i.end),
            }
            for i in current
        ],
        hide_index=True,
    )


# -- the walk-through ---------------------------------------------------------------------------


def walk_through(catalogue: Catalogue, current: list[CurrentIndication], today: date) -> ConversionPlan:
    """The steps in the order of the instruction, one section each; the plan they give."""
    st.subheader(_("1. Goals"))
    st.caption(_("Set the goals and results with the client, without providers present. One goal per line."))
    goals = st.text_area(_("Goals and results"), key=GOALS)

    st.subheader(_("2. Segment"))
    st.caption(_("The segment follows from the goals."))
    segments = {segment.code: segment for segment in catalogue.segments}
    segment = st.radio(
        _("Segment"),
        list(segments),
        format_func=lambda code: f"{code}: {segments[code].name}",
        key=SEGMENT,
    )
    product = _product_of(catalogue, segment)

    st.subheader(_("3. Provider"))
    provider, non_contracted = _provider(catalogue, current, product)

    st.subheader(_("4. In kind or pgb"))
    form = st.radio(_("Form"), list(FORMS), format_func=lambda f: _(FORMS[f]), key=FORM, horizontal=True)
    pgb_reason = ""
    if form is Form.PGB:
        pgb_reason = st.text_area(
            _("Why contracted support does not fit, and the client's pgb skills"), key=PGB_REASON
        )

    st.subheader(_("5. Period"))
    first_end = min((i.end for i in current), default=OPEN_END)
    start_default = first_end + timedelta(days=1) if first_end != OPEN_END else today
    start = st.date_input(
        _("Start of the new indication"), value=start_default, key=START, format="DD-MM-YYYY"
    )
    end = st.date_input(
        _("End of the new indication"),
        value=start_default + timedelta(days=364),
        key=END,
        format="DD-MM-YYYY",
    )

    st.subheader(_("6. A pgb for the social network"))
    pgbs = [i.reference for i in current if i.form is Form.PGB]
    keep: list[str] = []
    if pgbs:
        keep = st.multiselect(_("The pgb for the social network that stays"), pgbs, key=KEEP)
    else:
        st.caption(_("The client has no pgb: nothing stays next to the new indication."))
    return ConversionPlan(
        goals=tuple(line.strip() for line in goals.splitlines() if line.strip()),
        segment=segment or "",
        providers=(provider,) if provider else (),
        form=form or Form.ZIN,
        start=start if isinstance(start, date) else today,
        end=end if isinstance(end, date) else today,
        keep=frozenset(keep),
        non_contracted_reason=non_contracted,
        pgb_reason=pgb_reason,
    )


def _product_of(catalogue: Catalogue, segment: str | None) -> CatalogueProduct | None:
    return next((p for p in catalogue.products_of(Domain.WMO) if p.segment == segment), None)


def _provider(
    catalogue: Catalogue, current: list[CurrentIndication], product: CatalogueProduct | None
) -> tuple[str | None, str]:
    involved = list(dict.fromkeys(i.provider for i in current))
    contracted = [p.agb for p in catalogue.providers_for(product)] if product else []
    choices = {
        "involved_contracted": [agb for agb in involved if agb in contracted],
        "involved": involved,
        "contracted": contracted,
    }
    route = st.radio(_("Which provider"), list(ROUTES), format_func=lambda r: _(ROUTES[r]), key=ROUTE)
    options = choices.get(route or "", [])
    if not options:
        st.caption(_("There is no such provider: choose another way."))
        return None, ""
    provider = st.selectbox(
        _("Support provider"), options, format_func=lambda agb: provider_name(catalogue, agb), key=PROVIDER
    )
    if provider and (product is None or not catalogue.is_contracted(provider, product)):
        st.warning(_("This provider is not contracted in the segment."), icon=":material/warning:")
        return provider, st.text_area(_("Why this provider without a contract"), key=NON_CONTRACTED)
    return provider, ""


# -- preview, refusal, result -------------------------------------------------------------------


def show_preview(catalogue: Catalogue, conversion: Conversion) -> None:
    st.subheader(_("7. The result"))
    new = conversion.new
    st.markdown(_("**One new indication**"))
    st.dataframe(
        [
            {
                _("Product"): product_name(catalogue, new.product.code),
                _("Support provider"): provider_name(catalogue, new.provider),
                _("Form"): _(FORMS[new.form]),
                _("Start"): day(new.start),
                _("End"): day(new.end),
            }
        ],
        hide_index=True,
    )
    if conversion.endings:
        st.markdown(_("**The indications that end**"))
        st.dataframe(
            [
                {
                    _("Indication"): e.indication.reference,
                    _("Support provider"): provider_name(catalogue, e.indication.provider),
                    _("Last day"): day(e.last_day),
                    _("How"): _ending_how(e.by_message, e.indication.form),
                }
                for e in conversion.endings
            ],
            hide_index=True,
        )
    if new.form is Form.PGB:
        st.caption(_("A pgb is recorded, not sent: the iWmo messages are for support in kind."))


def _ending_how(by_message: bool, form: Form) -> str:
    if by_message:
        return _("A 301 with this end date and reason of change goes to the provider; it answers with a 307.")
    if form is Form.PGB:
        return _("The pgb is recorded as ended; no message.")
    return _("It ends by itself before the new start; no message.")


def show_refused(error: ConversionRefused, *, preview: bool = False) -> None:
    """Every rule the plan breaks, with its id and what it asks."""
    rules = list(dict.fromkeys(problem.rule for problem in error.problems))
    if preview:
        st.warning(_("The plan does not follow the instruction yet:"), icon=":material/rule:")
    else:
        st.error(_("This plan does not follow the instruction. Nothing was saved."), icon=":material/error:")
    for rule in rules:
        st.error(f"{rule.value}: {_(RULE_EXPLANATIONS[rule])}")


def show_message_refused(error: MessageRefused) -> None:
    st.error(
        _(
            "Message %(position)s of the conversion breaks rule %(rule)s (%(path)s). Nothing was "
            "sent or saved.",
            position=error.position,
            rule=error.rule,
            path=error.path,
        ),
        icon=":material/error:",
    )


def show_done(catalogue: Catalogue, done: ConversionDone) -> None:
    new = done.conversion.new
    if new.form is Form.ZIN:
        st.success(
            _(
                "The conversion is saved. %(count)s 301 messages are ready to send: the new indication "
                "(assignment %(number)s) to %(provider)s, and the endings to the providers that drop out.",
                count=len(done.message_ids),
                number=done.new_number,
                provider=provider_name(catalogue, new.provider),
            ),
            icon=":material/check:",
        )
    else:
        st.success(
            _(
                "The conversion is saved. The pgb is recorded; %(count)s 301 messages that end the "
                "indications in kind are ready to send.",
                count=len(done.message_ids),
            ),
            icon=":material/check:",
        )


def clear_walk_through() -> None:
    """After a conversion: the walk-through and the chosen client start again."""
    _client_changed()
    st.session_state.pop(CLIENT, None)
