"""The shared refusals carry their context as values, and say what happened in their text."""

from __future__ import annotations

from smi_core.errors import CaseAlreadyClaimed, CaseNotFound, ConcurrentEdit, NotAllowed, Refusal


def test_every_shared_refusal_is_a_refusal_and_keeps_its_builtin_kind() -> None:
    assert issubclass(NotAllowed, PermissionError)
    assert issubclass(CaseNotFound, LookupError)
    assert all(issubclass(c, Refusal) for c in (NotAllowed, CaseNotFound, CaseAlreadyClaimed, ConcurrentEdit))


def test_a_claimed_case_names_the_reference_and_the_owner() -> None:
    error = CaseAlreadyClaimed("SMI-2026-000001", "wijzer")

    assert error.values == {"reference": "SMI-2026-000001", "owner": "wijzer"}
    assert "wijzer" in str(error)


def test_a_refusal_without_detail_is_named_for_its_condition() -> None:
    assert str(NotAllowed()) == "NotAllowed"
