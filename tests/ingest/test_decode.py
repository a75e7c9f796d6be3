"""Bytes become text in the right encoding, or a clear error says why not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.errors import BinaryInputError, EmptyInputError, InputTooLargeError
from dateline.ingest.decode import decode_bytes, read_bytes

SENTENCE = "Blinken met Herzog in Tel Aviv; the two men discussed Be’eri and the café talks."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_detects_the_encoding(encoding: str) -> None:
    paragraph = (SENTENCE + " ") * 5
    assert decode_bytes(paragraph.encode(encoding)) == paragraph


def test_latin1_article_decodes() -> None:
    text = "Le président a déclaré que la réunion à Genève était terminée. " * 4
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n"])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode_bytes(data, source="empty.txt")


def test_binary_junk_is_refused() -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        decode_bytes(os.urandom(4096), source="junk.bin")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    with pytest.raises(BinaryInputError):
        decode_bytes(png, source="image.png")


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300)
    with pytest.raises(InputTooLargeError, match="over the limit of 1,000 bytes") as info:
        read_bytes(big, max_bytes=1000)
    assert str(big) in str(info.value)
    assert read_bytes(big, max_bytes=2000).startswith(b"word")


def test_default_limit_refuses_a_50_megabyte_file(tmp_path: Path) -> None:
    from dateline.config import DEFAULT_MAX_BYTES

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(InputTooLargeError, match="52,428,801 bytes"):
        read_bytes(huge, max_bytes=DEFAULT_MAX_BYTES)
