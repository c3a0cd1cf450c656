"""A staff or agency account as the application sees it (never its password hash)."""

from __future__ import annotations

from dataclasses import dataclass

from smi_core.access import Role


@dataclass(frozen=True)
class Account:
    """A signed-in user as the pages see it (no password hash)."""

    username: str
    display_name: str
    role: Role
    organisation: str
    email: str
    active: bool
