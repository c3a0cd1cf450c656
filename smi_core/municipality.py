"""The municipality as configuration: everything that differs between municipalities.

A municipality adopts SMI Intake by writing one TOML file; the default is
Hendrik-Ido-Ambacht (``municipalities/hendrik-ido-ambacht.toml``).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from smi_core.constants import CareType

MUNICIPALITIES_DIR = Path(__file__).resolve().parent / "municipalities"
DEFAULT_MUNICIPALITY_FILE = MUNICIPALITIES_DIR / "hendrik-ido-ambacht.toml"
#: A fictional municipality with an illustrative contribution table and rates: the format, for tests.
EXAMPLE_MUNICIPALITY_FILE = MUNICIPALITIES_DIR / "voorbeeld.toml"

PostcodeNumber = Annotated[int, Field(ge=1000, le=9999)]


class PostcodeRange(BaseModel):
    """An inclusive range of the four digits of Dutch postcodes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    first: PostcodeNumber
    last: PostcodeNumber

    @model_validator(mode="after")
    def _ordered(self) -> PostcodeRange:
        if self.first > self.last:
            raise ValueError("first must not be greater than last")
        return self


Euros = Annotated[Decimal, Field(ge=0, max_digits=9, decimal_places=2)]


class ContributionBracket(BaseModel):
    """One row of the parents' own contribution table: up to a yearly household income, so much per hour.

    The table follows the VNG table of parental contributions; the provider sets the contribution
    from it. ``income_up_to`` is in whole euros per year, inclusive; None (only on the last row)
    means no upper bound.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    income_up_to: int | None = Field(default=None, ge=0)
    per_hour: Euros


class MunicipalityConfig(BaseModel):
    """The rules and texts of one municipality's SMI scheme."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    social_team: str = Field(min_length=1)
    contact_phone: str = ""
    contact_email: str = ""
    website: str = ""
    cbs_code: str = Field(
        default="0000",
        pattern=r"^\d{4}$",
        description="the municipality's 4-digit CBS code: its Afzender and Ontvanger in iWmo/iJw messages",
    )
    postcode_ranges: tuple[PostcodeRange, ...] = Field(min_length=1)
    max_age: int = Field(ge=0, le=17, description="oldest age in years that still qualifies")
    care_types: frozenset[CareType] = Field(min_length=1)
    psg_smi_dagdelen: int = Field(default=2, ge=0, le=10, description="playgroup part-days SMI pays")
    max_dagdelen_per_week: int = Field(default=10, ge=1, le=10)
    contact_after_months: int = Field(default=3, ge=1, le=24)
    initial_period_months: int = Field(default=6, ge=1, le=24)
    extension_months: int = Field(default=3, ge=1, le=24)
    max_extensions: int = Field(default=2, ge=0, le=10)
    hard_stop_months: int = Field(default=12, ge=1, le=60)
    leap_day_birthday: Literal["feb_28", "mar_1"] = Field(
        default="mar_1",
        description="in a year without 29 February, the birthday of a child born on 29 February",
    )
    contact_overdue_working_days: int = Field(default=5, ge=1, le=60)
    draft_retention_days: int = Field(default=30, ge=1, le=365)
    parent_contribution: tuple[ContributionBracket, ...] = Field(
        default=(),
        description="the parents' own contribution per hour by yearly household income, ascending",
    )
    dagdeel_rates: dict[CareType, Annotated[Decimal, Field(gt=0, max_digits=9, decimal_places=2)]] = Field(
        default_factory=dict,
        description="the subsidy per dagdeel per care type in euros; caps a subsidy line's amount",
    )
    catalogue_file: str = Field(
        default="",
        description=(
            "the catalogue of Wmo and youth-care products and contracts (smi_core.wmo.catalogue),"
            " relative to this file; without it the marked example catalogue is used"
        ),
    )
    texts: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="per locale, texts that differ from the catalogs (keys: intro, other_route)",
    )

    @model_validator(mode="after")
    def _consistent(self) -> MunicipalityConfig:
        if CareType.MKD in self.care_types:
            raise ValueError("care_types: medical day care (mkd) is never SMI")
        if self.initial_period_months > self.hard_stop_months:
            raise ValueError("initial_period_months must not exceed hard_stop_months")
        if self.contact_after_months >= self.initial_period_months:
            raise ValueError("contact_after_months must come before the end of the initial period")
        bounds = [bracket.income_up_to for bracket in self.parent_contribution]
        if None in bounds[:-1]:
            raise ValueError("parent_contribution: only the last bracket may be without income_up_to")
        limits = [bound for bound in bounds if bound is not None]
        if any(later <= earlier for earlier, later in pairwise(limits)):
            raise ValueError("parent_contribution: income_up_to must go up strictly from bracket to bracket")
        if not set(self.dagdeel_rates) <= self.care_types:
            raise ValueError("dagdeel_rates: a rate is given for a care type the municipality does not cover")
        return self

    def covers_postcode(self, postcode: str) -> bool:
        """Whether a normalised postcode (``"3341 AB"``) lies in this municipality."""
        digits = int(postcode[:4])
        return any(r.first <= digits <= r.last for r in self.postcode_ranges)

    @property
    def contact_details(self) -> list[str]:
        """The configured ways to reach the social team (phone, e-mail, website)."""
        return [c for c in (self.contact_phone, self.contact_email, self.website) if c]

    def text(self, key: str, locale: str) -> str | None:
        """A municipality-specific text, or None to use the catalog's."""
        return self.texts.get(locale, {}).get(key)


def load_municipality(path: str | Path) -> MunicipalityConfig:
    """Read and validate a municipality file; ``ValidationError`` names a wrong setting."""
    with Path(path).open("rb") as fh:
        data = tomllib.load(fh)
    return MunicipalityConfig.model_validate(data)


@lru_cache(maxsize=1)
def default_municipality() -> MunicipalityConfig:
    """Hendrik-Ido-Ambacht, the default municipality."""
    return load_municipality(DEFAULT_MUNICIPALITY_FILE)
