"""The anonymised case summary for the consultation about an extension.

Policy: an extension needs an *anonymised* consultation between the indication officer, the
neighbourhood-team coordinator and the municipal policy officer. The summary they discuss says
what the indication is (children by number and age, part-days, care type, months, extensions),
why it was given (the reasons as choices), what the network can do (counts only), and the three
extension answers. It holds no names, addresses, dates of birth, contact details or calendar
dates: the free texts are scrubbed of every personal value known from the case, and of anything
that looks like an e-mail address, a phone number, a postcode, a BSN, an IBAN or a date.

Scrubbing is a safety net, not a licence: the worker still writes the texts without names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from smi_core.casework import CONVERSATION_SUBJECTS, SURNAME_PARTICLES, ConversationRecord, surname
from smi_core.constants import LABELS, N_, CanHelp, CareType, Reason, Relation
from smi_core.dates import add_months, age_on
from smi_core.intake import IntakeAnswers
from smi_core.municipality import MunicipalityConfig
from smi_core.placement import Indication
from smi_core.timeline import ExtensionAnswers

#: What a scrubbed value is replaced by.
MARKER = "[...]"

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october|"
    "jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec"
)
_SEP = r"[\s.\-]*"
#: Patterns of personal data whatever the case holds: each match contains a letter or digit.
PATTERNS: tuple[re.Pattern[str], ...] = (
    # e-mail addresses
    re.compile(r"[\w.+\-]*\w@[\w\-]+(?:\.[\w\-]+)+"),
    # Dutch IBAN (NL91 ABNA 0417 1643 00)
    re.compile(r"\bNL\s?\d{2}\s?[A-Z]{4}(?:\s?\d{2,4}){3,5}\b", re.IGNORECASE),
    # international phone numbers: +31 6 12345678, 0031 (0)78 1234567
    re.compile(r"(?:\+|\b00)\s?\d{2}" + _SEP + r"(?:\(0\)" + _SEP + r")?\d(?:" + _SEP + r"\d){7,10}(?!\d)"),
    # national phone numbers: 06-12345678, 078-1234567, 078 123 45 67, (078) 123 45 67
    re.compile(r"(?<!\d)0\d(?:" + _SEP + r"\d){8}(?!\d)"),
    re.compile(r"\(0\d{2}\)" + _SEP + r"\d(?:" + _SEP + r"\d){6}(?!\d)"),
    re.compile(r"\(0\d{3}\)" + _SEP + r"\d(?:" + _SEP + r"\d){5}(?!\d)"),
    # dates: 02-04-2023, 2-4-2023, 2/4/23, 2023-04-02, 2 april 2023
    re.compile(r"(?<!\d)\d{1,2}[\-/.]\d{1,2}[\-/.](?:\d{4}|\d{2})(?!\d)"),
    re.compile(r"(?<!\d)\d{4}[\-/.]\d{1,2}[\-/.]\d{1,2}(?!\d)"),
    re.compile(r"(?<!\d)\d{1,2}\s*(?:" + _MONTHS + r")\.?\s*(?:\d{4}|'\d{2})(?!\d)", re.IGNORECASE),
    # BSN and other long numbers: 123456789, 1234.56.789, any run of 9 or more digits
    re.compile(r"(?<!\d)\d{4}\.\d{2}\.\d{3}(?!\d)"),
    re.compile(r"\d{9,}"),
    # postcodes: 3341 AB, 3341AB, 3341ab (with a space only in capitals: "2023 en" is no postcode)
    re.compile(r"(?<!\d)[1-9]\d{3}(?: ?[A-Z]{2}|[a-zA-Z]{2})(?![^\W\d_])"),
)


def _personal_pattern(personal: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for the case's own values, on case-folded text, longest first, any white space."""
    words_of = {
        tuple(value.casefold().split())
        for value in personal
        if any(char.isalnum() for char in value.casefold())
    }
    if not words_of:
        return None
    ordered = sorted(words_of, key=lambda words: (-len(" ".join(words)), words))
    return re.compile("|".join(r"\s+".join(re.escape(w) for w in words) for words in ordered))


def _scrub_folded(text: str, pattern: re.Pattern[str]) -> str:
    """Replace the matches of ``pattern`` in the case-folded text, mapped back onto ``text``."""
    folded_chars = [char.casefold() for char in text]
    origin = [index for index, folded in enumerate(folded_chars) for _ in folded]
    parts: list[str] = []
    done = 0
    for match in pattern.finditer("".join(folded_chars)):
        if match.end() == match.start():
            continue
        start, end = max(origin[match.start()], done), origin[match.end() - 1] + 1
        if end <= done:
            continue
        parts += [text[done:start], MARKER]
        done = end
    parts.append(text[done:])
    return "".join(parts)


def scrub(text: str, personal: Iterable[str]) -> str:
    """``text`` with every personal value and everything that looks like contact data replaced.

    Each of ``personal`` (names, address, postcode, phone, e-mail, dates of birth in the forms
    they may be written) is found case-insensitively, also inside longer words and with any white
    space between its words. Then e-mail addresses, phone numbers, postcodes, BSN-like numbers,
    IBANs and dates are removed by their form. This repeats until nothing is found, so no value
    survives by being split around a replacement. Values without a letter or digit are ignored.
    """
    pattern = _personal_pattern(personal)
    while True:
        before = text
        for form in PATTERNS:
            text = form.sub(MARKER, text)
        if pattern is not None:
            text = _scrub_folded(text, pattern)
        if text == before:
            return text


# -- the personal values a case holds -------------------------------------------------------------

_RELATIONS = frozenset(relation.value for relation in Relation)
_DUTCH_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def name_values(name: str) -> list[str]:
    """A name and its parts that identify: the whole, the surname, and each word of two or more
    letters that is no particle ("A. van den Berg" gives the whole, "van den Berg" and "Berg")."""
    values = [name, surname(name)]
    words = [word.strip(".,'") for word in re.split(r"[\s\-]+", name)]
    for index, letters in enumerate(words):
        last = index == len(words) - 1  # the last word is a name even when it reads as a particle ("Dos")
        # a capitalised first word is a given name even when it reads as a rare particle ("Aan Ad"),
        # unless it is one with which a surname is written on its own ("Van den Berg")
        given = index == 0 and letters[:1].isupper() and letters.casefold() not in LEADING_PARTICLES
        if sum(char.isalnum() for char in letters) >= 2 and (
            last or given or letters.casefold() not in SURNAME_PARTICLES
        ):
            values.append(letters)
    return values


#: The particles a surname written on its own begins with ("Van den Berg", "De Vries", "Ter Horst").
LEADING_PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "den",
        "der",
        "des",
        "het",
        "'t",
        "te",
        "ten",
        "ter",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
    }
)


def date_values(day: date) -> list[str]:
    """A date in the forms it is usually written in Dutch and English texts."""
    d, m, y = day.day, day.month, day.year
    values = []
    for sep in "-/.":
        values += [f"{d:02d}{sep}{m:02d}{sep}{y}", f"{d}{sep}{m}{sep}{y}", f"{y}{sep}{m:02d}{sep}{d:02d}"]
        values += [f"{d:02d}{sep}{m:02d}{sep}{y % 100:02d}", f"{d}{sep}{m}{sep}{y % 100:02d}"]
    for month in (_DUTCH_MONTHS[m - 1], _ENGLISH_MONTHS[m - 1]):
        values += [f"{d} {month} {y}", f"{d:02d} {month} {y}"]
    return values


def contact_values(value: str) -> list[str]:
    """A phone number or e-mail address as given, and a phone number's digits alone."""
    digits = re.sub(r"\D", "", value)
    return [value, digits] if len(digits) >= 6 else [value]


def personal_values(
    answers: IntakeAnswers | None, indication: Indication, also: Iterable[str] = ()
) -> list[str]:
    """Every personal value the case holds: parents' and children's names, the postcode, phone
    numbers, e-mail addresses, dates of birth, network members named by name; and ``also``
    (for instance a street and house number, a place, names from elsewhere)."""
    values: list[str] = [v for v in also if v.strip()]
    for child in indication.children:
        values += name_values(child.name) + date_values(child.date_of_birth)
    if answers is not None:
        values += [answers.postcode, answers.postcode.replace(" ", "")]
        for parent in answers.parents:
            values += name_values(parent.name)
            values += [
                v for contact in (parent.phone, parent.email) if contact for v in contact_values(contact)
            ]
        for kid in answers.children:
            values += name_values(kid.first_name) + date_values(kid.date_of_birth)
        for member in answers.network.members:
            if member.relation.casefold() not in _RELATIONS:
                values += name_values(member.relation)
    return list(dict.fromkeys(value.strip() for value in values if value.strip()))


# -- the summary ---------------------------------------------------------------------------------


class Translate(Protocol):
    """``gettext``-like: a message id and the values of its ``%(name)s`` fields."""

    def __call__(self, message: str, /, **values: object) -> str: ...


class ChildSummary(BaseModel):
    """A child by number: "child 1", its age in whole years and its part-days per week."""

    model_config = ConfigDict(frozen=True)

    number: int
    age: int
    dagdelen_per_week: int


class SummaryText(BaseModel):
    """A scrubbed text under its label (a message id)."""

    model_config = ConfigDict(frozen=True)

    label: str
    text: str


class AnonymisedSummary(BaseModel):
    """What the consultation about an extension reads: nothing that identifies the family."""

    model_config = ConfigDict(frozen=True)

    children: list[ChildSummary]
    care_type: CareType
    first_period_months: int
    extensions_granted: int
    max_extensions: int
    last_day_month: int
    """The month of the indication in which its current last day falls (month 1 is the first)."""
    hard_stop_month: int
    reasons: list[Reason]
    network_analysis_done: bool | None
    network_members: int
    network_can_help: int
    network_can_help_partly: int
    family_cooperated: bool | None
    why_no_improvement: str
    can_reduce_dagdelen: bool | None
    reduce_explanation: str
    conversation: list[SummaryText]
    smi_most_fitting: bool | None


def month_of_indication(start: date, day: date) -> int:
    """The month of an indication starting on ``start`` that ``day`` falls in (1 for the first)."""
    month = 1
    while add_months(start, month) <= day:
        month += 1
    return month


def anonymised_summary(
    answers: IntakeAnswers | None,
    indication: Indication,
    extension: ExtensionAnswers,
    municipality: MunicipalityConfig,
    on: date,
    conversation: ConversationRecord | None = None,
    *,
    also_personal: Iterable[str] = (),
) -> AnonymisedSummary:
    """The anonymised summary of a case for the consultation about its next extension, on ``on``.

    Every free text (the extension answers and, when given, the kitchen-table conversation) is
    scrubbed of the case's personal values (``personal_values``) and of ``also_personal``.
    """
    personal = personal_values(answers, indication, also_personal)
    timeline = indication.timeline(municipality)
    members = answers.network.members if answers else []
    texts: list[SummaryText] = []
    if conversation is not None:
        for field, label in (
            *CONVERSATION_SUBJECTS,
            ("judgement", N_("Why SMI is or is not the most fitting provision")),
        ):
            texts.append(SummaryText(label=label, text=scrub(getattr(conversation, field), personal)))
    return AnonymisedSummary(
        children=[
            ChildSummary(
                number=number,
                age=age_on(child.date_of_birth, on, municipality.leap_day_birthday),
                dagdelen_per_week=child.dagdelen_per_week,
            )
            for number, child in enumerate(indication.children, start=1)
        ],
        care_type=indication.care_type,
        first_period_months=indication.period_months,
        extensions_granted=indication.extensions,
        max_extensions=municipality.max_extensions,
        last_day_month=month_of_indication(indication.start, timeline.last_day),
        hard_stop_month=month_of_indication(indication.start, timeline.hard_stop),
        reasons=list(answers.reasons) if answers else [],
        network_analysis_done=answers.network.analysis_done if answers else None,
        network_members=len(members),
        network_can_help=sum(m.can_help is CanHelp.YES for m in members),
        network_can_help_partly=sum(m.can_help is CanHelp.PARTLY for m in members),
        family_cooperated=extension.family_cooperated,
        why_no_improvement=scrub(extension.why_no_improvement, personal),
        can_reduce_dagdelen=extension.can_reduce_dagdelen,
        reduce_explanation=scrub(extension.reduce_explanation, personal),
        conversation=texts,
        smi_most_fitting=conversation.smi_most_fitting if conversation else None,
    )


def _answer(value: bool | None, translate: Translate) -> str:
    if value is None:
        return translate(N_("not answered"))
    return translate(N_("yes")) if value else translate(N_("no"))


def summary_lines(summary: AnonymisedSummary, translate: Translate) -> list[str]:
    """The summary as lines of text, for the screen and the PDF (show them as plain text)."""
    t = translate
    lines = [
        t(
            N_("Child %(number)s: %(age)s years old, %(dagdelen)s part-days per week"),
            number=c.number,
            age=c.age,
            dagdelen=c.dagdelen_per_week,
        )
        for c in summary.children
    ]
    lines += [
        t(N_("Kind of childcare: %(care_type)s"), care_type=t(LABELS[summary.care_type])),
        t(N_("First period: %(months)s months"), months=summary.first_period_months),
        t(
            N_("Extensions granted so far: %(count)s of at most %(max)s"),
            count=summary.extensions_granted,
            max=summary.max_extensions,
        ),
        t(
            N_(
                "The indication now runs until the end of month %(month)s; the definitive end is at the end "
                "of month %(hard_stop)s."
            ),
            month=summary.last_day_month,
            hard_stop=summary.hard_stop_month,
        ),
    ]
    if summary.reasons:
        lines.append(t(N_("Reasons: %(reasons)s"), reasons=", ".join(t(LABELS[r]) for r in summary.reasons)))
    else:
        lines.append(t(N_("Reasons: not recorded")))
    if summary.network_analysis_done is None:
        lines.append(t(N_("Network analysis: not recorded")))
    elif not summary.network_analysis_done:
        lines.append(t(N_("Network analysis: not done")))
    else:
        lines.append(
            t(
                N_("Network analysis: %(members)s people; %(yes)s can help, %(partly)s can help partly"),
                members=summary.network_members,
                yes=summary.network_can_help,
                partly=summary.network_can_help_partly,
            )
        )
    lines += [
        t(N_("Did the family cooperate actively: %(answer)s"), answer=_answer(summary.family_cooperated, t)),
        t(N_("Why there was no or too little improvement: %(text)s"), text=summary.why_no_improvement or "—"),
        t(
            N_("Can the number of part-days go down: %(answer)s"),
            answer=_answer(summary.can_reduce_dagdelen, t),
        ),
    ]
    if summary.reduce_explanation:
        lines.append(t(N_("About the part-days: %(text)s"), text=summary.reduce_explanation))
    if summary.smi_most_fitting is not None:
        lines.append(
            t(
                N_("SMI judged the most fitting provision: %(answer)s"),
                answer=_answer(summary.smi_most_fitting, t),
            )
        )
    lines += [f"{t(item.label)}: {item.text}" for item in summary.conversation]
    return lines
