"""Every kind of timeline entry (the values are what the database holds), and what each means.

Its own module so that the event models of each route (``events``, ``wmo_events``) share it."""

from __future__ import annotations

from enum import StrEnum

from smi_core.constants import N_


class EventKind(StrEnum):
    """Every kind of timeline entry (the values are what the database holds)."""

    SUBMITTED = "submitted"
    COMPLETED_BY_PARENTS = "completed_by_parents"
    HANDOVER_RECEIVED = "handover_received"
    TAKEN = "taken"
    HANDED_TO = "handed_to"
    TO_TEAM = "to_team"
    CLOSED = "closed"
    PLAN = "conversation_planned"
    CONVERSATION = "conversation_recorded"
    OTHER_ROUTE = "other_route"
    DECISION = "team_decision"
    FORM = "indication_form"
    MESSAGE = "family_message"
    NOTE = "note"
    PROVIDER_ASKED = "provider_asked"
    PROVIDER_ANSWER = "provider_answer"
    PARENTS_REGISTERED = "parents_registered"
    SUPPORT_PLAN = "support_plan"
    PLAN_SIGNED = "plan_signed"
    SHARED = "shared"
    CONSENT_RECORDED = "consent_recorded"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    GP_REQUEST = "gp_requested"
    FINANCIAL_REFERRAL = "financial_referral"
    INDICATION = "indication"
    REVIEW = "review"
    EXTENSION = "extension"
    INDICATION_ENDED = "indication_ended"
    # route T (Wmo)
    WMO_MELDING = "wmo_melding"
    WMO_INVESTIGATION_STARTED = "wmo_investigation_started"
    WMO_INVESTIGATION_REPORTED = "wmo_investigation_reported"
    WMO_PLAN = "wmo_support_plan"
    WMO_PROVISION = "wmo_provision_chosen"
    WMO_BESCHIKKING = "wmo_beschikking"
    WMO_ASSIGNED = "wmo_assigned"
    CARE_STARTED = "care_started"
    CARE_ENDED = "care_ended"
    WITHDRAWN = "withdrawn"
    WMO_CHANGE_REQUESTED = "wmo_change_requested"
    WMO_CHANGE_JUDGED = "wmo_change_judged"
    WMO_CHANGE_ANSWERED = "wmo_change_answered"
    # begeleiding through the coalition (B1-B5)
    WMO_PASSED_TO_COALITION = "wmo_passed_to_coalition"
    WMO_COALITION_CONTACT = "wmo_coalition_contact"
    WMO_PLAN_OF_APPROACH = "wmo_plan_of_approach"
    WMO_ENDING_PLAN = "wmo_ending_plan"
    WMO_CAK_REPORTED = "wmo_cak_reported"
    # youth care, route G (a certified institution)
    GI_BEPALING = "jeugd_bepaling"
    GI_BEPALING_ADJUSTED = "jeugd_bepaling_adjusted"
    GI_NOT_IN_TIME = "jeugd_not_in_time"
    # youth care, route M (a medical referral) and the 315 of route G
    VOT_RECEIVED = "jeugd_request_received"
    VOT_IN_ONDERZOEK = "jeugd_request_in_onderzoek"
    VOT_ANSWERED = "jeugd_request_answered"
    VOT_REFUSED = "jeugd_request_refused"
    INVOLVED = "access_worker_involved"


#: What each kind of timeline entry means, for the worker (unknown kinds are shown as stored).
EVENT_LABELS: dict[str, str] = {
    EventKind.SUBMITTED: N_("Request sent by the parents"),
    EventKind.COMPLETED_BY_PARENTS: N_("Request completed by the parents"),
    EventKind.HANDOVER_RECEIVED: N_("Handover received"),
    EventKind.TAKEN: N_("Case taken"),
    EventKind.HANDED_TO: N_("Handed to a colleague"),
    EventKind.TO_TEAM: N_("On the agenda of the 0-100 meeting"),
    EventKind.CLOSED: N_("Case closed"),
    EventKind.PLAN: N_("Conversation planned"),
    EventKind.CONVERSATION: N_("Conversation recorded"),
    EventKind.OTHER_ROUTE: N_("Referred to another route"),
    EventKind.DECISION: N_("Team decision"),
    EventKind.FORM: N_("Indication form saved"),
    EventKind.MESSAGE: N_("Message to the family"),
    EventKind.NOTE: N_("Note"),
    EventKind.PROVIDER_ASKED: N_("Provider asked for a place"),
    EventKind.PROVIDER_ANSWER: N_("Answer of the provider"),
    EventKind.PARENTS_REGISTERED: N_("Parents registered with the provider"),
    EventKind.SUPPORT_PLAN: N_("Support plan saved"),
    EventKind.PLAN_SIGNED: N_("Support plan signed"),
    EventKind.SHARED: N_("Data shared"),
    EventKind.CONSENT_RECORDED: N_("Written consent recorded"),
    EventKind.CONSENT_WITHDRAWN: N_("Consent withdrawn by the parents"),
    EventKind.GP_REQUEST: N_("Question to the GP"),
    EventKind.FINANCIAL_REFERRAL: N_("Referred for financial support"),
    EventKind.INDICATION: N_("Placement and indication recorded"),
    EventKind.REVIEW: N_("Review contact"),
    EventKind.EXTENSION: N_("Indication extended"),
    EventKind.INDICATION_ENDED: N_("Indication ended"),
    EventKind.WMO_MELDING: N_("Wmo melding received"),
    EventKind.WMO_INVESTIGATION_STARTED: N_("Investigation started"),
    EventKind.WMO_INVESTIGATION_REPORTED: N_("Investigation recorded, written report sent"),
    EventKind.WMO_PLAN: N_("Support plan with results saved"),
    EventKind.WMO_PROVISION: N_("Provision and provider chosen"),
    EventKind.WMO_BESCHIKKING: N_("Beschikking recorded"),
    EventKind.WMO_ASSIGNED: N_("Toewijzing (301) queued for the provider"),
    EventKind.CARE_STARTED: N_("Care started by the provider (305)"),
    EventKind.CARE_ENDED: N_("Care stopped by the provider (307)"),
    EventKind.WITHDRAWN: N_("Request withdrawn"),
    EventKind.WMO_CHANGE_REQUESTED: N_("Change requested by the provider (317)"),
    EventKind.WMO_CHANGE_JUDGED: N_("Change request judged"),
    EventKind.WMO_CHANGE_ANSWERED: N_("Change request answered (301 or 319)"),
    EventKind.WMO_PASSED_TO_COALITION: N_("Request passed to the coalition (plan of approach part 1)"),
    EventKind.WMO_COALITION_CONTACT: N_("The coalition's counsellor contacted the resident"),
    EventKind.WMO_PLAN_OF_APPROACH: N_("Plan of approach sent: the beschikking under mandate"),
    EventKind.WMO_ENDING_PLAN: N_("Ending plan sent: the ending beschikking under mandate"),
    EventKind.WMO_CAK_REPORTED: N_("Reported to the CAK"),
    EventKind.GI_BEPALING: N_("Bepaling jeugdhulp recorded by the certified institution"),
    EventKind.GI_BEPALING_ADJUSTED: N_("Adjusted bepaling jeugdhulp recorded"),
    EventKind.GI_NOT_IN_TIME: N_("The provider cannot deliver in time; the certified institution is told"),
    EventKind.VOT_RECEIVED: N_("Request for an assignment received from the provider (315)"),
    EventKind.VOT_IN_ONDERZOEK: N_("Request set in onderzoek (319)"),
    EventKind.VOT_ANSWERED: N_("Request answered: toewijzing (301) and beschikking"),
    EventKind.VOT_REFUSED: N_("Request refused (319)"),
    EventKind.INVOLVED: N_("Access worker involved"),
}


__all__ = ["EVENT_LABELS", "EventKind"]
