"""Speaker attribution: the seed article's quotes (rebuilt from its gold file and located in
the text), documents and their authors, metonymy, new actors, and continuation."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

import pytest

from dateline.extract import extract_record
from dateline.extract.actors import extract_actors
from dateline.extract.attribution import attribute_quotes
from dateline.model import Article, Quote, TextSpan, content_id


def _quote(text: str, quoted: str, mention: str | None, *, after: int = 0) -> Quote:
    """Build a quote over ``quoted`` with its speaker mention nearest to it, outside it."""
    start = text.index(quoted, after)
    end = start + len(quoted)
    span = None
    if mention is not None:
        spots = [
            m
            for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text)
            if m.end() < start or m.start() > end
        ]
        spot = min(spots, key=lambda m: min(abs(m.start() - end), abs(start - m.end())))
        span = TextSpan(spot.start(), spot.end(), spot.group())
    return Quote(
        id=content_id(f"{start}:{end}", prefix="quote:"),
        text=quoted,
        start=start,
        end=end,
        kind="direct",
        speaker_mention=span,
        confidence=0.9,
    )


def _attribute(nlp: Any, text: str, quotes: list[Quote]) -> list[Quote]:
    doc = nlp(text)
    attributed, _ = attribute_quotes(doc, quotes, extract_actors(doc))
    return attributed


def _matches_gold(quote: Quote, item: dict[str, Any]) -> bool:
    names = {item["speaker"].lower(), *(a.lower() for a in item.get("speaker_aliases", []))}
    name = (quote.speaker_name or "").lower()
    return name in names or name.removeprefix("government of ") in names


def test_seed_gold_quotes_get_gold_speakers(
    nlp: Any, seed_text: str, seed_gold: dict[str, Any]
) -> None:
    items = seed_gold["quotes"]
    quotes = [_quote(seed_text, item["text"], item["speaker_mention"]) for item in items]
    doc = nlp(seed_text)
    actors = extract_actors(doc)
    attributed, all_actors = attribute_quotes(doc, quotes, actors)
    by_start = {q.start: q for q in attributed}
    ids = {a.id for a in all_actors}
    for quote, item in zip(quotes, items, strict=True):
        result = by_start[quote.start]
        assert _matches_gold(result, item), (item["speaker_mention"], result.speaker_name)
        assert result.speaker in ids
        assert 0 < result.confidence <= 0.9


def test_pronoun_inside_speakers_own_quote_is_not_the_speaker(nlp: Any, seed_text: str) -> None:
    quoted = "If necessary I will make sure he has a majority in the government,"
    doc = nlp(seed_text)
    _, actors = attribute_quotes(doc, [_quote(seed_text, quoted, "Lapid")], extract_actors(doc))
    lapid = next(a for a in actors if a.name == "Yair Lapid")
    start = seed_text.index(quoted)
    assert not [m for m in lapid.mentions if start <= m.start < start + len(quoted)]


def test_document_speaks_for_its_author_then_anaphora(nlp: Any) -> None:
    text = (
        "The ministers met in Brussels on Monday, according to a statement from the European "
        "Commission, which said “progress was made on the energy package.”\n\n"
        "“Talks will continue next week,” the statement added."
    )
    quotes = [
        _quote(
            text,
            "progress was made on the energy package.",
            "a statement from the European Commission",
        ),
        _quote(text, "Talks will continue next week,", "the statement"),
    ]
    attributed = _attribute(nlp, text, quotes)
    assert [q.speaker_name for q in attributed] == ["European Commission"] * 2


def test_document_without_author_becomes_a_document_actor(nlp: Any) -> None:
    text = "“The border will stay closed until further notice,” the leaked memo said."
    doc = nlp(text)
    quotes = [_quote(text, "The border will stay closed until further notice,", "the leaked memo")]
    attributed, actors = attribute_quotes(doc, quotes, extract_actors(doc))
    speaker = next(a for a in actors if a.id == attributed[0].speaker)
    assert speaker.type == "document"
    assert speaker.name == "leaked memo"


@pytest.mark.parametrize(
    ("place", "government"),
    [("Jerusalem", "Government of Israel"), ("Moscow", "Government of Russia")],
)
def test_capital_speaks_for_its_government(nlp: Any, place: str, government: str) -> None:
    text = f"{place} says that the strikes on the border towns will continue through the winter."
    attributed = _attribute(
        nlp, text, [_quote(text, "the strikes on the border towns will continue", place)]
    )
    assert attributed[0].speaker_name == government


def test_unlinked_organisation_becomes_an_actor(nlp: Any) -> None:
    text = "“Prices will rise again in spring,” analysts at Goldman Sachs wrote in a note."
    doc = nlp(text)
    actors = [a for a in extract_actors(doc) if a.name != "Goldman Sachs"]
    quotes = [_quote(text, "Prices will rise again in spring,", "analysts at Goldman Sachs")]
    attributed, after = attribute_quotes(doc, quotes, actors)
    assert attributed[0].speaker_name is not None
    assert attributed[0].speaker in {a.id for a in after}


def test_quote_without_mention_continues_previous_speaker(nlp: Any) -> None:
    text = (
        "“We are not going anywhere,” said Senator Mark Ellis.\n\n"
        "“This fight is just beginning, and we will win it.”"
    )
    quotes = [
        _quote(text, "We are not going anywhere,", "Senator Mark Ellis"),
        _quote(text, "This fight is just beginning, and we will win it.", None),
    ]
    attributed = _attribute(nlp, text, quotes)
    assert [q.speaker_name for q in attributed] == ["Mark Ellis", "Mark Ellis"]
    assert attributed[1].confidence < attributed[0].confidence


def test_extract_record_speakers_are_actors(nlp: Any, seed_text: str) -> None:
    record = extract_record(
        nlp(seed_text), Article(id="seed", text=seed_text, published=dt.date(2024, 5, 1))
    )
    ids = {a.id for a in record.actors}
    for quote in record.quotes:
        if quote.speaker is not None:
            assert quote.speaker in ids
            assert quote.speaker_name == next(
                a.name for a in record.actors if a.id == quote.speaker
            )


def test_news_pages_attribution_keeps_invariants(nlp: Any, news_pages_dir: Any) -> None:
    pages = sorted(news_pages_dir.glob("*/expected.html"))[::9]
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        text = re.sub(r"\s*\n\s*", "\n\n", re.sub(r"<[^>]+>", "\n", html)).strip()
        record = extract_record(nlp(text), Article(id=page.parent.name, text=text))
        ids = {a.id for a in record.actors}
        spans = []
        for actor in record.actors:
            for mention in actor.mentions:
                assert text[mention.start : mention.end] == mention.text
                spans.append((mention.start, mention.end, actor.id))
        for (s1, e1, a1), (s2, e2, a2) in itertools.combinations(spans, 2):
            assert a1 == a2 or e1 <= s2 or e2 <= s1, (text[s1:e1], text[s2:e2], page.parent.name)
        assert all(q.speaker in ids for q in record.quotes if q.speaker is not None)


def test_document_anaphora_finds_issuer_named_earlier_in_text(nlp: Any) -> None:
    text = (
        "In a statement on Monday, the Health Ministry said that 40 people had been hurt in the "
        "blast.\n\n“Rescue teams are still searching the rubble,” the statement added."
    )
    quotes = [_quote(text, "Rescue teams are still searching the rubble,", "the statement")]
    assert [q.speaker_name for q in _attribute(nlp, text, quotes)] == ["Health Ministry"]
