"""The back office's check of one product of a provider's request for an assignment (315, route M
step M4-M6, and route G step G4), before it answers with a 301 or a 319.

Each rule gives one finding with its rule id, its outcome (fine, refused with the
RedenAfwijzingVerzoek code of the standard, or for the access worker) and an explanation:

- ``MSG-315-NEEDS-REFERRAL`` (OP307): a request needs a referral or an open beschikking. Verwijzer
  06 ("geen") without a BeschikkingNummer, or a care professional's type (02-05) without its code
  or name, is refused; a certified institution (04) refers only with the child's bepaling. The
  standard has no reason code of its own for it: 7 (zorginhoudelijk) is proposed (*inferred*).
- ``MED-STAPELING``: the same product overlapping a current toewijzing of any provider of this
  municipality for the child is refused (6); the other current provisions are listed.
- ``MED-CONTRACTED``: a provider not contracted for the product is refused (3).
- ``MED-17PLUS``: youth care ends the day before the 18th birthday; a requested end past it is
  refused (9, leeftijdsgrens), no end given makes the 301 end then; a child of 17 or older is
  flagged for the access worker (the transition to Wmo support).
- ``MED-KNOWN`` (M5, our id): a child known to the access point involves the access worker.
- ``MSG-ANSWER-5WD`` (OP274): the answer is due 5 working days after the request came in.

The check proposes the answer: a 301 when nothing is refused, else a 319 with the first refusal's
reason. The back office decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from smi_core.constants import N_
from smi_core.dates import LeapDayBirthday, age_on, birthday, last_day_before_age
from smi_core.istandaarden.client_state import ProductKey
from smi_core.istandaarden.codes import RedenAfwijzingVerzoek, TypeVerwijzer
from smi_core.istandaarden.common import overlaps, product_key
from smi_core.istandaarden.deadlines import add_working_days
from smi_core.istandaarden.products import AangevraagdProduct
from smi_core.jeugd.bepaling import Bepaling

#: Youth care is for children under 18 (Jeugdwet art. 1.1).
YOUTH_AGE_LIMIT = 18
#: From this age the access worker looks at the transition to Wmo support (``MED-17PLUS``).
TRANSITION_AGE = 17
#: Working days the back office has to answer a 315 (``MSG-ANSWER-5WD``).
ANSWER_WORKING_DAYS = 5


class RequestRule(StrEnum):
    NEEDS_REFERRAL = "MSG-315-NEEDS-REFERRAL"
    STAPELING = "MED-STAPELING"
    CONTRACTED = "MED-CONTRACTED"
    SEVENTEEN_PLUS = "MED-17PLUS"
    KNOWN = "MED-KNOWN"
    ANSWER_5WD = "MSG-ANSWER-5WD"


class Outcome(StrEnum):
    FINE = "fine"
    REFUSED = "refused"
    ACCESS_WORKER = "access_worker"
    """Fine for the answer, and for the access worker to look at."""


OUTCOME_LABELS = {
    Outcome.FINE: N_("fine"),
    Outcome.REFUSED: N_("refused"),
    Outcome.ACCESS_WORKER: N_("for the access worker"),
}


class ProposedAnswer(StrEnum):
    ASSIGN = "301"
    REFUSE = "319"


@dataclass(frozen=True)
class CurrentToewijzing:
    """A toewijzing of this municipality for the child, as the store's messages say (any provider)."""

    provider_agb: str
    toewijzing_nummer: int
    product: ProductKey | None
    start: date
    end: date | None


@dataclass(frozen=True)
class RequestFinding:
    """One rule's finding: an explanation (a message id with ``values`` to fill in) and, for a
    refusal, its RedenAfwijzingVerzoek."""

    rule: RequestRule
    outcome: Outcome
    explanation: str
    values: dict[str, str] = field(default_factory=dict)
    reason: RedenAfwijzingVerzoek | None = None


@dataclass(frozen=True)
class RequestFacts:
    """What the check of one requested product needs: the product, the child's date of birth,
    the day the 315 came in, whether the sender is contracted for the product, the child's
    current toewijzingen, whether the access point knows the child, and the child's bepaling."""

    product: AangevraagdProduct
    provider_agb: str
    date_of_birth: date
    received_on: date
    contracted: bool
    current: tuple[CurrentToewijzing, ...] = ()
    known_to_team: bool = False
    bepaling: Bepaling | None = None
    leap_day: LeapDayBirthday = "mar_1"


@dataclass(frozen=True)
class RequestCheck:
    """The findings in the order of the rules, and what the page shows beside them."""

    findings: tuple[RequestFinding, ...]
    age: int
    """The child's age on the requested start."""
    eighteenth_birthday: date
    end: date | None
    """The end a 301 would carry: the requested one, or the day before the 18th birthday."""
    due: date
    stacked: tuple[CurrentToewijzing, ...]
    """The current toewijzingen of the same product in an overlapping period."""
    others: tuple[CurrentToewijzing, ...]
    """The child's other current toewijzingen."""

    @property
    def refusals(self) -> tuple[RequestFinding, ...]:
        return tuple(f for f in self.findings if f.outcome is Outcome.REFUSED)

    @property
    def proposed(self) -> ProposedAnswer:
        return ProposedAnswer.REFUSE if self.refusals else ProposedAnswer.ASSIGN

    @property
    def proposed_reason(self) -> RedenAfwijzingVerzoek | None:
        return self.refusals[0].reason if self.refusals else None

    @property
    def for_access_worker(self) -> bool:
        return any(f.outcome is Outcome.ACCESS_WORKER for f in self.findings)

    def overdue(self, today: date) -> bool:
        return today > self.due

    def finding(self, rule: RequestRule) -> RequestFinding:
        return next(f for f in self.findings if f.rule is rule)


def check_request(facts: RequestFacts) -> RequestCheck:
    """Check one requested product along the rules (see the module)."""
    product = facts.product
    turns_18 = birthday(facts.date_of_birth, YOUTH_AGE_LIMIT, facts.leap_day)
    last_day = last_day_before_age(facts.date_of_birth, YOUTH_AGE_LIMIT, facts.leap_day)
    age = age_on(facts.date_of_birth, product.toewijzing_ingangsdatum, facts.leap_day)
    wanted = product_key(product.product)
    period = (product.toewijzing_ingangsdatum, product.toewijzing_einddatum)
    stacked = tuple(
        t
        for t in facts.current
        if wanted is not None and t.product == wanted and overlaps((t.start, t.end), period)
    )
    others = tuple(t for t in facts.current if t not in stacked)
    age_finding, end = _seventeen_plus(facts, age, last_day)
    due = add_working_days(facts.received_on, ANSWER_WORKING_DAYS)
    findings = (
        _referral(facts),
        _stapeling(stacked, others),
        _contracted(facts),
        age_finding,
        _known(facts),
        RequestFinding(
            RequestRule.ANSWER_5WD,
            Outcome.FINE,
            N_("Answer with a 301 or a 319 by %(due)s (5 working days after the request came in)."),
            {"due": due.isoformat()},
        ),
    )
    return RequestCheck(findings, age, turns_18, end, due, stacked, others)


def _referral(facts: RequestFacts) -> RequestFinding:
    referrer = facts.product.verwijzer
    rule, refused = RequestRule.NEEDS_REFERRAL, RedenAfwijzingVerzoek.ZORGINHOUDELIJK
    values = {"type": referrer.type.value}
    if referrer.type is TypeVerwijzer.GEEN_VERWIJZER and facts.product.beschikking_nummer is None:
        return RequestFinding(
            rule,
            Outcome.REFUSED,
            N_("No referrer and no open beschikking: a request needs a referral (OP307)."),
            values,
            refused,
        )
    if referrer.type.is_care_professional and not (referrer.zorgverlener_code or referrer.naam):
        return RequestFinding(
            rule,
            Outcome.REFUSED,
            N_("The referrer (type %(type)s) is named by neither an AGB code nor a name."),
            values,
            refused,
        )
    if referrer.type is TypeVerwijzer.GECERTIFICEERDE_INSTELLING and facts.bepaling is None:
        return RequestFinding(
            rule,
            Outcome.REFUSED,
            N_("A certified institution is named as the referrer, but there is no bepaling for the child."),
            values,
            refused,
        )
    if referrer.type is TypeVerwijzer.GEEN_VERWIJZER:
        values["beschikking"] = str(facts.product.beschikking_nummer)
        return RequestFinding(
            rule, Outcome.FINE, N_("No referrer, but an open beschikking (%(beschikking)s)."), values
        )
    values["code"] = referrer.zorgverlener_code or "-"
    return RequestFinding(
        rule, Outcome.FINE, N_("Referred by referrer type %(type)s (AGB code %(code)s)."), values
    )


def _stapeling(
    stacked: tuple[CurrentToewijzing, ...], others: tuple[CurrentToewijzing, ...]
) -> RequestFinding:
    values = {"stacked": str(len(stacked)), "others": str(len(others))}
    if stacked:
        return RequestFinding(
            RequestRule.STAPELING,
            Outcome.REFUSED,
            N_("The same product is assigned already in an overlapping period (%(stacked)s toewijzing(en))."),
            values,
            RedenAfwijzingVerzoek.STAPELING,
        )
    return RequestFinding(
        RequestRule.STAPELING,
        Outcome.FINE,
        N_("No overlap with a current toewijzing of the same product; other current provisions: %(others)s."),
        values,
    )


def _contracted(facts: RequestFacts) -> RequestFinding:
    values = {"provider": facts.provider_agb}
    if not facts.contracted:
        return RequestFinding(
            RequestRule.CONTRACTED,
            Outcome.REFUSED,
            N_("Provider %(provider)s is not contracted for this product."),
            values,
            RedenAfwijzingVerzoek.GEEN_CONTRACT,
        )
    return RequestFinding(
        RequestRule.CONTRACTED,
        Outcome.FINE,
        N_("Provider %(provider)s is contracted for this product."),
        values,
    )


def _seventeen_plus(facts: RequestFacts, age: int, last_day: date) -> tuple[RequestFinding, date | None]:
    product = facts.product
    rule = RequestRule.SEVENTEEN_PLUS
    values = {"age": str(age), "last_day": last_day.isoformat()}
    requested_end = product.toewijzing_einddatum
    if product.toewijzing_ingangsdatum > last_day or (requested_end is not None and requested_end > last_day):
        finding = RequestFinding(
            rule,
            Outcome.REFUSED,
            N_(
                "Youth care ends on %(last_day)s, the day before the 18th birthday; the request runs past it."
            ),
            values,
            RedenAfwijzingVerzoek.LEEFTIJDSGRENS,
        )
        return finding, requested_end
    end = requested_end if requested_end is not None else last_day
    if (
        age >= TRANSITION_AGE
        or age_on(facts.date_of_birth, facts.received_on, facts.leap_day) >= TRANSITION_AGE
    ):
        explanation = N_(
            "The child is %(age)s: the toewijzing ends on %(last_day)s. Flagged for the access "
            "worker: the transition to Wmo support."
        )
        return RequestFinding(rule, Outcome.ACCESS_WORKER, explanation, values), end
    if requested_end is None:
        explanation = N_(
            "No end requested: the toewijzing ends on %(last_day)s, the day before the 18th birthday."
        )
        return RequestFinding(rule, Outcome.FINE, explanation, values), end
    return RequestFinding(rule, Outcome.FINE, N_("The request ends before the 18th birthday."), values), end


def _known(facts: RequestFacts) -> RequestFinding:
    if facts.known_to_team:
        return RequestFinding(
            RequestRule.KNOWN,
            Outcome.ACCESS_WORKER,
            N_("The child is known to the access point: an access worker is involved."),
        )
    return RequestFinding(RequestRule.KNOWN, Outcome.FINE, N_("The child is not known to the access point."))


__all__ = [
    "ANSWER_WORKING_DAYS",
    "OUTCOME_LABELS",
    "TRANSITION_AGE",
    "YOUTH_AGE_LIMIT",
    "CurrentToewijzing",
    "Outcome",
    "ProposedAnswer",
    "RequestCheck",
    "RequestFacts",
    "RequestFinding",
    "RequestRule",
    "check_request",
]
