"""Attribution: which actor each quote belongs to, from the span that names its speaker.

Quote detection (`dateline.extract.quotes`) finds a ``speaker_mention`` for each quote: a
name ("Netanyahu"), a pronoun ("he"), a description ("the president"), "the latter", a
document ("a press release from the US State Department", "the release"), a medium
("Army Radio") or a place standing for its government ("Jerusalem says"). This module maps
that span to an actor:

* a mention the actor extractor already linked (names, titles, descriptions, pronouns) wins;
* a document speaks for its author: the actor named inside it ("… from the US State
  Department"), else the author of the last document cited ("the release continued"),
  else whoever issued an earlier document of that kind ("In a statement, the ministry
  said …"); a document whose author the text never gives becomes an actor of type
  ``document``;
* a place speaks for its government by metonymy: a capital for its country ("Jerusalem" →
  "Government of Israel"), a country for itself;
* an organisation or person the extractor missed becomes a new actor;
* a quote with no speaker span continues the previous quote's speaker when it follows it
  in the same or the next paragraph (a quote running on without a new cue).

Third-person pronouns inside a speaker's own quote ("I will make sure he has a majority",
said by Lapid) do not refer to the speaker, so such links made by the coreference rules are
removed once speakers are known.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from dateline.extract.coref import actor_id
from dateline.extract.lexicon import CAPITALS, DOCUMENT_NOUNS, PRONOUN_GENDER
from dateline.model import Actor, Mention, Quote, TextSpan
from dateline.nlp import doc_text

__all__ = ["attribute_quotes"]

# How sure each route to a speaker is; multiplied into the quote's detection confidence.
_CONFIDENCE = {
    "name": 0.95,
    "title": 0.95,
    "description": 0.85,
    "anaphor": 0.85,
    "document": 0.85,
    "possessive": 0.75,
    "pronoun": 0.8,
    "metonym": 0.7,
    "new": 0.6,
    "continued": 0.6,
}
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Clause links a participle or coordinated cue shares its subject across ("X pushed back,
# reiterating that …"; "X criticized …, calling it …").
_CLAUSE_LINKS = frozenset({"advcl", "conj", "xcomp"})
_NEW_ACTOR_TYPES = {"ORG": "organisation", "PERSON": "person", "NORP": "group"}


class _Actors:
    """The actor list being attributed against, with room to add actors and mentions."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)

    def by_id(self, identifier: str) -> Actor:
        return next(a for a in self.actors if a.id == identifier)

    def covering(self, start: int, end: int) -> tuple[Actor, Mention] | None:
        """Return the actor whose mention best overlaps ``[start, end)``."""
        best: tuple[int, int, Actor, Mention] | None = None
        for actor in self.actors:
            for mention in actor.mentions:
                overlap = min(end, mention.end) - max(start, mention.start)
                if overlap <= 0:
                    continue
                exact = int(mention.start == start and mention.end == end)
                if best is None or (exact, overlap) > (best[0], best[1]):
                    best = (exact, overlap, actor, mention)
        return None if best is None else (best[2], best[3])

    def ensure(self, name: str, type_: str) -> Actor:
        identifier = actor_id(name, type_)
        for actor in self.actors:
            if actor.id == identifier:
                return actor
        actor = Actor(id=identifier, name=name, type=type_)
        self.actors.append(actor)
        return actor

    def add_mention(self, actor: Actor, span: TextSpan, kind: str) -> Actor:
        """Give ``actor`` a mention at ``span`` unless another actor already holds the place."""
        for other in self.actors:
            if other.id == actor.id:
                continue
            if any(span.start < m.end and m.start < span.end for m in other.mentions):
                return actor
        mention = Mention(span.start, span.end, span.text, kind)
        if mention in actor.mentions:
            return actor
        mentions = tuple(sorted((*actor.mentions, mention), key=lambda m: (m.start, -m.end)))
        return self.replace(actor, dataclasses.replace(actor, mentions=mentions))

    def replace(self, old: Actor, new: Actor) -> Actor:
        self.actors = [new if a.id == old.id else a for a in self.actors]
        return new


def _strip_determiner(text: str) -> str:
    for determiner in ("the ", "a ", "an "):
        if text.lower().startswith(determiner):
            return text[len(determiner) :]
    return text


class _Attributor:
    def __init__(self, doc: Any, actors: Sequence[Actor]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.pool = _Actors(actors)
        self.last_author: Actor | None = None
        self.previous: Quote | None = None

    def speaker(self, quote: Quote) -> tuple[Actor | None, str]:
        mention = quote.speaker_mention
        if mention is None:
            mention = self._cue_subject(quote)
        if mention is None:
            return self._continued(quote)
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return None, "none"
        head = span.root
        if head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS:
            return self._document(mention, head)
        found = self.pool.covering(mention.start, mention.end)
        if found is not None:
            return found[0], found[1].kind
        if head.lower_ in PRONOUN_GENDER and self.previous is not None:
            return self._continued(quote, pronoun=True)
        place = self._metonym(span)
        if place is not None:
            return place, "metonym"
        return self._new_actor(mention, span)

    def _cue_subject(self, quote: Quote) -> TextSpan | None:
        """Return the subject of the quote's cue verb ("Netanyahu …, reiterating that …")."""
        if quote.cue is None:
            return None
        span = self.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        token = span.root
        # Paragraphs the small model runs together must not lend a subject across the break.
        para_start = self.text.rfind("\n", 0, quote.cue.start) + 1
        for _ in range(4):
            subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None and subject.idx >= para_start:
                if subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                    subject = token.head
                first = subject.left_edge if subject.pos_ == "PROPN" else subject
                start, end = first.idx, subject.idx + len(subject.text)
                return TextSpan(start, end, self.text[start:end])
            if (
                token.dep_ not in _CLAUSE_LINKS
                or token.head.i == token.i
                or token.head.idx < para_start
            ):
                break
            token = token.head
        return self._first_actor_before(max(span.sent.start_char, para_start), quote.cue.start)

    def _first_actor_before(self, start: int, end: int) -> TextSpan | None:
        """Return the first actor mention in ``[start, end)``: the clause-initial subject."""
        mentions = [
            m
            for actor in self.pool.actors
            for m in actor.mentions
            if start <= m.start and m.end <= end and actor.type != "document"
        ]
        if not mentions:
            return None
        first = min(mentions, key=lambda m: (m.start, -m.end))
        return TextSpan(first.start, first.end, first.text)

    def _continued(self, quote: Quote, *, pronoun: bool = False) -> tuple[Actor | None, str]:
        previous = self.previous
        if previous is None or previous.speaker is None:
            return None, "none"
        gap = self.text[previous.end : quote.start]
        if not pronoun and gap.count("\n\n") > 1:
            return None, "none"
        return self.pool.by_id(previous.speaker), "continued"

    def _document(self, mention: TextSpan, head: Any) -> tuple[Actor | None, str]:
        inside = [
            (actor, m)
            for actor in self.pool.actors
            for m in actor.mentions
            if mention.start <= m.start
            and m.end <= mention.end
            and not (m.start <= head.idx < m.end)
            and actor.type != "document"
        ]
        author: Actor | None
        if inside:
            author = min(inside, key=lambda pair: pair[1].start)[0]
        else:
            author = self.last_author or self._earlier_author(head)
        if author is None:
            author = self.pool.ensure(_strip_determiner(mention.text), "document")
        author = self.pool.add_mention(author, mention, "document")
        self.last_author = author
        return author, "document"

    def _earlier_author(self, head: Any) -> Actor | None:
        """Return who issued an earlier document of the same kind ("In a statement, the
        ministry said …" before "the statement added")."""
        lemma = head.lemma_.lower()
        for token in reversed(head.doc[: head.i]):
            if token.lemma_.lower() == lemma and token.pos_ == "NOUN":
                sent = token.sent
                span = self._first_actor_before(sent.start_char, sent.end_char)
                found = None if span is None else self.pool.covering(span.start, span.end)
                return None if found is None else found[0]
        return None

    def _metonym(self, span: Any) -> Actor | None:
        text = span.text
        country = CAPITALS.get(text.lower()) or CAPITALS.get(_strip_determiner(text).lower())
        if country is None:
            places = [e for e in span.ents if e.label_ in _PLACE_LABELS]
            if len(places) != 1 or places[0].label_ != "GPE":
                return None
            country = _strip_determiner(places[0].text)
        actor = self.pool.ensure(f"Government of {country}", "organisation")
        return self.pool.add_mention(
            actor, TextSpan(span.start_char, span.end_char, span.text), "metonym"
        )

    def _new_actor(self, mention: TextSpan, span: Any) -> tuple[Actor | None, str]:
        ents = [e for e in span.ents if e.label_ in _NEW_ACTOR_TYPES]
        if ents:
            ent = ents[0]
            name, type_ = _strip_determiner(ent.text), _NEW_ACTOR_TYPES[ent.label_]
            where = TextSpan(ent.start_char, ent.end_char, ent.text)
        elif span.root.pos_ in {"NOUN", "PROPN"}:
            name = _strip_determiner(mention.text)
            type_ = "group" if span.root.tag_ in {"NNS", "NNPS"} else "unknown"
            where = mention
        else:
            return None, "none"
        actor = self.pool.ensure(name, type_)
        actor = self.pool.add_mention(actor, where, "name" if ents else "description")
        return actor, "new"

    def drop_self_pronouns(self, quotes: list[Quote]) -> None:
        for quote in quotes:
            if quote.speaker is None:
                continue
            actor = self.pool.by_id(quote.speaker)
            keep = tuple(
                m
                for m in actor.mentions
                if not (
                    m.kind in {"pronoun", "possessive"}
                    and quote.start <= m.start < quote.end
                    and (quote.speaker_mention is None or m.start != quote.speaker_mention.start)
                )
            )
            if keep != actor.mentions:
                self.pool.replace(actor, dataclasses.replace(actor, mentions=keep))


def attribute_quotes(
    doc: Any, quotes: Sequence[Quote], actors: Sequence[Actor]
) -> tuple[list[Quote], list[Actor]]:
    """Return the quotes with ``speaker``/``speaker_name`` set, and the actors (maybe more).

    Args:
        doc: the spaCy ``Doc`` the quotes and actor mentions point into.
        quotes: quotes with ``speaker_mention`` spans (``speaker`` unset).
        actors: actors from `dateline.extract.actors.extract_actors`.

    Returns:
        The quotes in text order, each with the speaker's actor id and name when one was
        found and its confidence multiplied by how sure the attribution is; and the actors,
        plus those the quotes needed (documents, governments by metonymy, missed names).
    """
    attributor = _Attributor(doc, actors)
    done: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        actor, route = attributor.speaker(quote)
        if actor is None:
            attributed = dataclasses.replace(quote, confidence=round(quote.confidence * 0.5, 3))
        else:
            weight = _CONFIDENCE.get(route, 0.5)
            confidence = quote.confidence * weight if quote.confidence > 0 else weight
            attributed = dataclasses.replace(
                quote, speaker=actor.id, speaker_name=actor.name, confidence=round(confidence, 3)
            )
        done.append(attributed)
        attributor.previous = attributed
    attributor.drop_self_pronouns(done)
    # Mentions added above replace actor records, so names are re-read from the final list.
    return done, attributor.pool.actors
