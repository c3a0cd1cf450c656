"""The route of a provision: which action is allowed from which status, as a table of steps.

``SMI_ROUTE`` (the ``TRANSITIONS`` of the lifecycle) is the route of SMI; ``WMO_ROUTE`` is route T
of the access point for Wmo support (``shared/domain/wmo-jeugd-routes.md``, steps T1-T9). Each is a
table in ``ROUTES``, not a subclass: the case reads its provision's table. An action that the
route does not allow from the current status is refused with ``TransitionNotAllowed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from smi_core.case.errors import TransitionNotAllowed
from smi_core.cases import CaseStatus
from smi_core.constants import N_
from smi_core.istandaarden.kinds import Domain
from smi_core.wmo.terms import Law


class Provision(StrEnum):
    """The provision a case is about; each has its own route."""

    SMI = "smi"
    WMO = "wmo"
    JEUGD = "jeugd"
    """Youth care (Jeugdwet), along route T, G (a certified institution) or M (a medical referral)."""


class CaseAction(StrEnum):
    """What a worker does with a case."""

    TAKE = "take"
    PLAN_CONVERSATION = "plan_conversation"
    RECORD_CONVERSATION = "record_conversation"
    REFER_OTHER_ROUTE = "refer_other_route"
    TO_TEAM_MEETING = "to_team_meeting"
    GRANT = "grant"
    REFUSE = "refuse"
    REQUEST_PLACEMENT = "request_placement"
    RECORD_PLACEMENT = "record_placement"
    PROVIDER_ANSWER = "provider_answer"
    PARENTS_REGISTERED = "parents_registered"
    SAVE_PLAN = "save_plan"
    SIGN_PLAN = "sign_plan"
    SHARE = "share"
    RECORD_CONSENT = "record_consent"
    ASK_GP = "ask_gp"
    FINANCIAL_REFERRAL = "financial_referral"
    RECORD_REVIEW = "record_review"
    EXTEND = "extend"
    END_INDICATION = "end_indication"
    WRITE_FORM = "write_form"
    WITHDRAW = "withdraw"
    CLOSE = "close"
    # route T (Wmo)
    START_INVESTIGATION = "start_investigation"
    REPORT_INVESTIGATION = "report_investigation"
    SAVE_WMO_PLAN = "save_wmo_plan"
    CHOOSE_PROVISION = "choose_provision"
    GRANT_BESCHIKKING = "grant_beschikking"
    REFUSE_BESCHIKKING = "refuse_beschikking"
    ASSIGN = "assign"
    CARE_STARTED = "care_started"
    CARE_ENDED = "care_ended"
    RECORD_CHANGE_REQUEST = "record_change_request"
    JUDGE_CHANGE = "judge_change"
    ANSWER_CHANGE = "answer_change"
    # begeleiding through the coalition (B1-B5)
    HAND_TO_COALITION = "hand_to_coalition"
    RECORD_COALITION_CONTACT = "record_coalition_contact"
    RECORD_PLAN_OF_APPROACH = "record_plan_of_approach"
    RECORD_ENDING_PLAN = "record_ending_plan"
    REPORT_TO_CAK = "report_to_cak"
    # youth care: route G (a certified institution) and route M (a medical referral)
    ADJUST_BEPALING = "adjust_bepaling"
    PROVIDER_NOT_IN_TIME = "provider_not_in_time"
    RECEIVE_REQUEST = "receive_request"
    ANSWER_REQUEST = "answer_request"
    REFUSE_REQUEST = "refuse_request"
    REQUEST_IN_ONDERZOEK = "request_in_onderzoek"
    INVOLVE = "involve"


S = CaseStatus
_OPEN = frozenset(
    {
        S.NEW,
        S.IN_TRIAGE,
        S.CONVERSATION_PLANNED,
        S.CONVERSATION_HELD,
        S.IN_TEAM_MEETING,
        S.GRANTED,
        S.PLACEMENT_REQUESTED,
        S.PLACED,
    }
)

_PLACEMENT = frozenset({S.GRANTED, S.PLACEMENT_REQUESTED, S.PLACED})
_FORM = frozenset({S.CONVERSATION_HELD, S.IN_TEAM_MEETING, *_PLACEMENT})
_BEFORE_END = _OPEN - {S.NEW}

#: The SMI route. action -> (the statuses it may start from, the status it leads to; None: the status stays)
SMI_ROUTE: dict[CaseAction, tuple[frozenset[CaseStatus], CaseStatus | None]] = {
    CaseAction.TAKE: (frozenset({S.NEW}), S.IN_TRIAGE),
    CaseAction.PLAN_CONVERSATION: (frozenset({S.IN_TRIAGE, S.CONVERSATION_PLANNED}), S.CONVERSATION_PLANNED),
    CaseAction.RECORD_CONVERSATION: (frozenset({S.CONVERSATION_PLANNED}), S.CONVERSATION_HELD),
    CaseAction.REFER_OTHER_ROUTE: (frozenset({S.IN_TRIAGE, S.CONVERSATION_HELD}), S.OTHER_ROUTE),
    CaseAction.TO_TEAM_MEETING: (frozenset({S.CONVERSATION_HELD}), S.IN_TEAM_MEETING),
    CaseAction.GRANT: (frozenset({S.IN_TEAM_MEETING}), S.GRANTED),
    CaseAction.REFUSE: (frozenset({S.IN_TEAM_MEETING}), S.REFUSED),
    CaseAction.REQUEST_PLACEMENT: (frozenset({S.GRANTED, S.PLACEMENT_REQUESTED}), S.PLACEMENT_REQUESTED),
    CaseAction.RECORD_PLACEMENT: (frozenset({S.PLACEMENT_REQUESTED}), S.PLACED),
    CaseAction.PROVIDER_ANSWER: (frozenset({S.PLACEMENT_REQUESTED}), None),
    CaseAction.PARENTS_REGISTERED: (frozenset({S.PLACEMENT_REQUESTED}), None),
    CaseAction.SAVE_PLAN: (_PLACEMENT, None),
    CaseAction.SIGN_PLAN: (_PLACEMENT, None),
    CaseAction.SHARE: (_PLACEMENT, None),
    CaseAction.RECORD_CONSENT: (_BEFORE_END, None),
    CaseAction.ASK_GP: (_BEFORE_END, None),
    CaseAction.FINANCIAL_REFERRAL: (_PLACEMENT, None),
    CaseAction.RECORD_REVIEW: (frozenset({S.PLACED}), None),
    CaseAction.EXTEND: (frozenset({S.PLACED}), None),
    CaseAction.END_INDICATION: (frozenset({S.PLACED}), S.ENDED),
    CaseAction.WRITE_FORM: (_FORM, None),
    CaseAction.WITHDRAW: (_OPEN, S.WITHDRAWN),
    CaseAction.CLOSE: (frozenset({S.REFUSED, S.OTHER_ROUTE, S.WITHDRAWN, S.ENDED}), S.CLOSED),
}

_WMO_OPEN = frozenset(
    {
        S.NEW,
        S.IN_TRIAGE,
        S.IN_INVESTIGATION,
        S.INVESTIGATED,
        S.PLAN_MADE,
        S.PROVISION_CHOSEN,
        S.DECIDED,
        S.ASSIGNED,
        S.CARE_STARTED,
    }
)

_DELIVERING = frozenset({S.ASSIGNED, S.CARE_STARTED})
_JEUGD_OPEN = _WMO_OPEN | {S.DETERMINED, S.REQUESTED}

#: Route T for Wmo support: the melding (T1), the investigation and its written account (T2,
#: TOE-ONDERZOEK-TERM), the support plan with its results (T3), the provision and provider
#: (TOE-CONTRACTED), the beschikking (T4, TOE-BESCHIKKING-TERM/-CONTENT), the toewijzing (T5,
#: MSG-301-AFTER-BESCHIKKING), the provider's start and stop (T7-T9, 305 and 307), and a change
#: request (T8, 317) judged by the access worker and answered by a 301 or a 319 (MSG-317-ANSWER).
WMO_ROUTE: dict[CaseAction, tuple[frozenset[CaseStatus], CaseStatus | None]] = {
    CaseAction.TAKE: (frozenset({S.NEW}), S.IN_TRIAGE),
    CaseAction.START_INVESTIGATION: (frozenset({S.IN_TRIAGE}), S.IN_INVESTIGATION),
    CaseAction.REPORT_INVESTIGATION: (frozenset({S.IN_INVESTIGATION}), S.INVESTIGATED),
    CaseAction.REFER_OTHER_ROUTE: (frozenset({S.IN_TRIAGE, S.INVESTIGATED}), S.OTHER_ROUTE),
    CaseAction.SAVE_WMO_PLAN: (frozenset({S.INVESTIGATED, S.PLAN_MADE}), S.PLAN_MADE),
    CaseAction.CHOOSE_PROVISION: (frozenset({S.PLAN_MADE, S.PROVISION_CHOSEN}), S.PROVISION_CHOSEN),
    CaseAction.GRANT_BESCHIKKING: (frozenset({S.PROVISION_CHOSEN}), S.DECIDED),
    CaseAction.REFUSE_BESCHIKKING: (frozenset({S.INVESTIGATED, S.PLAN_MADE, S.PROVISION_CHOSEN}), S.REFUSED),
    CaseAction.ASSIGN: (frozenset({S.DECIDED}), S.ASSIGNED),
    CaseAction.CARE_STARTED: (frozenset({S.ASSIGNED, S.CARE_STARTED, S.CARE_ENDED}), S.CARE_STARTED),
    CaseAction.CARE_ENDED: (frozenset({S.CARE_STARTED}), S.CARE_ENDED),
    CaseAction.RECORD_CHANGE_REQUEST: (_DELIVERING, None),
    CaseAction.JUDGE_CHANGE: (_DELIVERING, None),
    CaseAction.ANSWER_CHANGE: (_DELIVERING, None),
    CaseAction.WITHDRAW: (_WMO_OPEN - {S.ASSIGNED, S.CARE_STARTED}, S.WITHDRAWN),
    CaseAction.CLOSE: (frozenset({S.REFUSED, S.OTHER_ROUTE, S.WITHDRAWN, S.CARE_ENDED}), S.CLOSED),
    # begeleiding through the coalition (B2-B5): passed on instead of a beschikking, the 301 as
    # above; the coalition's contact, plan and ending plan; the back office's report to the CAK
    CaseAction.HAND_TO_COALITION: (frozenset({S.PROVISION_CHOSEN}), S.DECIDED),
    CaseAction.RECORD_COALITION_CONTACT: (_DELIVERING, None),
    CaseAction.RECORD_PLAN_OF_APPROACH: (_DELIVERING, None),
    CaseAction.RECORD_ENDING_PLAN: (frozenset({S.CARE_STARTED, S.CARE_ENDED}), None),
    CaseAction.REPORT_TO_CAK: (frozenset({S.CARE_STARTED, S.CARE_ENDED, S.CLOSED}), None),
}

_JEUGD_T: dict[CaseAction, tuple[frozenset[CaseStatus], CaseStatus | None]] = {
    action: step
    for action, step in WMO_ROUTE.items()
    if action
    not in {
        CaseAction.HAND_TO_COALITION,
        CaseAction.RECORD_COALITION_CONTACT,
        CaseAction.RECORD_PLAN_OF_APPROACH,
        CaseAction.RECORD_ENDING_PLAN,
        CaseAction.REPORT_TO_CAK,
    }
}

#: Youth care: route T as for Wmo support (without the coalition and the CAK), and beside it
#: route G, where a certified institution's bepaling starts the case (DETERMINED; G1-G3), a
#: provider that cannot deliver in time sends the GI to another (``GI-NOT-IN-TIME``), and the
#: provider's 315 is answered with a 301 and a beschikking without objection clause (G4,
#: ``GI-BESCHIKKING-NO-BEZWAAR``); and route M, where a provider's 315 after a medical referral
#: starts the case (REQUESTED; M4) and the back office answers it after its checks with a 301 and a
#: beschikking, or a 319 (M5-M6, ``MSG-ANSWER-5WD``). From the 301 on every route follows T7-T9.
JEUGD_ROUTE: dict[CaseAction, tuple[frozenset[CaseStatus], CaseStatus | None]] = {
    **_JEUGD_T,
    CaseAction.ADJUST_BEPALING: (frozenset({S.DETERMINED, S.ASSIGNED, S.CARE_STARTED}), None),
    CaseAction.PROVIDER_NOT_IN_TIME: (frozenset({S.DETERMINED}), None),
    CaseAction.RECEIVE_REQUEST: (frozenset({S.DETERMINED, S.NEW, S.IN_TRIAGE, S.REQUESTED}), S.REQUESTED),
    CaseAction.REQUEST_IN_ONDERZOEK: (frozenset({S.REQUESTED}), None),
    CaseAction.ANSWER_REQUEST: (frozenset({S.REQUESTED}), S.ASSIGNED),
    CaseAction.REFUSE_REQUEST: (frozenset({S.REQUESTED}), S.REFUSED),
    # an access worker becomes the owner of a G or M case that came in without one (the child is
    # known to the team, or a change request is to be judged); the status stays
    CaseAction.INVOLVE: (frozenset({S.DETERMINED, S.REQUESTED, S.ASSIGNED, S.CARE_STARTED}), None),
    CaseAction.WITHDRAW: (
        _JEUGD_T[CaseAction.WITHDRAW][0] | {S.DETERMINED, S.REQUESTED},
        S.WITHDRAWN,
    ),
}

ACTION_LABELS = {
    CaseAction.TAKE: N_("Take the case"),
    CaseAction.PLAN_CONVERSATION: N_("Plan the kitchen-table conversation"),
    CaseAction.RECORD_CONVERSATION: N_("Record the conversation"),
    CaseAction.REFER_OTHER_ROUTE: N_("Refer to another route"),
    CaseAction.TO_TEAM_MEETING: N_("Present in the 0-100 meeting"),
    CaseAction.GRANT: N_("Record the team decision: granted"),
    CaseAction.REFUSE: N_("Record the team decision: refused"),
    CaseAction.REQUEST_PLACEMENT: N_("Ask a childcare provider for a place"),
    CaseAction.RECORD_PLACEMENT: N_("Record the placement"),
    CaseAction.PROVIDER_ANSWER: N_("Record the provider's answer"),
    CaseAction.PARENTS_REGISTERED: N_("Record that the parents registered with the provider"),
    CaseAction.SAVE_PLAN: N_("Save the support plan"),
    CaseAction.SIGN_PLAN: N_("Record a signature of the support plan"),
    CaseAction.SHARE: N_("Share data"),
    CaseAction.RECORD_CONSENT: N_("Record a written consent"),
    CaseAction.ASK_GP: N_("Ask the GP for information"),
    CaseAction.FINANCIAL_REFERRAL: N_("Refer for financial support"),
    CaseAction.RECORD_REVIEW: N_("Record the review contact"),
    CaseAction.EXTEND: N_("Extend the indication"),
    CaseAction.END_INDICATION: N_("End the indication"),
    CaseAction.WRITE_FORM: N_("Indication form"),
    CaseAction.WITHDRAW: N_("Record that the family withdrew"),
    CaseAction.CLOSE: N_("Close the case"),
    CaseAction.START_INVESTIGATION: N_("Start the investigation"),
    CaseAction.REPORT_INVESTIGATION: N_("Record the investigation and its written report"),
    CaseAction.SAVE_WMO_PLAN: N_("Save the support plan with its results"),
    CaseAction.CHOOSE_PROVISION: N_("Choose the provision and the provider"),
    CaseAction.GRANT_BESCHIKKING: N_("Record the beschikking: granted"),
    CaseAction.REFUSE_BESCHIKKING: N_("Record the beschikking: refused"),
    CaseAction.ASSIGN: N_("Send the toewijzing (301) to the provider"),
    CaseAction.CARE_STARTED: N_("The provider started the care (305)"),
    CaseAction.CARE_ENDED: N_("The provider stopped the care (307)"),
    CaseAction.RECORD_CHANGE_REQUEST: N_("The provider asked for a change (317)"),
    CaseAction.JUDGE_CHANGE: N_("Judge the change request"),
    CaseAction.ANSWER_CHANGE: N_("Answer the change request (301 or 319)"),
    CaseAction.HAND_TO_COALITION: N_("Pass the request to the coalition"),
    CaseAction.RECORD_COALITION_CONTACT: N_("Record the contact with the resident"),
    CaseAction.RECORD_PLAN_OF_APPROACH: N_("Record the plan of approach (beschikking under mandate)"),
    CaseAction.RECORD_ENDING_PLAN: N_("Record the ending plan"),
    CaseAction.REPORT_TO_CAK: N_("Mark as reported to the CAK"),
    CaseAction.ADJUST_BEPALING: N_("Record an adjusted bepaling"),
    CaseAction.PROVIDER_NOT_IN_TIME: N_("The provider cannot deliver in time"),
    CaseAction.RECEIVE_REQUEST: N_("The provider asked for an assignment (315)"),
    CaseAction.ANSWER_REQUEST: N_("Answer the request: toewijzing (301) and beschikking"),
    CaseAction.REFUSE_REQUEST: N_("Refuse the request (319)"),
    CaseAction.REQUEST_IN_ONDERZOEK: N_("Set the request in onderzoek (319)"),
    CaseAction.INVOLVE: N_("Be involved as the access worker"),
}


#: A route: action -> (the statuses it may start from, the status it leads to; None: it stays).
Route = Mapping[CaseAction, tuple[frozenset[CaseStatus], CaseStatus | None]]

#: The lifecycle's name for the SMI route.
TRANSITIONS = SMI_ROUTE

#: Each provision's route.
ROUTES: dict[Provision, Route] = {
    Provision.SMI: SMI_ROUTE,
    Provision.WMO: WMO_ROUTE,
    Provision.JEUGD: JEUGD_ROUTE,
}

#: The message set of each provision that has messages (SMI has none).
DOMAINS: dict[Provision, Domain] = {Provision.WMO: Domain.WMO, Provision.JEUGD: Domain.JW}

#: The law each provision's beschikking falls under (it sets the beschikking's term).
LAWS: dict[Provision, Law] = {Provision.WMO: Law.WMO, Provision.JEUGD: Law.JEUGDWET}


def next_status(status: CaseStatus, action: CaseAction, route: Route = SMI_ROUTE) -> CaseStatus:
    """The status after ``action``; ``TransitionNotAllowed`` when the action does not fit (also an
    action of another route)."""
    sources, target = route.get(action, (frozenset(), None))
    if status not in sources:
        raise TransitionNotAllowed(status, action, [a.value for a in allowed_actions(status, route)])
    return status if target is None else target


def allowed_actions(status: CaseStatus, route: Route = SMI_ROUTE) -> list[CaseAction]:
    """The actions a case in ``status`` allows, in the order of the route map."""
    return [action for action, (sources, _target) in route.items() if status in sources]


def is_open(status: CaseStatus) -> bool:
    """Whether a case still needs work (it is in the queue), on any route."""
    return status in _OPEN or status in _WMO_OPEN or status in _JEUGD_OPEN
