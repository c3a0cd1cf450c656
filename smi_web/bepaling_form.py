"""The form of a bepaling jeugdhulp with the uniform registration form (G2), new or adjusted.

The youth-care product (from the catalogue's iJw products, or an iJw category without a product
code) and the provider are chosen above the form, as they decide the unit and frequency proposed
and the order of the providers (those contracted for the product first; the GI chooses). An
adjusted bepaling is about the same child: its form starts from the bepaling that holds now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st
from pydantic import ValidationError

from smi_core.constants import N_
from smi_core.istandaarden.codes import CategorieJw, Eenheid, Frequentie, Geslacht
from smi_core.jeugd.bepaling import MEASURE_LABELS, Bepaling, Child, Measure, RegistrationForm
from smi_intake.services.accounts import Account
from smi_intake.services.gi import GiService, ProviderChoice
from smi_web.assignments.labels import EENHEID_LABELS, FREQUENTIE_LABELS, GESLACHT_LABELS, coded
from smi_web.case.action import DATE_FORMAT, Incomplete, run, text, value
from smi_web.ui import _

_OLDEST = date(1990, 1, 1)

#: The form's fields as the page names them, for "please complete or correct".
FIELD_LABELS = {
    "child": N_("Child"),
    "bsn": N_("BSN of the child (9 digits)"),
    "surname": N_("Surname"),
    "date_of_birth": N_("Date of birth"),
    "category": N_("Youth-care category"),
    "volume": N_("Volume"),
    "start": N_("From"),
    "end": N_("Until"),
    "provider_agb": N_("Youth-care provider"),
    "motivation": N_("Motivation of the bepaling"),
    "registration": N_("Registration form: reason and goals"),
    "reason": N_("Reason for the registration"),
    "goals": N_("Goals of the help"),
    "gi_code": N_("AGB code of your institution (optional)"),
}


def _unless_set(key: str, **default: Any) -> dict[str, Any]:
    """A widget's default, unless the form was started from a bepaling (its value is then set)."""
    return {} if key in st.session_state else default


def _bold(label: str) -> None:
    st.markdown(f"**{label}**")


def _labels() -> dict[str, str]:
    return {name: _(label) for name, label in FIELD_LABELS.items()}


def prefill(key: str, bepaling: Bepaling) -> None:
    """Start the form ``key`` from ``bepaling`` (once: what the user changes stays). Streamlit
    forgets a widget's value when a run ends without drawing it (a run cut short by the next, as
    on a page opened afresh), so a form whose values are gone is filled again."""
    state = st.session_state
    form = bepaling.registration
    values: dict[str, Any] = {
        "product": bepaling.product_code,
        "category": CategorieJw(bepaling.category),
        "provider": bepaling.provider_agb,
        "measure": bepaling.measure,
        "volume": bepaling.volume,
        "unit": bepaling.unit,
        "frequency": bepaling.frequency,
        "start": bepaling.start,
        "end": bepaling.end,
        "motivation": bepaling.motivation,
        "gi_code": bepaling.gi_code or "",
        "reason": form.reason,
        "goals": form.goals,
        "urgent": form.urgent,
        "parents_informed": form.parents_informed,
        "contact_name": form.contact_name,
        "contact_phone": form.contact_phone,
        "notes": form.notes,
    }
    drawn_always = ("motivation", "volume", "reason", "goals")  # the category only without a product
    if state.get(f"{key}_filled") and all(f"{key}_{name}" in state for name in drawn_always):
        return
    for name, filled in values.items():
        state[f"{key}_{name}"] = filled
    state[f"{key}_filled"] = True


def _choices(gi: GiService, key: str) -> tuple[str | None, CategorieJw, list[ProviderChoice]]:
    """The product (or category) and the provider, chosen above the form."""
    products = {p.code: p for p in gi.products()}
    codes: list[str | None] = [*products, None]
    code = st.selectbox(
        _("Youth-care product"),
        codes,
        format_func=lambda c: (
            f"{c} {products[c].name}" if c else _("another youth-care category (no product code)")
        ),
        key=f"{key}_product",
    )
    if code is None:
        category = st.selectbox(
            _("Youth-care category"), list(CategorieJw), format_func=coded, key=f"{key}_category"
        )
        return None, category if category is not None else next(iter(CategorieJw)), gi.provider_choices(None)
    return code, CategorieJw(products[code].category), gi.provider_choices(code)


def _provider_label(choice: ProviderChoice) -> str:
    note = _("contracted") if choice.contracted else _("not contracted for this product")
    return f"{choice.name} ({choice.agb}), {note}"


def _bepaling(
    gi: GiService, account: Account, key: str, code: str | None, category: CategorieJw, child: Child | None
) -> Bepaling:
    """The bepaling as filled in (``Incomplete`` or a ``ValidationError`` when it is not)."""
    provider = value(f"{key}_provider")
    start: date | None = value(f"{key}_start")
    volume = value(f"{key}_volume")
    if not provider:
        raise Incomplete(_("Choose the provider."))
    if start is None or volume is None:
        raise Incomplete(_("Fill in the start date and the volume."))
    if child is None:
        born: date | None = value(f"{key}_born")
        if born is None:
            raise Incomplete(_("Fill in the date of birth of the child."))
        child = Child(
            bsn=text(f"{key}_bsn").strip(),
            surname=text(f"{key}_surname").strip(),
            prefix=text(f"{key}_prefix").strip(),
            initials=text(f"{key}_initials").strip(),
            given_name=text(f"{key}_given_name").strip(),
            gender=value(f"{key}_gender") or Geslacht.ONBEKEND,
            date_of_birth=born,
        )
    try:
        registration = RegistrationForm(
            reason=text(f"{key}_reason").strip(),
            goals=text(f"{key}_goals").strip(),
            urgent=bool(value(f"{key}_urgent")),
            parents_informed=bool(value(f"{key}_parents_informed")),
            contact_name=text(f"{key}_contact_name").strip(),
            contact_phone=text(f"{key}_contact_phone").strip(),
            notes=text(f"{key}_notes").strip(),
        )
    except ValidationError:  # its own check names no field: say which part of the form it is
        labels = _labels()
        raise Incomplete(_("Please complete or correct: %(fields)s", fields=labels["registration"])) from None
    names = {p.code: p.name for p in gi.products()}
    return Bepaling(
        gi_organisation=account.organisation,
        gi_code=text(f"{key}_gi_code").strip() or None,
        jeugdbeschermer=account.display_name,
        measure=value(f"{key}_measure") or Measure.OTS,
        child=child,
        category=category.value,
        product_code=code,
        product_name=names.get(code, "") if code else "",
        volume=int(volume),
        unit=value(f"{key}_unit"),
        frequency=value(f"{key}_frequency"),
        start=start,
        end=value(f"{key}_end"),
        provider_agb=provider,
        provider_name=gi.provider_name(provider),
        motivation=text(f"{key}_motivation").strip(),
        decided_on=value(f"{key}_decided_on") or date.today(),
        registration=registration,
    )


def _child_fields(key: str) -> None:
    _bold(_("The child"))
    left, right = st.columns(2)
    left.text_input(_("BSN of the child (9 digits)"), max_chars=9, key=f"{key}_bsn")
    right.date_input(
        _("Date of birth"),
        value=None,
        min_value=_OLDEST,
        max_value="today",
        format=DATE_FORMAT,
        key=f"{key}_born",
    )
    left, middle, right = st.columns([2, 1, 2])
    left.text_input(_("Given name"), max_chars=200, key=f"{key}_given_name")
    middle.text_input(_("Prefix"), max_chars=10, key=f"{key}_prefix")
    right.text_input(_("Surname"), max_chars=200, key=f"{key}_surname")
    left, right = st.columns(2)
    left.text_input(_("Initials"), max_chars=6, key=f"{key}_initials")
    right.selectbox(
        _("Gender"), list(Geslacht), format_func=lambda g: _(GESLACHT_LABELS[g]), key=f"{key}_gender"
    )


def bepaling_form(
    gi: GiService,
    account: Account,
    key: str,
    submit_label: str,
    done: str,
    save: Callable[[Bepaling], object],
    child: Child | None = None,
) -> None:
    """The form; ``save`` gets the bepaling as filled in. ``child``: the child of an adjusted
    bepaling (not asked again); None asks for the child."""
    code, category, providers = _choices(gi, key)
    agbs = [p.agb for p in providers]
    by_agb = {p.agb: p for p in providers}
    if value(f"{key}_provider") not in agbs:
        st.session_state.pop(f"{key}_provider", None)
    st.selectbox(
        _("Youth-care provider"),
        agbs,
        format_func=lambda a: _provider_label(by_agb[a]),
        key=f"{key}_provider",
        help=_("The providers contracted for the product come first. The certified institution chooses."),
    )
    product = next((p for p in gi.products() if p.code == code), None)
    units, frequencies = list(Eenheid), list(Frequentie)
    with st.form(f"{key}_form"):
        if child is None:
            _child_fields(key)
        _bold(_("The bepaling"))
        left, right = st.columns(2)
        left.selectbox(
            _("Measure"), list(Measure), format_func=lambda m: _(MEASURE_LABELS[m]), key=f"{key}_measure"
        )
        right.date_input(_("Decided on"), value="today", format=DATE_FORMAT, key=f"{key}_decided_on")
        volume, unit, frequency = st.columns(3)
        volume.number_input(
            _("Volume"),
            min_value=1,
            max_value=99_999_999,
            step=1,
            key=f"{key}_volume",
            **_unless_set(f"{key}_volume", value=None),
        )
        unit.selectbox(
            _("Unit"),
            units,
            format_func=lambda u: _(EENHEID_LABELS[u]),
            key=f"{key}_unit",
            **_unless_set(f"{key}_unit", index=units.index(product.unit if product else Eenheid.UUR)),
        )
        frequency.selectbox(
            _("Frequency"),
            frequencies,
            format_func=lambda f: _(FREQUENTIE_LABELS[f]),
            key=f"{key}_frequency",
            **_unless_set(
                f"{key}_frequency",
                index=frequencies.index(product.frequency if product else Frequentie.PER_MAAND),
            ),
            help=_("Per week needs an end date."),
        )
        left, right = st.columns(2)
        left.date_input(
            _("From"), format=DATE_FORMAT, key=f"{key}_start", **_unless_set(f"{key}_start", value=None)
        )
        right.date_input(
            _("Until (optional)"),
            format=DATE_FORMAT,
            key=f"{key}_end",
            **_unless_set(f"{key}_end", value=None),
        )
        st.text_area(_("Motivation of the bepaling"), max_chars=5000, key=f"{key}_motivation")
        st.text_input(_("AGB code of your institution (optional)"), max_chars=8, key=f"{key}_gi_code")
        _bold(_("Registration form"))
        st.text_area(_("Reason for the registration"), max_chars=5000, key=f"{key}_reason")
        st.text_area(_("Goals of the help"), max_chars=5000, key=f"{key}_goals")
        left, right = st.columns(2)
        left.checkbox(_("Urgent"), key=f"{key}_urgent")
        right.checkbox(
            _("The parents are informed"),
            key=f"{key}_parents_informed",
            **_unless_set(f"{key}_parents_informed", value=True),
        )
        left.text_input(_("Contact person"), max_chars=200, key=f"{key}_contact_name")
        right.text_input(_("Phone"), max_chars=40, key=f"{key}_contact_phone")
        st.text_area(_("Other information for the provider"), max_chars=5000, key=f"{key}_notes")
        st.form_submit_button(
            submit_label,
            type="primary",
            key=f"{key}_save",
            on_click=run,
            args=(lambda: save(_bepaling(gi, account, key, code, category, child)), done, _labels()),
        )
