"""Encryption at rest for special-category data (medical information, uploads).

Fernet (AES-128-CBC with HMAC-SHA256). The key comes from ``SMI_ENCRYPTION_KEY``;
the demo generates one in the data folder once and says so in the log. Several
comma-separated keys allow rotation: the first encrypts, all decrypt.

Small values read on every check (a message's facts for the cross-message checks) are sealed
with AES-GCM instead (``seal_small``/``open_small``): authenticated encryption like Fernet's, with
a 128-bit key derived from each configured key, about ten times cheaper to open than a Fernet
token of the same size. A sealed value is ``b"g1" + nonce (12 bytes) + ciphertext and tag``.
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

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

DEMO_KEY_FILE = "encryption.key"
_SMALL = b"g1"
_NONCE = 12


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
        self._hmac = hmac.new(self._hash_key, digestmod=hashlib.sha256)  # keyed once, copied per use
        self._small = [AESGCM(hashlib.sha256(b"smi-small:" + k.encode()).digest()[:16]) for k in parts]

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

    def seal_small(self, data: bytes) -> bytes:
        """``data`` sealed with AES-GCM under the first key (for small values read often)."""
        nonce = os.urandom(_NONCE)
        return _SMALL + nonce + self._small[0].encrypt(nonce, data, None)

    def open_small(self, token: bytes) -> bytes:
        if token[:2] != _SMALL or len(token) < len(_SMALL) + _NONCE + 16:  # 16: the GCM tag
            raise DecryptionFailed("stored data is not a sealed small value")
        nonce, sealed = token[2 : 2 + _NONCE], token[2 + _NONCE :]
        for key in self._small:
            try:
                return key.decrypt(nonce, sealed, None)
            except InvalidTag:
                continue
        raise DecryptionFailed("stored data cannot be decrypted with the configured keys")

    def lookup_hash(self, value: str) -> str:
        """A keyed hash (HMAC-SHA256) for storing codes that are looked up, never read back."""
        keyed = self._hmac.copy()
        keyed.update(value.encode())
        return keyed.hexdigest()


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
