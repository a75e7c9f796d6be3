"""WARC files (``.warc``, ``.warc.gz``): one `RawInput` per HTML response record.

Web archives hold every request, response and metadata record of a crawl; only successful
HTML responses are articles. Each item's source is ``FILE#URI`` so a rejection names the
record. The archive's capture date is not the publication date, so none is set.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dateline.config import Settings
from dateline.errors import HTMLError, InputError, InputTooLargeError, RecordError
from dateline.ingest.article import RawInput
from dateline.ingest.decode import decode_bytes

__all__ = ["is_warc", "read_warc"]


def is_warc(path: Path) -> bool:
    """Return True when ``path`` is named like a WARC file."""
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def read_warc(path: Path, *, settings: Settings) -> Iterator[RawInput | InputError]:
    """Yield one item per HTML response record of the WARC file at ``path``.

    Args:
        path: a ``.warc`` or ``.warc.gz`` file.
        settings: the size limit per record.

    Yields:
        A `RawInput` per HTML response, or the `InputError` that stopped one being read
        (a damaged archive yields one error and stops).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                where = f"{path}#{uri}"
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if "html" not in ctype or not status.startswith("2"):
                    continue
                data = record.content_stream().read(settings.max_bytes + 1)
                if len(data) > settings.max_bytes:
                    yield InputTooLargeError(
                        f"the record is over the limit of {settings.max_bytes:,} bytes; raise "
                        "it with --max-bytes",
                        source=where,
                    )
                    continue
                try:
                    html = decode_bytes(data, source=where, max_bytes=settings.max_bytes)
                except InputError as error:
                    yield error
                    continue
                if not html.strip():
                    yield HTMLError("the response body is empty", source=where)
                    continue
                yield RawInput(source=where, html=html, url=uri or None)
    # warcio fails on damaged headers with AttributeError/KeyError from inside its parser.
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError) as exc:
        yield RecordError(
            f"the WARC file cannot be read ({type(exc).__name__}: {exc}); check it is a "
            "complete .warc or .warc.gz",
            source=str(path),
        )
