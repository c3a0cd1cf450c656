"""A care provider: the assignments (301) the municipality gave its organisation, its start, stop
and change request for one of them, its request for a new assignment (315) and the municipality's
answers (319) that refuse a request or put it in onderzoek, and the messages it sent with their
retours. This page stands in for the provider's own software: what it sends goes through
the same checks as a file the back office imports."""

from __future__ import annotations

import streamlit as st

from smi_core.access import StaffPage
from smi_web.assignments.answers import answer_forms
from smi_web.assignments.coalition import coalition_cases, coalition_section, start_dates
from smi_web.assignments.request import request_form
from smi_web.assignments.tables import answers_table, assignment_table, sent_table
from smi_web.auth import require
from smi_web.bepaling_provider import bepalingen_section, provider_bepalingen
from smi_web.services import now, services
from smi_web.ui import _, plain

provider = require(StaffPage.ASSIGNMENTS)
exchange = services().provider_exchange
st.title(_("Assignments"))
st.caption(
    _(
        "The care the municipality assigned to your organisation. Send the start and the stop of "
        "care, and ask for a change or a new assignment; the municipality answers each message "
        "with a retour."
    )
)
plain(_("AGB code: %(agb)s", agb=provider.organisation))

assignments = exchange.assignments(provider, now())
passed_on = coalition_cases(provider)  # the coalition's requests (B3-B5); none for another provider
st.header(_("Assignments to your organisation"))
assignment_table(assignments)
answer_forms(exchange, provider, assignments, start_dates(passed_on))

coalition_section(provider, passed_on)

bepalingen_section(provider, provider_bepalingen(provider))

st.header(_("Ask for an assignment"))
request_form(exchange, provider)
st.subheader(_("Answers to your requests (319)"))
answers_table(exchange.answers(provider, now()))

st.header(_("Messages you sent"))
sent_table(exchange.sent(provider))
