"""Titles and affiliations of people, read from the three places news prose puts them.

* premodifiers: "US Secretary of State Antony Blinken", "opposition leader Yair Lapid",
  "Israel’s Settlements and National Missions Minister Orit Strook" (the possessor, Israel,
  is an affiliation, not part of the title);
* appositions: "Strook, a member of Netanyahu’s coalition from the Religious Zionist Party"
  (organisations inside the apposition are affiliations; a title head makes a title);
* copular clauses: "Gallant is the defense minister", "Smith, who is a spokesman for X".

Everything works on the existing parse and on word shapes; nothing here knows any name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.extract.lexicon import DEMONYMS, TITLE_HEADS, TITLE_MODIFIERS

__all__ = ["TitleFacts", "apposition_facts", "copular_facts", "premodifier_title"]

_CONNECTORS = frozenset({"of", "and", "for", "&", "-"})
_STOP_ENTS = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
_AFFILIATION_ENTS = frozenset({"ORG", "GPE", "NORP"})
_MAX_TITLE_TOKENS = 8


@dataclass(frozen=True, slots=True)
class TitleFacts:
    """What one construction says about a person: a title, affiliations, where it sits.

    Attributes:
        start: first character of the evidence (the title's first word for a premodifier).
        title: the title as written ("US Secretary of State"), or ``None``.
        affiliations: parties, countries or employers named with it.
    """

    start: int
    title: str | None
    affiliations: tuple[str, ...] = ()


def _is_title_word(token: Any) -> bool:
    return bool(token.lower_ in TITLE_HEADS)


def _capitalised(token: Any) -> bool:
    text: str = token.text
    return bool(text[:1].isupper()) and token.pos_ in {"PROPN", "NOUN", "ADJ"}


def _country(text: str) -> str:
    return DEMONYMS.get(text.lower(), text)


def premodifier_title(doc: Any, name_start: int) -> TitleFacts | None:
    """Return the title written right before the name that starts at token ``name_start``.

    Args:
        doc: a spaCy ``Doc``.
        name_start: index of the name's first token.

    Returns:
        The title (at least one office word such as "Minister" or "leader" in it), its
        start offset and affiliations (a possessor like "Israel’s", a leading country or
        demonym like "US"); ``None`` when the words before the name are not a title.
    """
    sent_start = doc[name_start].sent.start
    tokens: list[Any] = []
    affiliations: list[str] = []
    j = name_start - 1
    while j >= sent_start and len(tokens) < _MAX_TITLE_TOKENS:
        token = doc[j]
        if token.ent_type_ in _STOP_ENTS or token.is_space:
            break
        if token.lower_ in {"’s", "'s"} and j - 1 >= sent_start:
            # "Israel’s ... Minister": the possessor is the office's country or employer.
            owner = doc[j - 1]
            if owner.ent_type_ in _AFFILIATION_ENTS:
                span = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
                affiliations.append(_country(span.text if span is not None else owner.text))
            break
        in_title = _capitalised(token) or (
            token.is_lower and (token.lower_ in TITLE_MODIFIERS or _is_title_word(token))
        )
        joins = token.lower_ in _CONNECTORS and j - 1 >= sent_start and _capitalised(doc[j - 1])
        if not (in_title or joins):
            break
        tokens.append(token)
        j -= 1
    tokens.reverse()
    while tokens and (tokens[0].lower_ in _CONNECTORS or not _word_may_open_title(tokens[0])):
        tokens.pop(0)
    if not tokens or not any(_is_title_word(t) for t in tokens):
        return None
    # A title ends with its office word or an "of State"-style complement of it.
    last_head = max(i for i, t in enumerate(tokens) if _is_title_word(t))
    tail = tokens[last_head + 1 :]
    if tail and tail[0].lower_ != "of":
        return None
    first = tokens[0]
    if first.ent_type_ in {"GPE", "NORP"}:
        affiliations.append(_country(first.text))
    text = doc[first.i : tokens[-1].i + 1].text
    return TitleFacts(first.idx, text, tuple(dict.fromkeys(affiliations)))


def _word_may_open_title(token: Any) -> bool:
    # Sentence-initial capitals ("Earlier", "Without") are not title words.
    if token.is_sent_start and token.pos_ not in {"PROPN"} and not _is_title_word(token):
        return token.lower_ in TITLE_MODIFIERS or token.ent_type_ in {"NORP", "GPE"}
    return True


def _noun_phrase_title(head: Any) -> str | None:
    """Return "foreign minister" for the head noun of "the country’s foreign minister"."""
    if head.lower_ not in TITLE_HEADS:
        return None
    left = [
        t
        for t in head.lefts
        if t.dep_ in {"compound", "amod"} and (t.lower_ in TITLE_MODIFIERS or t.text[:1].isupper())
    ]
    start = min([head.i, *[t.i for t in left]])
    words = [t for t in head.doc[start : head.i + 1] if not t.is_punct]
    text = " ".join(t.text for t in words)
    return text or None


def _affiliations_in(doc: Any, start: int, end: int) -> tuple[str, ...]:
    found: list[str] = []
    for ent in doc.ents:
        if ent.start >= start and ent.end <= end and ent.label_ in {"ORG", "GPE"}:
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            found.append(_country(text))
    return tuple(dict.fromkeys(found))


def apposition_facts(doc: Any, name_end: int) -> TitleFacts | None:
    """Return what an apposition after a name says ("Strook, a member of ... Party,").

    Args:
        doc: a spaCy ``Doc``.
        name_end: index one past the name's last token.

    Returns:
        Title and affiliations from the apposition, or ``None`` when the name is not
        followed by one (a comma, a noun phrase, then a comma or the sentence end).
    """
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    sent_end = doc[name_end].sent.end
    end = name_end + 1
    while end < sent_end and doc[end].text not in {",", ";", "(", ")", "“", '"'}:
        end += 1
    phrase = doc[name_end + 1 : end]
    if not phrase or len(phrase) > 16 or phrase[0].lower_ not in {"a", "an", "the", "who"}:
        return None
    if any(t.pos_ in {"VERB"} and t.dep_ not in {"amod", "acl"} for t in phrase[:3]):
        return None
    head = next(
        (
            t
            for t in phrase
            if (t.lower_ in TITLE_HEADS or t.lower_ == "member")
            and t.dep_ not in {"amod", "compound"}
        ),
        None,
    )
    if head is None:
        return None
    title = _noun_phrase_title(head)
    affiliations = _affiliations_in(doc, head.i + 1, end)
    if title is None and not affiliations:
        return None
    return TitleFacts(phrase[0].idx, title, affiliations)


def copular_facts(doc: Any, name_root: int) -> TitleFacts | None:
    """Return a title stated by a copula: "Gallant is the defense minister", "…, who is …".

    Args:
        doc: a spaCy ``Doc``.
        name_root: index of the name's syntactic head token.

    Returns:
        The attribute's title and affiliations, or ``None`` when there is no such clause.
    """
    token = doc[name_root]
    verb = None
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":
        verb = token.head
    else:
        for child in token.children:
            if child.dep_ == "relcl" and child.lemma_ == "be":
                verb = child
                break
    if verb is None:
        return None
    attr = next((c for c in verb.children if c.dep_ in {"attr", "acomp"}), None)
    if attr is None:
        return None
    title = _noun_phrase_title(attr)
    if title is None:
        return None
    subtree_end = max(t.i for t in attr.subtree) + 1
    affiliations = _affiliations_in(doc, attr.i + 1, subtree_end)
    return TitleFacts(attr.idx, title, affiliations)
