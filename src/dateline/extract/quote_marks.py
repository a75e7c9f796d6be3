"""Quotation-mark pairing: where the quoted stretches of an article's text are.

This works on characters, not tokens, so it is cheap and independent of the parse. It knows
curly (“ ” „ « »), straight (") and typewriter (`` '') double marks, and single curly marks
(‘ ’) when a single ‘ opens a quote that is not inside a double one (headlines use them).

Paragraph logic follows newspaper convention:

* a quote that is still open when its paragraph ends and is followed by a paragraph that
  opens with a mark *runs on*: each paragraph's part becomes its own span, and the
  continuation spans are flagged ``continued`` so the caller can hand them the same speaker;
* a quote that is still open when its paragraph ends and is *not* followed by an opening
  mark runs to the end of its paragraph (the writer forgot to close it);
* marks never pair across paragraphs otherwise, so one stray mark costs at most the rest of
  its paragraph, never the article's other quotes.

Single marks are paired only from an opening ‘ to the next ’ that is not an apostrophe (a ’
followed by a letter, as in "Hamas’s" or "don’t", is an apostrophe). Single quotes nested in
a double quote stay part of the outer span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteMarkSpan", "find_quote_spans", "paragraph_bounds"]

_OPEN_ONLY = frozenset("“„«")
_CLOSE_ONLY = frozenset("”»")
# A mark or a typewriter pair; the typewriter pairs (`` and '') are how NYT-style feeds spell
# quotation marks, and '' must be read before the straight ' (which we never pair).
_DOUBLE_RE = re.compile(r"``|''|[\"“”„«»]")
_OPENERS_BEFORE = frozenset("([{—–-/")


@dataclass(frozen=True, slots=True)
class QuoteMarkSpan:
    """A quoted stretch of text: ``[start, end)`` excludes the marks themselves.

    ``open_start`` is the offset of the opening mark; ``closed`` says whether a closing mark
    was found in the paragraph; ``continued`` says the span continues a quote that an
    earlier paragraph opened and never closed.
    """

    start: int
    end: int
    open_start: int
    close_end: int
    closed: bool
    continued: bool = False


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Return the ``[start, end)`` of each non-empty line of ``text``.

    Args:
        text: the article text; paragraphs are separated by one or more newlines.

    Returns:
        The line spans in order, without their newline characters.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\n", text):
        if text[start : match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def _is_opening(text: str, mark_start: int, mark_end: int, inside: bool) -> bool:
    """Decide whether an ambiguous double mark opens (True) or closes (False) a quote."""
    mark = text[mark_start:mark_end]
    if mark in _OPEN_ONLY or mark == "``":
        return True
    if mark in _CLOSE_ONLY:
        return False
    before = text[mark_start - 1] if mark_start > 0 else "\n"
    after = text[mark_end] if mark_end < len(text) else "\n"
    opens_by_left = before.isspace() or before in _OPENERS_BEFORE
    closes_by_right = after.isspace() or (not after.isalnum() and after not in "‘'`")
    if opens_by_left and not closes_by_right:
        return True
    if closes_by_right and not opens_by_left:
        return False
    # Both or neither side looks like a boundary: fall back on the pairing state.
    return not inside


def _double_spans(text: str, para_start: int, para_end: int) -> tuple[list[QuoteMarkSpan], bool]:
    """Pair the double marks of one paragraph; say whether a quote is left open at its end."""
    spans: list[QuoteMarkSpan] = []
    open_at: int | None = None
    open_len = 0
    for match in _DOUBLE_RE.finditer(text, para_start, para_end):
        opening = _is_opening(text, match.start(), match.end(), open_at is not None)
        if opening:
            if open_at is None:
                open_at, open_len = match.start(), match.end() - match.start()
            # An opener inside an open quote is a nested or stray mark: keep the outer quote.
            continue
        if open_at is None:
            continue  # a stray closing mark with nothing open: ignore it
        spans.append(
            QuoteMarkSpan(open_at + open_len, match.start(), open_at, match.end(), closed=True)
        )
        open_at = None
    if open_at is not None:
        spans.append(QuoteMarkSpan(open_at + open_len, para_end, open_at, para_end, closed=False))
        return spans, True
    return spans, False


def _single_spans(
    text: str, para_start: int, para_end: int, taken: list[QuoteMarkSpan]
) -> list[QuoteMarkSpan]:
    """Pair ‘ … ’ outside the double-quoted spans of one paragraph."""
    spans: list[QuoteMarkSpan] = []
    position = para_start
    while True:
        open_at = text.find("‘", position, para_end)
        if open_at < 0:
            return spans
        position = open_at + 1
        if any(span.open_start <= open_at < span.close_end for span in taken):
            continue
        close_at = position
        while True:
            close_at = text.find("’", close_at, para_end)
            if close_at < 0:
                break
            after = text[close_at + 1] if close_at + 1 < len(text) else "\n"
            if not after.isalpha():
                break
            close_at += 1
        if close_at < 0:
            continue
        if any(span.open_start <= close_at and open_at < span.close_end for span in taken):
            continue  # a ‘ … ’ pair that straddles a double quote is two apostrophes
        spans.append(QuoteMarkSpan(open_at + 1, close_at, open_at, close_at + 1, closed=True))
        position = close_at + 1


def find_quote_spans(text: str) -> list[QuoteMarkSpan]:
    """Return the quoted stretches of ``text``, in order and never overlapping.

    Args:
        text: the article text.

    Returns:
        One `QuoteMarkSpan` per quoted stretch, with the run-on and unclosed paragraph rules
        of the module docstring applied. Empty or whitespace-only stretches are dropped.
    """
    paragraphs = paragraph_bounds(text)
    result: list[QuoteMarkSpan] = []
    carried = False
    for para_start, para_end in paragraphs:
        spans, left_open = _double_spans(text, para_start, para_end)
        if carried and spans and not text[para_start : spans[0].open_start].strip():
            first = spans[0]
            spans[0] = QuoteMarkSpan(
                first.start, first.end, first.open_start, first.close_end, first.closed, True
            )
        spans.extend(_single_spans(text, para_start, para_end, spans))
        spans.sort(key=lambda span: span.start)
        result.extend(span for span in spans if text[span.start : span.end].strip())
        carried = left_open
    return result
