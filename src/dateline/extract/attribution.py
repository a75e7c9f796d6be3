"""Attribution: which actor each quote belongs to, from the span that names its speaker.

Quote detection (`dateline.extract.quotes`) finds a ``speaker_mention`` for each quote: a
name ("Netanyahu"), a pronoun ("he"), a description ("the president"), "the latter", a
document ("a press release from the US State Department", "the release"), a medium
("Army Radio") or a place standing for its government ("Jerusalem says"). This module maps
that span to an actor:

* a mention the actor extractor already linked (names, titles, descriptions, pronouns) wins
  when it holds the head of the speaker phrase: in "C. Eugene Steuerle, a fellow at the
  Urban Institute, said" the speaker is Steuerle, not the institute of his apposition; an
  organisation counts only as the modifier of an unnamed spokesperson or group ("Con Edison
  officials", "a spokesman for the ministry"), never as the owner of a document it is
  merely the subject of;
* "it" and "the company/agency/…" as the subject of a cue speak for the organisation last
  named before them ("The Food Standards Agency … “…,” it said");
* a document speaks for its author: the actor named inside it ("… from the US State
  Department"), else the author of the last document cited ("the release continued"),
  else whoever issued an earlier document of that kind ("In a statement, the ministry
  said …"); a document whose author the text never gives becomes an actor of type
  ``document``;
* a place speaks for its government by metonymy: a capital for its country ("Jerusalem" →
  "Government of Israel"), a country for itself -- only when the place *is* the speaker
  phrase's head ("West Mercia police" is the police, "the Russian space agency" an agency),
  and not when it is the first word of an organisation the article names in full ("Alibaba"
  after "Alibaba Group", which the small model tags as a place);
* an organisation or person the extractor missed becomes a new actor, named by the entity
  that holds the phrase's head, else by the whole phrase;
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
from dateline.extract.lexicon import (
    CAPITALS,
    DOCUMENT_NOUNS,
    ORG_ANAPHORS,
    ORG_HEADS,
    PRONOUN_GENDER,
    PROXY_HEADS,
)
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
# How an organisation hangs on its spokesperson or group ("Con Edison officials").
_PROXY_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# Prepositions by which a document names who issued it.
_ISSUER_PREPS = frozenset({"by", "from"})
# Dependencies by which a name hangs on the title or description before it.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos"})
_NAME_LINKS = frozenset({"compound", "appos", "flat", "nmod", "npadvmod", "conj"})
_PROXY_PREPS = frozenset({"for", "of", "at", "from", "with"})
# How far back (in characters) an organisation anaphor looks for its organisation: about
# three short news paragraphs.
_ORG_ANAPHOR_REACH = 1200


class _Actors:
    """The actor list being attributed against, with room to add actors and mentions."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)

    def by_id(self, identifier: str) -> Actor:
        return next(a for a in self.actors if a.id == identifier)

    def covering(
        self, start: int, end: int, *, holding: int | None = None
    ) -> tuple[Actor, Mention] | None:
        """Return the actor whose mention best overlaps ``[start, end)``.

        Args:
            start: span start.
            end: span end.
            holding: when given, only mentions that contain this character offset count.
        """
        best: tuple[int, int, Actor, Mention] | None = None
        for actor in self.actors:
            for mention in actor.mentions:
                if holding is not None and not mention.start <= holding < mention.end:
                    continue
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


def _in_subject(token: Any) -> bool:
    """Whether ``token`` lies in a clause's subject phrase ("the trade group for the Blue
    Cross Blue Shield plans spelled out …"): the organisation a later "it" speaks for."""
    for _ in range(6):
        if token.dep_ in _SUBJECT_DEPS:
            return True
        if token.pos_ in {"VERB", "AUX"} or token.head.i == token.i:
            return False
        token = token.head
    return False


def _core_text(span: Any) -> str:
    """Return a description's words without its clauses and appositions ("a Democratic
    strategist who spoke on the condition of anonymity" → "a Democratic strategist")."""
    dropped = {
        t.i
        for child in span.root.children
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "punct" and child.i > span.root.i)
        for t in child.subtree
    }
    run: list[Any] = []
    for token in span:
        if token.i in dropped:
            if token.i > span.root.i:
                break
            continue
        run.append(token)
    text = "".join(t.text_with_ws for t in run).strip(" ,")
    return text or str(span.text)


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
        found = self.pool.covering(mention.start, mention.end, holding=head.idx)
        if found is None or found[1].kind in {"description", "anaphor"}:
            # A name in the phrase beats a guess about its description ("the other candidate
            # on the stage, former Secretary of State Hillary Clinton").
            found = self._named_apposite(span, head) or found
        if found is None:
            found = self._proxy(span, head)
        if found is not None:
            return found[0], found[1].kind
        if head.lower_ in PRONOUN_GENDER and self.previous is not None:
            return self._continued(quote, pronoun=True)
        if head.lower_ in ORG_ANAPHORS and (head.lower_ == "it" or len(span) <= 2):
            organisation = self._organisation_before(mention)
            if organisation is not None:
                return organisation, "anaphor"
        named = self._named_in_full(span)
        if named is not None:
            return named, "name"
        place = self._metonym(span)
        if place is not None:
            return place, "metonym"
        return self._new_actor(mention, span)

    def _overlapping_organisation(self, span: Any) -> tuple[Actor | None, str]:
        """Return the organisation that modifies a phrase that cannot be an actor of its
        own ("Facebook CEO" in a headline): it is the nearest thing the text says spoke."""
        for modifier in span.root.children:
            if modifier.dep_ not in _PROXY_DEPS:
                continue
            found = self.pool.covering(
                modifier.idx, modifier.idx + len(modifier.text), holding=modifier.idx
            )
            if found is not None and found[0].type in {"organisation", "group"}:
                return found[0], found[1].kind
        return None, "none"

    def _named_apposite(self, span: Any, head: Any) -> tuple[Actor, Mention] | None:
        """Return the person a title or description phrase names ("staff writer David
        Emery", "her mother, Fiona", "the other candidate, Hillary Clinton")."""
        for token in span:
            if token.ent_type_ != "PERSON" or token.i == head.i:
                continue
            link, steps = token, 0
            while link.i != head.i and link.dep_ in _NAME_LINKS and steps < 4:
                link, steps = link.head, steps + 1
            if link.i != head.i:
                continue
            found = self.pool.covering(token.idx, token.idx + len(token.text), holding=token.idx)
            if found is not None and found[0].type == "person":
                return found
            people = [
                a
                for a in self.pool.actors
                if a.type == "person" and token.text in a.name.split() and len(a.name.split()) > 1
            ]
            if len(people) == 1:
                where = TextSpan(token.idx, token.idx + len(token.text), token.text)
                actor = self.pool.add_mention(people[0], where, "name")
                return actor, Mention(where.start, where.end, where.text, "name")
        return None

    def _proxy(self, span: Any, head: Any) -> tuple[Actor, Mention] | None:
        """Return the organisation an unnamed spokesperson or group speaks for."""
        if head.lower_ not in PROXY_HEADS and head.lemma_.lower() not in PROXY_HEADS:
            return None
        modifiers = [c for c in head.children if c.dep_ in _PROXY_DEPS]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in _PROXY_PREPS:
                modifiers.extend(c for c in prep.children if c.dep_ == "pobj")
        for modifier in modifiers:
            if not span.start <= modifier.i < span.end:
                continue
            first, last = modifier.left_edge, modifier.right_edge
            found = self.pool.covering(first.idx, last.idx + len(last.text), holding=modifier.idx)
            if found is not None and found[0].type in {"organisation", "group"}:
                return found
        return None

    def _organisation_before(self, mention: TextSpan) -> Actor | None:
        """Return the organisation named last before ``mention`` ("…,” it said).

        An organisation in the subject of a clause wins over one that was only mentioned
        ("The Food Standards Agency warned … DNP … “…,” it said").
        """
        best: tuple[bool, int, Actor] | None = None
        for actor in self.pool.actors:
            if actor.type != "organisation":
                continue
            for m in actor.mentions:
                if not (mention.start - _ORG_ANAPHOR_REACH <= m.start and m.end <= mention.start):
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                subject = span is not None and len(span) > 0 and _in_subject(span.root)
                if best is None or (subject, m.start) > best[:2]:
                    best = (subject, m.start, actor)
        return None if best is None else best[2]

    def _named_in_full(self, span: Any) -> Actor | None:
        """Return the actor a one-word speaker shortens: the organisation whose full name
        begins with it ("Alibaba" → "Alibaba Group"), else the one person whose surname it
        is ("Claude insisted" → "Georges Claude", though "Claude Debussy" is named too)."""
        if len(span) != 1 or not span.text[:1].isupper():
            return None
        prefix = f"{span.text} "
        fuller = [
            a for a in self.pool.actors if a.type == "organisation" and a.name.startswith(prefix)
        ]
        if not fuller:
            fuller = [
                a
                for a in self.pool.actors
                if a.type == "person" and a.name.endswith(f" {span.text}")
            ]
        if len(fuller) != 1:
            return None
        where = TextSpan(span.start_char, span.end_char, span.text)
        return self.pool.add_mention(fuller[0], where, "name")

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
        return self._first_actor_before(
            max(span.sent.start_char, para_start), quote.cue.start, outside=(quote.start, quote.end)
        )

    def _first_actor_before(
        self, start: int, end: int, *, outside: tuple[int, int] | None = None
    ) -> TextSpan | None:
        """Return the first actor mention in ``[start, end)``: the clause-initial subject.

        Mentions inside ``outside`` (the quote being attributed) never count: a quoted
        word cannot be its own speaker.
        """
        mentions = [
            m
            for actor in self.pool.actors
            for m in actor.mentions
            if start <= m.start
            and m.end <= end
            and actor.type != "document"
            and (outside is None or not outside[0] <= m.start < outside[1])
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
            author = (
                self._named_issuer(head, mention) or self.last_author or self._earlier_author(head)
            )
        if author is None:
            author = self.pool.ensure(_strip_determiner(mention.text), "document")
        author = self.pool.add_mention(author, mention, "document")
        self.last_author = author
        return author, "document"

    def _named_issuer(self, head: Any, mention: TextSpan) -> Actor | None:
        """Return the issuer a document names that the actor extractor missed: "an article
        by New York magazine", "a statement from Acme Widgets"."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _ISSUER_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or not any(t.pos_ == "PROPN" for t in pobj.subtree):
                    continue
                tokens = [t for t in pobj.subtree if t.dep_ != "det"]
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                if not (mention.start <= start and end <= mention.end):
                    continue
                type_ = "person" if pobj.ent_type_ == "PERSON" else "organisation"
                actor = self.pool.ensure(self.text[start:end], type_)
                return self.pool.add_mention(
                    actor, TextSpan(start, end, self.text[start:end]), "name"
                )
        return None

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
            if not places[0].start <= span.root.i < places[0].end:
                return None
            country = _strip_determiner(places[0].text)
        actor = self.pool.ensure(f"Government of {country}", "organisation")
        return self.pool.add_mention(
            actor, TextSpan(span.start_char, span.end_char, span.text), "metonym"
        )

    def _new_actor(self, mention: TextSpan, span: Any) -> tuple[Actor | None, str]:
        # The entity names the actor only when it holds the phrase's head: "the Russian space
        # agency" is an agency, not the Russians.
        ents = [
            e for e in span.ents if e.label_ in _NEW_ACTOR_TYPES and e.start <= span.root.i < e.end
        ]
        if ents:
            ent = ents[0]
            name, type_ = _strip_determiner(ent.text), _NEW_ACTOR_TYPES[ent.label_]
            where = TextSpan(ent.start_char, ent.end_char, ent.text)
        elif span.root.pos_ in {"NOUN", "PROPN"}:
            name = _strip_determiner(_core_text(span))
            type_ = "group" if span.root.tag_ in {"NNS", "NNPS"} else "unknown"
            if span.root.lower_ in ORG_HEADS and span.root.tag_ in {"NN", "NNP"}:
                type_ = "organisation"
            where = mention
        else:
            return None, "none"
        if self.pool.covering(where.start, where.end) is not None:
            # Another actor holds part of the phrase, so a new actor could have no mention.
            return self._overlapping_organisation(span)
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
