"""Named permissions: what a role may do beyond opening a page, in one table next to the pages."""

from __future__ import annotations

import pytest

from smi_core.access import (
    PAGE_ROLES,
    PERMISSION_ROLES,
    Permission,
    Role,
    StaffPage,
    may,
    may_open,
    pages_for,
)


def test_every_permission_has_its_roles() -> None:
    assert set(PERMISSION_ROLES) == set(Permission)


@pytest.mark.parametrize("role", list(Role))
def test_handling_cases_is_for_wijzer_workers_and_the_coordinator_only(role: Role) -> None:
    assert may(role, Permission.HANDLE_CASES) is (role in {Role.WIJZER, Role.COORDINATOR})


def test_only_the_coordinator_and_administrators_edit_the_provider_register() -> None:
    editors = {role for role in Role if may(role, Permission.EDIT_PROVIDERS)}

    assert editors == {Role.COORDINATOR, Role.ADMIN}


def test_funding_and_reports_permissions_follow_the_roles_of_their_pages() -> None:
    assert PERMISSION_ROLES[Permission.HANDLE_FUNDING] == PAGE_ROLES[StaffPage.FUNDING]
    assert PERMISSION_ROLES[Permission.READ_REPORTS] == PAGE_ROLES[StaffPage.REPORTS]


def test_a_care_provider_opens_only_its_assignments_and_its_own_account() -> None:
    assert pages_for(Role.PROVIDER) == [StaffPage.ASSIGNMENTS, StaffPage.MY_ACCOUNT]


@pytest.mark.parametrize("role", list(Role))
def test_only_a_care_provider_opens_the_assignments_and_provides_care(role: Role) -> None:
    assert may_open(role, StaffPage.ASSIGNMENTS) is (role is Role.PROVIDER)
    assert may(role, Permission.PROVIDE_CARE) is (role is Role.PROVIDER)


def test_a_care_provider_exchanges_no_messages_as_the_back_office_and_handles_no_cases() -> None:
    assert not may(Role.PROVIDER, Permission.EXCHANGE_MESSAGES)
    assert not may(Role.PROVIDER, Permission.HANDLE_CASES)


@pytest.mark.parametrize("role", [None, "", "ouder", "root"])
def test_nobody_signed_in_or_an_unknown_role_has_no_permission(role: str | None) -> None:
    assert not any(may(role, permission) for permission in Permission)


@pytest.mark.parametrize("role", list(Role))
def test_the_access_workers_and_the_back_office_convert_indications_into_one_traject(role: Role) -> None:
    assert may(role, Permission.CONVERT_INDICATIONS) is (
        role in {Role.WIJZER, Role.COORDINATOR, Role.GEMEENTE}
    )
    assert PERMISSION_ROLES[Permission.CONVERT_INDICATIONS] == PAGE_ROLES[StaffPage.CONVERSIONS]


def test_a_jeugdbeschermer_opens_only_its_bepalingen_and_its_own_account() -> None:
    assert pages_for(Role.JEUGDBESCHERMER) == [StaffPage.BEPALINGEN, StaffPage.MY_ACCOUNT]


@pytest.mark.parametrize("role", list(Role))
def test_only_a_jeugdbeschermer_opens_the_bepalingen_and_records_them(role: Role) -> None:
    assert may_open(role, StaffPage.BEPALINGEN) is (role is Role.JEUGDBESCHERMER)
    assert may(role, Permission.RECORD_BEPALINGEN) is (role is Role.JEUGDBESCHERMER)


def test_a_jeugdbeschermer_handles_no_cases_provides_no_care_and_exchanges_no_messages() -> None:
    assert [p for p in Permission if may(Role.JEUGDBESCHERMER, p)] == [Permission.RECORD_BEPALINGEN]
