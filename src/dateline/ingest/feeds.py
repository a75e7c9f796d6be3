"""RSS and Atom feeds: one `RawInput` per entry, with the entry's link and date.

By default nothing is fetched: an entry's own content (or summary) is the article, which is
what most full-text feeds carry. With ``fetch=True`` each entry's link is fetched instead,
under the same limits and SSRF guard as any URL.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.errors import EmptyInputError, InputError, RecordError
from dateline.ingest.article import RawInput
from dateline.ingest.decode import decode_bytes, read_bytes
from dateline.ingest.url import fetch_page

__all__ = ["FEED_SUFFIXES", "looks_like_feed", "read_feed", "read_feed_bytes"]

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})


def looks_like_feed(data: bytes) -> bool:
    """Return True when ``data`` opens like an RSS or Atom document."""
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(
    path: Path, *, settings: Settings, fetch: bool = False
) -> Iterator[RawInput | InputError]:
    """Yield one item per entry of the feed file at ``path``.

    Args:
        path: an RSS or Atom file.
        settings: limits and network policy (used when fetching).
        fetch: fetch each entry's link rather than use the content the feed carries.

    Yields:
        A `RawInput` per entry, or the `InputError` that stopped one from being read.
    """
    try:
        data = read_bytes(path, max_bytes=settings.max_bytes, source=str(path))
    except InputError as error:
        yield error
        return
    yield from read_feed_bytes(data, source=str(path), settings=settings, fetch=fetch)


def read_feed_bytes(
    data: bytes, *, source: str, settings: Settings, fetch: bool = False
) -> Iterator[RawInput | InputError]:
    """Yield one item per entry of the feed in ``data`` (see `read_feed`)."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    if not entries:
        problem = parsed.get("bozo_exception")
        yield RecordError(
            "no feed entries found"
            + (f" ({type(problem).__name__}: {problem})" if problem else "")
            + "; is this an RSS or Atom file?",
            source=source,
        )
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        try:
            yield _entry_input(entry, number, source, outlet, settings=settings, fetch=fetch)
        except InputError as error:
            yield error


def _entry_input(
    entry: Any, number: int, source: str, outlet: str | None, *, settings: Settings, fetch: bool
) -> RawInput:
    link = entry.get("link")
    where = link or f"{source}#entry{number}"
    published = _entry_date(entry)
    if fetch:
        if not link:
            raise RecordError("the entry has no link to fetch; drop --fetch", source=where)
        page = fetch_page(link, settings)
        html = decode_bytes(page.content, source=link, max_bytes=settings.max_bytes)
        return RawInput(source=link, html=html, url=page.url, published=published, outlet=outlet)
    contents = entry.get("content") or []
    body = next((c.get("value") for c in contents if c.get("value")), None)
    body = body or entry.get("summary")
    if not body or not str(body).strip():
        raise EmptyInputError(
            "the entry carries no content; use --fetch to fetch its link", source=where
        )
    title = entry.get("title")
    # The feed separates title and body; give the cleaner one page with a headline.
    html = f"<html><head><title>{title or ''}</title></head><body>"
    html += f"<h1>{title}</h1>" if title else ""
    html += f"<article>{body}</article></body></html>"
    return RawInput(source=where, html=html, url=link, published=published, outlet=outlet)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
    return None
