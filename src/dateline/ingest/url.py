"""Fetch one article by URL: http(s) only, timeouts, a size limit, no private addresses.

A URL given to Dateline may come from a feed or a user; fetching it must not become a way
to reach the machine's own services (SSRF). Every address a host name resolves to, and every
redirect hop, is checked against loopback, private, link-local and reserved ranges unless
the user opts in with ``allow_private_urls``.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO

from dateline.config import Settings
from dateline.errors import FetchError, InputTooLargeError

__all__ = ["FetchedPage", "check_url", "fetch_page", "fetch_url"]

_USER_AGENT = "Dateline/0.1 (+https://example.invalid/dateline; news attribution research)"
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The bytes of a fetched page and what the server said about them."""

    url: str
    content: bytes
    content_type: str
    charset: str | None


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse URLs Dateline must not fetch.

    Raises:
        FetchError: not http(s), no host, or a host resolving to a private address.
    """
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs are fetched, not {parsed.scheme or 'no scheme'!r}",
            source=url,
        )
    host = parsed.hostname
    if not host:
        raise FetchError("the URL has no host name", source=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parsed.port or None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror})", source=url) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(
                f"{host!r} resolves to the non-public address {address}; "
                "pass --allow-private-urls to fetch from local or private networks",
                source=url,
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(
    url: str, *, timeout: float, max_bytes: int, allow_private: bool = False
) -> FetchedPage:
    """Fetch ``url`` and return its bytes, refusing anything over ``max_bytes``.

    Raises:
        FetchError: refused URL, network error, HTTP error status.
        InputTooLargeError: the body is larger than ``max_bytes``.
    """
    check_url(url, allow_private=allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private=allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputTooLargeError(
                    f"the server announces {int(declared):,} bytes, over the limit of "
                    f"{max_bytes:,}; raise it with --max-bytes",
                    source=url,
                )
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise InputTooLargeError(
                        f"the page is over the limit of {max_bytes:,} bytes; "
                        "raise it with --max-bytes",
                        source=url,
                    )
                chunks.append(chunk)
            return FetchedPage(
                url=response.geturl(),
                content=b"".join(chunks),
                content_type=response.headers.get_content_type(),
                charset=response.headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise FetchError(f"the server answered HTTP {exc.code} {exc.reason}", source=url) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"could not fetch the page ({reason})", source=url) from exc


def fetch_page(url: str, settings: Settings) -> FetchedPage:
    """Fetch ``url`` with the timeout, size limit and address policy of ``settings``."""
    return fetch_url(
        url,
        timeout=settings.fetch_timeout,
        max_bytes=settings.max_bytes,
        allow_private=settings.allow_private_urls,
    )
