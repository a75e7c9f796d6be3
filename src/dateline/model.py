"""The records Dateline produces: one cleaned `Article` and the annotations over its text.

Every annotation is a half-open ``[start, end)`` character span into ``Article.text`` and
carries the text it covers, so a reader can check any fact against its source:
``article.text[quote.start:quote.end] == quote.text``.

The records are frozen, slotted dataclasses with symmetric ``to_dict``/``from_dict``.
This module imports nothing of Dateline's and nothing of spaCy's: it is the vocabulary every
stage shares. The JSON layout is documented in ``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Self, TypeVar

__all__ = [
    "Actor",
    "Article",
    "ArticleRecord",
    "DateMention",
    "Event",
    "Mention",
    "Place",
    "Quote",
    "RemovedSpan",
    "TextSpan",
    "content_id",
]

SCHEMA_VERSION = 1


def content_id(text: str, *, prefix: str = "") -> str:
    """Return a short, stable id for ``text``: the first 16 hex digits of its SHA-256."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{digest}"


class _Record:
    """Symmetric dict conversion for the dataclasses below (dates as ISO strings)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _to_jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        hints = typing.get_type_hints(cls)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _from_jsonable(hints[f.name], data[f.name])
        return cls(**kwargs)


def _to_jsonable(value: Any) -> Any:
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_jsonable(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _from_jsonable(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_jsonable(args[0], v) for v in value)
        return tuple(_from_jsonable(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(hint, type) and issubclass(hint, _Record):
        return hint.from_dict(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    return value


RecordT = TypeVar("RecordT", bound=_Record)


@dataclass(frozen=True, slots=True)
class TextSpan(_Record):
    """A span of ``Article.text``: the evidence for a fact."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RemovedSpan(_Record):
    """Boilerplate the cleaner cut, in offsets of the *input* text (not in ``Article.text``)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One cleaned article. ``text`` is what every annotation's offsets refer to.

    ``text`` holds the headline, the standfirst and the body in reading order, separated by
    blank lines; ``headline_span``/``standfirst_span`` say where the first two sit in it.
    ``offset_map`` maps positions of ``text`` back to the input when cleaning changed
    characters: pairs ``(text_offset, input_offset)``, each starting a run that was copied
    unchanged (see `Article.input_offset`).
    """

    id: str
    text: str
    source: str | None = None
    outlet: str | None = None
    headline: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    language: str | None = None
    headline_span: TextSpan | None = None
    standfirst_span: TextSpan | None = None
    removed: tuple[RemovedSpan, ...] = ()
    offset_map: tuple[tuple[int, int], ...] = ()

    def input_offset(self, offset: int) -> int:
        """Return the position in the original input of position ``offset`` of ``text``."""
        if not self.offset_map:
            return offset
        starts = [text_start for text_start, _ in self.offset_map]
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return offset
        text_start, input_start = self.offset_map[index]
        return input_start + (offset - text_start)

    @property
    def body_start(self) -> int:
        """Offset where the body begins (after the headline and standfirst)."""
        ends = [s.end for s in (self.headline_span, self.standfirst_span) if s is not None]
        if not ends:
            return 0
        start = max(ends)
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        return start


@dataclass(frozen=True, slots=True)
class Mention(_Record):
    """One place in the text that refers to an actor."""

    start: int
    end: int
    text: str
    kind: str = "name"  # name | title | description | pronoun | possessive | anaphor


@dataclass(frozen=True, slots=True)
class Actor(_Record):
    """A person, organisation, group or speaking document, with every mention of it."""

    id: str
    name: str
    type: str  # person | organisation | group | document | country | place (metonymy) | unknown
    mentions: tuple[Mention, ...] = ()
    titles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """Something an actor said or wrote, with the speaker and cue spans as evidence."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # direct | mixed | indirect
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_mention: TextSpan | None = None
    cue: TextSpan | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Place(_Record):
    """A place mention, geocoded when an offline gazetteer knows it."""

    id: str
    name: str
    start: int
    end: int
    text: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str | None = None
    geonames_id: int | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class DateMention(_Record):
    """A date or time expression resolved against the publication date."""

    id: str
    start: int
    end: int
    text: str
    value: str | None = None  # ISO date, or "start/end" for a range
    precision: str = "vague"  # day | week | month | year | vague


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One action described in the article, coded in PLOVER with CAMEO alongside."""

    id: str
    type: str
    trigger: TextSpan
    sentence: TextSpan
    mode: str | None = None
    cameo: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    place: str | None = None
    date: str | None = None
    status: str = "happened"  # happened | planned | hypothetical | denied | reported
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class ArticleRecord(_Record):
    """Everything Dateline extracted from one article: the JSON object `dateline extract` prints."""

    document: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    schema_version: int = field(default=SCHEMA_VERSION)
