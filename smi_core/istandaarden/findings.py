"""What a rule check finds: ``Finding`` (the rule, its level, its RetourCode and the place), and the
catalogue of the rules this package checks, ``RULES``.

A level-2 finding (a rule inside one message; the standard checks these with its XSLT) always
answers with RetourCode 0001 in the header; a level-3 finding (against earlier messages) answers
with the rule's own code on the class it concerns (``retour.make_retour``).

Most ids are the standard's (``shared/domain/istandaarden.md``). Where the digest gives a rule but
no id, the id here is descriptive and marked *inferred*:

- ``DATE-ORDER``: an end date is not before its start date, wherever a class holds both. The digest
  lists TR018 among the level-2 rules without describing it; it may be this rule, unverified.
- ``ANSWER-REASON``: a 319 gives a RedenAfwijzingVerzoek exactly when it refuses (VerzoekAntwoord 1).
- ``IV097``: the in-message part of TR379 (ReferentieAanbieder only when the 301 honours a request);
  the store part is TR379 at level 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from smi_core.istandaarden.codes import RetourCode
from smi_core.istandaarden.errors import DuplicateIdentification, RuleViolated


class Rule(StrEnum):
    """The rules this package checks, by the standard's id (or an inferred one)."""

    # level 2: inside one message
    CS002 = "CS002"
    CD041 = "CD041"
    CD066 = "CD066"
    CD067 = "CD067"
    CD068 = "CD068"
    CD075 = "CD075"
    CD076 = "CD076"
    CD077 = "CD077"
    CD078 = "CD078"
    CD079 = "CD079"
    CS335 = "CS335"
    CS336 = "CS336"
    IV097 = "IV097"
    OP033 = "OP033"
    TR302 = "TR302"
    TR377 = "TR377"
    TR409 = "TR409"
    DATE_ORDER = "DATE-ORDER"
    ANSWER_REASON = "ANSWER-REASON"
    # level 3: against earlier messages
    TR019 = "TR019"
    TR056 = "TR056"
    TR326 = "TR326"
    TR332 = "TR332"
    TR347 = "TR347"
    TR349 = "TR349"
    TR350 = "TR350"
    TR351 = "TR351"
    TR355 = "TR355"
    TR359 = "TR359"
    TR360 = "TR360"
    TR365 = "TR365"
    TR374 = "TR374"
    TR379 = "TR379"
    TR413 = "TR413"
    TR414 = "TR414"
    TR415 = "TR415"
    OP259 = "OP259"
    OP347 = "OP347"


@dataclass(frozen=True)
class RuleInfo:
    """What a rule is: its check level, its RetourCode, a one-line summary, and whether the id is
    inferred rather than the standard's."""

    level: int
    retour_code: RetourCode
    summary: str
    inferred: bool = False


def _level2(summary: str, inferred: bool = False) -> RuleInfo:
    return RuleInfo(2, RetourCode.TECHNISCH_AFGEKEURD, summary, inferred)


#: Every rule with its level, RetourCode and summary.
RULES: dict[Rule, RuleInfo] = {
    Rule.CS002: _level2("the Bsn passes the elfproef"),
    Rule.CD041: _level2("Omvang is filled when the product's Code is"),
    Rule.CD066: _level2("a referrer of type 02-05 has a ZorgverlenerCode (or else a Naam)"),
    Rule.CD067: _level2("a referrer of type 02-05 has a Naam (or else a ZorgverlenerCode)"),
    Rule.CD068: _level2("a referrer of another type has no ZorgverlenerCode"),
    Rule.CD075: _level2("an end date is filled when a Budget is"),
    Rule.CD076: _level2("an end date is filled when the Frequentie is 2 (as the digest states)"),
    Rule.CD077: _level2("a Budget is empty when the Omvang is filled"),
    Rule.CD078: _level2("an Omvang is empty when the Budget is filled"),
    Rule.CD079: _level2("a Product is filled when there is no Budget"),
    Rule.CS335: _level2("RedenWijziging 13 (verwijderd) has Einddatum equal to Ingangsdatum"),
    Rule.CS336: _level2("RedenWijziging 01 is not used"),
    Rule.IV097: _level2("ReferentieAanbieder only as the answer to a request (in-message part of TR379)"),
    Rule.OP033: _level2("StatusAanlevering 2 is not used (corrections delete and resend)"),
    Rule.TR302: _level2("the same product is not in one message twice for overlapping periods"),
    Rule.TR377: _level2("a refusal for the woonplaatsbeginsel (reason 8) names the Gemeente (iJw)"),
    Rule.TR409: _level2("a Woonplaatsbeginsel is given only with reason 8 (iJw)"),
    Rule.DATE_ORDER: _level2("an end date is not before its start date", inferred=True),
    Rule.ANSWER_REASON: _level2("a refusal gives its reason, an answer in onderzoek none", inferred=True),
    Rule.TR019: RuleInfo(3, RetourCode.TR019, "a start or stop refers to a toewijzing of this client"),
    Rule.TR056: RuleInfo(3, RetourCode.TR056, "the Identificatie is unique per kind for the sender"),
    Rule.TR326: RuleInfo(3, RetourCode.TR326, "a product has one current start: stop before starting again"),
    Rule.TR332: RuleInfo(3, RetourCode.TR332, "a ToewijzingNummer is unique in the municipality and domain"),
    Rule.TR347: RuleInfo(3, RetourCode.TR347, "a ReferentieAanbieder is not reused for another request"),
    Rule.TR349: RuleInfo(3, RetourCode.TR349, "a VOW lists every current toewijzing"),
    Rule.TR350: RuleInfo(3, RetourCode.TR350, "an OngewijzigdProduct is a current toewijzing"),
    Rule.TR351: RuleInfo(3, RetourCode.TR351, "a TeWijzigenProduct is a current toewijzing"),
    Rule.TR355: RuleInfo(
        3, RetourCode.TR355, "a 319 answers an earlier request with its ReferentieAanbieder"
    ),
    Rule.TR359: RuleInfo(3, RetourCode.TR359, "no 319 after a 301 with the same ReferentieAanbieder"),
    Rule.TR360: RuleInfo(3, RetourCode.TR360, "at most one 319 in onderzoek per ReferentieAanbieder"),
    Rule.TR365: RuleInfo(3, RetourCode.TR365, "no 319 after a refusal with the same ReferentieAanbieder"),
    Rule.TR374: RuleInfo(3, RetourCode.TR374, "no new request while an earlier one is still open"),
    Rule.TR379: RuleInfo(3, RetourCode.TR379, "a 301's ReferentieAanbieder is that of an earlier request"),
    Rule.TR413: RuleInfo(3, RetourCode.TR413, "no second temporary stop (20) of the same start"),
    Rule.TR414: RuleInfo(3, RetourCode.TR414, "a later stop of the same start does not end earlier"),
    Rule.TR415: RuleInfo(3, RetourCode.TR415, "nothing after a definitive stop of the same start"),
    Rule.OP259: RuleInfo(
        3, RetourCode.TR361, "no stacked toewijzing of the same product (code 9361 inferred)", inferred=True
    ),
    Rule.OP347: RuleInfo(
        3,
        RetourCode.TR361,
        "no request for a product already assigned then (code 9361 inferred)",
        inferred=True,
    ),
}


class Finding(BaseModel):
    """A rule a message breaks, and where: ``path`` is XPath-like (``/Bericht/Client/Bsn``)."""

    model_config = ConfigDict(frozen=True)

    rule: Rule
    level: int
    retour_code: RetourCode
    path: str

    @classmethod
    def of(cls, rule: Rule, path: str) -> Finding:
        """The finding of ``rule`` at ``path``, with the rule's level and RetourCode."""
        info = RULES[rule]
        return cls(rule=rule, level=info.level, retour_code=info.retour_code, path=path)

    @property
    def in_header(self) -> bool:
        """Whether the finding concerns the header (the retour then holds the header only)."""
        return self.path.startswith("/Bericht/Header")

    def rejection(self) -> RuleViolated:
        """The exception for this finding, for a caller that refuses a message by raising."""
        if self.rule is Rule.TR056:
            return DuplicateIdentification()
        return RuleViolated(
            RULES[self.rule].summary,
            level=self.level,
            rule=self.rule.value,
            path=self.path,
            retour_code=self.retour_code,
        )


__all__ = ["RULES", "Finding", "Rule", "RuleInfo"]
