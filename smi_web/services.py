"""The services of this process, built once from the settings (``st.cache_resource``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

from smi_core import MunicipalityConfig
from smi_intake.db.engine import make_engine, migrate_to_head
from smi_intake.db.uow import uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.cases import CaseService
from smi_intake.services.deadlines import DeadlineService
from smi_intake.services.funding import FundingService
from smi_intake.services.handover import HandoverService
from smi_intake.services.intake import IntakeService
from smi_intake.services.placement import PlacementService
from smi_intake.services.providers import ProviderService
from smi_intake.services.queue import QueueService
from smi_intake.services.reports import ReportService
from smi_intake.settings import Settings, get_settings, make_cipher

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Services:
    settings: Settings
    municipality: MunicipalityConfig
    intake: IntakeService
    accounts: AccountService
    handovers: HandoverService
    queue: QueueService
    reports: ReportService
    deadlines: DeadlineService
    funding: FundingService
    cases: CaseService
    casework: PlacementService
    providers: ProviderService


@st.cache_resource(show_spinner=False)
def services() -> Services:
    """Settings checked, database at the newest schema, services ready; once per process."""
    settings = get_settings()
    settings.check_safe_for_mode()
    url = settings.effective_database_url
    migrate_to_head(url)
    engine = make_engine(url)
    municipality = settings.municipality()
    cipher = make_cipher(settings)
    uows = uow_factory(engine, cipher)
    intake = IntakeService(uows, cipher, municipality)
    intake.purge_expired_drafts(now())
    log.info("services ready (mode %s, database %s)", settings.mode, engine.dialect.name)
    return Services(
        settings=settings,
        municipality=municipality,
        intake=intake,
        accounts=AccountService(uows, settings.bcrypt_rounds),
        handovers=HandoverService(uows, cipher, municipality),
        queue=QueueService(uows, municipality),
        reports=ReportService(uows),
        deadlines=DeadlineService(uows, municipality),
        funding=FundingService(uows, cipher, municipality),
        cases=CaseService(uows, cipher, municipality),
        casework=PlacementService(uows, cipher, municipality),
        providers=ProviderService(uows),
    )


def now() -> datetime:
    """The current moment, in UTC."""
    return datetime.now(UTC)
