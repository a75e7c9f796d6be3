"""Every kind of target yields items or per-item errors, and a batch goes on."""

from __future__ import annotations

import http.server
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.errors import FetchError, InputError, RecordError
from dateline.ingest import RawInput, count_inputs, iter_raw_inputs
from dateline.ingest.url import check_url, fetch_url

ARTICLE = (
    "Ministers meet in Brussels over gas prices\n\n"
    "European energy ministers met in Brussels on Tuesday to discuss a cap on gas prices, "
    "the third such meeting this month. “We are close,” the Czech minister said.\n"
)


def _items(*targets: str, settings: Settings | None = None) -> list[RawInput | InputError]:
    return list(iter_raw_inputs(targets, settings=settings or Settings()))


def test_directory_reads_known_files_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.html").write_text(
        f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    items = _items(str(tmp_path))
    assert count_inputs([str(tmp_path)]) == len(items) == 4
    kinds = {
        Path(item.source or "").name: type(item).__name__
        if isinstance(item, InputError)
        else ("html" if item.html else "text")
        for item in items
    }
    assert kinds == {
        "a.txt": "text",
        "b.html": "html",
        "empty.txt": "EmptyInputError",
        "junk.txt": "BinaryInputError",
    }


def test_jsonl_records_with_errors_per_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "published": "2024-05-01", "source": "first"}),
        "{not json",
        json.dumps({"html": "<p>Hello</p>", "outlet": "Example Times"}),
        json.dumps({"title": "no body"}),
        json.dumps({"text": ARTICLE, "published": "May 1"}),
        "",
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _items(str(path))
    assert count_inputs([str(path)]) == len(items) == 5
    first = items[0]
    assert isinstance(first, RawInput) and first.source == "first"
    assert first.published is not None and first.published.isoformat() == "2024-05-01"
    assert isinstance(items[1], RecordError) and f"{path}:2" in str(items[1])
    third = items[2]
    assert isinstance(third, RawInput) and third.outlet == "Example Times" and third.html
    assert isinstance(items[3], RecordError) and '"text", "html" or "url"' in str(items[3])
    assert isinstance(items[4], RecordError) and "YYYY-MM-DD" in str(items[4])


def test_missing_path_is_an_item_error(tmp_path: Path) -> None:
    [item] = _items(str(tmp_path / "nope.txt"))
    assert isinstance(item, InputError) and "no such file" in str(item)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/a", "http://127.0.0.1/", "http://localhost:8080/x"],
)
def test_unsafe_urls_are_refused(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url)


@pytest.fixture()
def local_site(
    tmp_path: Path, serve_http: Callable[[type[http.server.BaseHTTPRequestHandler]], str]
) -> str:
    (tmp_path / "article.html").write_text(
        f"<html><head><title>Gas talks</title></head><body><article><p>{ARTICLE}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "big.txt").write_text("x" * 5000, encoding="utf-8")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    return serve_http(Handler)


def test_fetch_from_local_server_needs_opt_in(local_site: str) -> None:
    url = f"{local_site}/article.html"
    [refused] = _items(url)
    assert isinstance(refused, FetchError) and "--allow-private-urls" in str(refused)
    [item] = _items(url, settings=Settings(allow_private_urls=True))
    assert isinstance(item, RawInput) and item.html and "Brussels" in item.html


def test_fetch_errors_are_clear(local_site: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(f"{local_site}/missing", timeout=5, max_bytes=10_000, allow_private=True)
    with pytest.raises(InputError, match="over the limit"):
        fetch_url(f"{local_site}/big.txt", timeout=5, max_bytes=1000, allow_private=True)
