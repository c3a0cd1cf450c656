"""What the message exchange reads off a message and a file: the outcome of an import, the
deadlines of a request, an assignment's state, the files in an upload (a zip opened safely), and
how a message is stored (``new_message``)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any

from smi_core.constants import N_
from smi_core.istandaarden.client_state import facts_of
from smi_core.istandaarden.codes import Domain
from smi_core.istandaarden.history import references_of
from smi_core.istandaarden.messages import (
    AntwoordBericht,
    HeenMessage,
    Message,
    RetourMessage,
    ToewijzingBericht,
)
from smi_core.istandaarden.paths import walk
from smi_core.istandaarden.safe_xml import MAX_MESSAGE_BYTES
from smi_intake.db.messages import Direction, MessageState, NewMessage, StoredMessage

#: OP090: a retour is due within 3 working days.
RETOUR_WORKING_DAYS = 3
#: OP274 / OP346: a 315 or 317 is answered within 5 working days.
ANSWER_WORKING_DAYS = 5
#: A request *in onderzoek* (319 answer 2) is decided within 8 weeks of the request.
IN_ONDERZOEK_WEEKS = 8
#: OP179: no file over 25 MB; a zip holds at most this many files.
MAX_FILES_IN_ZIP = 500


class AssignmentState(StrEnum):
    """Where an assignment is, by the provider's accepted messages about it."""

    ASSIGNED = "assigned"
    STARTED = "started"
    STOPPED = "stopped"


ASSIGNMENT_STATE_LABELS = {
    AssignmentState.ASSIGNED: N_("assigned, care not started yet"),
    AssignmentState.STARTED: N_("care started (305)"),
    AssignmentState.STOPPED: N_("care stopped (307)"),
}


def assignment_state(messages: Sequence[StoredMessage]) -> AssignmentState:
    """The state the provider's newest accepted start (305) or stop (307) gives the assignment."""
    state = AssignmentState.ASSIGNED
    for message in messages:  # oldest first
        if message.direction is Direction.IN and message.state is MessageState.ACCEPTED:
            if message.kind == "305":
                state = AssignmentState.STARTED
            elif message.kind == "307":
                state = AssignmentState.STOPPED
    return state


class MessageRefused(ValueError):
    """One of our messages breaks a rule, so it is not sent. Carries the rule and the place only."""

    def __init__(self, rule: str, path: str, position: int = 1) -> None:
        super().__init__(f"{rule} at {path}")
        self.rule, self.path, self.position = rule, path, position


@dataclass(frozen=True)
class Numbering:
    """The numbers a batch of our messages takes inside its transaction (``send_all``): a new
    ToewijzingNummer for (set, the client's BSN, product code), and a new BerichtIdentificatie.
    When the batch is refused they are given back with the rest."""

    toewijzing: Callable[[Domain, str, str], int]
    identification: Callable[[], str]


@dataclass(frozen=True)
class RequestDeadline:
    """A provider's request (315/317) waiting for the municipality's answer."""

    request: StoredMessage
    in_onderzoek: bool
    due: date
    overdue: bool


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one imported file (no personal data: kinds, codes, rules and places only)."""

    name: str
    accepted: bool
    domain: str = ""
    kind: str = ""
    identification: str = ""
    message_id: int | None = None
    retour: bytes | None = None
    """Our retour, to hand to the provider (a heen message that could be read)."""
    retour_name: str = ""
    rule: str = ""
    level: int | None = None
    path: str = ""
    retour_codes: tuple[str, ...] = ()
    answered: int | None = None
    """For a retour: the id of our message it answered."""
    problem: str = ""
    """Why the file could not be read or was refused, in plain English (for the log and the CLI)."""

    @classmethod
    def of(cls, name: str, message: Message, accepted: bool, **details: Any) -> ImportOutcome:
        """The outcome of a message that could be read: its set, kind and identification."""
        return cls(
            name,
            accepted,
            domain=message.domain.value,
            kind=message.kind.value,
            identification=message.identification,
            **details,
        )


def numbers_of(message: Message) -> tuple[int, ...]:
    """The ToewijzingNummers a message names."""
    body = message.body
    if body is None:
        return ()
    found = {getattr(node, "toewijzing_nummer", None) for _, node in walk(body, message.body_path)}
    return tuple(sorted(n for n in found if isinstance(n, int)))


def reference_of(message: Message) -> str | None:
    if isinstance(message, AntwoordBericht):
        return message.antwoord.referentie_aanbieder
    if isinstance(message, ToewijzingBericht):
        refs = [p.referentie_aanbieder for p in message.client.toegewezen_producten if p.referentie_aanbieder]
        return refs[0] if refs else None
    refs = references_of(message)
    return refs[0] if refs else None


def files_in(name: str, data: bytes) -> Iterator[tuple[str, bytes] | ImportOutcome]:
    """The files in an upload, in order: each one (name, bytes), or the outcome of one refused
    (over 25 MB, a path outside the zip's folder, a zip of too many files)."""
    if len(data) > MAX_MESSAGE_BYTES:
        yield ImportOutcome(name, False, rule="OP179", problem="the file is over 25 MB")
        return
    if not zipfile.is_zipfile(io.BytesIO(data)):
        yield name, data
        return
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_FILES_IN_ZIP:
            yield ImportOutcome(name, False, problem=f"the zip holds over {MAX_FILES_IN_ZIP} files")
            return
        for member in members:
            inner = f"{name}/{member.filename}"
            path = PurePosixPath(member.filename)
            if path.is_absolute() or ".." in path.parts or "\\" in member.filename:
                yield ImportOutcome(inner, False, problem="a path outside the zip's folder")
            elif member.file_size > MAX_MESSAGE_BYTES:
                yield ImportOutcome(inner, False, rule="OP179", problem="the file is over 25 MB")
            else:
                yield inner, archive.read(member)


def retour_codes_of(retour: RetourMessage) -> set[str]:
    """The retour's codes that say something is wrong (0200, "no remark", left out)."""
    return retour.all_retour_codes() - {"0200"}


def first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:200] if str(error) else type(error).__name__


def is_envelope(data: bytes) -> bool:
    """Whether ``data`` looks like a StUF-GGk envelope rather than a bare message."""
    head = data[:2048]
    return b"http://www.egem.nl/StUF/StUF0301" in head and b"istandaarden.nl" not in head[:400]


def new_message(
    message: HeenMessage,
    data: bytes,
    direction: Direction,
    state: MessageState,
    created_by: str,
    codes: tuple[str, ...] = (),
    case_id: int | None = None,
    bsn: str | None = None,
) -> NewMessage:
    """How ``message`` is stored: its indexed facts beside its content."""
    answer = message.antwoord.verzoek_antwoord.value if isinstance(message, AntwoordBericht) else None
    return NewMessage(
        direction=direction,
        domain=message.domain.value,
        kind=message.kind.value,
        sender=message.sender,
        receiver=message.provider if message.sender == message.municipality else message.municipality,
        identification=message.identification,
        dagtekening=message.header.bericht_identificatie.dagtekening,
        raw=data,
        parsed=message.model_dump(mode="json"),
        bsn=message.bsn or bsn,
        state=state,
        case_id=case_id,
        referentie_aanbieder=reference_of(message),
        answer=answer,
        numbers=numbers_of(message),
        retour_codes=codes,
        created_by=created_by,
        facts=facts_of(message),
    )
