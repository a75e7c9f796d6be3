"""Dates: every date and time expression, resolved against the publication date.

Two sources of expressions are merged: the rules of `dateline.extract.temporal`, which find
the shapes they can resolve (weekdays, days of months, "last month", "in 2019", numeric and
ISO dates…), and spaCy's DATE/TIME entities, which also catch durations and vague phrases
("previous days", "Eighty years"). Where both cover the same words the rule's span wins,
because it carries the lead-in ("earlier on Wednesday") that decides the meaning.

Ambiguous expressions are read with the tense of the clause that governs them, taken from
the dependency parse: "met on Monday" is the Monday before publication, "will meet on
Monday" the one after; "set to", "scheduled to", "plans to" count as future.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateline.extract.temporal import (
    Resolution,
    Tense,
    find_expressions,
    resolve_expression,
)
from dateline.model import DateMention, content_id
from dateline.nlp import doc_text

__all__ = ["clause_tense", "extract_dates"]

_ENTITY_LABELS = frozenset({"DATE", "TIME"})
_FUTURE_AUX = frozenset(
    {"will", "shall", "'ll", "’ll", "wo", "would", "could", "might", "may", "should", "must"}
)
# Heads of an infinitive that point the infinitive's event into the future.
_FUTURE_HEADS = frozenset(
    {
        "set", "schedule", "plan", "expect", "due", "slate", "intend", "aim", "prepare",
        "poise", "go", "likely", "hope", "want", "seek", "propose", "vow", "pledge", "promise",
        "threaten",
    }
)  # fmt: skip
_PAST_AUX = frozenset({"did", "was", "were", "had", "has", "have"})
_CLAUSE_STEPS = 8
_YEAR_RE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_ANCHORED_YEAR_RE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
    r"(?P<year>1[89]\d\d|20\d\d)\b"
)


def extract_dates(doc: Any, published: dt.date | None) -> list[DateMention]:
    """Return every date and time expression in ``doc`` with its resolved value and precision.

    Args:
        doc: a spaCy ``Doc`` of ``Article.text`` (parsed, with entities).
        published: the publication date; without it relative expressions get ``value=None``.

    Returns:
        One `DateMention` per expression, in text order, spans never overlapping.
    """
    text: str = doc_text(doc)
    spans: list[tuple[int, int, str]] = find_expressions(text)
    taken = [(start, end) for start, end, _ in spans]
    for ent in doc.ents:
        if ent.label_ not in _ENTITY_LABELS:
            continue
        if any(ent.start_char < end and start < ent.end_char for start, end in taken):
            continue
        spans.append((ent.start_char, ent.end_char, "entity"))
    spans.sort()
    mentions = []
    for start, end, kind in spans:
        expression = text[start:end]
        tense = clause_tense(doc, start, end)
        if kind == "entity":
            resolution = _resolve_entity(expression, published)
        else:
            context_year = _context_year(doc, text, start, end, kind)
            resolution = resolve_expression(
                expression, kind, published, tense, context_year=context_year
            )
        mentions.append(
            DateMention(
                id=content_id(f"{start}:{expression}", prefix="date:"),
                start=start,
                end=end,
                text=expression,
                value=resolution.value,
                precision=resolution.precision,
            )
        )
    return mentions


def _resolve_entity(expression: str, published: dt.date | None) -> Resolution:
    """Resolve a spaCy DATE/TIME entity the rules did not find: a bare year, or vague."""
    stripped = expression.strip()
    if re.fullmatch(r"(?:the\s+)?(?:1[89]\d\d|20\d\d)", stripped):
        year = int(stripped[-4:])
        return Resolution(f"{year}-01-01/{year}-12-31", "year")
    if re.fullmatch(r"(?:[Tt]his|[Tt]he)\s+(?:morning|afternoon|evening)|[Tt]onight", stripped):
        return Resolution(published.isoformat() if published else None, "day")
    return Resolution(None, "vague")


def _context_year(doc: Any, text: str, start: int, end: int, kind: str) -> int | None:
    """Return the year stated elsewhere in the sentence of a day or month that lacks one."""
    if kind not in ("mdy", "dmy", "month"):
        return None
    if _YEAR_RE.search(text[start:end]):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sentence_text: str = span.sent.text
    # Only a year bound to a day of a month ("March 3, 2021 … by March 9") carries over.
    anchored = [
        int(match.group("year"))
        for match in _ANCHORED_YEAR_RE.finditer(sentence_text)
        if span.sent.start_char + match.start() != start
    ]
    return anchored[-1] if anchored else None


def clause_tense(doc: Any, start: int, end: int) -> Tense | None:
    """Return the tense of the clause that governs the characters ``[start, end)`` of ``doc``.

    Args:
        doc: a parsed spaCy ``Doc``.
        start: first character of the expression.
        end: end of the expression (exclusive).

    Returns:
        ``"future"`` for will/shall/modals and "set to"/"plans to" infinitives, ``"past"``
        for a past-tense or perfect verb, ``"present"`` for a finite present verb, ``None``
        when no verb governs the span (a headline fragment, a caption).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(_CLAUSE_STEPS):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return _verb_tense(token)
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Any) -> Tense | None:
    """Return the tense of ``verb`` from its auxiliaries, its morphology and its head."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    for aux in auxiliaries:
        if aux.lower_ in _FUTURE_AUX:
            return "future"
    infinitive = any(aux.lower_ == "to" for aux in auxiliaries)
    if infinitive:
        # "was set to meet", "plans to establish": the head says where the event sits.
        head = verb.head
        for _ in range(3):
            if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in ("going", "about"):
                return "future"
            if head.dep_ not in ("xcomp", "acomp", "ccomp") or head.head.i == head.i:
                break
            head = head.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head)
        return None
    for aux in auxiliaries:
        if aux.lower_ in _PAST_AUX and "Past" in aux.morph.get("Tense"):
            return "past"
        if aux.lower_ in ("has", "have") and verb.tag_ == "VBN":
            return "past"
    if "Past" in verb.morph.get("Tense") and verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any("Pres" in aux.morph.get("Tense") for aux in auxiliaries):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return "past"
    if verb.tag_ in ("VBG", "VBN", "VB") and verb.head.i != verb.i:
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return _verb_tense(head)
    return None
