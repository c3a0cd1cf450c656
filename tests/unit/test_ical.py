"""The deadlines as an iCalendar file: read back with a small parser, event for event."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from smi_core.deadlines import Deadline, DeadlineKind
from smi_intake.ical import deadlines_ical, escape_text, fold

NOW = datetime(2027, 3, 10, 8, 30, tzinfo=UTC)
NL = {
    "Contact about the situation": "Contact over de situatie",
    "Decide: extend or end": "Besluit: verlengen of beëindigen",
}


def translate(message: str) -> str:
    return NL.get(message, message)


def deadline(
    reference: str = "SMI-2026-000001", kind: DeadlineKind = DeadlineKind.CONTACT, **changes: object
) -> Deadline:
    data: dict[str, object] = {
        "reference": reference,
        "owner": "medewerker",
        "kind": kind,
        "due": date(2027, 3, 1),
        "overdue": True,
        "can_extend": True,
    }
    data.update(changes)
    return Deadline.model_validate(data)


# --- a small reader for what the calendar programs read -------------------------------------------

Property = tuple[str, dict[str, str], str]


def unfold(data: bytes) -> list[str]:
    """The content lines: every line ends in CRLF; a line starting with a space continues the last."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    return text[: -len("\r\n")].replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def parse(line: str) -> Property:
    head, value = re.split(r":", line, maxsplit=1)
    name, *params = head.split(";")
    return name, dict(param.split("=", 1) for param in params), value


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def calendar(data: bytes) -> tuple[list[Property], list[list[Property]]]:
    """The calendar's own properties and the properties of each event."""
    lines = [parse(line) for line in unfold(data)]
    assert lines[0] == ("BEGIN", {}, "VCALENDAR")
    assert lines[-1] == ("END", {}, "VCALENDAR")
    own: list[Property] = []
    events: list[list[Property]] = []
    current: list[Property] | None = None
    for prop in lines[1:-1]:
        if prop[:1] == ("BEGIN",):
            assert prop[2] == "VEVENT" and current is None
            current = []
        elif prop[:1] == ("END",):
            assert prop[2] == "VEVENT" and current is not None
            events.append(current)
            current = None
        elif current is None:
            own.append(prop)
        else:
            current.append(prop)
    assert current is None
    return own, events


def values(props: list[Property]) -> dict[str, tuple[dict[str, str], str]]:
    names = [name for name, _, _ in props]
    assert len(names) == len(set(names)), names
    return {name: (params, value) for name, params, value in props}


# --- the tests -------------------------------------------------------------------------------------


def test_every_deadline_is_one_all_day_event_with_only_the_reference_and_the_label() -> None:
    contact = deadline()
    end = deadline("SMI-2026-000002", DeadlineKind.PERIOD_END, due=date(2027, 5, 31), overdue=False)

    data = deadlines_ical([contact, end], NOW, translate, "SMI deadlines")

    own, events = calendar(data)
    header = values(own)
    assert header["VERSION"] == ({}, "2.0")
    assert header["CALSCALE"] == ({}, "GREGORIAN")
    assert header["PRODID"][1]
    assert header["X-WR-CALNAME"] == ({}, "SMI deadlines")
    assert len(events) == 2
    first, second = (values(event) for event in events)
    assert first["UID"] == ({}, "smi-SMI-2026-000001-contact-20270301@smi-intake")
    assert first["DTSTAMP"] == ({}, "20270310T083000Z")
    assert first["DTSTART"] == ({"VALUE": "DATE"}, "20270301")
    assert first["DTEND"] == ({"VALUE": "DATE"}, "20270302")
    assert unescape(first["SUMMARY"][1]) == "SMI SMI-2026-000001: Contact over de situatie"
    assert second["UID"] == ({}, "smi-SMI-2026-000002-period_end-20270531@smi-intake")
    assert second["DTEND"] == ({"VALUE": "DATE"}, "20270601")
    assert unescape(second["SUMMARY"][1]) == "SMI SMI-2026-000002: Besluit: verlengen of beëindigen"
    assert b"medewerker" not in data


def test_the_same_deadline_keeps_its_uid_in_a_later_download() -> None:
    one = calendar(deadlines_ical([deadline()], NOW, translate, "x"))[1][0]
    two = calendar(deadlines_ical([deadline()], NOW + timedelta(days=3), translate, "x"))[1][0]

    assert values(one)["UID"] == values(two)["UID"]
    assert values(one)["DTSTAMP"] != values(two)["DTSTAMP"]


def test_a_calendar_without_deadlines_is_still_a_calendar() -> None:
    own, events = calendar(deadlines_ical([], NOW, translate, "x"))

    assert events == []
    assert values(own)["VERSION"] == ({}, "2.0")


def test_special_characters_are_escaped() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_a_long_line_is_folded_at_75_octets_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "é" * 100

    folded = fold(line)

    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert len(parts[0].encode("utf-8")) >= 74
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


label_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from('\\;,:\n\r"é€😀 '),
    max_size=200,
)


@given(st.lists(label_text, min_size=1, max_size=4), st.text(min_size=0, max_size=120))
def test_any_label_and_calendar_name_come_back_unchanged(labels: list[str], name: str) -> None:
    kinds = list(DeadlineKind)
    due = [
        deadline(f"SMI-2026-{n:06d}", kinds[n % len(kinds)], due=date(2027, 1, 1) + timedelta(days=n))
        for n in range(len(labels))
    ]
    texts = {d.label: text for d, text in zip(due, labels, strict=True)}

    data = deadlines_ical(due, NOW, lambda message: texts.get(message, message), name)

    for line in data.split(b"\r\n"):
        assert len(line) <= 75
    own, events = calendar(data)
    assert len(events) == len(due)
    for event, item in zip(events, due, strict=True):
        summary = unescape(values(event)["SUMMARY"][1])
        expected = f"SMI {item.reference}: {texts[item.label]}"
        assert summary == _without_controls(expected)
    assert unescape(values(own)["X-WR-CALNAME"][1]) == _without_controls(name)


def _without_controls(text: str) -> str:
    """Newlines are kept (as \\n); other control characters are dropped, as TEXT requires."""
    text = re.sub(r"\r\n|\r|\n", "\n", text)
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
