"""Each role reaches exactly its own pages, through the navigation and by address; sign-in,
lock-out and session end behave as users and administrators expect."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from smi_core.access import Role, StaffPage, may_open
from smi_web.auth import ACCOUNT_KEY, SIGNED_IN_AT_KEY
from smi_web.services import services
from tests.app.conftest import APP, new_app

pytestmark = pytest.mark.db

PASSWORD = "een-lang-wachtwoord"
PAGES = {
    StaffPage.CASE: ("pages/staff/case.py", "Casus"),
    StaffPage.QUEUE: ("pages/staff/queue.py", "Wachtrij aanvragen"),
    StaffPage.DEADLINES: ("pages/staff/deadlines.py", "Termijnen"),
    StaffPage.PROVIDERS: ("pages/staff/providers.py", "Kinderopvang"),
    StaffPage.FUNDING: ("pages/staff/funding.py", "Bekostiging"),
    StaffPage.REPORTS: ("pages/staff/reports.py", "Rapportages"),
    StaffPage.HANDOVER: ("pages/staff/handover.py", "Gezin overdragen"),
    StaffPage.MY_HANDOVERS: ("pages/staff/my_handovers.py", "Overdrachten van mijn organisatie"),
    StaffPage.MESSAGES: ("pages/staff/messages.py", "Berichten"),
    StaffPage.ASSIGNMENTS: ("pages/staff/assignments.py", "Toewijzingen"),
    StaffPage.CONVERSIONS: ("pages/staff/conversions.py", "Eén traject"),
    StaffPage.BEPALINGEN: ("pages/staff/bepalingen.py", "Bepalingen jeugdhulp"),
    StaffPage.ACCOUNTS: ("pages/staff/accounts.py", "Accounts"),
    StaffPage.MY_ACCOUNT: ("pages/staff/my_account.py", "Mijn account"),
}
REFUSAL = "U heeft geen toegang tot deze pagina."
WRONG = "De gebruikersnaam of het wachtwoord klopt niet."


def _account(role: Role, username: str | None = None) -> str:
    name = username or f"test-{role.value}"
    organisation = {
        Role.AGENCY: "Praktijk De Linde",
        Role.PROVIDER: "99990001",
        Role.JEUGDBESCHERMER: "Jeugdbescherming Voorbeeld",
    }.get(role, "")
    services().accounts.create_account(
        name, f"Test {role.value}", role, PASSWORD, datetime.now(UTC), organisation
    )
    return name


def _sign_in(app: AppTest, username: str, password: str = PASSWORD) -> AppTest:
    app.run()  # the navigation registers its pages on the first run
    app.switch_page("pages/staff/sign_in.py").run()
    app.text_input(key="sign_in_username").input(username)
    app.text_input(key="sign_in_password").input(password)
    next(b for b in app.button if b.label == "Inloggen").click().run()
    return app


def _signed_in_app(role: Role | None) -> AppTest:
    app = new_app()
    app.run()
    if role is not None:
        _sign_in(app, _account(role))
        app.run()
    return app


@pytest.mark.parametrize("page", list(StaffPage))
@pytest.mark.parametrize("role", [None, *Role], ids=["anonymous", *[r.value for r in Role]])
def test_the_navigation_offers_a_page_only_to_the_roles_that_may_open_it(
    role: Role | None, page: StaffPage
) -> None:
    app = _signed_in_app(role)
    path, title = PAGES[page]

    if may_open(role, page):
        app.switch_page(path).run()
        assert not app.exception
        assert app.title[0].value == title
        assert REFUSAL not in [e.value for e in app.error]
    else:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(path)


@pytest.mark.parametrize("page", list(StaffPage))
@pytest.mark.parametrize("role", [None, *Role], ids=["anonymous", *[r.value for r in Role]])
def test_every_staff_page_checks_the_role_again_when_opened_directly(
    role: Role | None, page: StaffPage
) -> None:
    path, title = PAGES[page]
    app = AppTest.from_file(str(Path(APP).parent / path), default_timeout=30)
    if role is not None:
        username = _account(role)
        app.session_state[ACCOUNT_KEY] = services().accounts.session_account(username, datetime.now(UTC))
        app.session_state[SIGNED_IN_AT_KEY] = datetime.now(UTC)

    app.run()

    errors = [e.value for e in app.error]
    if may_open(role, page):
        assert REFUSAL not in errors
        assert app.title[0].value == title
    else:
        assert errors == [REFUSAL]
        assert len(app.title) == 0


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer() -> None:
    _account(Role.WIJZER, "bekend")

    wrong_password = _sign_in(new_app(), "bekend", "niet-het-goede-wachtwoord")
    unknown_user = _sign_in(new_app(), "onbekend", "niet-het-goede-wachtwoord")

    assert [e.value for e in wrong_password.error] == [WRONG]
    assert [e.value for e in unknown_user.error] == [WRONG]


def test_five_failures_lock_the_sign_in_even_with_the_right_password() -> None:
    _account(Role.WIJZER, "vergeetachtig")
    app = new_app()
    app.run()
    for _attempt in range(5):
        _sign_in(app, "vergeetachtig", "fout-wachtwoord-123")

    _sign_in(app, "vergeetachtig", PASSWORD)

    assert app.error[0].value.startswith("Te veel pogingen.")
    assert ACCOUNT_KEY not in app.session_state


def test_a_sign_in_is_not_visible_in_another_session() -> None:
    _sign_in(new_app(), _account(Role.ADMIN))

    other = new_app()
    other.run()

    assert ACCOUNT_KEY not in other.session_state
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        other.switch_page("pages/staff/accounts.py")


def test_signing_out_ends_the_sessions_of_that_user_on_every_device() -> None:
    username = _account(Role.COORDINATOR)
    laptop, phone = _sign_in(new_app(), username), _sign_in(new_app(), username)
    laptop.switch_page("pages/staff/my_account.py").run()

    laptop.button(key="sign_out").click().run()
    phone.run()

    assert ACCOUNT_KEY not in laptop.session_state
    assert ACCOUNT_KEY not in phone.session_state


def test_changing_the_password_ends_every_session_of_that_user() -> None:
    username = _account(Role.GEMEENTE)
    laptop, phone = _sign_in(new_app(), username), _sign_in(new_app(), username)
    laptop.switch_page("pages/staff/my_account.py").run()

    laptop.text_input(key="password_current").input(PASSWORD)
    laptop.text_input(key="password_new").input("een-nieuw-lang-wachtwoord")
    laptop.text_input(key="password_again").input("een-nieuw-lang-wachtwoord")
    next(b for b in laptop.button if b.label == "Wachtwoord wijzigen").click().run()
    phone.run()

    assert ACCOUNT_KEY not in laptop.session_state
    assert ACCOUNT_KEY not in phone.session_state
    assert services().accounts.authenticate(username, "een-nieuw-lang-wachtwoord", datetime.now(UTC))


def _accounts_page_as_admin() -> AppTest:
    username = _account(Role.ADMIN)
    app = AppTest.from_file(str(Path(APP).parent / PAGES[StaffPage.ACCOUNTS][0]), default_timeout=30)
    app.session_state[ACCOUNT_KEY] = services().accounts.session_account(username, datetime.now(UTC))
    app.session_state[SIGNED_IN_AT_KEY] = datetime.now(UTC)
    return app.run()


def _new_provider(app: AppTest, organisation: str) -> AppTest:
    app.text_input(key="accounts_new_username").input("zorg.nieuw")
    app.text_input(key="accounts_new_name").input("Zorg Nieuw")
    app.selectbox(key="accounts_new_role").select(Role.PROVIDER)
    app.text_input(key="accounts_new_organisation").input(organisation)
    app.text_input(key="accounts_new_password").input(PASSWORD)
    return next(b for b in app.button if b.label == "Account maken").click().run()


def test_the_administrator_creates_a_care_provider_account_with_its_agb_code() -> None:
    app = _new_provider(_accounts_page_as_admin(), "99990003")

    assert not app.exception and not app.error
    made = next(a for a in services().accounts.accounts() if a.username == "zorg.nieuw")
    assert (made.role, made.organisation) == (Role.PROVIDER, "99990003")


def test_a_care_provider_account_without_an_agb_code_is_refused_with_a_clear_text() -> None:
    app = _new_provider(_accounts_page_as_admin(), "Zorg B.V.")

    assert [e.value for e in app.error] == [
        "Een account van een zorgaanbieder heeft de AGB-code van de aanbieder nodig: 8 cijfers."
    ]
    assert all(a.username != "zorg.nieuw" for a in services().accounts.accounts())
