"""Records round-trip through JSON and map offsets back to the input."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from dateline.model import (
    Actor,
    Article,
    ArticleRecord,
    Mention,
    Quote,
    RemovedSpan,
    TextSpan,
    content_id,
)


def _record(text: str) -> ArticleRecord:
    article = Article(
        id=content_id(text),
        text=text,
        source="x.txt",
        published=dt.date(2024, 5, 1),
        headline_span=TextSpan(0, min(3, len(text)), text[:3]),
        removed=(RemovedSpan(10, 20, "Share via", "share-prompt"),),
        offset_map=((0, 0), (2, 5)),
    )
    actor = Actor("actor:1", "Antony Blinken", "person", (Mention(0, 1, text[:1]),), ("US",))
    quote = Quote("quote:1", text[:2], 0, 2, "direct", cue=TextSpan(0, 1, text[:1]))
    return ArticleRecord(document=article, actors=(actor,), quotes=(quote,))


@given(st.text(min_size=3, max_size=50))
def test_record_round_trips_through_json(text: str) -> None:
    record = _record(text)
    assert ArticleRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_record_keys_are_fixed() -> None:
    keys = list(_record("abcdef").to_dict())
    assert keys[:6] == ["document", "actors", "quotes", "events", "places", "dates"]


def test_input_offset_follows_the_map() -> None:
    article = Article(id="a", text="abcdef", offset_map=((0, 0), (2, 5)))
    assert [article.input_offset(i) for i in range(5)] == [0, 1, 5, 6, 7]
    assert Article(id="b", text="abc").input_offset(2) == 2


def test_content_id_is_stable_and_distinct() -> None:
    assert content_id("a") == content_id("a")
    assert content_id("a") != content_id("b")
    assert content_id("a", prefix="quote:").startswith("quote:")
