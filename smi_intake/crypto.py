"""Encryption at rest for special-category data (medical information, uploads).

Fernet (AES-128-CBC with HMAC-SHA256). The key comes from ``SMI_ENCRYPTION_KEY``;
the demo generates one in the data folder once and says so in the log. Several
comma-separated keys allow rotation: the first encrypts, all decrypt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

log = logging.getLogger(__name__)

DEMO_KEY_FILE = "encryption.key"


class DecryptionFailed(RuntimeError):
    """Stored data could not be decrypted with the configured keys."""


class Cipher:
    """Encrypts and decrypts bytes; also derives keyed hashes for look-up codes."""

    def __init__(self, keys: str) -> None:
        parts = [k.strip() for k in keys.split(",") if k.strip()]
        if not parts:
            raise ValueError("no encryption key given")
        self._fernet = MultiFernet([Fernet(k.encode()) for k in parts])
        self._hash_key = hashlib.sha256(b"smi-lookup:" + parts[0].encode()).digest()

    def encrypt(self, data: bytes) -> bytes:
        return self._fernet.encrypt(data)

    def decrypt(self, token: bytes) -> bytes:
        try:
            return self._fernet.decrypt(token)
        except InvalidToken as error:
            raise DecryptionFailed("stored data cannot be decrypted with the configured keys") from error

    def seal_json(self, value: dict[str, Any]) -> bytes:
        """A JSON document, encrypted (dates become ISO strings)."""
        return self.encrypt(json.dumps(value, default=_json_default).encode())

    def open_json(self, token: bytes) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.decrypt(token))
        return result

    def lookup_hash(self, value: str) -> str:
        """A keyed hash (HMAC-SHA256) for storing codes that are looked up, never read back."""
        return hmac.new(self._hash_key, value.encode(), hashlib.sha256).hexdigest()


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


def demo_key(data_dir: Path) -> str:
    """The demo key in ``data_dir``, generated on first use."""
    path = data_dir / DEMO_KEY_FILE
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    log.warning("generated a demo encryption key in %s; set SMI_ENCRYPTION_KEY in production", path)
    return key
