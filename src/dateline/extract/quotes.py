"""Quotes: direct, mixed and indirect quotations with their cue and source mention spans.

`extract_quotes` finds who-said-what evidence in three passes over one parsed article:

1. **Quotation marks** (`dateline.extract.quote_marks`): every quoted stretch, with the
   run-on and unclosed-paragraph rules.
2. **Reporting frames** (`dateline.extract.reported_speech`): every reporting cue of the
   parse with its source and content.
3. **Pairing**: a quotation takes the frame whose content covers it (``“…,” she said``;
   ``saying that a government “has no right to exist”``), else the nearest cue in its own
   sentence outside the marks (``“A,” he said, “B.”``; ``calling the proposal “trash”``),
   else -- when it starts a sentence and has no cue -- the previous quotation's speaker
   mention and cue (a speaker who goes on talking in the next sentence or paragraph). A
   frame whose content reaches beyond the quotation it governs becomes one *mixed* quote
   covering both. Frames that govern no quotation become *indirect* quotes.

What Dateline reports: statements -- speech, writing, posts, releases and media reports,
whether quoted or paraphrased. Beliefs, feelings and intentions ("X believes that …", "X
wants …") are not reported, because nobody is shown to have *said* them (the lexicon in
`dateline.extract.cues` draws that line). Not reported either: short quoted terms with no
cue that governs them (scare quotes, titles of works, nicknames).

Headlines of the form "X to Y: …" or "X: “…”" name their speaker before the colon.

Quote spans never overlap: when two candidates collide, quotation marks win over parse-only
frames, and a longer quotation over a shorter one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from dateline.extract.quote_marks import QuoteMarkSpan, find_quote_spans, paragraph_bounds
from dateline.extract.reported_speech import Frame, find_frames, trim_span
from dateline.model import Quote, TextSpan, content_id
from dateline.nlp import doc_text

__all__ = ["extract_quotes"]

# A quoted stretch this short (in words) is a term, a title or a nickname unless a cue
# governs it directly ("calling the proposal “trash”").
_SHORT_QUOTE_WORDS = 3
# A capitalised quotation of this many words or fewer with no punctuation of its own is a
# term ("“PII”", "“Job Simulator”") unless a cue governs it.
_TERM_WORDS = 2
# Speakerless quotations shorter than this are dropped: a reader cannot tell a quoted
# sentence from a quoted phrase without a speaker.
_SPEAKERLESS_MIN_WORDS = 6
# A quotation that opens a sentence may continue the previous speaker only this many
# paragraphs later (a quote run after an interlude of narrative is a new, unknown speaker).
_INHERIT_PARAGRAPHS = 2
_HEADLINE_MAX_CHARS = 200
_NAME = r"[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,4}"
_HEADLINE_TO_RE = re.compile(rf"^({_NAME}) (to) {_NAME}: *(.+)$")
_HEADLINE_COLON_RE = re.compile(rf"^({_NAME})(:) *[“\"‘](.+)$")
_WORD_RE = re.compile(r"\w+")
_SENTENCE_END = frozenset(".?!")
_CLAUSE_END = frozenset(".?!,…-—")
_TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "and", "of", "in", "on", "for", "to", "with"))


@dataclass(slots=True)
class _Candidate:
    """A quote before it is frozen into a `Quote`: spans as offset pairs."""

    start: int
    end: int
    kind: str
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    confidence: float
    rank: int  # lower wins an overlap


def _words(text: str) -> int:
    return len(_WORD_RE.findall(text))


class _QuoteIndex:
    """Answers "is this offset inside a quotation?" in O(log n)."""

    def __init__(self, spans: list[QuoteMarkSpan]) -> None:
        self._starts = [span.open_start for span in spans]
        self._spans = spans

    def __call__(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._spans[index].close_end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _is_direct(text: str, span: QuoteMarkSpan, para_start: int) -> bool:
    """Whether a quotation is a clause of its own rather than a fragment of the reporter's."""
    before = text[para_start : span.open_start].rstrip()
    body = text[span.start : span.end].lstrip()
    if not body or not (body[0].isupper() or body[0].isdigit()):
        return False
    if _words(body) <= _TERM_WORDS and body.rstrip()[-1:] not in _CLAUSE_END:
        # A capitalised term with no closing punctuation ("“PII” isn’t necessary") is a
        # name for something, not a sentence someone said ("“Sanity.”", "“No,” he said").
        return False
    return not before or before[-1] in ",:—–" or before[-1] in _SENTENCE_END


def _frame_cue_tokens(doc: Any, span: QuoteMarkSpan, inside: _QuoteIndex) -> tuple[int, int]:
    """Return the token range ``[lo, hi)`` of the quotation's sentence outside its marks."""
    text = doc_text(doc)
    first = doc.char_span(span.open_start, span.close_end, alignment_mode="expand")
    lo = first.start if first is not None else 0
    hi = first.end if first is not None else len(doc)
    while lo > 0:
        token = doc[lo - 1]
        if "\n" in token.text or (token.text in _SENTENCE_END and not inside(token.idx)):
            break
        if inside(token.idx):
            break
        lo -= 1
    body = text[span.start : span.end].rstrip(" ,")
    ends_sentence = bool(body) and body[-1] in _SENTENCE_END
    while hi < len(doc):
        token = doc[hi]
        if "\n" in token.text or inside(token.idx):
            break
        if ends_sentence and hi == (first.end if first is not None else hi) and token.is_title:
            break  # the quotation closed its sentence; a capital starts the next one
        hi += 1
        if token.text in _SENTENCE_END:
            break
    return lo, hi


def _nearest_frame(
    frames_by_token: dict[int, Frame], lo: int, hi: int, span: QuoteMarkSpan, doc: Any
) -> Frame | None:
    """Return the frame whose cue is nearest to the quotation within ``[lo, hi)``."""
    best: Frame | None = None
    best_distance = 0
    for index in range(lo, hi):
        frame = frames_by_token.get(index)
        if frame is None:
            continue
        token = doc[index]
        if token.idx < span.open_start:
            distance = span.open_start - (token.idx + len(token.text))
        else:
            distance = token.idx - span.close_end
        if best is None or distance < best_distance:
            best, best_distance = frame, distance
    return best


def _governs(doc: Any, frame: Frame, span: QuoteMarkSpan) -> bool:
    """Whether the frame's cue is the syntactic head of a short quotation's words."""
    quoted = doc.char_span(span.start, span.end, alignment_mode="expand")
    if quoted is None:
        return False
    cue = doc[frame.cue_token]
    return any(token.head.i == cue.i or token.head.head.i == cue.i for token in quoted)


def _looks_like_title(doc: Any, text: str, span: QuoteMarkSpan) -> bool:
    """Whether a short quotation is a title of a work ("said on ABC's “This Week”")."""
    words = _WORD_RE.findall(text[span.start : span.end])
    if not words or len(words) > _SHORT_QUOTE_WORDS + 1:
        return False
    if not all(word[0].isupper() or word.lower() in _TITLE_SMALL_WORDS for word in words):
        return False
    before = doc.char_span(0, span.open_start, alignment_mode="contract")
    if before is None or len(before) == 0:
        return False
    previous = before[-1]
    return previous.pos_ in ("ADP", "PART") or previous.tag_ == "POS" or previous.lemma_ == "tell"


def _headline_candidates(
    text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteMarkSpan]
) -> list[_Candidate]:
    """Read "X to Y: …" and "X: “…”" headlines in the first paragraph."""
    if not paragraphs:
        return []
    start, end = paragraphs[0]
    line = text[start:end]
    if len(line) > _HEADLINE_MAX_CHARS or line.rstrip()[-1:] in _SENTENCE_END:
        return []
    match = _HEADLINE_TO_RE.match(line) or _HEADLINE_COLON_RE.match(line)
    if match is None:
        return []
    speaker = (start + match.start(1), start + match.end(1))
    cue = (start + match.start(2), start + match.end(2))
    colon = text.index(":", speaker[1], end)
    inner = [span for span in spans if colon < span.open_start and span.close_end <= end]
    if inner:
        return [
            _Candidate(s.start, s.end, "mixed", speaker, cue, 0.7, rank=0)
            for s in inner
            if text[s.start : s.end].strip()
        ]
    body = trim_span(text, colon + 1, end)
    if _words(text[body[0] : body[1]]) < 3:
        return []
    return [_Candidate(body[0], body[1], "indirect", speaker, cue, 0.6, rank=0)]


def _colon_intro(
    text: str,
    span: QuoteMarkSpan,
    para: int,
    paragraphs: list[tuple[int, int]],
    frames: list[Frame],
) -> Frame | None:
    """Return the frame that introduces a block quote from the paragraph before it.

    News sets a long quotation off as its own paragraph after an introduction that ends in
    a colon ("Reporter Jomana Karadsheh says:", "In a 1963 speech, he declared:"); the
    quotation belongs to the last reporting cue of that introduction that names a source.
    """
    if para == 0 or not paragraphs or text[paragraphs[para][0] : span.open_start].strip():
        return None
    start, end = paragraphs[para - 1]
    if not text[start:end].rstrip().endswith(":"):
        return None
    named = [f for f in frames if f.source is not None and start <= f.cue[0] < end]
    return max(named, key=lambda f: f.cue[0], default=None)


def _pair_marks(
    doc: Any,
    spans: list[QuoteMarkSpan],
    frames: list[Frame],
    inside: _QuoteIndex,
    paragraphs: list[tuple[int, int]],
) -> tuple[list[_Candidate], set[int]]:
    """Attribute each quotation; return the candidates and the frames they used."""
    text = doc_text(doc)
    para_starts = [start for start, _ in paragraphs]
    frames_by_token = {frame.cue_token: frame for frame in frames}
    used: set[int] = set()
    candidates: list[_Candidate] = []
    previous: _Candidate | None = None
    previous_para = -10
    for span in spans:
        para = max(0, bisect_right(para_starts, span.open_start) - 1)
        para_start = paragraphs[para][0] if paragraphs else 0
        quoted_words = _words(text[span.start : span.end])
        if _looks_like_title(doc, text, span):
            continue
        direct = _is_direct(text, span, para_start)
        # The innermost frame whose content covers the quotation governs it ("said he saw no
        # need, telling them that “we tell the truth”" belongs to "telling").
        covering = [
            f
            for f in frames
            if f.content is not None
            and not f.by_according
            and _overlaps(f.content, (span.start, span.end))
        ]
        owner = min(
            covering,
            key=lambda f: f.content[1] - f.content[0] if f.content else 0,
            default=None,
        )
        start, end = span.start, span.end
        kind = "direct" if direct else "mixed"
        if owner is not None and owner.content is not None:
            outside = (
                text[owner.content[0] : span.open_start] + text[span.close_end : owner.content[1]]
            )
            if not direct and _words(outside) > 1 and owner.content[0] <= span.open_start:
                start, end = min(owner.content[0], start), max(owner.content[1], end)
                start, end = trim_span(text, start, end, keep_final=end == span.end)
                # A quoted term inside a paraphrase ("a “small number” of hostages") leaves
                # the paraphrase indirect; a quoted clause makes it mixed.
                kind = "mixed" if quoted_words > _SHORT_QUOTE_WORDS else "indirect"
        else:
            lo, hi = _frame_cue_tokens(doc, span, inside)
            # A cue that heads the quoted words wins over a nearer one that does not.
            governing = {
                i: frames_by_token[i]
                for i in range(lo, hi)
                if i in frames_by_token and _governs(doc, frames_by_token[i], span)
            }
            owner = _nearest_frame(governing or frames_by_token, lo, hi, span, doc)
            if (
                owner is not None
                and quoted_words <= _SHORT_QUOTE_WORDS
                and not direct
                and not owner.by_according
                and not _governs(doc, owner, span)
            ):
                owner = None
        confidence = 0.9
        speaker = owner.source if owner is not None else None
        if speaker is None and quoted_words <= _SHORT_QUOTE_WORDS and not direct:
            continue  # a quoted term nobody is said to have used: "is called “third-party”"
        cue = owner.cue if owner is not None else None
        intro = None if owner is not None else _colon_intro(text, span, para, paragraphs, frames)
        if intro is not None:
            # The frame also keeps its own content as an indirect quote, so it is not "used".
            speaker, cue, confidence = intro.source, intro.cue, 0.8
        elif owner is None:
            inherits = (
                previous is not None
                and (direct or span.continued)
                and para - previous_para <= _INHERIT_PARAGRAPHS - (0 if span.continued else 1)
            )
            if inherits and previous is not None:
                speaker, cue, confidence = previous.speaker, previous.cue, 0.7
            elif quoted_words < _SPEAKERLESS_MIN_WORDS or not direct:
                continue
            else:
                confidence = 0.4
        else:
            used.add(owner.cue_token)
        candidate = _Candidate(start, end, kind, speaker, cue, confidence, rank=1)
        candidates.append(candidate)
        if speaker is not None:
            previous, previous_para = candidate, para
    return candidates, used


def _indirect_candidates(text: str, frames: list[Frame], used: set[int]) -> list[_Candidate]:
    """Turn the clause frames no quotation used into indirect quotes."""
    candidates: list[_Candidate] = []
    for frame in frames:
        if frame.cue_token in used or frame.content is None or not frame.clause:
            continue
        start, end = trim_span(text, *frame.content)
        if _words(text[start:end]) < 3 or "\n" in text[start:end]:
            continue
        if frame.source is not None and _overlaps(frame.source, (start, end)):
            continue
        candidates.append(
            _Candidate(
                start,
                end,
                "indirect",
                frame.source,
                frame.cue,
                # No source named ("it was announced that …"): still a report, less useful.
                0.3 if frame.source is None else 0.5 if frame.by_according else 0.6,
                rank=3 if frame.by_according else 2,
            )
        )
    return candidates


def _to_quote(text: str, candidate: _Candidate) -> Quote:
    """Freeze a candidate into a `Quote` whose spans slice to their text."""

    def span(pair: tuple[int, int] | None) -> TextSpan | None:
        if pair is None:
            return None
        return TextSpan(pair[0], pair[1], text[pair[0] : pair[1]])

    body = text[candidate.start : candidate.end]
    return Quote(
        id=content_id(f"{candidate.start}:{candidate.end}:{body}", prefix="quote:"),
        text=body,
        start=candidate.start,
        end=candidate.end,
        kind=candidate.kind,
        speaker_mention=span(candidate.speaker),
        cue=span(candidate.cue),
        confidence=candidate.confidence,
    )


def extract_quotes(doc: Any) -> list[Quote]:
    """Return the quotes in ``doc`` with ``speaker_mention`` and ``cue``; speakers unresolved.

    Args:
        doc: a parsed spaCy ``Doc`` of ``Article.text``.

    Returns:
        Direct, mixed and indirect quotes in text order, never overlapping, each slicing to
        its text; ``speaker``/``speaker_name`` are left for `attribute_quotes` to fill.
    """
    text: str = doc_text(doc)
    spans = find_quote_spans(text)
    inside = _QuoteIndex(spans)
    paragraphs = paragraph_bounds(text)
    frames = find_frames(doc, inside)
    candidates = _headline_candidates(text, paragraphs, spans)
    headline_end = max((c.end for c in candidates), default=-1)
    marked, used = _pair_marks(
        doc, [s for s in spans if s.start >= headline_end], frames, inside, paragraphs
    )
    candidates.extend(marked)
    candidates.extend(_indirect_candidates(text, frames, used))
    accepted: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.start - c.end)):
        if candidate.start >= candidate.end:
            continue
        if any(_overlaps((c.start, c.end), (candidate.start, candidate.end)) for c in accepted):
            continue
        accepted.append(candidate)
    accepted.sort(key=lambda c: c.start)
    return [_to_quote(text, candidate) for candidate in accepted]
