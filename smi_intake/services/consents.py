"""The recorded consents of a case, and the gate every sharing passes through.

The rows are read by the case repository (``smi_intake.db.cases``); the gate is the core's
``Case.require_sharing``. These names stay here for the services that import them.
"""

from __future__ import annotations

from smi_core.case import ConsentMissing
from smi_intake.db.cases import case_consents, consent_from_row

__all__ = ["ConsentMissing", "case_consents", "consent_from_row"]
