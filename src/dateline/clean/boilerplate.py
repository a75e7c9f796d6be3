"""Find the boilerplate in an article pasted from a web page: which whole lines to cut.

Users copy articles out of browsers, so the text arrives with the page around it: menus,
share prompts, paywall and newsletter boxes, cookie banners, related-article lists, photo
credits, comment threads and footers. This module decides, line by line, which of that to
cut, in steps that generalise beyond any one site:

1. **Score every line** from surface features (:mod:`dateline.clean.features`): length,
   function-word density, sentence punctuation, capitalisation, call-to-action vocabulary,
   repetition inside the page. Prose scores positive, furniture negative; a prose line
   with no prose neighbour (a teaser blurb between its title and its date) counts less.
2. **Keep the best contiguous block** (maximum-sum subarray over the scores, as in
   body-text extraction): the article is the run of prose that the menus and lists
   around it cannot outweigh. The block ends early at a comments/related heading when
   what follows is a list, and takes in the headline, standfirst, byline and date just
   above it; a headline and standfirst at the very top of a paste are always kept.
   Lines outside it are ``outside-article`` (or a more specific tag when their
   vocabulary names what they are).
3. **Cut furniture inside the block**: lines whose vocabulary marks them as share
   prompts, credits, "Read more:" links and so on (gated by length and sentence shape, so
   reporting that mentions "subscribers" stays), runs of one- and two-word fragments
   (chart labels), short lines the page repeats, and lines this outlet has repeated
   across earlier articles (:class:`BoilerplateDetector` remembers them).

The cleaner never parses language: only regular expressions and word lists. It returns
ranges; ``dateline.clean`` cuts them out and keeps the offset map. The constants below
were tuned on 26 rendered news pages (``bench/cleaning.py``); moving any one of them by
a quarter moves the averages there by about one point at most.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.clean.features import Line, furniture_cue, split_lines
from dateline.errors import ConfigError

__all__ = ["Boilerplate", "BoilerplateDetector", "find_boilerplate"]

# How many earlier articles of one outlet must contain a line before it counts as the
# outlet's furniture. Two keeps a quote that two stories share from being flagged once.
_DEFAULT_MIN_ARTICLES = 2
# Memory per outlet is bounded; past this, fingerprints seen once are forgotten first.
_MAX_FINGERPRINTS = 50_000
# A repeated line this long and this prose-like is more likely a re-published paragraph
# (an update of the same story) than furniture.
_REPEATED_PROSE_WORDS = 45
# Above this share of its words already seen, a text is a version of an earlier story.
_DUPLICATE_SHARE = 0.5
_DUPLICATE_LABEL_WORDS = 3
# Lines above the first paragraph that may be its headline, standfirst, byline, date.
_LEAD_LINES = 4
_LEAD_MIN_WORDS = 4
# So many consecutive lines of at most so many words inside the block are fragments of a
# chart, gallery or menu, not story.
_FRAGMENT_RUN = 4
_FRAGMENT_WORDS = 2
# "1. Finland": an enumerated list is story even when its items are one word.
_ENUMERATED = re.compile(r"^\d{1,3}[.)]\s+\S")
# A line the page repeats keeps its first occurrence at the top of the article from this
# many words up (a headline, not a label such as "Photo" or "billion").
_FIRST_ECHO_WORDS = 3
# A paste whose first lines are this short and headline-shaped keeps them.
_HEAD_LINES = 3
# Share of the block's prose that must precede a comments/related heading for it to end
# the article there.
SECTION_END_SHARE = 0.35
# Below this share of the prose before it, what follows such a heading is not story.
SECTION_TAIL_SHARE = 0.5
# Most a run of consecutive furniture lines can cost the block (see _best_block).
GAP_CAP = 100.0
# Weight of a prose line with no prose neighbour (see _damp_isolated).
ISOLATED_FACTOR = 0.4
# A neighbour counts as prose from this score up (a short caption does not).
NEIGHBOUR_MIN = 6.0
# Date, byline or repeated lines after such a heading that make what follows a list
# (comment threads, teasers) rather than the rest of the story.
_LIST_STAMPS = 3


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A range of whole lines to cut, with why.

    Attributes:
        start: offset of the first character of the first line (into the text given).
        end: offset just past the last line's ``\\n`` (or the end of the text).
        reason: short tag: ``share-prompt``, ``paywall``, ``newsletter``, ``navigation``,
            ``related``, ``credit``, ``cookie``, ``footer``, ``advert``, ``comments``,
            ``repeated`` (seen in earlier articles of the outlet), ``fragments`` (a run of
            one- and two-word lines: chart labels, gallery counters) or
            ``outside-article`` (outside the article block, no more specific reason).
    """

    start: int
    end: int
    reason: str


def _best_block(scores: Sequence[float], furniture: Sequence[bool]) -> tuple[int, int]:
    """Return ``[first, last)`` of the maximum-sum contiguous run (Kadane).

    A run of short lines costs at most ``GAP_CAP`` as long as none of them is
    recognisable furniture (``furniture[i]``): a chart's axis labels inside an article are
    many short lines but should not split the story on both sides of them, whereas a run
    that holds menus, buttons or "Read more" links is charged in full.
    """
    best, best_span = 0.0, (0, 0)
    running, run_start = 0.0, 0
    gap, cappable = 0.0, True
    for index, score in enumerate(scores):
        if score < 0.0:
            cappable = cappable and not furniture[index]
            if cappable:
                score = max(score, -GAP_CAP - gap)
            gap += score
        else:
            gap, cappable = 0.0, True
        if running <= 0.0:
            running, run_start = score, index
        else:
            running += score
        if running > best:
            best, best_span = running, (run_start, index + 1)
    return best_span


def _damp_isolated(scores: list[float]) -> list[float]:
    """Weaken prose lines that stand alone between furniture lines.

    Article paragraphs come in runs; a teaser blurb sits alone between its title, its
    source and its date. Without this, a long river of teasers outweighs a short story.
    """
    damped = list(scores)
    for index, score in enumerate(scores):
        if score <= 0.0:
            continue
        before = index > 0 and scores[index - 1] >= NEIGHBOUR_MIN
        after = index + 1 < len(scores) and scores[index + 1] >= NEIGHBOUR_MIN
        if not (before or after):
            damped[index] = score * ISOLATED_FACTOR
    return damped


def _truncate_at_section_end(lines: Sequence[Line], first: int, last: int) -> int:
    """Return the block's new end: before a comments/related heading that follows the body.

    Comment threads and teaser blurbs read like prose, so the block finder runs on into
    them; the heading that opens them ("Comments", "More on this story") is the border.
    The same headings also open boxes *inside* an article ("Related", "Most read"), after
    which the story goes on; so the block ends there only when what follows is smaller
    than half of what precedes it or is list-shaped (dates, bylines, repeated lines recur).
    """
    masses = [max(0.0, line.score) for line in lines]
    total = sum(masses[first:last])
    before = 0.0
    for position in range(first, last):
        line = lines[position]
        if line.section_end and before >= SECTION_END_SHARE * total:
            after = total - before
            stamps = sum(other.dateline or other.byline for other in lines[position + 1 : last])
            if after < SECTION_TAIL_SHARE * before or stamps >= _LIST_STAMPS:
                return position
        before += masses[position]
    return last


def _extend_lead_in(lines: Sequence[Line], first: int) -> int:
    """Return the block's new start, taking in the headline, standfirst, byline and date.

    They sit right above the first paragraph but are too short to score as prose.
    """
    taken = 0
    while first > 0 and taken < _LEAD_LINES:
        line = lines[first - 1]
        stamp = line.dateline or line.byline
        if furniture_cue(line) is not None or line.page_repeats > 1:
            break
        if not (stamp or (line.n_words >= _LEAD_MIN_WORDS and line.headline_like)):
            break
        first -= 1
        taken += 1
    return first


def _head_kept(lines: Sequence[Line], block_first: int) -> int:
    """Return how many lines at the very top are a headline/standfirst to keep."""
    kept = 0
    for line in lines[: min(block_first, _HEAD_LINES)]:
        if not line.headline_like:
            break
        kept += 1
    return kept


def _fingerprint(line: Line) -> str:
    return hashlib.blake2b(line.key.encode("utf-8"), digest_size=12).hexdigest()


@dataclass(slots=True)
class _OutletMemory:
    """Which line fingerprints one outlet has used, in how many distinct articles."""

    counts: dict[str, int] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)

    def remember(self, article_id: str, fingerprints: set[str]) -> None:
        if article_id in self.articles:
            return
        self.articles.add(article_id)
        for fingerprint in fingerprints:
            self.counts[fingerprint] = self.counts.get(fingerprint, 0) + 1
        if len(self.counts) > _MAX_FINGERPRINTS:
            self.counts = {fp: n for fp, n in self.counts.items() if n > 1}


class BoilerplateDetector:
    """Finds boilerplate lines; picklable.

    It remembers line fingerprints per outlet, so a line that earlier articles of the same
    outlet carried (a standard sign-off, a subscription box) is cut from the next one even
    when its vocabulary says nothing. Re-reading the very same text does not count twice.

    Args:
        min_articles: how many distinct earlier articles of an outlet must contain a line
            before it is flagged ``repeated`` (at least 1).

    Raises:
        ConfigError: when ``min_articles`` is below 1.
    """

    def __init__(self, *, min_articles: int = _DEFAULT_MIN_ARTICLES) -> None:
        if min_articles < 1:
            raise ConfigError(
                f"min_articles must be at least 1, got {min_articles!r}; "
                "use 2 to flag lines an outlet repeats across articles."
            )
        self.min_articles = min_articles
        self._outlets: dict[str, _OutletMemory] = {}

    def find(self, text: str, *, outlet: str | None = None) -> list[Boilerplate]:
        """Find the boilerplate lines of one article.

        Args:
            text: the article as pasted, ``\\n`` line ends.
            outlet: the publisher (a domain or name). When given, lines repeated across
                this outlet's earlier articles are flagged, and this article's lines are
                remembered for the next ones.

        Returns:
            Ranges of whole lines, sorted and non-overlapping; empty when nothing is
            boilerplate.
        """
        lines = split_lines(text)
        repeated: set[int] = set()
        if outlet is not None:
            memory = self._outlets.setdefault(outlet, _OutletMemory())
            fingerprints = [_fingerprint(line) for line in lines]
            seen = [memory.counts.get(fp, 0) >= self.min_articles for fp in fingerprints]
            seen_words = sum(line.n_words for line, hit in zip(lines, seen, strict=True) if hit)
            # Most of the text seen before: an update or re-post of a story, not a new one
            # wrapped in the same furniture. Only its short labels count as furniture.
            duplicate = seen_words > _DUPLICATE_SHARE * sum(line.n_words for line in lines)
            for index, (line, hit) in enumerate(zip(lines, seen, strict=True)):
                if not hit or (line.prose and line.n_words >= _REPEATED_PROSE_WORDS):
                    continue
                if duplicate and (line.sentence_shaped or line.n_words > _DUPLICATE_LABEL_WORDS):
                    continue
                repeated.add(index)
            article_id = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
            memory.remember(
                article_id,
                {fp for fp, line in zip(fingerprints, lines, strict=True) if line.n_words},
            )
        return _label(text, lines, repeated)


def _label(text: str, lines: Sequence[Line], repeated: set[int]) -> list[Boilerplate]:
    content = [i for i, line in enumerate(lines) if line.n_words]
    if not content:
        return []
    scores = _damp_isolated([lines[i].score - (4.0 if i in repeated else 0.0) for i in content])
    first, last = _best_block(scores, [furniture_cue(lines[i]) is not None for i in content])
    if first == last:
        # No line reads like prose; cut nothing rather than everything.
        first, last = 0, len(content)
    last = _truncate_at_section_end([lines[i] for i in content], first, last)
    first = _extend_lead_in([lines[i] for i in content], first)
    head = _head_kept([lines[i] for i in content], first)
    # The top lines survive only when they lead straight into the body.
    keep_from = content[0] if head == first else content[first]
    keep_to = content[last - 1]
    reasons: list[str | None] = [None] * len(lines)
    for index in _fragment_runs(lines, keep_from, keep_to):
        reasons[index] = "fragments"
    echoed: set[str] = set()
    top = {i for i in content if i >= keep_from}
    top = set(sorted(top)[: _HEAD_LINES + _LEAD_LINES])
    for index, line in enumerate(lines):
        if not line.text:
            continue
        inside = keep_from <= index <= keep_to
        cue = furniture_cue(line) if line.n_words else None
        if reasons[index] is not None:
            continue
        echo = inside and _echo(line)
        if echo and index in top and line.n_words >= _FIRST_ECHO_WORDS and line.key not in echoed:
            # A headline the page repeats (sticky header, share card): its first showing at
            # the top of the article is the story, the repeats are furniture.
            echoed.add(line.key)
            echo = False
        if index in repeated or echo:
            reasons[index] = "repeated"
        elif cue is not None:
            reasons[index] = cue
        elif not inside:
            reasons[index] = "outside-article"
    return _merge(text, lines, reasons)


def _echo(line: Line) -> bool:
    """Whether a short non-prose line is said more than once on the page.

    Charts rendered twice (mobile and desktop), carousels and "Advertisement" slots repeat
    their labels; a story does not repeat its own subheadings.
    """
    # A label ending in ":" ("TRUMP:", "Q:") introduces what follows: it repeats by design.
    labels = line.text.endswith(":")
    return line.page_repeats > 1 and not (line.prose or line.short_sentence or labels)


def _fragment_runs(lines: Sequence[Line], keep_from: int, keep_to: int) -> list[int]:
    """Return indexes of runs of one- and two-word lines inside the block.

    A chart's axis labels, a gallery's counters or a menu embedded in the story render as
    many consecutive tiny lines; a subheading is one tiny line between paragraphs.
    """
    found: list[int] = []
    run: list[int] = []
    for index in range(keep_from, keep_to + 2):
        line = lines[index] if index <= keep_to else None
        if line is not None and not line.text:
            continue
        if (
            line is not None
            and not _ENUMERATED.match(line.text)
            and line.n_words <= _FRAGMENT_WORDS
        ):
            run.append(index)
            continue
        if sum(lines[i].n_words > 0 for i in run) >= _FRAGMENT_RUN:
            found.extend(run)
        run = []
    return found


def _merge(text: str, lines: Sequence[Line], reasons: Sequence[str | None]) -> list[Boilerplate]:
    """Turn per-line reasons into ranges, absorbing blank lines between same-reason lines."""
    ranges: list[Boilerplate] = []
    current: tuple[int, int, str] | None = None
    pending_blank_end: int | None = None
    for line, reason in zip(lines, reasons, strict=True):
        if not line.text:
            if current is not None:
                pending_blank_end = line.end
            continue
        if reason is None:
            if current is not None:
                ranges.append(Boilerplate(*current))
            current, pending_blank_end = None, None
            continue
        if current is not None and current[2] == reason:
            current = (current[0], line.end, reason)
        else:
            if current is not None:
                end = pending_blank_end if pending_blank_end is not None else current[1]
                ranges.append(Boilerplate(current[0], end, current[2]))
            current = (line.start, line.end, reason)
        pending_blank_end = None
    if current is not None:
        end = pending_blank_end if pending_blank_end is not None else current[1]
        ranges.append(Boilerplate(current[0], min(end, len(text)), current[2]))
    return ranges


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Find the boilerplate lines of one article, with no memory of other articles.

    Args:
        text: the article as pasted, ``\\n`` line ends.

    Returns:
        Ranges of whole lines, sorted and non-overlapping.
    """
    return BoilerplateDetector().find(text)
