"""The two letters of the Wmo route as PDFs in the resident's language (``smi_core.wmo.letters``):
the beschikking (``beschikking_pdf``) and the DAT letter (``dat_letter_pdf``).

The sender, the team and where to reach them come from the municipality's settings. What the
worker typed (the motivation, the results) and the names passed in are printed as plain text,
exactly as typed: no markup is read in them. Dates are written out through Babel in the letter's
language; hours, minutes and days are counted with Babel's plural rules.
"""

from __future__ import annotations

from collections.abc import Callable

from babel.units import format_unit

from smi_core import MunicipalityConfig
from smi_core.constants import N_
from smi_core.i18n import gettext, join_list, long_date
from smi_core.istandaarden.codes import Eenheid, Frequentie
from smi_core.wmo.conversion import Form
from smi_core.wmo.letters import (
    FORM_LABELS,
    LAW_LABELS,
    BeschikkingLetter,
    DatLetter,
    DatStep,
    Decision,
    Provision,
    Resident,
    category_label,
    ensure_complete,
)
from smi_intake.pdf import LineWriter, new_document

Translate = Callable[..., str]

#: The decision in one sentence, first in the letter.
DECISION_SENTENCES: dict[Decision, str] = {
    Decision.GRANTED: N_("You get the support you asked for."),
    Decision.PARTLY_GRANTED: N_("You get part of the support you asked for."),
    Decision.REFUSED: N_("You do not get the support you asked for."),
}

#: Units Babel counts in the locale's plural forms.
_BABEL_UNITS: dict[Eenheid, str] = {
    Eenheid.MINUUT: "duration-minute",
    Eenheid.UUR: "duration-hour",
    Eenheid.ETMAAL: "duration-day",
}

#: The other units: a count that reads right for any number.
UNIT_LABELS: dict[Eenheid, str] = {
    Eenheid.DAGDEEL: N_("%(volume)s x a part of a day (4 hours)"),
    Eenheid.STUKS_OUTPUT: N_("%(volume)s x"),
    Eenheid.STUKS_INSPANNING: N_("%(volume)s x"),
    Eenheid.EUROS: N_("%(volume)s euros"),
}

FREQUENCY_LABELS: dict[Frequentie, str] = {
    Frequentie.PER_DAG: N_("per day"),
    Frequentie.PER_WEEK: N_("per week"),
    Frequentie.PER_MAAND: N_("per month"),
    Frequentie.TOTAAL_BINNEN_GELDIGHEIDSDUUR: N_("in total, for the whole period"),
}


def quantity(provision: Provision, locale: str) -> str:
    """How much: the volume in its unit and how often, e.g. ``3 uur per week``."""
    volume, unit, frequency = provision.volume, provision.unit, provision.frequency
    if volume is None or unit is None or frequency is None:
        raise ValueError("a provision without volume, unit or frequency has no quantity")
    if unit in _BABEL_UNITS:
        amount = format_unit(volume, _BABEL_UNITS[unit], length="long", locale=_babel(locale))
    else:
        amount = gettext(locale, UNIT_LABELS[unit], volume=volume)
    return f"{amount} {gettext(locale, FREQUENCY_LABELS[frequency])}"


def _babel(locale: str) -> str:
    return "en_GB" if locale == "en" else locale


def _letter_head(
    line: LineWriter, title: str, resident: Resident, municipality: MunicipalityConfig, date_text: str
) -> None:
    line(f"{municipality.name} - {municipality.social_team}", 10, gap=4, own_direction=True)
    line(resident.name, 10, gap=0.5, own_direction=True)
    for address in resident.address_lines:
        line(address, 10, gap=0.5, own_direction=True)
    line(date_text, 10, gap=6)
    line(title, 16, "B", 4)


def _contact(line: LineWriter, _: Translate, municipality: MunicipalityConfig) -> None:
    contact = ", ".join(municipality.contact_details)
    if contact:
        line(_("Questions? Contact %(team)s: %(contact)s", contact=contact))
    else:
        line(_("Contact %(team)s through the municipality of %(municipality)s."))


def beschikking_pdf(beschikking: BeschikkingLetter, municipality: MunicipalityConfig, locale: str) -> bytes:
    """The beschikking in ``locale``; ``LetterIncomplete`` when it breaks a content rule."""
    ensure_complete(beschikking)
    values = {"team": municipality.social_team, "municipality": municipality.name}

    def _(message: str, **more: object) -> str:
        return gettext(locale, message, **values, **more)

    title = _("Decision on your request")
    pdf, line = new_document(title, locale)
    _letter_head(
        line,
        title,
        beschikking.resident,
        municipality,
        _("Date: %(date)s", date=long_date(beschikking.decision_date, locale)),
    )
    line(_(DECISION_SENTENCES[beschikking.decision]), 12, "B", 2)
    line(
        _(
            "You asked for support on %(date)s. This is the decision on that request under the %(law)s.",
            date=long_date(beschikking.request_date, locale),
            law=_(LAW_LABELS[beschikking.law]),
        ),
        gap=4,
    )

    if beschikking.provisions:
        line(_("What you get"), 13, "B", 2)
        for provision in beschikking.provisions:
            _provision(line, _, provision, beschikking, locale)
    if beschikking.results:
        line(_("What the support should achieve"), 13, "B", 2)
        for result in beschikking.results:
            line(f"- {result}", gap=0.5, own_direction=True)
        pdf.ln(3)

    line(_("Why we decided this"), 13, "B", 2)
    line(beschikking.motivation, gap=4, own_direction=True)

    if beschikking.evaluation_moments:
        line(_("When we talk about how it goes"), 13, "B", 2)
        dates = join_list(
            (long_date(moment, locale) for moment in sorted(beschikking.evaluation_moments)), locale
        )
        line(
            _("We talk with you and the provider about how the support goes on %(dates)s.", dates=dates),
            gap=4,
        )

    if beschikking.decision.grants and any(p.form is Form.ZIN for p in beschikking.provisions):
        line(_("The provider contacts you to make the first appointments."), gap=4)

    line(_("Do you disagree?"), 13, "B", 2)
    if beschikking.objection_clause:
        _objection_clause(line, _, municipality)
    else:
        line(
            _(
                "A certified institution decided which youth care is needed. That is why you cannot"
                " object to this letter at the municipality. Do you disagree? Then talk to your youth"
                " protection worker."
            ),
            gap=4,
        )

    line(_("Questions"), 13, "B", 2)
    _contact(line, _, municipality)
    return bytes(pdf.output())


def _provision(
    line: LineWriter, _: Translate, provision: Provision, beschikking: BeschikkingLetter, locale: str
) -> None:
    category = category_label(beschikking.law, provision.category)
    name = (
        provision.product_name
        if category == provision.product_name
        else f"{provision.product_name} ({category})"
    )
    line(name, 11, "B", 1, own_direction=True)
    line(_("How much: %(quantity)s", quantity=quantity(provision, locale)), gap=0.5)
    if provision.start is not None and provision.end is not None:
        line(
            _(
                "From %(start)s to %(end)s",
                start=long_date(provision.start, locale),
                end=long_date(provision.end, locale),
            ),
            gap=0.5,
        )
    line(_("How: %(form)s", form=_(FORM_LABELS[provision.form])), gap=0.5)
    if provision.provider.strip():
        line(_("Provider: %(provider)s", provider=provision.provider), gap=0.5)
    line("", gap=2)


def _objection_clause(line: LineWriter, _: Translate, municipality: MunicipalityConfig) -> None:
    line(
        _(
            "Do you disagree with this decision? Then you can object within 6 weeks."
            " The 6 weeks start on the day after the date of this letter."
        ),
        gap=1,
    )
    line(_("Send your objection to the Mayor and Aldermen of %(municipality)s."), gap=1)
    where = ", ".join(c for c in (municipality.contact_email, municipality.website) if c)
    if where:
        line(_("You can send it through: %(where)s", where=where), gap=1)
    else:
        line(_("Ask %(team)s where to send it."), gap=1)
    line(
        _(
            "Write in your objection: your name and address, the date, which decision you mean and why you"
            " disagree. Sign your objection."
        ),
        gap=4,
    )


def dat_letter_pdf(letter: DatLetter, municipality: MunicipalityConfig, locale: str) -> bytes:
    """The DAT letter in ``locale``: the request went to the coalition; this is not a decision."""
    values = {
        "team": municipality.social_team,
        "municipality": municipality.name,
        "coalition": letter.coalition,
    }

    def _(message: str, **more: object) -> str:
        return gettext(locale, message, **values, **more)

    title = _("Your request for guidance: this is not a decision yet")
    pdf, line = new_document(title, locale)
    _letter_head(
        line,
        title,
        letter.resident,
        municipality,
        _("Date: %(date)s", date=long_date(letter.letter_date, locale)),
    )
    line(
        _(
            "We passed your request for guidance on to %(coalition)s on %(date)s.",
            date=long_date(letter.passed_on, locale),
        ),
        12,
        "B",
        2,
    )
    line(_("%(coalition)s is a group of organisations that give guidance."), gap=2)
    line(_("This letter is not a decision. So you cannot object to this letter."), gap=4)

    line(_("What happens next?"), 13, "B", 2)
    contact_due = long_date(letter.contact_due, locale)
    steps = {
        DatStep.CONTACT: _(
            "A fixed counsellor of %(coalition)s contacts you no later than %(date)s.", date=contact_due
        ),
        DatStep.CONVERSATION: _(
            "You have a conversation with the counsellor about what you need and what you want to achieve."
            " Your guidance starts on the day of that conversation."
        ),
        DatStep.PLAN: _(
            "The counsellor writes down the agreements in a plan. You get this plan by post or e-mail."
            " This plan is the decision about your guidance. %(coalition)s makes it on behalf of the"
            " municipality of %(municipality)s. You can object to that plan."
        ),
    }
    for number, step in enumerate(letter.next_steps, start=1):
        line(f"{number}. {steps[step]}", gap=2)
    line(_("Has nobody contacted you by %(date)s? Then contact %(team)s.", date=contact_due), gap=4)

    line(_("Do you disagree, or do you have questions?"), 13, "B", 2)
    line(_("You can always talk to %(team)s again."), gap=1)
    _contact(line, _, municipality)
    return bytes(pdf.output())
