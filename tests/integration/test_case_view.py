"""A case worker reads a whole case; every read of a case or a document is logged, without content."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from smi_core.access import Role
from smi_core.cases import SMI_CONSENTS, CaseStatus
from smi_core.errors import NotAllowed
from smi_intake.crypto import Cipher
from smi_intake.db.models import AuditEvent
from smi_intake.db.uow import UnitOfWorkFactory
from smi_intake.services.accounts import AccountService
from smi_intake.services.cases import CaseService
from smi_intake.services.intake import IntakeService, consent_record
from tests.factories import example_intake_data

pytestmark = pytest.mark.db

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _sent_case(intake_service: IntakeService) -> str:
    consents = {kind.value: consent_record(kind, True, "nl", "WIJzer", NOW) for kind in SMI_CONSENTS}
    saved = intake_service.save_draft(None, "controleren", example_intake_data(), consents, "nl", NOW)
    intake_service.add_document(saved.draft_id, "verklaring-huisarts.pdf", PDF, NOW)
    return intake_service.submit(saved.draft_id, NOW).reference


def _account(uows: UnitOfWorkFactory, role: Role):  # type: ignore[no-untyped-def]
    organisation = "Praktijk" if role is Role.AGENCY else ""
    return AccountService(uows, bcrypt_rounds=4).create_account(
        f"user-{role.value}", "Test", role, "een-lang-wachtwoord", NOW, organisation
    )


def test_a_worker_sees_everything_and_the_read_is_logged_without_content(
    uows: UnitOfWorkFactory, cipher: Cipher, intake_service: IntakeService
) -> None:
    reference = _sent_case(intake_service)
    worker = _account(uows, Role.WIJZER)

    view = CaseService(uows).view(reference, worker, NOW)

    assert view.status is CaseStatus.NEW
    assert view.content["answers"]["explanation"].startswith("Moeder herstelt")
    assert {c.kind for c in view.consents} == set(SMI_CONSENTS)
    assert [d.filename for d in view.documents] == ["verklaring-huisarts.pdf"]
    assert [e.kind for e in view.timeline] == ["submitted"]
    with uows() as uow:
        logged = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "case.viewed")).one()
        assert (logged.actor, logged.subject_id) == ("user-wijzer", reference)
        assert "Moeder" not in logged.detail


def test_reading_a_document_returns_it_and_is_logged(
    uows: UnitOfWorkFactory, cipher: Cipher, intake_service: IntakeService
) -> None:
    reference = _sent_case(intake_service)
    worker = _account(uows, Role.COORDINATOR)
    service = CaseService(uows)
    document = service.view(reference, worker, NOW).documents[0]

    name, media_type, content = service.document(reference, document.id, worker, NOW)

    assert (name, media_type, content) == ("verklaring-huisarts.pdf", "application/pdf", PDF)
    with uows() as uow:
        actions = list(
            uow.session.scalars(select(AuditEvent.action).where(AuditEvent.subject_id == reference))
        )
    assert actions.count("document.viewed") == 1


@pytest.mark.parametrize("role", [Role.AGENCY, Role.GEMEENTE, Role.ADMIN])
def test_roles_that_do_not_handle_cases_cannot_read_them(
    uows: UnitOfWorkFactory, cipher: Cipher, intake_service: IntakeService, role: Role
) -> None:
    reference = _sent_case(intake_service)
    outsider = _account(uows, role)

    with pytest.raises(NotAllowed):
        CaseService(uows).view(reference, outsider, NOW)
    with pytest.raises(NotAllowed):
        CaseService(uows).document(reference, 1, outsider, NOW)
