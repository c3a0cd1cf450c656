"""The deadlines as an iCalendar file (RFC 5545), for a worker's own calendar.

One all-day event per deadline. The events carry the case reference and what falls due, and
nothing else: no names, no case owner, no personal data, because a calendar leaves the app.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from smi_core.deadlines import Deadline

Translate = Callable[[str], str]

PRODID = "-//Gemeente Hendrik-Ido-Ambacht//SMI Intake//NL"
UID_DOMAIN = "smi-intake"
#: The longest content line in octets, without its CRLF (RFC 5545, 3.1).
LINE_OCTETS = 75
CRLF = "\r\n"

_NEWLINE = re.compile(r"\r\n|\r|\n")
#: Control characters TEXT may not hold (all but HTAB; newlines are escaped first).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def escape_text(value: str) -> str:
    """A TEXT value escaped: backslash, semicolon, comma and newline (RFC 5545, 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = _NEWLINE.sub("\\\\n", value)
    return _CONTROL.sub("", value)


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets, never inside a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1  # a continuation starts with a space
        current += char
        size += octets
    parts.append(current)
    return (CRLF + " ").join(parts)


def event_uid(deadline: Deadline) -> str:
    """A stable identifier: the same deadline gives the same event in every download."""
    return f"smi-{deadline.reference}-{deadline.kind.value}-{deadline.due:%Y%m%d}@{UID_DOMAIN}"


def deadlines_ical(
    deadlines: Iterable[Deadline], now: datetime, translate: Translate, calendar_name: str
) -> bytes:
    """An iCalendar file with one all-day event per deadline, UTF-8 with CRLF line endings.

    ``translate`` turns a label's message id into the reader's language (``smi_web.ui._``).
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(calendar_name)}",
        f"X-WR-CALNAME:{escape_text(calendar_name)}",
    ]
    for deadline in deadlines:
        summary = f"SMI {deadline.reference}: {translate(deadline.label)}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(deadline)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{deadline.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{deadline.due + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(summary)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines).encode("utf-8")
