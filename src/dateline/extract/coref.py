"""Coreference within one article: descriptions, "the latter/former" and pronouns.

No coreference model runs offline on spaCy 3.8 without torch or a download (coreferee's
English model and spacy-experimental's coref both need one), so these are rules over the
existing parse, applied left to right so that each resolved mention becomes salient:

* a description whose words match a title seen anywhere in the article ("the prime
  minister" ↔ "Prime Minister Benjamin Netanyahu", "the secretary of state" ↔ "US
  Secretary of State") refers to that title's holder, even before the name (standfirsts);
* other person descriptions ("the American diplomat", "the American") take the most salient
  compatible person: the nationality must fit the person's titles or affiliations, and an
  object never refers to the subject of its own verb ("Herzog told the diplomat");
* "the latter" is the last actor mentioned before it, "the former" the one before that;
* he/she/his/her take the most salient person of fitting gender: subjects of the current
  sentence, then of earlier sentences, then other mentions by recency. Gender comes from
  honorifics, gendered titles ("spokeswoman"), a table of first names that belong to one
  gender (``dateline/data/first_names.tsv``; ambiguous names are left out) and earlier
  pronouns resolved to the same person. A pronoun outside
  quotation marks does not look inside them ("“…Netanyahu…,” he said").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dateline.errors import ExtractionError
from dateline.extract.lexicon import (
    ABBREVIATIONS,
    DEMONYMS,
    FEMALE_WORDS,
    MALE_WORDS,
    OFFICE_HEADS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    TIME_MODIFIERS,
    TITLE_HEADS,
)
from dateline.model import Actor, Mention, content_id
from dateline.nlp import doc_text

__all__ = ["ActorDraft", "actor_id", "name_gender", "quoted_regions", "resolve_references"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj", "obj"})
_LOOKBACK_UNITS = 4
_OPENERS = {"“": "”", '"': '"', "‘": "’"}


@functools.cache
def _first_names() -> dict[str, str]:
    source = resources.files("dateline") / "data" / "first_names.tsv"
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ExtractionError(
            f"cannot read the first-name table {source}: {exc}. Reinstall dateline so that "
            "its package data (dateline/data/*) is present."
        ) from exc
    table: dict[str, str] = {}
    for line in lines:
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            table[name] = gender
    return table


def name_gender(name: str) -> str | None:
    """Return "m" or "f" when the first name of ``name`` is one of a single gender.

    Args:
        name: a person's name as written ("Orit Strook"); a lone surname gives ``None``.

    Returns:
        The gender the first-name table gives, or ``None`` for unknown or ambiguous names.
    """
    words = name.split()
    if len(words) < 2:
        return None
    return _first_names().get(words[0].lower().strip("."))


def _title_gender(titles: list[str]) -> str | None:
    words = {w.lower() for title in titles for w in title.split()}
    if words & MALE_WORDS:
        return "m"
    if words & FEMALE_WORDS:
        return "f"
    return None


def actor_id(name: str, type_: str) -> str:
    """Return the stable id of the actor called ``name`` of type ``type_``."""
    return content_id(f"{name}|{type_}", prefix="actor:")


@dataclass(slots=True)
class ActorDraft:
    """An actor while it is being built: mutable, turned into an `Actor` at the end."""

    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    gender: str | None = None

    def add_title(self, title: str | None) -> None:
        """Record ``title`` once (case-insensitively)."""
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)

    def add_affiliations(self, affiliations: tuple[str, ...]) -> None:
        """Record each affiliation once."""
        for affiliation in affiliations:
            if affiliation not in self.affiliations and affiliation != self.name:
                self.affiliations.append(affiliation)

    def to_actor(self) -> Actor:
        """Return the frozen `Actor`, mentions in text order and de-duplicated."""
        mentions = sorted(set(self.mentions), key=lambda m: (m.start, -m.end, m.kind))
        return Actor(
            id=actor_id(self.name, self.type),
            name=self.name,
            type=self.type,
            mentions=tuple(mentions),
            titles=tuple(self.titles),
            affiliations=tuple(self.affiliations),
        )


@dataclass(frozen=True, slots=True)
class _Seen:
    """A resolved mention as salience sees it."""

    start: int
    draft: ActorDraft
    subject: bool
    unit: int
    head: int  # index of the governing verb, for the "object ≠ own subject" rule


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` character ranges inside quotation marks (marks excluded).

    Args:
        text: the article text.

    Returns:
        Ranges in text order. A quotation left open runs to the end of its paragraph, as
        news copy does when a quote continues into the next paragraph.
    """
    regions: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        closer = _OPENERS.get(text[i])
        if closer is None or (text[i] == "‘" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        end = text.find(closer, i + 1)
        paragraph_end = text.find("\n\n", i + 1)
        if paragraph_end == -1:
            paragraph_end = len(text)
        if end == -1 or end > paragraph_end:
            end = paragraph_end
        regions.append((i + 1, end))
        i = end + 1
    return regions


def _units(doc: Any) -> list[int]:
    """Return, per token, the index of its sentence, also cut at line breaks."""
    unit_of: list[int] = []
    unit = 0
    for token in doc:
        if token.is_sent_start and token.i > 0:
            unit += 1
        unit_of.append(unit)
        if "\n" in token.text or "\n" in token.whitespace_:
            unit += 1
    return unit_of


def _inside(start: int, regions: list[tuple[int, int]]) -> int | None:
    for index, (a, b) in enumerate(regions):
        if a <= start < b:
            return index
    return None


def _verb_of(token: Any) -> int:
    head = token.head
    while head.dep_ in {"prep", "agent"} and head.head.i != head.i:
        head = head.head
    return int(head.i)


def _description_span(token: Any) -> tuple[int, int] | None:
    """Return the token range of "the (American) diplomat" / "the secretary of state"."""
    doc = token.doc
    dets = [c for c in token.lefts if c.dep_ == "det" and c.lower_ == "the"]
    if not dets:
        return None
    start = dets[0].i
    end = token.i + 1
    if (
        token.lower_ in TITLE_HEADS
        and end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].pos_ in {"NOUN", "PROPN"}
        and doc[end + 1].ent_type_ not in {"PERSON"}
    ):
        end += 2
    return start, end


def _is_description_head(token: Any) -> bool:
    if token.tag_ not in {"NN", "NNP"} or token.dep_ in {"compound", "amod"}:
        return False
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_type_ == "PERSON":
        return False  # "the prime minister Benjamin …" is a title before a name
    if token.lower_ in ROLE_NOUNS - {"former", "latter"}:
        return True
    return bool(token.ent_type_ == "NORP" and token.lower_ in DEMONYMS)


def _title_matches(words: list[str], drafts: list[ActorDraft]) -> list[ActorDraft]:
    core = " ".join(w for w in words if w not in DEMONYMS and w not in TIME_MODIFIERS)
    if not core or not TITLE_HEADS.intersection(core.split()):
        return []
    found = []
    for draft in drafts:
        for title in draft.titles:
            spelled = [ABBREVIATIONS.get(w, w) for w in title.lower().split()]
            lowered = f" {' '.join(spelled)} "
            if lowered.endswith(f" {core} ") or (" of " in core and f" {core} " in lowered):
                found.append(draft)
                break
    return found


def _fits_nationality(draft: ActorDraft, words: list[str]) -> bool:
    countries = {DEMONYMS[w].lower() for w in words if w in DEMONYMS}
    if not countries:
        return True
    facts = " ".join([*draft.titles, *draft.affiliations]).lower()
    known = {DEMONYMS.get(w, w).lower() for w in facts.replace("’s", "").split()}
    return bool(countries & known)


class _Resolver:
    """Walks the article left to right, keeping what has been mentioned and by whom."""

    def __init__(self, doc: Any, text: str, drafts: list[ActorDraft]) -> None:
        self.doc = doc
        self.text = text
        self.drafts = drafts
        self.unit_of = _units(doc)
        self.quotes = quoted_regions(text)
        self.seen: list[_Seen] = []
        self.taken = [(m.start, m.end) for d in drafts for m in d.mentions]

    def _token_at(self, char: int) -> Any:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else self.doc[0]

    def remember(self, start: int, end: int, draft: ActorDraft) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else self._token_at(start)
        self.seen.append(
            _Seen(start, draft, root.dep_ in _SUBJECT_DEPS, self.unit_of[root.i], _verb_of(root))
        )

    def ranked(self, token: Any) -> list[_Seen]:
        """Candidates before ``token``: this sentence's subjects, then earlier sentences'."""
        unit = self.unit_of[token.i]
        quote = _inside(token.idx, self.quotes)
        before = [
            s
            for s in self.seen
            if s.start < token.idx
            and unit - s.unit <= _LOOKBACK_UNITS
            and (quote is not None or _inside(s.start, self.quotes) is None)
        ]
        order: list[_Seen] = []
        for offset in range(_LOOKBACK_UNITS + 1):
            here = [s for s in before if s.unit == unit - offset]
            subjects = [s for s in here if s.subject]
            if offset == 0:
                subjects.sort(key=lambda s: -s.start)
            others = sorted((s for s in here if not s.subject), key=lambda s: -s.start)
            order.extend(subjects + others)
        return order

    def pick_person(
        self, token: Any, *, gender: str | None, words: list[str] | None = None
    ) -> ActorDraft | None:
        verb = _verb_of(token)
        is_object = token.dep_ in _OBJECT_DEPS
        for seen in self.ranked(token):
            draft = seen.draft
            if draft.type != "person":
                continue
            if gender is not None and draft.gender not in {None, gender}:
                continue
            if is_object and seen.subject and seen.head == verb:
                continue
            if words is not None and not _fits_nationality(draft, words):
                continue
            return draft
        return None

    def add(self, draft: ActorDraft, start: int, end: int, kind: str) -> None:
        if any(start < b and a < end for a, b in self.taken):
            return
        draft.mentions.append(Mention(start, end, self.text[start:end], kind))
        self.taken.append((start, end))
        self.remember(start, end, draft)

    def description(self, token: Any) -> None:
        bounds = _description_span(token)
        if bounds is None:
            return
        start, end = (
            self.doc[bounds[0]].idx,
            self.doc[bounds[1] - 1].idx + len(self.doc[bounds[1] - 1].text),
        )
        if any(start < b and a < end for a, b in self.taken):
            return
        words = [t.lower_ for t in self.doc[bounds[0] + 1 : bounds[1]]]
        matches = _title_matches(words, self.drafts)
        draft: ActorDraft | None = None
        if len(matches) == 1:
            draft = matches[0]
        elif matches:
            ranked = [s.draft for s in self.ranked(token) if s.draft in matches]
            draft = ranked[0] if ranked else matches[0]
        elif token.lower_ in OFFICE_HEADS:
            # "the president" with no President named in the article is someone unnamed.
            return
        else:
            gender = "m" if token.lower_ in MALE_WORDS else None
            gender = "f" if token.lower_ in FEMALE_WORDS else gender
            draft = self.pick_person(token, gender=gender, words=words)
        if draft is not None:
            self.add(draft, start, end, "description")

    def latter_former(self, token: Any) -> None:
        start = self.doc[token.i - 1].idx
        end = token.idx + len(token.text)
        distinct: list[ActorDraft] = []
        for seen in sorted(self.seen, key=lambda s: -s.start):
            if seen.start >= start or self.unit_of[token.i] - seen.unit > 1:
                continue
            if seen.draft not in distinct:
                distinct.append(seen.draft)
        index = 0 if token.lower_ == "latter" else 1
        if len(distinct) > index:
            self.add(distinct[index], start, end, "anaphor")

    def pronoun(self, token: Any) -> None:
        gender = PRONOUN_GENDER[token.lower_]
        draft = self.pick_person(token, gender=gender)
        if draft is None:
            return
        draft.gender = draft.gender or gender
        kind = "possessive" if token.dep_ == "poss" or token.lower_ == "hers" else "pronoun"
        self.add(draft, token.idx, token.idx + len(token.text), kind)


def resolve_references(doc: Any, drafts: list[ActorDraft], *, text: str | None = None) -> None:
    """Add description, anaphor and pronoun mentions to ``drafts`` (in place).

    Args:
        doc: the spaCy ``Doc`` the drafts' name and title mentions point into.
        drafts: actors with their name and title mentions (and titles) already found.
        text: ``doc.text`` when the caller has it (spaCy rebuilds it on every access).
    """
    for draft in drafts:
        if draft.type == "person" and draft.gender is None:
            draft.gender = _title_gender(draft.titles) or name_gender(draft.name)
    resolver = _Resolver(doc, doc_text(doc) if text is None else text, drafts)
    named = sorted(
        ((m.start, m.end, d) for d in drafts for m in d.mentions),
        key=lambda item: item[0],
    )
    cursor = 0
    for token in doc:
        while cursor < len(named) and named[cursor][0] <= token.idx:
            start, end, draft = named[cursor]
            resolver.remember(start, end, draft)
            cursor += 1
        lower = token.lower_
        if lower in PRONOUN_GENDER and token.pos_ == "PRON":
            resolver.pronoun(token)
        elif (
            lower in {"latter", "former"}
            and token.i > 0
            and doc[token.i - 1].lower_ == "the"
            and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ in {"NOUN", "PROPN"})
        ):
            resolver.latter_former(token)
        elif _is_description_head(token):
            resolver.description(token)
