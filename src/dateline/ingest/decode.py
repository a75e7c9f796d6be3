"""Bytes to text: size limit, binary detection and encoding detection.

Pasted articles and saved pages arrive in every encoding; a reader that assumes UTF-8 turns
"Be’eri" into "Beâ€™eri" and the offsets into garbage. We trust a byte-order mark, then
strict UTF-8, then ``charset-normalizer``'s detection, and refuse what is not text at all.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from dateline.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
)

__all__ = ["decode_bytes", "read_bytes"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/carriage return/form feed: a few in a real text
# are noise, many mean the bytes are an image, an archive or an executable.
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}
_MAX_CONTROL_SHARE = 0.02


def read_bytes(path: Path, *, max_bytes: int, source: str | None = None) -> bytes:
    """Read ``path``, refusing files over ``max_bytes`` before reading them whole.

    Raises:
        InputTooLargeError: the file is larger than ``max_bytes``.
        InputError subclasses for unreadable files.
    """
    label = source or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise EmptyInputError(f"cannot read the file ({exc.strerror})", source=label) from exc
    if size > max_bytes:
        raise InputTooLargeError(
            f"{size:,} bytes is over the limit of {max_bytes:,} bytes; "
            "raise it with --max-bytes if this really is one article",
            source=label,
        )
    return path.read_bytes()


def decode_bytes(data: bytes, *, source: str | None = None, max_bytes: int | None = None) -> str:
    """Decode ``data`` to text, detecting the encoding.

    Raises:
        EmptyInputError: no bytes, or only whitespace.
        InputTooLargeError: more than ``max_bytes`` bytes.
        BinaryInputError: the bytes are not text (NUL bytes, many control characters).
        EncodingError: the bytes look like text but no encoding decodes them.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(
            f"{len(data):,} bytes is over the limit of {max_bytes:,} bytes; "
            "raise it with --max-bytes if this really is one article",
            source=source,
        )
    if not data.strip():
        raise EmptyInputError("the input is empty; give a file with article text", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, encoding, source=source)
    _refuse_binary(data, source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingError(
            "could not detect the text encoding; convert the file to UTF-8 "
            "(e.g. iconv -f LATIN1 -t UTF-8)",
            source=source,
        )
    return _decode_with(data, best.encoding, source=source)


def _decode_with(data: bytes, encoding: str, *, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(
            f"the bytes do not decode as {encoding} ({exc}); convert the file to UTF-8",
            source=source,
        ) from exc


def _refuse_binary(data: bytes, *, source: str | None) -> None:
    sample = data[:65536]
    if b"\x00" in sample:
        raise BinaryInputError(
            "the file contains NUL bytes: it is binary, not text or HTML "
            "(give the article as .txt, .html, .jsonl or a URL)",
            source=source,
        )
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError(
            f"{controls} control bytes in the first {len(sample)}: this is binary, not text",
            source=source,
        )
