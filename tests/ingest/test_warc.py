"""WARC files: one input per HTML response record; other records skipped; damage reported."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.config import Settings
from dateline.errors import RecordError
from dateline.ingest import RawInput, iter_raw_inputs

PAGE = (
    "<html><head><title>Blinken meets Herzog</title></head><body><article>"
    "<h1>Blinken meets Herzog</h1><p>US Secretary of State Antony Blinken met President "
    "Isaac Herzog in Tel Aviv on Wednesday, the president’s office said.</p>"
    "</article></body></html>"
)


def write_warc(path: Path, *, gz: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        records = [
            ("https://example.org/blinken", "200 OK", "text/html; charset=utf-8", PAGE),
            ("https://example.org/logo.png", "200 OK", "image/png", "\x89PNG"),
            ("https://example.org/gone", "404 Not Found", "text/html", "<p>Not found</p>"),
        ]
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=BytesIO(body.encode("utf-8")), http_headers=headers
                )
            )
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/blinken", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_only_html_responses_become_inputs(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gz=name.endswith(".gz"))
    (item,) = list(iter_raw_inputs([str(tmp_path)], settings=Settings()))
    assert isinstance(item, RawInput)
    assert item.source == f"{path}#https://example.org/blinken"
    assert item.url == "https://example.org/blinken"
    assert item.html is not None and "president’s office" in item.html


def test_truncated_warc_is_reported(tmp_path: Path) -> None:
    good = tmp_path / "good.warc.gz"
    write_warc(good, gz=True)
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999"))
    items = list(iter_raw_inputs([str(broken)], settings=Settings()))
    assert items and isinstance(items[-1], RecordError) and "WARC" in str(items[-1])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    # Records are gzipped one by one: the complete ones before the cut are still read.
    items = list(iter_raw_inputs([str(cut)], settings=Settings()))
    assert [type(i) for i in items][:1] == [RawInput]
    assert all(isinstance(i, RawInput | RecordError) for i in items)
