"""The youth-care route table and what a youth-care case takes from its provision."""

from __future__ import annotations

from datetime import date

import pytest

from smi_core.case.errors import TransitionNotAllowed
from smi_core.case.route import DOMAINS, JEUGD_ROUTE, LAWS, CaseAction, Provision, is_open, next_status
from smi_core.case.wmo_records import TermDays, terms_of
from smi_core.cases import CaseStatus
from smi_core.istandaarden.kinds import Domain
from smi_core.wmo.terms import Law, Term

S = CaseStatus


def test_youth_care_messages_in_the_ijw_set_under_the_jeugdwet() -> None:
    assert DOMAINS[Provision.JEUGD] is Domain.JW
    assert LAWS[Provision.JEUGD] is Law.JEUGDWET
    assert DOMAINS[Provision.WMO] is Domain.WMO


def test_route_t_runs_as_for_wmo_without_the_coalition() -> None:
    status = S.NEW
    for action in (
        CaseAction.TAKE,
        CaseAction.START_INVESTIGATION,
        CaseAction.REPORT_INVESTIGATION,
        CaseAction.SAVE_WMO_PLAN,
        CaseAction.CHOOSE_PROVISION,
        CaseAction.GRANT_BESCHIKKING,
        CaseAction.ASSIGN,
        CaseAction.CARE_STARTED,
        CaseAction.CARE_ENDED,
        CaseAction.CLOSE,
    ):
        status = next_status(status, action, JEUGD_ROUTE)
    assert status is S.CLOSED
    assert CaseAction.HAND_TO_COALITION not in JEUGD_ROUTE
    assert CaseAction.REPORT_TO_CAK not in JEUGD_ROUTE


def test_route_g_from_the_bepaling_to_the_301() -> None:
    # a bepaling opens the case DETERMINED; the provider's 315 makes it REQUESTED; the answer ASSIGNED
    assert next_status(S.DETERMINED, CaseAction.PROVIDER_NOT_IN_TIME, JEUGD_ROUTE) is S.DETERMINED
    assert next_status(S.DETERMINED, CaseAction.ADJUST_BEPALING, JEUGD_ROUTE) is S.DETERMINED
    assert next_status(S.DETERMINED, CaseAction.RECEIVE_REQUEST, JEUGD_ROUTE) is S.REQUESTED
    assert next_status(S.REQUESTED, CaseAction.ANSWER_REQUEST, JEUGD_ROUTE) is S.ASSIGNED
    assert is_open(S.DETERMINED) and is_open(S.REQUESTED)


def test_route_m_request_refused_or_in_onderzoek() -> None:
    assert next_status(S.REQUESTED, CaseAction.REQUEST_IN_ONDERZOEK, JEUGD_ROUTE) is S.REQUESTED
    assert next_status(S.REQUESTED, CaseAction.REFUSE_REQUEST, JEUGD_ROUTE) is S.REFUSED
    with pytest.raises(TransitionNotAllowed):
        next_status(S.ASSIGNED, CaseAction.ANSWER_REQUEST, JEUGD_ROUTE)


def test_the_jeugdwet_has_no_investigation_term_and_eight_weeks_for_the_beschikking() -> None:
    days = TermDays(melding_on=date(2026, 1, 5), requested_on=date(2026, 1, 12))
    wmo = terms_of(days, date(2026, 1, 12), Law.WMO)
    jeugd = terms_of(days, date(2026, 1, 12), Law.JEUGDWET)
    assert [t.term for t in wmo] == [Term.ONDERZOEK, Term.BESCHIKKING]
    assert [t.term for t in jeugd] == [Term.BESCHIKKING]
    assert jeugd[0].due == date(2026, 3, 9)  # 8 weeks (Awb 4:13)
    assert wmo[1].due == date(2026, 1, 26)  # 2 weeks (Wmo 2.3.5)
