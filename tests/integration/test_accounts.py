"""Accounts and sign-in: bcrypt hashes, lock-out per typed name, sessions that end server-side,
and account administration, on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import bcrypt
import pytest
from sqlalchemy import Engine, func, select, text

from smi_core.access import Role
from smi_intake.db.models import SignInFailureRow
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import (
    AccountInvalid,
    AccountLocked,
    AccountService,
    SignInFailed,
)

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
PASSWORD = "een-lang-wachtwoord"
NEW_PASSWORD = "een-ander-lang-wachtwoord"
WRONG_PASSWORD = "niet-het-goede-wachtwoord"


@pytest.fixture
def anna(accounts: AccountService) -> str:
    """A WIJzer worker's account, created at NOW with PASSWORD; its user name."""
    accounts.create_account("anna", "Anna de Wit", Role.WIJZER, PASSWORD, NOW)
    return "anna"


def _failures(uows: UnitOfWorkFactory, username: str) -> int:
    with uows() as uow:
        return int(
            uow.session.scalar(
                select(func.count())
                .select_from(SignInFailureRow)
                .where(SignInFailureRow.username == username)
            )
            or 0
        )


def _fail(accounts: AccountService, username: str, at: datetime) -> None:
    with pytest.raises(SignInFailed):
        accounts.authenticate(username, WRONG_PASSWORD, at)


def _counting_checkpw(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Replace bcrypt.checkpw by a wrapper that records the hash of every call."""
    hashes: list[bytes] = []
    real: Callable[..., Any] = bcrypt.checkpw

    def counting(password: bytes, hashed: bytes) -> bool:
        hashes.append(hashed)
        return bool(real(password, hashed))

    monkeypatch.setattr("smi_intake.services.accounts.bcrypt.checkpw", counting)
    return hashes


# -- storing accounts -----------------------------------------------------------------------------


def test_an_account_is_stored_with_a_bcrypt_hash_and_never_with_the_password(
    accounts: AccountService, engine: Engine
) -> None:
    accounts.create_account(
        "j.jansen@ggd.nl", "J. Jansen", Role.AGENCY, PASSWORD, NOW, organisation="GGD ZHZ", email="j@ggd.nl"
    )

    with engine.connect() as connection:
        row = connection.execute(text("SELECT * FROM accounts")).mappings().one()
    assert row["username"] == "j.jansen@ggd.nl"
    assert row["password_hash"].startswith("$2b$04$")
    assert bcrypt.checkpw(PASSWORD.encode(), row["password_hash"].encode())
    assert not any(PASSWORD in str(value) for value in row.values())


def test_the_created_account_is_listed_and_counted_without_its_hash(accounts: AccountService) -> None:
    accounts.create_account("zoe", "Zoë Bakker", "coordinator", PASSWORD, NOW)
    accounts.create_account(
        "bert", "Bert Smit", Role.AGENCY, PASSWORD, NOW, organisation="  Kinderopvang De Boomhut  "
    )

    listed = accounts.accounts()

    assert accounts.count() == 2
    assert [a.username for a in listed] == ["bert", "zoe"]
    assert listed[0].role is Role.AGENCY
    assert listed[0].organisation == "Kinderopvang De Boomhut"
    assert listed[1].role is Role.COORDINATOR
    assert all(a.active for a in listed)
    assert not any(hasattr(a, "password_hash") for a in listed)


def test_user_names_are_case_insensitive(accounts: AccountService) -> None:
    created = accounts.create_account("J.Jansen", "J. Jansen", Role.WIJZER, PASSWORD, NOW)

    signed_in = accounts.authenticate("  J.JANSEN ", PASSWORD, NOW)

    assert created.username == "j.jansen"
    assert signed_in.username == "j.jansen"
    assert accounts.session_account("J.jansen", NOW) == signed_in


# -- signing in ---------------------------------------------------------------------------------


def test_the_right_password_signs_in_and_gives_the_account(accounts: AccountService, anna: str) -> None:
    signed_in = accounts.authenticate(anna, PASSWORD, NOW)

    assert (signed_in.username, signed_in.display_name, signed_in.role) == (
        "anna",
        "Anna de Wit",
        Role.WIJZER,
    )


def test_a_wrong_password_and_an_unknown_user_both_fail_the_same_way_and_both_count(
    accounts: AccountService, anna: str, uows: UnitOfWorkFactory
) -> None:
    with pytest.raises(SignInFailed) as wrong_password:
        accounts.authenticate(anna, WRONG_PASSWORD, NOW)
    with pytest.raises(SignInFailed) as unknown_user:
        accounts.authenticate("niemand", PASSWORD, NOW)

    assert type(wrong_password.value) is type(unknown_user.value)
    assert str(wrong_password.value) == str(unknown_user.value)
    assert _failures(uows, "anna") == 1
    assert _failures(uows, "niemand") == 1


def test_an_unknown_user_and_a_wrong_password_each_cost_exactly_one_bcrypt_check_of_equal_cost(
    accounts: AccountService, anna: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = _counting_checkpw(monkeypatch)

    with pytest.raises(SignInFailed):
        accounts.authenticate("niemand", PASSWORD, NOW)
    unknown_user = list(checked)
    checked.clear()
    with pytest.raises(SignInFailed):
        accounts.authenticate(anna, WRONG_PASSWORD, NOW)
    wrong_password = list(checked)

    assert len(unknown_user) == 1
    assert len(wrong_password) == 1
    assert unknown_user[0][:7] == wrong_password[0][:7] == b"$2b$04$"


def test_a_locked_name_costs_no_bcrypt_check_whether_it_exists_or_not(
    accounts: AccountService, anna: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for minute in range(5):
        _fail(accounts, anna, NOW + timedelta(minutes=minute))
        _fail(accounts, "niemand", NOW + timedelta(minutes=minute))
    checked = _counting_checkpw(monkeypatch)

    with pytest.raises(AccountLocked):
        accounts.authenticate(anna, PASSWORD, NOW + timedelta(minutes=5))
    with pytest.raises(AccountLocked):
        accounts.authenticate("niemand", PASSWORD, NOW + timedelta(minutes=5))

    assert checked == []


# -- lock-out -----------------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["anna", "niemand"], ids=["known", "unknown"])
def test_after_five_failures_in_fifteen_minutes_even_the_right_password_is_locked_out(
    accounts: AccountService, anna: str, uows: UnitOfWorkFactory, username: str
) -> None:
    for minute in range(5):
        _fail(accounts, username, NOW + timedelta(minutes=minute))

    with pytest.raises(AccountLocked) as locked:
        accounts.authenticate(username, PASSWORD, NOW + timedelta(minutes=5))

    assert locked.value.until == NOW + timedelta(minutes=15)
    assert _failures(uows, username) == 5


def test_failures_count_per_typed_name_whatever_its_case_or_spaces(
    accounts: AccountService, anna: str
) -> None:
    for typed in ["Anna", "ANNA", " anna", "anna ", "aNNa"]:
        _fail(accounts, typed, NOW)

    with pytest.raises(AccountLocked):
        accounts.authenticate("anna", PASSWORD, NOW + timedelta(seconds=1))


def test_failures_of_one_name_do_not_lock_another(accounts: AccountService, anna: str) -> None:
    for minute in range(5):
        _fail(accounts, "niemand", NOW + timedelta(minutes=minute))

    signed_in = accounts.authenticate(anna, PASSWORD, NOW + timedelta(minutes=5))

    assert signed_in.username == "anna"


@pytest.mark.parametrize("username", ["anna", "niemand"], ids=["known", "unknown"])
def test_the_lock_ends_by_itself_fifteen_minutes_after_the_first_of_the_five_failures(
    accounts: AccountService, anna: str, username: str
) -> None:
    for minute in range(5):
        _fail(accounts, username, NOW + timedelta(minutes=minute))
    with pytest.raises(AccountLocked) as locked:
        accounts.authenticate(username, PASSWORD, NOW + timedelta(minutes=5))
    until = locked.value.until

    with pytest.raises(AccountLocked):
        accounts.authenticate(username, PASSWORD, until - timedelta(seconds=1))
    if username == "anna":
        assert accounts.authenticate(username, PASSWORD, until).username == "anna"
    else:
        with pytest.raises(SignInFailed):
            accounts.authenticate(username, PASSWORD, until)


def test_failures_older_than_fifteen_minutes_do_not_count(accounts: AccountService, anna: str) -> None:
    for minute in range(4):
        _fail(accounts, anna, NOW + timedelta(minutes=minute))
    for minute in range(4):
        _fail(accounts, anna, NOW + timedelta(minutes=16 + minute))

    signed_in = accounts.authenticate(anna, PASSWORD, NOW + timedelta(minutes=20))

    assert signed_in.username == "anna"


def test_a_successful_sign_in_clears_the_failures(
    accounts: AccountService, anna: str, uows: UnitOfWorkFactory
) -> None:
    for minute in range(4):
        _fail(accounts, anna, NOW + timedelta(minutes=minute))

    accounts.authenticate(anna, PASSWORD, NOW + timedelta(minutes=4))
    for minute in range(4):
        _fail(accounts, anna, NOW + timedelta(minutes=5 + minute))

    assert _failures(uows, "anna") == 4
    assert accounts.authenticate(anna, PASSWORD, NOW + timedelta(minutes=9)).username == "anna"
    assert _failures(uows, "anna") == 0


@pytest.mark.parametrize("username", ["anna", "niemand"], ids=["known", "unknown"])
def test_a_password_longer_than_72_bytes_is_a_failed_sign_in_like_any_wrong_password(
    accounts: AccountService, anna: str, uows: UnitOfWorkFactory, username: str
) -> None:
    with pytest.raises(SignInFailed):
        accounts.authenticate(username, "x" * 73, NOW)

    assert _failures(uows, username) == 1


def test_simultaneous_attempts_get_no_more_than_five_password_checks(
    accounts: AccountService, anna: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = 10
    together = threading.Barrier(attempts, timeout=3)
    checked: list[bytes] = []
    real: Callable[..., Any] = bcrypt.checkpw

    def checkpw_when_all_are_in(password: bytes, hashed: bytes) -> bool:
        checked.append(hashed)
        # All attempts past the lock-out check at once, as under load; an implementation that
        # serialises attempts never gets them all here, and the barrier breaks after its timeout.
        with contextlib.suppress(threading.BrokenBarrierError):
            together.wait()
        return bool(real(password, hashed))

    monkeypatch.setattr("smi_intake.services.accounts.bcrypt.checkpw", checkpw_when_all_are_in)
    outcomes: list[str] = []

    def attempt() -> None:
        try:
            accounts.authenticate(anna, WRONG_PASSWORD, NOW)
        except (SignInFailed, AccountLocked) as error:
            outcomes.append(type(error).__name__)

    threads = [threading.Thread(target=attempt) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == attempts
    assert len(checked) <= 5
    assert outcomes.count("SignInFailed") <= 5


# -- blocking and sessions ----------------------------------------------------------------------


def test_a_blocked_account_cannot_sign_in_and_its_sessions_end(accounts: AccountService, anna: str) -> None:
    signed_in_at = NOW + timedelta(minutes=1)
    accounts.authenticate(anna, PASSWORD, signed_in_at)
    blocked_at = NOW + timedelta(hours=1)

    accounts.set_active(anna, False, blocked_at, changed_by="admin")

    with pytest.raises(SignInFailed):
        accounts.authenticate(anna, PASSWORD, blocked_at + timedelta(minutes=1))
    assert accounts.session_account(anna, signed_in_at) is None
    assert accounts.session_account(anna, blocked_at + timedelta(minutes=1)) is None
    assert [a.active for a in accounts.accounts()] == [False]


def test_an_unblocked_account_signs_in_again_but_its_old_sessions_stay_ended(
    accounts: AccountService, anna: str
) -> None:
    signed_in_at = NOW + timedelta(minutes=1)
    accounts.set_active(anna, False, NOW + timedelta(hours=1), changed_by="admin")

    accounts.set_active(anna, True, NOW + timedelta(hours=2), changed_by="admin")

    assert accounts.authenticate(anna, PASSWORD, NOW + timedelta(hours=3)).active
    assert accounts.session_account(anna, signed_in_at) is None
    assert accounts.session_account(anna, NOW + timedelta(hours=3)) is not None


def test_ending_sessions_ends_earlier_sessions_but_not_later_ones(
    accounts: AccountService, anna: str
) -> None:
    earlier = NOW + timedelta(minutes=1)
    ended_at = NOW + timedelta(minutes=30)
    accounts.authenticate(anna, PASSWORD, earlier)
    assert accounts.session_account(anna, earlier) is not None

    accounts.end_sessions("ANNA", ended_at)

    assert accounts.session_account(anna, earlier) is None
    assert accounts.session_account(anna, ended_at - timedelta(microseconds=1)) is None
    assert accounts.session_account(anna, ended_at + timedelta(minutes=1)) is not None


def test_ending_one_users_sessions_leaves_other_users_signed_in(accounts: AccountService, anna: str) -> None:
    accounts.create_account("bram", "Bram Visser", Role.GEMEENTE, PASSWORD, NOW)
    signed_in_at = NOW + timedelta(minutes=1)

    accounts.end_sessions(anna, NOW + timedelta(minutes=30))

    assert accounts.session_account("bram", signed_in_at) is not None
    assert accounts.session_account(anna, signed_in_at) is None


def test_ending_sessions_of_an_unknown_user_does_nothing(accounts: AccountService) -> None:
    accounts.end_sessions("niemand", NOW)

    assert accounts.session_account("niemand", NOW) is None
    assert accounts.count() == 0


# -- passwords ----------------------------------------------------------------------------------


def test_changing_the_password_ends_every_session_and_only_the_new_password_works(
    accounts: AccountService, anna: str
) -> None:
    on_phone = NOW + timedelta(minutes=1)
    on_laptop = NOW + timedelta(minutes=2)
    changed_at = NOW + timedelta(minutes=10)

    accounts.change_password(anna, PASSWORD, NEW_PASSWORD, changed_at)

    assert accounts.session_account(anna, on_phone) is None
    assert accounts.session_account(anna, on_laptop) is None
    with pytest.raises(SignInFailed):
        accounts.authenticate(anna, PASSWORD, changed_at + timedelta(minutes=1))
    signed_in_again = changed_at + timedelta(minutes=2)
    assert accounts.authenticate(anna, NEW_PASSWORD, signed_in_again).username == "anna"
    assert accounts.session_account(anna, signed_in_again) is not None


def test_changing_the_password_needs_the_current_password(
    accounts: AccountService, anna: str, uows: UnitOfWorkFactory
) -> None:
    signed_in_at = NOW + timedelta(minutes=1)

    with pytest.raises(SignInFailed):
        accounts.change_password(anna, WRONG_PASSWORD, NEW_PASSWORD, NOW + timedelta(minutes=10))

    assert _failures(uows, "anna") == 1
    assert accounts.session_account(anna, signed_in_at) is not None
    assert accounts.authenticate(anna, PASSWORD, NOW + timedelta(minutes=11)).username == "anna"


def test_changing_the_password_needs_a_new_one_of_at_least_twelve_characters(
    accounts: AccountService, anna: str
) -> None:
    signed_in_at = NOW + timedelta(minutes=1)

    with pytest.raises(AccountInvalid) as invalid:
        accounts.change_password(anna, PASSWORD, "elf-tekens!", NOW + timedelta(minutes=10))
    accounts.change_password(anna, PASSWORD, "twaalf-teken", NOW + timedelta(minutes=20))

    assert (invalid.value.field, invalid.value.reason) == ("password", "too_short")
    assert accounts.session_account(anna, signed_in_at) is None
    assert accounts.authenticate(anna, "twaalf-teken", NOW + timedelta(minutes=21)).username == "anna"


def test_a_password_reset_by_an_administrator_ends_the_users_sessions(
    accounts: AccountService, anna: str
) -> None:
    signed_in_at = NOW + timedelta(minutes=1)
    reset_at = NOW + timedelta(minutes=10)

    accounts.reset_password(anna, NEW_PASSWORD, reset_at, changed_by="admin")

    assert accounts.session_account(anna, signed_in_at) is None
    with pytest.raises(SignInFailed):
        accounts.authenticate(anna, PASSWORD, reset_at + timedelta(minutes=1))
    assert accounts.authenticate(anna, NEW_PASSWORD, reset_at + timedelta(minutes=2)).username == "anna"


def test_a_password_reset_refuses_a_short_password_and_keeps_the_old_one(
    accounts: AccountService, anna: str
) -> None:
    signed_in_at = NOW + timedelta(minutes=1)

    with pytest.raises(AccountInvalid) as invalid:
        accounts.reset_password(anna, "kort", NOW + timedelta(minutes=10), changed_by="admin")

    assert (invalid.value.field, invalid.value.reason) == ("password", "too_short")
    assert accounts.session_account(anna, signed_in_at) is not None
    assert accounts.authenticate(anna, PASSWORD, NOW + timedelta(minutes=11)).username == "anna"


# -- creating accounts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"username": "ab"}, "username", "format"),
        ({"username": "jan jansen"}, "username", "format"),
        ({"username": "-jan"}, "username", "format"),
        ({"username": "jan/jansen"}, "username", "format"),
        ({"username": ""}, "username", "format"),
        ({"display_name": "   "}, "display_name", "empty"),
        ({"role": "superuser"}, "role", "unknown"),
        ({"role": Role.AGENCY, "organisation": "  "}, "organisation", "empty"),
        ({"password": "elf-tekens!"}, "password", "too_short"),
        ({"password": ""}, "password", "too_short"),
        ({"role": Role.PROVIDER}, "organisation", "agb"),
        ({"role": Role.PROVIDER, "organisation": "9999000"}, "organisation", "agb"),
        ({"role": Role.PROVIDER, "organisation": "Zorg B.V."}, "organisation", "agb"),
        ({"role": Role.PROVIDER, "organisation": "999900011"}, "organisation", "agb"),
    ],
    ids=[
        "username-too-short",
        "username-with-space",
        "username-starting-with-dash",
        "username-with-slash",
        "username-empty",
        "display-name-empty",
        "role-unknown",
        "agency-without-organisation",
        "password-of-eleven-characters",
        "password-empty",
        "provider-without-agb-code",
        "provider-with-seven-digits",
        "provider-with-a-name-for-a-code",
        "provider-with-nine-digits",
    ],
)
def test_creating_an_account_refuses_invalid_details_and_names_the_field(
    accounts: AccountService, changes: dict[str, Any], field: str, reason: str
) -> None:
    details: dict[str, Any] = {
        "username": "j.jansen",
        "display_name": "J. Jansen",
        "role": Role.WIJZER,
        "password": PASSWORD,
        "now": NOW,
        "organisation": "",
    }
    details.update(changes)

    with pytest.raises(AccountInvalid) as invalid:
        accounts.create_account(**details)

    assert (invalid.value.field, invalid.value.reason) == (field, reason)
    assert accounts.count() == 0


def test_a_care_provider_account_keeps_its_agb_code_as_its_organisation(accounts: AccountService) -> None:
    made = accounts.create_account(
        "zorg", "Zorg (demo)", Role.PROVIDER, PASSWORD, NOW, organisation=" 99990001 "
    )

    assert (made.role, made.organisation) == (Role.PROVIDER, "99990001")
    assert accounts.authenticate("zorg", PASSWORD, NOW).organisation == "99990001"


def test_creating_an_account_with_a_name_that_is_taken_in_any_case_is_refused(
    accounts: AccountService, anna: str
) -> None:
    with pytest.raises(AccountInvalid) as invalid:
        accounts.create_account(" ANNA ", "Een andere Anna", Role.ADMIN, NEW_PASSWORD, NOW)

    assert (invalid.value.field, invalid.value.reason) == ("username", "taken")
    assert accounts.count() == 1
    assert accounts.authenticate(anna, PASSWORD, NOW).display_name == "Anna de Wit"


def test_a_long_passphrase_is_either_accepted_or_refused_as_an_invalid_password(
    accounts: AccountService,
) -> None:
    passphrase = "dit is een heel lange wachtzin van meer dan tweeënzeventig bytes, zoals aangeraden"

    try:
        accounts.create_account("lang", "Lange Wachtzin", Role.WIJZER, passphrase, NOW)
    except AccountInvalid as invalid:
        assert invalid.field == "password"
        assert accounts.count() == 0
    else:
        assert accounts.authenticate("lang", passphrase, NOW).username == "lang"
