"""Find the headline, standfirst and byline at the top of a plain-text article.

Pasted articles open with the headline on the first line, often a standfirst (the one-line
summary under it) and sometimes a byline. They stay in the article text — quotes hide in
headlines ("Blinken to Netanyahu: Israel must ‘avoid further expansion’ of war") — and their
spans are recorded so the body can be told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Layout", "find_layout"]

_MAX_HEADLINE_WORDS = 30
_MAX_STANDFIRST_WORDS = 60
_SENTENCE_END = (".", "!", ";", ",")
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+(?P<names>[A-Z][^\n]{1,100})$", re.IGNORECASE)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


@dataclass(frozen=True, slots=True)
class Layout:
    """Spans of ``text`` (half-open) for the parts found; None when absent."""

    headline: tuple[int, int] | None = None
    standfirst: tuple[int, int] | None = None
    byline: tuple[int, int] | None = None
    byline_names: str | None = None


def _words(paragraph: str) -> int:
    return len(paragraph.split())


def find_layout(text: str) -> Layout:
    """Return where the headline, standfirst and byline sit in ``text`` (by shape, not words)."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    if len(paragraphs) < 2:
        return Layout()
    first_start, first_end = paragraphs[0]
    first_line_end = text.find("\n", first_start, first_end)
    if first_line_end != -1:
        # A headline is one line; a block of several lines is body or a paragraph of prose.
        return Layout()
    headline_text = text[first_start:first_end].strip()
    if (
        _words(headline_text) > _MAX_HEADLINE_WORDS
        or headline_text.endswith(_SENTENCE_END)
        or not any(ch.isupper() for ch in headline_text[:1])
    ):
        return Layout()
    headline = (first_start, first_end)
    standfirst = byline = None
    byline_names = None
    rest = paragraphs[1:]
    if rest:
        start, end = rest[0]
        candidate = text[start:end]
        match = _BYLINE.match(candidate)
        if match and _words(candidate) <= 12:
            byline, byline_names = (start, end), match.group("names").strip()
            rest = rest[1:]
    if len(rest) >= 2:
        start, end = rest[0]
        candidate = text[start:end]
        gap = text[end : rest[1][0]]
        # A standfirst is short and reads like a headline's second line: it seldom ends in a
        # full stop, and paste-outs often leave extra blank lines after it.
        is_short = _words(candidate) <= _MAX_STANDFIRST_WORDS and "\n" not in candidate
        unfinished = not candidate.rstrip().endswith((".", "!", "?", "”", '"', "’"))
        if is_short and (unfinished or gap.count("\n") >= 3):
            standfirst = (start, end)
    if byline is None:
        after = rest[1:] if standfirst else rest
        if after:
            start, end = after[0]
            match = _BYLINE.match(text[start:end])
            if match and _words(text[start:end]) <= 12:
                byline, byline_names = (start, end), match.group("names").strip()
    return Layout(headline, standfirst, byline, byline_names)
