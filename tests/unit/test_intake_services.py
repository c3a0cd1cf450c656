"""The intake and account services on a fake unit of work: no database, the rules alone.

The fakes keep the core's models in dictionaries, as the repositories do in rows; what the
repositories themselves do is proven on SQLite and PostgreSQL in tests/integration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import bcrypt
import pytest

from smi_core import EligibilityResult, IntakeAnswers, default_municipality
from smi_core.access import Role
from smi_core.accounts import Account
from smi_core.cases import SMI_CONSENTS, ConsentRecord, DocumentInfo, DraftRecord
from smi_core.intake import IntakeDraft
from smi_core.intake_errors import AccountLocked, DraftNotFound, IntakeIncomplete, SignInFailed
from smi_intake.db.accounts import StoredAccount
from smi_intake.db.requests import SentState
from smi_intake.services.accounts import FAILURE_WINDOW, MAX_FAILURES, AccountService
from smi_intake.services.intake import IntakeService, consent_record
from tests.factories import example_intake_data

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


class FakeCipher:
    """Seals as plain JSON: enough for a service that never opens what it sealed."""

    def seal_json(self, value: dict[str, Any]) -> bytes:
        return json.dumps(value).encode()


@dataclass
class FakeSession:
    """Only what ``append_event`` uses: it adds the timeline entry and its audit record."""

    added: list[Any] = field(default_factory=list)

    def add(self, row: Any) -> None:
        self.added.append(row)


@dataclass
class FakeDrafts:
    stored: dict[str, DraftRecord] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)

    def get(self, draft_id: str) -> DraftRecord | None:
        return self.stored.get(draft_id)

    def by_resume_code(self, code: str) -> DraftRecord | None:
        draft_id = self.codes.get(code)
        return None if draft_id is None else self.stored.get(draft_id)

    def save(self, draft: DraftRecord, resume_code: str | None = None) -> None:
        if resume_code is not None and draft.id not in self.codes.values():
            self.codes[resume_code] = draft.id
            draft = draft.model_copy(update={"has_resume_code": True})
        self.stored[draft.id] = draft

    def expired(self, now: datetime) -> list[str]:
        return [d.id for d in self.stored.values() if d.expires_at <= now]

    def delete(self, draft_id: str) -> None:
        self.stored.pop(draft_id, None)

    def remove_sent(self, draft_id: str) -> None:
        self.stored.pop(draft_id, None)


@dataclass
class FakeDocuments:
    of_drafts: dict[str, list[DocumentInfo]] = field(default_factory=dict)
    attached: dict[int, list[DocumentInfo]] = field(default_factory=dict)

    def attach_to_case(self, draft_id: str, case_id: int) -> None:
        self.attached.setdefault(case_id, []).extend(self.of_drafts.pop(draft_id, []))


@dataclass
class FakeRequests:
    cases: dict[str, SentState] = field(default_factory=dict)
    content: dict[str, dict[str, Any]] = field(default_factory=dict)
    consents: dict[int, list[ConsentRecord]] = field(default_factory=dict)
    sendings: int = 0
    #: Set to make the commit lose the race against this other sending of the same draft.
    other_sending: SentState | None = None

    def of_draft(self, draft_id: str) -> SentState | None:
        return self.cases.get(draft_id)

    def send(
        self, draft_id: str, answers: IntakeAnswers, check: EligibilityResult, locale: str, now: datetime
    ) -> tuple[SentState, str]:
        self.sendings += 1
        waiting = self.cases.get(draft_id)
        case_id = waiting.case_id if waiting else len(self.cases) + 1
        state = SentState(
            case_id=case_id,
            reference=waiting.reference if waiting else f"SMI-{now.year}-{case_id:06d}",
            received_at=waiting.received_at if waiting else now,
            outcome=check.outcome.value,
            parents_completed=True,
            status=waiting.status if waiting else "new",
            source=waiting.source if waiting else "ouder",
        )
        self.cases[draft_id] = state
        self.content[state.reference] = {"answers": answers.model_dump(mode="json"), "check": check.to_dict()}
        return state, "completed_by_parents" if waiting else "submitted"

    def record_consents(self, case_id: int, consents: list[ConsentRecord]) -> None:
        self.consents.setdefault(case_id, []).extend(consents)

    def commit_sent(self) -> bool:
        if self.other_sending is None:
            return True
        self.cases = {draft_id: self.other_sending for draft_id in self.cases}
        return False


@dataclass
class FakeUnitOfWork:
    drafts: FakeDrafts = field(default_factory=FakeDrafts)
    documents: FakeDocuments = field(default_factory=FakeDocuments)
    requests: FakeRequests = field(default_factory=FakeRequests)
    session: FakeSession = field(default_factory=FakeSession)
    cipher: FakeCipher = field(default_factory=FakeCipher)
    commits: int = 0

    def __enter__(self) -> FakeUnitOfWork:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        self.commits += 1

    def rollback(self) -> None:
        return None


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def intake(uow: FakeUnitOfWork) -> IntakeService:
    return IntakeService(lambda: uow, default_municipality())  # type: ignore[arg-type, return-value]


def _consents() -> dict[str, ConsentRecord]:
    return {kind.value: consent_record(kind, True, "nl", "WIJzer", NOW) for kind in SMI_CONSENTS}


# -- saving ---------------------------------------------------------------------------------------


def test_saving_stores_the_answers_as_a_typed_draft_that_reads_back_as_given(
    intake: IntakeService, uow: FakeUnitOfWork
) -> None:
    saved = intake.save_draft(None, "gezin", {"postcode": "3341 AB", "children": [{}]}, {}, "nl", NOW)

    stored = uow.drafts.stored[saved.draft_id]
    assert isinstance(stored.intake, IntakeDraft)
    assert stored.intake.postcode == "3341 AB"
    assert stored.answers == {"postcode": "3341 AB", "children": [{}]}
    assert stored.expires_at == saved.expires_at > NOW
    assert uow.commits == 1


def test_only_the_first_save_with_a_postcode_issues_a_resume_code(intake: IntakeService) -> None:
    without = intake.save_draft(None, "start", IntakeDraft(), {}, "nl", NOW)

    first = intake.save_draft(without.draft_id, "gezin", IntakeDraft(postcode="3341 AB"), {}, "nl", NOW)
    second = intake.save_draft(first.draft_id, "kinderen", IntakeDraft(postcode="3341 AB"), {}, "nl", NOW)

    assert without.resume_code is None
    assert first.resume_code is not None
    assert second.resume_code is None
    assert intake.resume(first.resume_code, "3341ab", NOW).id == without.draft_id


def test_saving_to_a_draft_that_is_gone_is_refused(intake: IntakeService) -> None:
    with pytest.raises(DraftNotFound) as gone:
        intake.save_draft("0" * 32, "gezin", IntakeDraft(), {}, "nl", NOW)

    assert gone.value.values == {"draft_id": "0" * 32}


# -- sending --------------------------------------------------------------------------------------


def test_sending_checks_the_answers_once_and_stores_the_check_with_the_case(
    intake: IntakeService, uow: FakeUnitOfWork
) -> None:
    saved = intake.save_draft(None, "controleren", example_intake_data(), _consents(), "nl", NOW)

    sent = intake.submit(saved.draft_id, NOW)

    assert (sent.reference, sent.outcome, sent.already_sent) == ("SMI-2026-000001", "eligible", False)
    assert uow.requests.sendings == 1
    stored = uow.requests.content[sent.reference]
    assert stored["check"]["outcome"] == "eligible"
    assert stored["answers"]["children"][0]["first_name"] == "Sam"
    assert {c.kind for c in uow.requests.consents[1]} == set(SMI_CONSENTS)
    assert saved.draft_id not in uow.drafts.stored
    assert [row.kind for row in uow.session.added if hasattr(row, "kind")] == ["submitted"]


def test_the_check_before_sending_explains_the_answers_and_stores_nothing(
    intake: IntakeService, uow: FakeUnitOfWork
) -> None:
    draft = IntakeDraft.model_validate(example_intake_data())

    result = intake.preliminary_check(draft, "nl", NOW.date())
    missing = intake.preliminary_check(IntakeDraft(postcode="3341 AB"), "nl", NOW.date())

    assert result is not None and result.outcome.value == "eligible" and result.findings
    assert missing is None
    assert uow.requests.sendings == 0 and uow.session.added == []


def test_sending_a_draft_twice_returns_the_same_case_without_sending_again(
    intake: IntakeService, uow: FakeUnitOfWork
) -> None:
    saved = intake.save_draft(None, "controleren", example_intake_data(), {}, "nl", NOW)
    first = intake.submit(saved.draft_id, NOW)

    second = intake.submit(saved.draft_id, NOW + timedelta(seconds=1))

    assert second.reference == first.reference
    assert second.already_sent
    assert uow.requests.sendings == 1


def test_an_incomplete_draft_is_refused_and_stays_as_it_was(
    intake: IntakeService, uow: FakeUnitOfWork
) -> None:
    answers = example_intake_data()
    del answers["children"]
    saved = intake.save_draft(None, "controleren", answers, {}, "nl", NOW)

    with pytest.raises(IntakeIncomplete) as incomplete:
        intake.submit(saved.draft_id, NOW)

    assert any(error["loc"] == ("children",) for error in incomplete.value.errors)
    assert "input" not in incomplete.value.errors[0]
    assert uow.drafts.stored[saved.draft_id].answers == answers
    assert uow.requests.sendings == 0


def test_a_sending_that_loses_the_race_answers_with_the_case_of_the_winner(
    intake: IntakeService, uow: FakeUnitOfWork
) -> None:
    saved = intake.save_draft(None, "controleren", example_intake_data(), {}, "nl", NOW)
    winner = SentState(1, "SMI-2026-000001", NOW, "eligible", True, "new", "ouder")
    uow.requests.other_sending = winner

    sent = intake.submit(saved.draft_id, NOW)

    assert (sent.reference, sent.already_sent) == (winner.reference, True)


def test_sending_a_draft_that_is_gone_is_refused(intake: IntakeService) -> None:
    with pytest.raises(DraftNotFound):
        intake.submit("0" * 32, NOW)


# -- the lock-out ---------------------------------------------------------------------------------


@dataclass
class FakeAccounts:
    stored: dict[str, StoredAccount] = field(default_factory=dict)
    failures: list[tuple[int, str, datetime]] = field(default_factory=list)
    audits: list[tuple[str, str, str]] = field(default_factory=list)

    def serialise_attempts(self, username: str) -> None:
        return None

    def record_attempt(self, username: str, now: datetime) -> int:
        attempt = len(self.failures) + 1000
        self.failures.append((attempt, username, now))
        return attempt

    def failures_since(self, username: str, since: datetime, other_than: int) -> list[datetime]:
        return sorted(
            at for i, name, at in self.failures if name == username and at > since and i != other_than
        )

    def forget_attempt(self, attempt_id: int) -> None:
        self.failures = [f for f in self.failures if f[0] != attempt_id]

    def clear_failures(self, username: str) -> None:
        self.failures = [f for f in self.failures if f[1] != username]

    def get(self, username: str) -> StoredAccount | None:
        return self.stored.get(username)

    def audit(self, actor: str, action: str, username: str, now: datetime, detail: str = "") -> None:
        self.audits.append((actor, action, username))


@dataclass
class FakeAccountsUnitOfWork(FakeUnitOfWork):
    accounts: FakeAccounts = field(default_factory=FakeAccounts)


PASSWORD = "een lang wachtwoord"


@pytest.fixture
def accounts_uow() -> FakeAccountsUnitOfWork:
    uow = FakeAccountsUnitOfWork()
    account = Account("wijzer", "W. Wijzer", Role.WIJZER, "", "", True)
    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode()
    uow.accounts.stored["wijzer"] = StoredAccount(account, hashed, NOW - timedelta(days=1))
    return uow


@pytest.fixture
def account_service(accounts_uow: FakeAccountsUnitOfWork) -> AccountService:
    return AccountService(lambda: accounts_uow, bcrypt_rounds=4)  # type: ignore[arg-type, return-value]


def test_five_failures_lock_the_name_until_the_window_after_the_oldest_passes(
    account_service: AccountService, accounts_uow: FakeAccountsUnitOfWork
) -> None:
    for minute in range(MAX_FAILURES):
        with pytest.raises(SignInFailed):
            account_service.authenticate("wijzer", "wrong", NOW + timedelta(minutes=minute))

    with pytest.raises(AccountLocked) as locked:
        account_service.authenticate("wijzer", PASSWORD, NOW + timedelta(minutes=MAX_FAILURES))

    assert locked.value.until == NOW + FAILURE_WINDOW
    assert len(accounts_uow.accounts.failures) == MAX_FAILURES  # the refused attempt is not counted


def test_an_unknown_name_fails_like_a_wrong_password_and_counts_towards_its_own_lock_out(
    account_service: AccountService, accounts_uow: FakeAccountsUnitOfWork
) -> None:
    with pytest.raises(SignInFailed):
        account_service.authenticate("Nobody ", "wrong", NOW)

    assert [name for _, name, _ in accounts_uow.accounts.failures] == ["nobody"]


def test_a_good_sign_in_clears_the_failures_and_is_audited(
    account_service: AccountService, accounts_uow: FakeAccountsUnitOfWork
) -> None:
    with pytest.raises(SignInFailed):
        account_service.authenticate("wijzer", "wrong", NOW)

    account = account_service.authenticate("WIJZER", PASSWORD, NOW + timedelta(minutes=1))

    assert account.username == "wijzer"
    assert accounts_uow.accounts.failures == []
    assert accounts_uow.accounts.audits == [("wijzer", "account.signed_in", "wijzer")]


def test_a_blocked_account_cannot_sign_in_even_with_its_password(
    account_service: AccountService, accounts_uow: FakeAccountsUnitOfWork
) -> None:
    stored = accounts_uow.accounts.stored["wijzer"]
    accounts_uow.accounts.stored["wijzer"] = replace(stored, account=replace(stored.account, active=False))

    with pytest.raises(SignInFailed):
        account_service.authenticate("wijzer", PASSWORD, NOW)
