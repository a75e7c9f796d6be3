"""Build a text out of pieces of another while remembering where every character came from.

Cleaning changes characters (soft hyphens dropped, CRLF folded, boilerplate cut); the
extracted facts must still point back to the input. An offset map is a tuple of anchors
``(out_offset, in_offset)``: from each anchor on, characters were copied one for one until the
next anchor. `TextBuilder` records anchors as it copies and replaces; `compose` chains two maps.
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["OffsetMap", "TextBuilder", "compose", "map_offset"]

OffsetMap = tuple[tuple[int, int], ...]


class TextBuilder:
    """Accumulate output text from copied input runs and replacements, tracking anchors."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._length = 0
        self._anchors: list[tuple[int, int]] = []

    def __len__(self) -> int:
        return self._length

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` unchanged."""
        if end <= start:
            return
        self._anchor(start)
        self._parts.append(self._source[start:end])
        self._length += end - start

    def replace(self, start: int, replacement: str) -> None:
        """Append ``replacement`` for input that began at ``start`` (its offsets map there)."""
        if not replacement:
            return
        self._anchor(start)
        self._parts.append(replacement)
        self._length += len(replacement)
        # Whatever follows a replacement needs its own anchor, even if it is contiguous input.
        self._anchors.append((self._length, -1))

    def _anchor(self, input_offset: int) -> None:
        if self._anchors and self._anchors[-1][1] == -1:
            self._anchors.pop()
        if self._anchors:
            out_at, in_at = self._anchors[-1]
            if in_at + (self._length - out_at) == input_offset:
                return
        self._anchors.append((self._length, input_offset))

    def build(self) -> tuple[str, OffsetMap]:
        """Return the text and its map back to the source (empty when it is the identity)."""
        anchors = [a for a in self._anchors if a[1] != -1]
        text = "".join(self._parts)
        if anchors in ([], [(0, 0)]) and text == self._source:
            return text, ()
        return text, tuple(anchors)


def map_offset(offset_map: OffsetMap, offset: int) -> int:
    """Return the input offset of output position ``offset`` under ``offset_map``."""
    if not offset_map:
        return offset
    index = bisect_right(offset_map, (offset, float("inf"))) - 1
    if index < 0:
        return offset
    out_at, in_at = offset_map[index]
    return in_at + (offset - out_at)


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """Chain maps: ``outer`` maps final→middle text, ``inner`` maps middle→input."""
    if not inner:
        return outer
    if not outer:
        return inner
    result: list[tuple[int, int]] = []
    inner_starts = [out_at for out_at, _ in inner]
    bounds = [*(out_at for out_at, _ in outer[1:]), None]
    for (out_at, mid_at), next_out in zip(outer, bounds, strict=True):
        mid_end = None if next_out is None else mid_at + (next_out - out_at)
        result.append((out_at, map_offset(inner, mid_at)))
        first = bisect_right(inner_starts, mid_at)
        for inner_out, inner_in in inner[first:]:
            if mid_end is not None and inner_out >= mid_end:
                break
            result.append((out_at + (inner_out - mid_at), inner_in))
    return _simplify(result)


def _simplify(anchors: list[tuple[int, int]]) -> OffsetMap:
    kept: list[tuple[int, int]] = []
    for out_at, in_at in anchors:
        if kept:
            prev_out, prev_in = kept[-1]
            if prev_in + (out_at - prev_out) == in_at:
                continue
        kept.append((out_at, in_at))
    return tuple(kept)
