"""The clear columns of route G's cases (a certified institution's bepaling): which cases are an
institution's, and which name a provider in the bepaling that holds now, read without decrypting
anything (the bepaling's events carry the chosen provider's AGB code as their note)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from smi_core.case.jeugd_records import JeugdRoute
from smi_core.case.kinds import EventKind
from smi_core.case.route import Provision
from smi_intake.db.models import CaseEventRow, CaseRow

#: The events whose note names the provider of the bepaling that holds from then on.
BEPALING_KINDS = (EventKind.GI_BEPALING.value, EventKind.GI_BEPALING_ADJUSTED.value)


def _route_g() -> list[Any]:
    return [
        CaseRow.provision == Provision.JEUGD.value,
        CaseRow.outcome == JeugdRoute.G.value,
        CaseRow.reference.is_not(None),
    ]


class GiRows:
    """Reads of route G's cases on the unit of work's session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def references_of(self, organisation: str) -> list[str]:
        """The route-G cases of the certified institution ``organisation``, newest first."""
        return [
            str(reference)
            for reference in self._session.scalars(
                select(CaseRow.reference)
                .where(*_route_g(), CaseRow.organisation == organisation)
                .order_by(CaseRow.received_at.desc(), CaseRow.id.desc())
            )
        ]

    def organisation_of(self, reference: str) -> str | None:
        """The certified institution of the route-G case ``reference`` (None: no such case)."""
        return self._session.scalar(
            select(CaseRow.organisation).where(*_route_g(), CaseRow.reference == reference)
        )

    def references_naming(self, agb: str) -> list[str]:
        """The route-G cases whose bepaling that holds now names the provider ``agb``, longest
        waiting first."""
        newest: dict[str, str] = {}
        for reference, note in self._session.execute(
            select(CaseRow.reference, CaseEventRow.note)
            .join(CaseEventRow, CaseEventRow.case_id == CaseRow.id)
            .where(*_route_g(), CaseEventRow.kind.in_(BEPALING_KINDS))
            .order_by(CaseRow.received_at, CaseRow.id, CaseEventRow.id)
        ):
            newest[str(reference)] = note
        return [reference for reference, provider in newest.items() if provider == agb]


__all__ = ["BEPALING_KINDS", "GiRows"]
