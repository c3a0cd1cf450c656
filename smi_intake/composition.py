"""The composition root: the one place that builds the services from the settings.

Both the app (``smi_web.services``, cached once per process) and the command line
(``smi_intake.cli``) build their services here, so the two never disagree on how the database,
the cipher and the services are put together. Nothing here imports Streamlit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from smi_core import MunicipalityConfig
from smi_core.front_door import RequestKind
from smi_core.istandaarden.errors import SchemasUnavailable
from smi_core.istandaarden.schemas import SchemaSet
from smi_intake.db.engine import make_engine, migrate_to_head
from smi_intake.db.uow import UnitOfWorkFactory, uow_factory
from smi_intake.services.accounts import AccountService
from smi_intake.services.cak import CakReports
from smi_intake.services.cases import CaseService
from smi_intake.services.casework import CaseworkService
from smi_intake.services.coalition import CoalitionService
from smi_intake.services.conversions import ConversionService
from smi_intake.services.deadlines import DeadlineService
from smi_intake.services.funding import FundingService
from smi_intake.services.gi import GiService
from smi_intake.services.handover import HandoverService
from smi_intake.services.intake import IntakeService
from smi_intake.services.jeugd_requests import JeugdRequestService
from smi_intake.services.messages import MessageService
from smi_intake.services.placement import PlacementService
from smi_intake.services.provider_exchange import ProviderExchange
from smi_intake.services.providers import ProviderService
from smi_intake.services.queue import QueueService
from smi_intake.services.reports import ReportService
from smi_intake.services.wmo_cases import WmoCaseService
from smi_intake.services.wmo_intake import WmoIntakeService
from smi_intake.settings import Settings, make_cipher

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Services:
    """Everything a screen or a command needs, built once from the settings.

    ``casework`` handles the indication phase of a case (conversation, other route, decision,
    indication form, notes); ``placement`` the placement phase (consent, provider, support plan,
    placement, review, extension, end, financial referral); ``wmo`` the Wmo cases along route T
    (told by ``messages`` of every accepted provider's message, for the 305 and 307)."""

    settings: Settings
    municipality: MunicipalityConfig
    uows: UnitOfWorkFactory = field(repr=False)
    intake: IntakeService
    wmo_intake: WmoIntakeService
    jeugd_intake: WmoIntakeService
    """A parent's request for youth care for a child (route T)."""
    accounts: AccountService
    handovers: HandoverService
    queue: QueueService
    reports: ReportService
    deadlines: DeadlineService
    funding: FundingService
    cases: CaseService
    casework: CaseworkService
    placement: PlacementService
    providers: ProviderService
    messages: MessageService
    provider_exchange: ProviderExchange
    """What a signed-in care provider reads and sends (its page stands in for its own software)."""
    conversions: ConversionService
    wmo: WmoCaseService
    jeugd_requests: JeugdRequestService
    """The back office's answer to every youth-care request for an assignment (315; routes M and G)."""
    coalition: CoalitionService
    """Begeleiding through the coalition (B2-B5): passing on, the DAT letter, the coalition's steps."""
    cak: CakReports
    """The back office's report to the CAK of the coalition's starts and ends (BEG-CAK)."""
    gi: GiService
    """Youth care's route G: a certified institution's bepalingen and the chosen provider's view."""
    dispose: Callable[[], None] = field(repr=False)


def migrated_database_url(settings: Settings) -> str:
    """The settings checked for their mode and the database brought to the newest schema."""
    settings.check_safe_for_mode()
    url = settings.effective_database_url
    migrate_to_head(url)
    return url


def schema_set(settings: Settings) -> SchemaSet | None:
    """The official iStandaarden schemas of ``SMI_ISTANDAARDEN_DIR``; None (and a warning in the
    log) without it: the schema check (level 1) is then off and levels 2-3 still run."""
    if settings.istandaarden_dir is None:
        log.warning("SMI_ISTANDAARDEN_DIR is not set: the iStandaarden schema check (level 1) is off")
        return None
    try:
        return SchemaSet.from_folder(settings.istandaarden_dir)
    except SchemasUnavailable:
        log.warning("SMI_ISTANDAARDEN_DIR holds no iStandaarden schemas: the schema check is off")
        return None


def build_services(settings: Settings, now: datetime, *, purge_expired_drafts: bool = True) -> Services:
    """Settings checked, database at the newest schema, services ready.

    With ``purge_expired_drafts`` the drafts past their expiry at ``now`` are deleted first, as the
    app does once per process."""
    engine = make_engine(migrated_database_url(settings))
    municipality = settings.municipality()
    cipher = make_cipher(settings)
    uows = uow_factory(engine, cipher)
    intake = IntakeService(uows, municipality)
    if purge_expired_drafts:
        intake.purge_expired_drafts(now)
    messages = MessageService(uows, municipality.cbs_code, schema_set(settings))
    wmo = WmoCaseService(uows, municipality, settings.catalogue(), messages)
    messages.on_accepted(wmo.delivery_arrived)
    jeugd_requests = JeugdRequestService(uows, municipality, settings.catalogue(), messages)
    messages.on_accepted(jeugd_requests.request_arrived)
    log.info("services ready (mode %s, database %s)", settings.mode, engine.dialect.name)
    return Services(
        settings=settings,
        municipality=municipality,
        uows=uows,
        intake=intake,
        wmo_intake=WmoIntakeService(uows, municipality),
        jeugd_intake=WmoIntakeService(uows, municipality, RequestKind.JEUGD),
        accounts=AccountService(uows, settings.bcrypt_rounds),
        handovers=HandoverService(uows, municipality, wmo),
        queue=QueueService(uows, municipality),
        reports=ReportService(uows),
        deadlines=DeadlineService(uows, municipality),
        funding=FundingService(uows, municipality),
        messages=messages,
        provider_exchange=ProviderExchange(uows, messages),
        conversions=ConversionService(uows, messages, settings.catalogue()),
        wmo=wmo,
        jeugd_requests=jeugd_requests,
        coalition=CoalitionService(uows, municipality, settings.catalogue()),
        cak=CakReports(uows, municipality, settings.catalogue()),
        gi=GiService(uows, municipality, settings.catalogue()),
        cases=CaseService(uows, municipality),
        casework=CaseworkService(uows, municipality),
        placement=PlacementService(uows, municipality),
        providers=ProviderService(uows),
        dispose=engine.dispose,
    )
