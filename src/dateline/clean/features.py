"""Surface features of the lines of a pasted page, and the score the block finder sums.

A line of article prose is long, full of function words and ends like a sentence; page
furniture (menus, buttons, teasers, credits) is short, capitalised like a title, heavy in
call-to-action words, or repeated on the same page. These features need no language
parsing — word lists from :mod:`dateline.clean.lexicon` and character tests only — so the
cleaner runs before, and independently of, the spaCy pipeline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dateline.clean.lexicon import (
    CTA_WORDS,
    DATE_WORDS,
    IMPERATIVE_WORDS,
    READER_WORDS,
    REPORTING_WORDS,
    SECTION_END,
    STOPWORDS,
    classify_cue,
)

__all__ = ["Line", "furniture_cue", "split_lines"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)\]]*\s*$|[.!?]\s*\(.*\)\s*$""")
# Above these sizes a line is judged by its prose, never by a furniture word alone.
_SHORT_WORDS = 12
_MEDIUM_WORDS = 40
# A long line is still furniture when it *opens* with a furniture phrase ("We use cookies
# …", "To continue reading …") and reports nothing.
_OPENING_CUE_CHARS = 24
# (Not "footer": a caption credit "© Provided by …" can open a merged first paragraph.)
_OPENING_CUE_REASONS = frozenset({"cookie", "paywall", "newsletter"})
# Costs of furniture-like lines against the words of prose (tuned on rendered news pages:
# high enough that a teaser list of title/byline/date/blurb nets out negative, low enough
# that subheadings and captions between paragraphs do not split an article).
CUE_COST = 3.0
SHORT_COST = 3.0
NUMERIC_COST = 0.5
SHORT_SENTENCE_SCORE = 1.0
_SHORT_SENTENCE_WORDS = 4
REPEAT_COST = 3.0
STAMP_COST = 2.0
# Hard-wrapped text: many lines of at least _WRAP_MIN_CHARS, none over _WRAP_MAX_CHARS.
_WRAP_MIN_CHARS = 40
_WRAP_MAX_CHARS = 100
_WRAP_MIN_LINES = 8
_BYLINE = re.compile(r"^(?:by|por|von|par|written by|words by)\s+\w", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the input with the features the cleaner uses.

    Attributes:
        start: offset of the line's first character.
        end: offset just past its ``\\n`` (or the end of the text).
        text: the line without surrounding whitespace.
        n_words: word tokens in it.
        stop_ratio: share of those that are function words.
        title_ratio: share of its alphabetic words that start with a capital.
        cta_words: call-to-action words in it (share, subscribe, newsletter, …).
        ends_sentence: ends with sentence punctuation (optionally closing quotes).
        reporting: uses a verb of reporting (said, told, according …).
        page_repeats: how many times the same line occurs on this page.
        cue: furniture tag its vocabulary suggests, before any length gating.
        cue_at: where in the line that furniture phrase starts.
        dateline: the line is only a date, a time or a "published/updated" stamp.
        byline: the line is a short "By …" credit.
        section_end: the line is a heading that opens what follows an article
            (comments, related stories, topics).
    """

    start: int
    end: int
    text: str
    n_words: int
    stop_ratio: float
    title_ratio: float
    cta_words: int
    ends_sentence: bool
    reporting: bool
    page_repeats: int
    cue: str | None
    cue_at: int
    dateline: bool
    byline: bool
    section_end: bool

    @property
    def key(self) -> str:
        """The line normalised for comparing across pages: case, digits, spacing."""
        return _DIGITS.sub("0", _SPACE.sub(" ", self.text.lower())).strip(" .,:;|-–—•·")

    @property
    def prose(self) -> bool:
        """Whether the line reads like a paragraph of running text."""
        return self.n_words >= 8 and self.stop_ratio >= 0.18 and self.ends_sentence

    @property
    def headline_like(self) -> bool:
        """Whether the line could be a headline or standfirst at the top of a paste."""
        return 1 <= self.n_words <= _MEDIUM_WORDS and self.cue is None and "|" not in self.text

    @property
    def score(self) -> float:
        """Contribution to the article block: positive for prose, negative for furniture."""
        if furniture_cue(self) is not None:
            return -(CUE_COST + 0.5 * min(self.n_words, 30))
        penalty = 0.0
        if self.page_repeats > 1 and not self.prose:
            penalty += REPEAT_COST
        if self.dateline or self.byline:
            penalty += STAMP_COST
        headline_shaped = self.title_ratio > 0.6 and not self.ends_sentence
        if self.n_words >= 10 and self.stop_ratio >= 0.15 and not headline_shaped:
            quality = min(1.0, self.stop_ratio / 0.3) * (1.0 if self.ends_sentence else 0.6)
            if self.title_ratio > 0.6:
                quality *= 0.3
            return self.n_words * quality - 2.0 * self.cta_words - penalty
        if self.prose:
            return 0.5 * self.n_words - penalty
        if self.short_sentence:
            # "Until then, get used to it." closes many columns; it is not a button.
            return SHORT_SENTENCE_SCORE - penalty
        if self.n_words <= 2 and self.numeric:
            # Chart labels and table figures sit inside articles; menus are words.
            return -NUMERIC_COST - penalty
        return -(SHORT_COST + 0.3 * min(self.n_words, 10)) - penalty

    @property
    def short_sentence(self) -> bool:
        """Whether the line is a brief sentence of running text (too short to be prose)."""
        return (
            self.n_words >= _SHORT_SENTENCE_WORDS
            and self.ends_sentence
            and self.stop_ratio >= 0.2
            and not (self.dateline or self.byline)
        )

    @property
    def sentence_shaped(self) -> bool:
        """Whether the line is built like a sentence: ends like one, has function words."""
        return (
            self.n_words >= _SHORT_SENTENCE_WORDS
            and self.ends_sentence
            and (self.stop_ratio >= 0.2)
        )

    @property
    def numeric(self) -> bool:
        """Whether the line is a figure: digits with at most a unit word."""
        return any(char.isdigit() for char in self.text) and self.n_words <= 2


def _addresses_reader(text: str) -> bool:
    words = _WORD.findall(text[:80].lower())
    return bool(words) and (
        words[0] in IMPERATIVE_WORDS or any(word in READER_WORDS for word in words)
    )


def furniture_cue(line: Line) -> str | None:
    """Return the furniture tag of a line when its length allows trusting the vocabulary.

    A short line that says "Subscribe" is a button; a sentence of reporting that mentions
    subscribers is news. So a sentence is tagged only when the furniture phrase opens it
    or it speaks to the reader ("Sign up for …", "Get our …"), and a long line only when
    it opens with a cookie, paywall or newsletter phrase.

    Args:
        line: a line from :func:`split_lines`.

    Returns:
        The tag (``"share-prompt"``, ``"paywall"``, …) or ``None`` when the line is not
        recognisably furniture.
    """
    if line.cue is None or line.n_words == 0:
        return None
    if line.reporting and line.ends_sentence:
        return None
    if line.sentence_shaped and line.cue_at > 0 and not _addresses_reader(line.text):
        # "The newsletter went to 3,000 homes." mentions furniture; it is not furniture.
        return None
    if line.n_words <= _SHORT_WORDS:
        return line.cue
    if line.n_words <= _MEDIUM_WORDS:
        return line.cue
    if line.cue in _OPENING_CUE_REASONS and line.cue_at <= _OPENING_CUE_CHARS:
        return line.cue
    return None


def _measure(text: str, start: int, end: int, repeats: int) -> Line:
    words = _WORD.findall(text)
    lowered = [word.lower() for word in words]
    alphabetic = [word for word in words if word[0].isalpha()]
    n_words = len(words)
    cue = classify_cue(text) if n_words else None
    return Line(
        start=start,
        end=end,
        text=text,
        n_words=n_words,
        stop_ratio=sum(word in STOPWORDS for word in lowered) / n_words if n_words else 0.0,
        title_ratio=(
            sum(word[0].isupper() for word in alphabetic) / len(alphabetic) if alphabetic else 0.0
        ),
        cta_words=sum(word in CTA_WORDS for word in lowered),
        ends_sentence=bool(_SENTENCE_END.search(text)),
        reporting=any(word in REPORTING_WORDS for word in lowered),
        page_repeats=repeats,
        cue=cue[0] if cue else None,
        cue_at=cue[1] if cue else 0,
        dateline=bool(words) and sum(w not in DATE_WORDS and not w.isdigit() for w in lowered) == 0,
        byline=n_words <= 8 and bool(_BYLINE.match(text)),
        section_end=n_words <= 8 and bool(SECTION_END.match(text)),
    )


def split_lines(text: str) -> list[Line]:
    """Split text into lines with their features.

    Args:
        text: the pasted article, ``\\n`` line ends.

    Returns:
        Every line in order, blank ones included (with empty ``text``); together their
        ``[start, end)`` ranges tile the whole text.
    """
    spans: list[tuple[int, int, str]] = []
    offset = 0
    # Only "\n" ends a line: str.splitlines would also split on U+2028 and friends, and the
    # ranges must be whole lines of the text as the caller sees it.
    while offset < len(text):
        newline = text.find("\n", offset)
        end = len(text) if newline < 0 else newline + 1
        spans.append((offset, end, text[offset:end].strip()))
        offset = end
    spans = _join_wrapped(spans)
    counts = Counter(stripped.lower() for _, _, stripped in spans if stripped)
    return [
        _measure(stripped, start, end, counts[stripped.lower()] if stripped else 0)
        for start, end, stripped in spans
    ]


def _hard_wrapped(spans: list[tuple[int, int, str]]) -> bool:
    """Whether the text was wrapped at a fixed width (e-mail, terminals, some paste paths)."""
    lines = [stripped for _, _, stripped in spans if stripped]
    long = [line for line in lines if len(line) >= _WRAP_MIN_CHARS]
    if len(long) < _WRAP_MIN_LINES or max(len(line) for line in lines) > _WRAP_MAX_CHARS:
        return False
    unfinished = sum(not _SENTENCE_END.search(line) for line in long)
    return unfinished >= 0.5 * len(long)


def _join_wrapped(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join physical lines that continue one sentence into one logical line.

    A paragraph wrapped across lines (or a line break inside a box: "Want more from / the
    JC?") must be judged whole; a wrapped paragraph's last line alone looks like furniture.
    A joined line still covers whole physical lines, so ranges stay line-aligned.
    """
    wrapped = _hard_wrapped(spans)
    joined: list[tuple[int, int, str]] = []
    for start, end, stripped in spans:
        if joined and stripped:
            first, _, previous = joined[-1]
            ends = previous == "" or bool(_SENTENCE_END.search(previous))
            continues = wrapped or (stripped[0].islower() and len(previous.split()) >= 3)
            if not ends and not previous.endswith(":") and continues:
                joined[-1] = (first, end, f"{previous} {stripped}")
                continue
        joined.append((start, end, stripped))
    return joined
