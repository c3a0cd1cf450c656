"""Row classes. Rows are not domain models: repositories translate between the two."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from smi_intake.db.base import Base
from smi_intake.db.types import UtcDateTime


class AuditEvent(Base):
    """Append-only record of who did or read what, without the personal data itself."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_audit_events_subject", "subject_type", "subject_id"),)


def audit(
    actor: str, action: str, subject_type: str, subject_id: str, occurred_at: datetime, detail: str = ""
) -> AuditEvent:
    """An audit record: who did or read what, and when (never the personal data itself)."""
    return AuditEvent(
        occurred_at=occurred_at,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        detail=detail,
    )


class DraftRow(Base):
    """An unfinished request. The answers are encrypted; the resume code is stored only as a keyed hash."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    resume_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    step: Mapped[str] = mapped_column(String(30))
    locale: Mapped[str] = mapped_column(String(8))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)


class CaseRow(Base):
    """A request in the social team's queue. Answers and check result are encrypted in ``payload``."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    source: Mapped[str] = mapped_column(String(20))
    provision: Mapped[str] = mapped_column(String(20), server_default="smi", index=True)
    """The provision the case is about (``smi_core.case.Provision``); its route is that provision's."""
    status: Mapped[str] = mapped_column(String(30), index=True)
    outcome: Mapped[str] = mapped_column(String(20), index=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str | None] = mapped_column(String(120), index=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    locale: Mapped[str] = mapped_column(String(8))
    resume_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    draft_id: Mapped[str | None] = mapped_column(String(32), unique=True)
    organisation: Mapped[str] = mapped_column(String(120), default="", index=True)
    created_by: Mapped[str] = mapped_column(String(80), default="")
    parents_completed: Mapped[bool] = mapped_column(Boolean, default=True)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy's declarative API)
    __table_args__ = (
        Index("ix_cases_queue_order", urgent.desc(), received_at, "id"),
        Index("ix_cases_status_order", "status", urgent.desc(), received_at),
    )


class ConsentRow(Base):
    """A consent given or refused, with the exact text version shown and the moment."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    given: Mapped[bool] = mapped_column(Boolean)
    text_version: Mapped[str] = mapped_column(String(60))
    text_sha256: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(8))
    given_by: Mapped[str] = mapped_column(String(120), default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class DocumentRow(Base):
    """An uploaded document (e.g. a medical statement); name and content encrypted."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[str | None] = mapped_column(ForeignKey("drafts.id", ondelete="SET NULL"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    filename: Mapped[bytes] = mapped_column(LargeBinary)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CaseEventRow(Base):
    """Append-only timeline of a case: status changes, records and notes, with who and when.

    ``note`` holds only what may be read without a need to know (a colleague's user name, a
    version number); what the worker wrote (a conversation, a decision, a note, the indication
    form) is encrypted in ``payload``.
    """

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)

    __table_args__ = (Index("ix_case_events_case_kind", "case_id", "kind", "id"),)


class AccountRow(Base):
    """A staff or agency account. The password is stored only as a bcrypt hash."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(120), default="", index=True)
    password_hash: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sessions_valid_after: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SignInFailureRow(Base):
    """A failed sign-in, for the lock-out. Kept by user name, known or not."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class CaseCountRow(Base):
    """How many cases of the queue (those with a reference) have one status, outcome, source and owner.

    Kept by database triggers on ``cases`` (migration 0006), so every write path counts, also a
    bulk insert or a plain UPDATE; the queue sums these few rows instead of counting all cases.
    ``owner`` is ``''`` for a case without an owner, so that the key is unique without NULLs.
    """

    __tablename__ = "case_counts"

    status: Mapped[str] = mapped_column(String(30), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(20), primary_key=True)
    source: Mapped[str] = mapped_column(String(20), primary_key=True)
    owner: Mapped[str] = mapped_column(String(120), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class ProviderRow(Base):
    """A childcare provider (houder) in the register, with its contact for placements."""

    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ProviderLocationRow(Base):
    """A location of a provider, with its LRK number and the care types offered there."""

    __tablename__ = "provider_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200), default="")
    lrk_number: Mapped[str] = mapped_column(String(12), unique=True)
    care_types: Mapped[str] = mapped_column(String(60), doc="comma-separated CareType values")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class IndicationRow(Base):
    """The indication of a placed case: what the deadlines view and the funding read.

    The dates are stored so that deadlines can be queried without decrypting anything; the
    children (names, dates of birth, part-days each) are encrypted in ``payload``.
    """

    __tablename__ = "indications"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    location_id: Mapped[int | None] = mapped_column(
        ForeignKey("provider_locations.id", ondelete="SET NULL"), index=True
    )
    care_type: Mapped[str] = mapped_column(String(10))
    start: Mapped[date] = mapped_column(Date)
    period_months: Mapped[int] = mapped_column(Integer)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    contact_due: Mapped[date] = mapped_column(Date)
    contact_done_on: Mapped[date | None] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date, index=True)
    hard_stop: Mapped[date] = mapped_column(Date)
    age_limit_day: Mapped[date | None] = mapped_column(Date, doc="a child's last day before last_day")
    children: Mapped[int] = mapped_column(Integer)
    dagdelen_per_week: Mapped[int] = mapped_column(Integer, doc="the total over the children")
    ended_on: Mapped[date | None] = mapped_column(Date, index=True)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SubsidyApplicationRow(Base):
    """A provider's quarterly subsidy application, and the municipality's decision and payment."""

    __tablename__ = "subsidy_applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    submitted_by: Mapped[str] = mapped_column(String(120))
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_subsidy_applications_period", "year", "quarter"),)


class SubsidyLineRow(Base):
    """One child's care in a subsidy application; the child's first name is encrypted."""

    __tablename__ = "subsidy_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("subsidy_applications.id", ondelete="CASCADE"), index=True
    )
    reference: Mapped[str] = mapped_column(String(20), index=True)
    child: Mapped[bytes] = mapped_column(LargeBinary)
    dagdelen_per_week: Mapped[int] = mapped_column(Integer)
    weeks: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(Integer)
    problems: Mapped[str] = mapped_column(Text, default="", doc="comma-separated check findings")


# -- the iStandaarden message store -----------------------------------------------------------


class MessageRow(Base):
    """An iWmo/iJw message sent or received, or a retour. The raw XML and the parsed message hold
    BSNs and names: both are encrypted; the client's BSN is kept only as a keyed hash for look-ups.

    ``state`` (``smi_intake.db.messages.MessageState``): an outgoing heen message is ``to_send``,
    ``sent``, then ``accepted`` or ``rejected`` by its retour; an incoming one is ``accepted`` or
    ``rejected`` by the retour we made; a retour is ``retour``."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))
    domain: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(3))
    sender: Mapped[str] = mapped_column(String(8))
    receiver: Mapped[str] = mapped_column(String(8))
    identification: Mapped[str] = mapped_column(String(12))
    dagtekening: Mapped[date] = mapped_column(Date)
    stored_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    parsed: Mapped[bytes] = mapped_column(LargeBinary)
    facts: Mapped[bytes | None] = mapped_column(LargeBinary)
    """A heen message's part in its client's state for the cross-message checks (the core's
    ``client_state.facts_of``), JSON sealed with ``Cipher.seal_small``; None for a retour, and for
    a message stored before the column came (its parsed content is read instead)."""
    bsn_hash: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12), index=True)
    retour_of: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    retour_codes: Mapped[str] = mapped_column(String(200), default="")
    retour_due: Mapped[date | None] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    referentie_aanbieder: Mapped[str | None] = mapped_column(String(36))
    """The provider's reference of the request a 315/317 makes, or a 301/319 answers."""
    answer: Mapped[str | None] = mapped_column(String(2))
    """Of a 319: its VerzoekAntwoord (1 afgewezen, 2 in onderzoek)."""
    envelope_ref: Mapped[str | None] = mapped_column(String(36), index=True)
    """The referentienummer (UUID) of the StUF-GGk envelope it travelled in, if any."""
    created_by: Mapped[str] = mapped_column(String(80), default="")

    __table_args__ = (
        # TR056: an identification is unique per sender and kind (and set).
        UniqueConstraint("domain", "sender", "kind", "identification"),
        # The cross-message checks read one client's messages between two parties. On SQLite the
        # index also holds kind, state, stored_at, id and facts, so that it covers the checks' read
        # (migration 0011).
        Index("ix_messages_client", "domain", "bsn_hash", "sender", "receiver"),
    )


class MessageAssignmentRow(Base):
    """Which ToewijzingNummers a message is about (to list an assignment's messages in order)."""

    __tablename__ = "message_assignments"

    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)


class AssignmentNumberRow(Base):
    """A ToewijzingNummer the municipality issued: unique per municipality and set (TR332, OP275)."""

    __tablename__ = "assignment_numbers"

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality: Mapped[str] = mapped_column(String(4))
    domain: Mapped[str] = mapped_column(String(3))
    number: Mapped[int] = mapped_column(Integer)
    bsn_hash: Mapped[str] = mapped_column(String(64))
    product: Mapped[str] = mapped_column(String(10), default="")
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)

    __table_args__ = (UniqueConstraint("municipality", "domain", "number"),)


class NumberCounterRow(Base):
    """The next ToewijzingNummer per municipality and set. Taking one is a single UPDATE of this
    row, which two app servers cannot do at once (the row lock), so no number is handed out twice."""

    __tablename__ = "number_counters"

    municipality: Mapped[str] = mapped_column(String(4), primary_key=True)
    domain: Mapped[str] = mapped_column(String(3), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


# -- several begeleiding indications become one traject ----------------------------------------


class ConversionRow(Base):
    """A conversion of a client's begeleiding indications into one traject (``CONV-*``): the new
    indication's form, segment, product, provider and period, and in ``payload`` (sealed JSON) the
    goals, the reasons and how each dropped indication ended, with the 301s queued for it.

    A pgb outcome is not messaged (the iWmo messages are for ZIN): this row is its record, and it
    counts as the client's current pgb indication until ``end``; a later conversion that drops it
    moves ``end`` to its last day. The BSN is kept only as a keyed hash."""

    __tablename__ = "wmo_conversions"

    id: Mapped[int] = mapped_column(primary_key=True)
    bsn_hash: Mapped[str] = mapped_column(String(64), index=True)
    converted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    converted_by: Mapped[str] = mapped_column(String(80))
    form: Mapped[str] = mapped_column(String(3))
    segment: Mapped[str] = mapped_column(String(8))
    product: Mapped[str] = mapped_column(String(5))
    provider: Mapped[str] = mapped_column(String(8))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class CaseClientRow(Base):
    """Who a Wmo or youth-care case is about, as a keyed hash of the BSN only: so that the back
    office sees whether a child or resident is known to the social team (``MED-STAPELING``: the
    access worker is involved), and a provider's request finds the certified institution's case of
    the same child. Written when the access worker identifies the client, or when a bepaling or a
    request names them."""

    __tablename__ = "case_clients"
    __table_args__ = (UniqueConstraint("case_id", "bsn_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    bsn_hash: Mapped[str] = mapped_column(String(64), index=True)
