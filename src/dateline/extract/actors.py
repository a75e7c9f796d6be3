"""Actors: the people and organisations an article names, each with every mention.

spaCy's small English model labels the same surname differently across a text ("Blinken" is
tagged PERSON in one sentence and GPE in the next), so labels are voted per name, and a
surname or a name inside a longer name joins the actor of the fuller form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from dateline.model import Actor, Mention, content_id

__all__ = ["extract_actors"]

_ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
_ALL_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}


def _strip_determiner(start: int, text: str) -> tuple[int, str]:
    for article in ("the ", "The "):
        if text.startswith(article):
            return start + len(article), text[len(article) :]
    return start, text


def extract_actors(doc: Any) -> list[Actor]:
    """Return the people, organisations and groups spaCy finds in ``doc``, mentions merged.

    Args:
        doc: a spaCy ``Doc`` of ``Article.text``.

    Returns:
        Actors in order of first mention; each mention slices ``doc.text`` to its text.
    """
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in _ALL_LABELS:
            continue
        start, text = _strip_determiner(ent.start_char, ent.text)
        text = text.removesuffix("’s").removesuffix("'s")
        if not text.strip():
            continue
        label_votes[text][ent.label_] += 1
        spans.append((start, start + len(text), text))

    def label_of(name: str) -> str:
        votes = label_votes[name]
        # A surname tagged PERSON once is a person even where the model said GPE.
        for full, full_votes in label_votes.items():
            if full != name and name in full.split() and full_votes["PERSON"]:
                votes = votes + Counter({"PERSON": full_votes["PERSON"]})
        return votes.most_common(1)[0][0]

    names = sorted({text for _, _, text in spans}, key=len, reverse=True)
    canonical: dict[str, str] = {}
    for name in names:
        if label_of(name) not in _ACTOR_LABELS:
            continue
        fuller = next(
            (
                other
                for other in names
                if other != name
                and len(other) > len(name)
                and set(name.split()) <= set(other.split())
                and label_of(other) == label_of(name)
            ),
            None,
        )
        canonical[name] = canonical.get(fuller, fuller) if fuller else name

    mentions: dict[str, list[Mention]] = defaultdict(list)
    for start, end, text in spans:
        if text in canonical:
            mentions[canonical[text]].append(Mention(start, end, text, "name"))
    actors = [
        Actor(
            id=content_id(name, prefix="actor:"),
            name=name,
            type=_ACTOR_LABELS[label_of(name)],
            mentions=tuple(sorted(found, key=lambda m: m.start)),
        )
        for name, found in mentions.items()
    ]
    return sorted(actors, key=lambda actor: actor.mentions[0].start)
