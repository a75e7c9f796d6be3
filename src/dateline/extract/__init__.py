"""Extraction: from a parsed article to actors, quotes, events, places and dates.

Each extractor is a function of the spaCy ``Doc`` (and what earlier extractors found);
`extract_record` runs them in order. Nothing here touches the store, the CLI or HTTP.
"""

from __future__ import annotations

from typing import Any

from dateline.extract.actors import extract_actors
from dateline.extract.attribution import attribute_quotes
from dateline.extract.dates import extract_dates
from dateline.extract.events import extract_events
from dateline.extract.places import extract_places
from dateline.extract.quotes import extract_quotes
from dateline.model import Article, ArticleRecord

__all__ = ["extract_record"]


def extract_record(doc: Any, article: Article) -> ArticleRecord:
    """Run every extractor over ``doc`` (a spaCy ``Doc`` of ``article.text``)."""
    actors = extract_actors(doc)
    quotes, actors = attribute_quotes(doc, extract_quotes(doc), actors)
    person_names = frozenset(
        mention.text for actor in actors if actor.type == "person" for mention in actor.mentions
    )
    places = extract_places(doc, person_names=person_names)
    dates = extract_dates(doc, article.published)
    events, actors = extract_events(
        doc, actors=actors, places=places, dates=dates, published=article.published
    )
    return ArticleRecord(
        document=article,
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        places=tuple(places),
        dates=tuple(dates),
    )
