"""Builders for iStandaarden messages in tests (the core's examples), and the reference schemas.

Every builder makes a valid message that breaks no level-2 rule, and changes only what a test
names. ``reference_schemas`` loads the reference schemas of ``tests.istandaarden_reference`` once.
"""

from __future__ import annotations

from functools import cache

from smi_core.istandaarden.examples import *  # noqa: F403  (the builders, for the tests)
from smi_core.istandaarden.examples import __all__ as _examples
from smi_core.istandaarden.schemas import SchemaSet
from tests.istandaarden_reference import REFERENCE


@cache
def reference_schemas() -> SchemaSet | None:
    """The reference schemas, loaded once per test run, or None when the folder is missing."""
    if not REFERENCE.is_dir():
        return None
    return SchemaSet.from_folder(REFERENCE)


__all__ = [*_examples, "reference_schemas"]
