"""The reaction times of the message traffic, in working days (*werkdagen*: Monday to Friday).

- OP090: a retour within 3 working days of receiving its heen message;
- OP274 / OP346: a 315 (VOT) or 317 (VOW) answered within 5 working days, by a 301 or a 319;
- a request put *in onderzoek* (319 with VerzoekAntwoord 2) gets its final answer within 8 weeks of
  the request (Awb 4:13 where no term is set).

Working days are counted with ``smi_core.dates.working_days_between``, which knows no public
holidays; a deadline over a holiday is therefore a day early, never late.
"""

from __future__ import annotations

from datetime import date, timedelta

from smi_core.dates import working_days_between

#: OP090: working days to send a retour.
RETOUR_WORKING_DAYS = 3
#: OP274/OP346: working days to answer a 315 or 317.
ANSWER_WORKING_DAYS = 5
#: The final answer after *in onderzoek*: weeks after the request.
IN_ONDERZOEK_WEEKS = 8


def add_working_days(start: date, count: int) -> date:
    """The day ``count`` working days after ``start`` (``start`` itself for 0)."""
    day = start
    while working_days_between(start, day) < count:
        day += timedelta(days=1)
    return day


def retour_due(received: date) -> date:
    """OP090: the last day to send the retour of a message received on ``received``."""
    return add_working_days(received, RETOUR_WORKING_DAYS)


def retour_overdue(received: date, on: date) -> bool:
    """Whether a retour not sent by ``on`` is late (more than 3 working days after receipt)."""
    return working_days_between(received, on) > RETOUR_WORKING_DAYS


def answer_due(request_received: date) -> date:
    """OP274/OP346: the last day to answer a 315 or 317 received on ``request_received``."""
    return add_working_days(request_received, ANSWER_WORKING_DAYS)


def answer_overdue(request_received: date, on: date) -> bool:
    """Whether a 315/317 still unanswered on ``on`` is late (more than 5 working days)."""
    return working_days_between(request_received, on) > ANSWER_WORKING_DAYS


def final_answer_due(request_received: date) -> date:
    """The last day for the final answer (301 or 319 refusal) after an answer *in onderzoek*."""
    return request_received + timedelta(weeks=IN_ONDERZOEK_WEEKS)


def final_answer_overdue(request_received: date, on: date) -> bool:
    """Whether a request still *in onderzoek* on ``on`` is past its 8 weeks."""
    return on > final_answer_due(request_received)


__all__ = [
    "ANSWER_WORKING_DAYS",
    "IN_ONDERZOEK_WEEKS",
    "RETOUR_WORKING_DAYS",
    "add_working_days",
    "answer_due",
    "answer_overdue",
    "final_answer_due",
    "final_answer_overdue",
    "retour_due",
    "retour_overdue",
]
