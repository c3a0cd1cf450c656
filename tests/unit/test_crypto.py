"""Encryption at rest: the small sealed values the message checks read (AES-GCM), their keys and
their rotation, and the refusal of anything else."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from smi_intake.crypto import Cipher, DecryptionFailed

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_a_small_value_is_sealed_unreadably_and_opens_again() -> None:
    cipher = Cipher(OLD)

    sealed = cipher.seal_small(b'[["t",1001,["45","45A01"]]]')

    assert b"45A01" not in sealed
    assert cipher.open_small(sealed) == b'[["t",1001,["45","45A01"]]]'
    assert cipher.seal_small(b"same") != cipher.seal_small(b"same")  # a fresh nonce each time


def test_a_value_sealed_under_the_old_key_opens_after_rotation_and_new_ones_use_the_new_key() -> None:
    sealed = Cipher(OLD).seal_small(b"facts")
    rotated = Cipher(f"{NEW},{OLD}")

    fresh = rotated.seal_small(b"facts")

    assert rotated.open_small(sealed) == b"facts"
    assert Cipher(NEW).open_small(fresh) == b"facts"
    with pytest.raises(DecryptionFailed):
        Cipher(OLD).open_small(fresh)


@pytest.mark.parametrize(
    "token",
    [b"", b"g1", b"not sealed at all", Cipher(OLD).encrypt(b"a Fernet token")],
    ids=["empty", "only the mark", "plain bytes", "fernet"],
)
def test_what_was_not_sealed_here_or_was_changed_is_refused(token: bytes) -> None:
    with pytest.raises(DecryptionFailed):
        Cipher(OLD).open_small(token)


def test_a_sealed_value_changed_by_one_bit_is_refused() -> None:
    cipher = Cipher(OLD)
    sealed = bytearray(cipher.seal_small(b"facts"))
    sealed[-1] ^= 1

    with pytest.raises(DecryptionFailed):
        cipher.open_small(bytes(sealed))
