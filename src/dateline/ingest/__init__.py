"""Readers: every way an article reaches Dateline, turned into `RawInput` items.

A target is a file (plain text or saved HTML, sniffed), a directory (read recursively), a
JSON Lines file of ``{"text"|"html"|"url": …, "published"?, "source"?, "outlet"?}`` records,
a URL, an RSS/Atom feed (``.rss``, ``.atom``, ``.xml``: one item per entry, see `feeds`),
a WARC file (``.warc``, ``.warc.gz``: one item per HTML response, see `warc`), or ``-`` for
standard input. Readers yield an `InputError` in place of an item they
cannot read, so one bad file never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.errors import EmptyInputError, InputError, InputTooLargeError, RecordError
from dateline.ingest.article import RawInput, build_article, looks_like_html
from dateline.ingest.decode import decode_bytes, read_bytes
from dateline.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed_bytes
from dateline.ingest.url import FetchedPage, fetch_page
from dateline.ingest.warc import is_warc, read_warc

__all__ = [
    "FEED_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "RawInput",
    "build_article",
    "count_inputs",
    "is_url",
    "iter_raw_inputs",
    "read_target",
]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_URL_PREFIXES = ("http://", "https://")


def is_url(target: str) -> bool:
    """Return True when ``target`` names a URL rather than a path."""
    return "://" in target and not Path(target).exists()


def count_inputs(targets: Iterable[str]) -> int | None:
    """Return how many items ``targets`` hold (for a progress bar), or None if unknown."""
    total = 0
    for target in targets:
        path = Path(target)
        if target == "-" or is_url(target):
            total += 1
        elif path.is_dir():
            total += sum(1 for _ in _directory_files(path))
        elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def iter_raw_inputs(
    targets: Iterable[str], *, settings: Settings, fetch: bool = False
) -> Iterator[RawInput | InputError]:
    """Yield every item the ``targets`` hold, or the error that stopped one from being read.

    ``fetch``: fetch the link of each feed entry instead of using the content the feed
    carries (for feeds named directly, found in folders, or served at a URL).
    """
    for target in targets:
        yield from read_target(target, settings=settings, fetch=fetch)


def read_target(
    target: str, *, settings: Settings, fetch: bool = False
) -> Iterator[RawInput | InputError]:
    """Yield the items of one target (file, directory, JSON Lines, feed, URL or ``-``)."""
    if target == "-":
        yield _guarded(lambda: _from_bytes(sys.stdin.buffer.read(), "<stdin>", settings))
        return
    if is_url(target):
        yield from _read_url(target, settings, fetch=fetch)
        return
    path = Path(target)
    if path.is_dir():
        for file in _directory_files(path):
            yield from _read_file(file, settings=settings, fetch=fetch)
        return
    if not path.exists():
        yield EmptyInputError(
            "no such file or directory; check the path (URLs need http:// or https://)",
            source=target,
        )
        return
    yield from _read_file(path, settings=settings, fetch=fetch)


def _directory_files(directory: Path) -> Iterator[Path]:
    known = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
    for path in sorted(directory.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(directory).parts)
        if path.is_file() and not hidden and (path.suffix.lower() in known or is_warc(path)):
            yield path


def _read_file(
    path: Path, *, settings: Settings, fetch: bool = False
) -> Iterator[RawInput | InputError]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, settings=settings)
        return
    if is_warc(path):
        yield from read_warc(path, settings=settings)
        return
    source = str(path)
    try:
        data = read_bytes(path, max_bytes=settings.max_bytes, source=source)
    except InputError as error:
        yield error
        return
    if path.suffix.lower() in FEED_SUFFIXES and looks_like_feed(data):
        yield from read_feed_bytes(data, source=source, settings=settings, fetch=fetch)
        return
    yield _guarded(lambda: _from_bytes(data, source, settings, html=_html_hint(path)))


def _html_hint(path: Path) -> bool | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    return None


def _from_bytes(
    data: bytes, source: str, settings: Settings, *, html: bool | None = None
) -> RawInput:
    text = decode_bytes(data, source=source, max_bytes=settings.max_bytes)
    if html if html is not None else looks_like_html(text):
        return RawInput(source=source, html=text)
    return RawInput(source=source, text=text)


def _read_url(url: str, settings: Settings, *, fetch: bool) -> Iterator[RawInput | InputError]:
    try:
        page = fetch_page(url, settings)
    except InputError as error:
        yield error
        return
    if looks_like_feed(page.content):
        yield from read_feed_bytes(page.content, source=url, settings=settings, fetch=fetch)
        return
    yield _guarded(lambda: _page_input(url, page, settings))


def _from_url(url: str, settings: Settings) -> RawInput:
    return _page_input(url, fetch_page(url, settings), settings)


def _page_input(url: str, page: FetchedPage, settings: Settings) -> RawInput:
    text = (
        page.content.decode(page.charset, errors="replace")
        if page.charset
        else decode_bytes(page.content, source=url, max_bytes=settings.max_bytes)
    )
    if page.content_type == "text/plain":
        return RawInput(source=url, text=text, url=page.url)
    return RawInput(source=url, html=text, url=page.url)


def _read_jsonl(path: Path, *, settings: Settings) -> Iterator[RawInput | InputError]:
    try:
        data = read_bytes(path, max_bytes=max(settings.max_bytes, 1 << 34), source=str(path))
        text = decode_bytes(data, source=str(path))
    except InputError as error:
        yield error
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield _guarded(partial(_from_record, line, f"{path}:{number}", settings))


def _from_record(line: str, where: str, settings: Settings) -> RawInput:
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(
            f"not a JSON object ({exc.msg} at column {exc.colno})", source=where
        ) from exc
    if not isinstance(record, dict):
        raise RecordError("each line must be a JSON object with text, html or url", source=where)
    source = str(record.get("source") or where)
    published = _parse_date(record.get("published"), source=source)
    outlet = record.get("outlet")
    if isinstance(record.get("text"), str):
        item = RawInput(source=source, text=record["text"])
    elif isinstance(record.get("html"), str):
        item = RawInput(source=source, html=record["html"])
    elif isinstance(record.get("url"), str):
        item = _from_url(record["url"], settings)
    else:
        raise RecordError(
            'the record has no "text", "html" or "url" string; add one of them', source=where
        )
    size = len((item.text or item.html or "").encode("utf-8", "replace"))
    if size > settings.max_bytes:
        raise InputTooLargeError(
            f"{size:,} bytes is over the limit of {settings.max_bytes:,} bytes; "
            "raise it with --max-bytes if this really is one article",
            source=source,
        )
    return RawInput(
        source=source,
        text=item.text,
        html=item.html,
        url=item.url,
        published=published,
        outlet=outlet if isinstance(outlet, str) else None,
    )


def _parse_date(value: object, *, source: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise RecordError(f"published must be a YYYY-MM-DD string, not {value!r}", source=source)
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise RecordError(
            f"published {value!r} is not a date; use YYYY-MM-DD", source=source
        ) from exc


def _guarded(read: Callable[[], RawInput]) -> RawInput | InputError:
    try:
        return read()
    except InputError as error:
        return error
