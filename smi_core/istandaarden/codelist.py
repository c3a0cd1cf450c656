"""The base of every iStandaarden code list: a ``StrEnum`` whose value is the code as it stands in the
XML and which carries the standard's own Dutch label.

The labels are the standard's names for its codes (the ``xs:documentation`` of each enumeration in
the basisschema, or the digest where the schema has none). They are reference data, not screen
texts: a screen that shows a code to a user translates it through its own catalog.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class CodeList(StrEnum):
    """A code of an iStandaarden code list. Members are declared as ``NAME = "code", "Dutch label"``."""

    _dutch_label: str

    def __new__(cls, code: str, label: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member._dutch_label = label
        return member

    @property
    def code(self) -> str:
        """The code as it is written in a message."""
        return str(self.value)

    @property
    def label(self) -> str:
        """The standard's Dutch label of the code."""
        return self._dutch_label

    @classmethod
    def codes(cls) -> frozenset[str]:
        """Every code of the list."""
        return frozenset(member.value for member in cls)


__all__ = ["CodeList"]
