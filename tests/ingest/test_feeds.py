"""RSS and Atom feeds: one input per entry, with its link and date; nothing fetched by default."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.errors import EmptyInputError, InputError, RecordError
from dateline.ingest import RawInput, iter_raw_inputs
from dateline.ingest.feeds import read_feed

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Jerusalem Post</title><link>https://www.jpost.com/</link>
<item>
  <title>Blinken to Netanyahu: Israel must ‘avoid further expansion’ of war</title>
  <link>{base}/blinken</link>
  <pubDate>Wed, 01 May 2024 18:05:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>US Secretary of State Antony Blinken met with Israeli
  leaders on Wednesday.</p><p>“We are determined to get a ceasefire,” he said.</p>]]>
  </content:encoded>
</item>
<item>
  <title>Herzog meets Blinken</title>
  <link>{base}/herzog</link>
  <pubDate>Tue, 30 Apr 2024 09:00:00 +0300</pubDate>
  <description>President Isaac Herzog met Blinken in Tel Aviv.</description>
</item>
<item><title>Video only</title><link>{base}/video</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Gantz threatens to quit</title><link href="https://example.org/gantz"/>
<updated>2024-05-18T20:00:00Z</updated>
<content type="html">&lt;p&gt;War Cabinet Minister Benny Gantz said on Saturday he would
quit the government.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_entries_carry_link_date_and_content(tmp_path: Path) -> None:
    path = tmp_path / "jpost.rss"
    path.write_text(RSS.format(base="https://www.jpost.com/israel-news"), "utf-8")
    items = list(iter_raw_inputs([str(path)], settings=Settings()))
    assert isinstance(items[0], RawInput) and isinstance(items[1], RawInput)
    assert items[0].source == "https://www.jpost.com/israel-news/blinken"
    assert items[0].published == dt.date(2024, 5, 1)
    assert items[1].published == dt.date(2024, 4, 30)  # 09:00 +0300 is 06:00 UTC
    assert items[0].outlet == "The Jerusalem Post"
    assert items[0].html is not None and "determined to get a ceasefire" in items[0].html
    assert isinstance(items[2], EmptyInputError) and "--fetch" in str(items[2])


def test_atom_feed_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "wire.xml").write_text(ATOM, "utf-8")
    (items,) = list(iter_raw_inputs([str(tmp_path)], settings=Settings()))
    assert isinstance(items, RawInput)
    assert items.url == "https://example.org/gantz" and items.published == dt.date(2024, 5, 18)


def test_xml_that_is_not_a_feed_is_not_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>Blinken met Netanyahu.</note></notes>", "utf-8")
    (item,) = list(iter_raw_inputs([str(path)], settings=Settings()))
    assert not isinstance(item, RecordError)


def test_broken_feed_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title></channel></rss>", "utf-8")
    (item,) = list(read_feed(path, settings=Settings()))
    assert isinstance(item, RecordError) and "no feed entries" in str(item)


@pytest.fixture
def local_site(serve_http: Callable[[type[BaseHTTPRequestHandler]], str]) -> str:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = (
                f"<html><body><article><h1>{self.path}</h1><p>Secretary Antony Blinken "
                "met President Isaac Herzog in Tel Aviv on Wednesday.</p></article>"
                "</body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return serve_http(Handler)


def test_fetch_reads_each_entry_link(tmp_path: Path, local_site: str) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS.format(base=local_site), "utf-8")
    settings = Settings(allow_private_urls=True, fetch_timeout=5)
    items: list[RawInput | InputError] = list(read_feed(path, settings=settings, fetch=True))
    assert all(isinstance(i, RawInput) for i in items) and len(items) == 3
    first = items[0]
    assert isinstance(first, RawInput) and first.html and "/blinken" in first.html
    assert first.published == dt.date(2024, 5, 1)
    refused = list(read_feed(path, settings=Settings(), fetch=True))
    assert all(isinstance(i, InputError) for i in refused)  # loopback is refused by default


def test_fetch_reaches_feeds_in_folders_and_feeds_served_at_a_url(
    tmp_path: Path, local_site: str, serve_http: Callable[[type[BaseHTTPRequestHandler]], str]
) -> None:
    feed = RSS.format(base=local_site).encode()

    class FeedHandler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(feed)))
            self.end_headers()
            self.wfile.write(feed)

        def log_message(self, *args: object) -> None:
            pass

    feed_url = serve_http(FeedHandler) + "/rss.xml"
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "jpost.rss").write_bytes(feed)
    settings = Settings(allow_private_urls=True, fetch_timeout=5)
    for target in (str(folder), feed_url):
        fetched = list(iter_raw_inputs([target], settings=settings, fetch=True))
        assert [i.source for i in fetched] == [
            f"{local_site}/{p}" for p in ("blinken", "herzog", "video")
        ]
        assert all(
            isinstance(i, RawInput) and i.html and "Herzog in Tel Aviv" in i.html for i in fetched
        )
    # Without --fetch the URL's feed gives its entries' own content, not one page of XML.
    (first, _, third) = list(iter_raw_inputs([feed_url], settings=settings))
    assert (
        isinstance(first, RawInput) and first.html and "determined to get a ceasefire" in first.html
    )
    assert isinstance(third, EmptyInputError)
