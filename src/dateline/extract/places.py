"""Places: every place mention spaCy finds (GPE, LOC, FAC), one record per mention."""

from __future__ import annotations

from typing import Any

from dateline.model import Place, content_id

__all__ = ["extract_places"]

_PLACE_LABELS = {"GPE": "political", "LOC": "location", "FAC": "facility"}


def extract_places(doc: Any, *, person_names: frozenset[str] = frozenset()) -> list[Place]:
    """Return one `Place` per place mention in ``doc``, ungeocoded.

    Args:
        doc: a spaCy ``Doc`` of ``Article.text``.
        person_names: names known to be people; the small model tags some surnames GPE.
    """
    places = []
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS or ent.text in person_names:
            continue
        text = ent.text
        start = ent.start_char
        if text.lower().startswith("the ") and text[4:5].isupper() and text != "The Hague":
            start, text = start + 4, text[4:]
        places.append(
            Place(
                id=content_id(f"{start}:{text}", prefix="place:"),
                name=text,
                start=start,
                end=start + len(text),
                text=text,
                feature=_PLACE_LABELS[ent.label_],
            )
        )
    return places
