"""Checks on uploaded documents: type by content, never by name; size within the limit."""

from __future__ import annotations

from dataclasses import dataclass

from smi_core.intake_errors import DocumentRejected

__all__ = ["MAX_DOCUMENT_BYTES", "CheckedDocument", "DocumentRejected", "check_document"]

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


@dataclass(frozen=True)
class CheckedDocument:
    media_type: str
    size: int


def check_document(data: bytes, max_bytes: int = MAX_DOCUMENT_BYTES) -> CheckedDocument:
    """The media type of a PDF, JPEG or PNG document; ``DocumentRejected`` otherwise."""
    if not data:
        raise DocumentRejected("empty")
    if len(data) > max_bytes:
        raise DocumentRejected("too_large")
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            if media_type == "application/pdf" and b"%%EOF" not in data[-2048:]:
                raise DocumentRejected("wrong_type")
            return CheckedDocument(media_type=media_type, size=len(data))
    raise DocumentRejected("wrong_type")
