"""Cleaning: from raw article text to the text every offset refers to.

Three steps, each keeping a map back to the input: normalise characters
(`normalize.normalize_text`), cut boilerplate lines (`boilerplate.BoilerplateDetector`), and
find the headline/standfirst/byline at the top (`layout.find_layout`).
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.clean.boilerplate import Boilerplate, BoilerplateDetector
from dateline.clean.language import detect_language
from dateline.clean.layout import Layout, find_layout
from dateline.clean.normalize import normalize_text
from dateline.clean.offsets import OffsetMap, TextBuilder, compose, map_offset
from dateline.model import RemovedSpan

__all__ = ["CleanedText", "clean_text", "cut_spans", "detect_language"]


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The cleaned text, its map back to the input, what was cut, and the top-of-article layout."""

    text: str
    offset_map: OffsetMap
    removed: tuple[RemovedSpan, ...]
    layout: Layout


def cut_spans(text: str, spans: list[Boilerplate]) -> tuple[str, OffsetMap]:
    """Return ``text`` without ``spans`` and without leading/trailing whitespace, with its map."""
    builder = TextBuilder(text)
    position = 0
    for span in sorted(spans, key=lambda s: s.start):
        builder.copy(position, max(position, span.start))
        position = max(position, span.end)
    builder.copy(position, len(text))
    cut, offset_map = builder.build()
    stripped = cut.strip()
    if stripped == cut:
        return cut, offset_map
    lead = len(cut) - len(cut.lstrip())
    trimmed = TextBuilder(cut)
    trimmed.copy(lead, lead + len(stripped))
    _, trim_map = trimmed.build()
    return stripped, compose(trim_map or ((0, lead),), offset_map)


def clean_text(
    raw: str, *, detector: BoilerplateDetector | None = None, outlet: str | None = None
) -> CleanedText:
    """Normalise ``raw``, cut its boilerplate and find its headline and standfirst.

    Args:
        raw: the article as the user gave it (decoded).
        detector: remembers lines seen per outlet across a batch; a fresh one if None.
        outlet: the outlet's name, for repetition across its articles.
    """
    normalised, normal_map = normalize_text(raw)
    found = (detector or BoilerplateDetector()).find(normalised, outlet=outlet)
    removed = tuple(
        RemovedSpan(
            start=(start := map_offset(normal_map, span.start)),
            end=(
                end := map_offset(normal_map, span.end - 1) + 1 if span.end > span.start else start
            ),
            text=raw[start:end],
            reason=span.reason,
        )
        for span in found
    )
    text, cut_map = cut_spans(normalised, found)
    return CleanedText(
        text=text,
        offset_map=compose(cut_map, normal_map),
        removed=removed,
        layout=find_layout(text),
    )
