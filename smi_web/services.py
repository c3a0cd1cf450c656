"""The services of this process, built once from the settings (``st.cache_resource``) by the
composition root (``smi_intake.composition``)."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from smi_intake.composition import Services, build_services
from smi_intake.settings import get_settings

__all__ = ["Services", "now", "services"]


@st.cache_resource(show_spinner=False)
def services() -> Services:
    """Settings checked, database at the newest schema, services ready; once per process."""
    return build_services(get_settings(), now())


def now() -> datetime:
    """The current moment, in UTC."""
    return datetime.now(UTC)
