"""Resume codes: high-entropy, easy to type, stored only as a keyed hash.

16 characters of Crockford's base32 (80 bits), shown as ``K7PX-3MQA-9RTD-2HWE``.
Typing is forgiving: case, spaces and dashes do not matter, and O/I/L are read as 0/1/1.
"""

from __future__ import annotations

import secrets

from smi_core.intake_errors import ResumeCodeExpired, ResumeCodeInvalid

__all__ = [
    "ALPHABET",
    "LENGTH",
    "ResumeCodeExpired",
    "ResumeCodeInvalid",
    "new_resume_code",
    "normalise_resume_code",
]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_resume_code() -> str:
    """A fresh code, grouped by four for reading aloud and typing."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, LENGTH, 4))


def normalise_resume_code(text: str) -> str:
    """The canonical form of a typed code; ``ResumeCodeInvalid`` when it cannot be one."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t").translate(_CONFUSABLE)
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        raise ResumeCodeInvalid("not a resume code")
    return cleaned
