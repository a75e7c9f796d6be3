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


def _speakers(nlp: Any, text: str) -> dict[str, str | None]:
    """Run the full extraction; map each quote's first words to its speaker's name."""
    record = extract_record(nlp(text), Article(id="t", text=text))
    return {" ".join(q.text.split()[:3]): q.speaker_name for q in record.quotes}


@pytest.mark.parametrize(
    ("speaker", "apposition"),
    [
        ("C. Eugene Steuerle", "a fellow at the Urban Institute"),
        ("Ian Michaels", "a spokesman for the city’s Department of Design and Construction"),
        ("Chuck Rocha", "president of Solidarity Strategies, a political-consulting firm"),
    ],
)
def test_person_with_apposition_is_the_speaker_not_the_employer(
    nlp: Any, speaker: str, apposition: str
) -> None:
    # The employer in the apposition is the longer mention inside the speaker phrase; it
    # used to win the overlap and take the quote.
    text = (
        f"“Everything else is getting squeezed by the new rules,” said {speaker}, {apposition}."
        "\n\nThe agency did not respond to a request for comment."
    )
    assert _speakers(nlp, text) == {"Everything else is": speaker}


@pytest.mark.parametrize("speaker", ["Con Edison officials", "A spokeswoman for Con Edison"])
def test_unnamed_spokespeople_speak_for_their_organisation(nlp: Any, speaker: str) -> None:
    text = (
        "Con Edison maintains about 90,000 miles of underground cable in the city.\n\n"
        f"{speaker} said they had begun replacing the oldest cables last year."
    )
    assert _speakers(nlp, text) == {"they had begun": "Con Edison"}


def test_place_that_only_modifies_the_speaker_is_not_a_government(nlp: Any) -> None:
    text = (
        "A student died after taking diet pills bought online.\n\n"
        "West Mercia police said the tablets were believed to contain a toxic chemical."
    )
    speakers = _speakers(nlp, text)
    assert list(speakers.values()) == ["West Mercia police"]


def test_nationality_adjective_does_not_name_the_speaker(nlp: Any) -> None:
    text = (
        "An unmanned cargo ship broke up over Siberia on Thursday.\n\n"
        "The Russian space agency said most of the debris burnt up in the atmosphere."
    )
    [name] = _speakers(nlp, text).values()
    assert name is not None and name.lower().endswith("space agency")


@pytest.mark.parametrize("anaphor", ["it", "the company"])
def test_organisation_anaphor_speaks_for_the_organisation_named_before(
    nlp: Any, anaphor: str
) -> None:
    text = (
        "Valeant Pharmaceuticals International is facing a federal investigation into its "
        f"pricing.\n\nOn Tuesday {anaphor} said it would not be able to file its report in time."
    )
    assert list(_speakers(nlp, text).values()) == ["Valeant Pharmaceuticals International"]


def test_it_said_prefers_the_organisation_that_was_a_subject(nlp: Any) -> None:
    # "DNP" is named after the agency, but only as an object: the agency is the one talking.
    text = (
        "The Food Standards Agency warned the public about pills containing DNP on Tuesday.\n\n"
        "“We advise the public not to take any tablets or powders containing it,” it said."
    )
    assert list(_speakers(nlp, text).values()) == ["Food Standards Agency"]


def test_first_word_of_a_named_organisation_is_that_organisation(nlp: Any) -> None:
    text = (
        "Yahoo owns a large stake in Alibaba Group, the Chinese online retailer.\n\n"
        "Alibaba says it has no plans to buy back the stake."
    )
    assert list(_speakers(nlp, text).values()) == ["Alibaba Group"]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Snopes fact checker and staff writer David Emery", "David Emery"),
        (
            "The other candidate on the stage, former Secretary of State Hillary Clinton,",
            "Hillary Clinton",
        ),
    ],
)
def test_name_after_a_title_or_description_is_the_speaker(nlp: Any, phrase: str, name: str) -> None:
    text = (
        "Martin O’Malley spoke first at the debate on Saturday.\n\n"
        f"{phrase} said that concerns about job losses were not to be dismissed."
    )
    assert list(_speakers(nlp, text).values()) == [name]


def test_news_pages_speaker_is_named_outside_the_quote(nlp: Any, news_pages_dir: Any) -> None:
    # A quoted word ("“PII”") is never its own speaker: some mention of the speaker lies
    # outside the quote it is given.
    from dateline.config import Settings
    from dateline.ingest import RawInput, build_article

    for page in sorted(news_pages_dir.glob("*/source.html"))[:8]:
        html = page.read_text(encoding="utf-8", errors="replace")
        article = build_article(RawInput(source=str(page), html=html), settings=Settings())
        record = extract_record(nlp(article.text), article)
        actors = {a.id: a for a in record.actors}
        for quote in record.quotes:
            if quote.speaker is None:
                continue
            mentions = actors[quote.speaker].mentions
            assert any(m.end <= quote.start or m.start >= quote.end for m in mentions), (
                page.parent.name,
                quote.text,
                quote.speaker_name,
            )


def test_lone_surname_speaker_is_the_person_with_that_surname(nlp: Any) -> None:
    # "Claude" is Georges Claude's surname and Claude Debussy's first name: as a speaker on
    # its own it is the surname.
    text = (
        "Georges Claude showed the first neon tube in Paris in 1910. The composer Claude "
        "Debussy admired the light.\n\n"
        "Claude insisted that it posed no commercial threat to incandescent bulbs."
    )
    assert list(_speakers(nlp, text).values()) == ["Georges Claude"]


def test_document_speaks_for_the_issuer_it_names(nlp: Any) -> None:
    # The issuer is not an actor the extractor found; the last author cited is someone else.
    text = (
        "The Snopes tweet was shared widely on Friday, a statement from Snopes said.\n\n"
        "Meanwhile, an article by New York magazine claimed that the election was decided by "
        "lies."
    )
    speakers = list(_speakers(nlp, text).values())
    assert speakers[-1] == "New York magazine"


def test_it_said_prefers_the_organisation_in_the_latest_subject_phrase(nlp: Any) -> None:
    # UnitedHealth is a subject itself; Blue Cross Blue Shield is only inside one, and is
    # the later of the two: it is the one talking.
    text = (
        "UnitedHealth Group has threatened to leave the exchanges.\n\n"
        "This week the trade group for the Blue Cross Blue Shield plans spelled out its "
        "concerns. “The current risk pool is out of balance,” the group wrote."
    )
    assert list(_speakers(nlp, text).values())[-1] == "Blue Cross Blue Shield"
