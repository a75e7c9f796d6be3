"""Reporting frames from the dependency parse: cue, source and reported content.

A *frame* is one use of a reporting cue (`dateline.extract.cues`) with what the parse says
about it: the source (the cue's subject, or the object of "according to"), and the reported
content (the cue's clausal complement, the main clause around a parenthetical "she said",
or the clause an "according to" phrase hangs on). `dateline.extract.quotes` pairs frames
with quotation marks and turns the frames that govern no quotation into indirect quotes.

The source is the cue's subject noun phrase (with appositions and relative clauses, without
time adjuncts); a subjectless participle ("…, saying …") borrows the subject of its
sentence's main verb; a relative pronoun ("Mr. Ekovich, who noted …") gives way to its
antecedent; an inverted subject after a closing mark ('“…,” tweeted Rubio spokesman Alex
Conant') is read off the surface when the parse misses it. Sources and contents never
leave the cue's paragraph: the small parser sometimes runs a sentence across a break.

Offsets are character offsets into ``doc.text``; spans are trimmed of surrounding
whitespace and punctuation so they slice to clean text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dateline.extract.cues import CLAUSE_CUES, is_cue_token
from dateline.nlp import doc_text

__all__ = ["Frame", "find_frames", "trim_span"]

_SUBJECT_DEPS = ("nsubj",)
_INVERTED_DEPS = frozenset(("dobj", "attr", "npadvmod", "dative", "oprd"))
# A cue without a subject of its own borrows the subject of the verb it hangs from
# ("criticized the deal, calling it “trash”", "said X and added Y").
_BORROW_DEPS = frozenset(("advcl", "conj", "xcomp", "pcomp", "acl", "relcl", "parataxis"))
# A cue right after a closing mark ('“…,” tweeted X') may have its subject after it.
_AFTER_CLOSING_RE = re.compile(r"[”\"'],?\s*$")
_NAME_POS = frozenset(("PROPN", "NOUN", "DET", "ADJ", "NUM"))
_RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))
_CUE_LEFT_DEPS = frozenset(("aux", "auxpass", "neg", "advmod"))
_TIME_ENTS = frozenset(("DATE", "TIME"))
_EDGE_PUNCT = " \t\n,;:.—–-“”\"‘’'`()[]…"


@dataclass(frozen=True, slots=True)
class Frame:
    """One reporting cue in the parse, with its source and content (character spans).

    ``cue_token`` is the index of the cue's head token in the doc; ``clause`` says whether the
    cue may introduce unquoted content (it is in the clause lexicon); ``by_according`` marks
    "according to" frames, whose content is the clause around them rather than a complement.
    """

    cue_token: int
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    clause: bool
    by_according: bool = False


def trim_span(text: str, start: int, end: int, *, keep_final: bool = False) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding whitespace and punctuation.

    Args:
        text: the document text.
        start: span start.
        end: span end.
        keep_final: keep a closing ``.``, ``?`` or ``!`` (direct quotes keep theirs).

    Returns:
        The trimmed span; ``(start, start)`` when nothing but punctuation was in it.
    """
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        if keep_final and text[end - 1] in ".?!":
            break
        end -= 1
    return start, end


def _token_span(tokens: Iterable[Any]) -> tuple[int, int] | None:
    """Return the character extent of some tokens, or None when there are none."""
    items = list(tokens)
    if not items:
        return None
    start = min(token.idx for token in items)
    end = max(token.idx + len(token.text) for token in items)
    return start, end


def _source_tokens(head: Any) -> list[Any]:
    """Return the tokens of a source noun phrase, without time adjuncts or trailing clauses."""
    skipped: set[int] = set()
    for child in head.children:
        # A relative clause stays in the source ("Officials who asked not to be named"),
        # unless it is a report of its own ("Mr. Ekovich, who noted that …").
        drop = child.i > head.i and (
            child.dep_ == "advcl" or (child.dep_ == "relcl" and is_cue_token(child, quoted=False))
        )
        if child.dep_ == "prep" and any(t.ent_type_ in _TIME_ENTS for t in child.subtree):
            drop = True
        if drop:
            skipped.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skipped]


def _around(head: Any, tokens: list[Any], inside: Callable[[int], bool]) -> list[Any]:
    """Keep the run of ``tokens`` around ``head`` that no quotation interrupts."""
    ordered = sorted(tokens, key=lambda t: t.i)
    run: list[Any] = []
    for token in ordered:
        if inside(token.idx) or (run and token.i != run[-1].i + 1 and token.i > head.i):
            if any(t.i == head.i for t in run):
                break
            run = []
            if inside(token.idx):
                continue
        run.append(token)
    return run if any(t.i == head.i for t in run) else [head]


def _find_source(
    cue: Any, inside: Callable[[int], bool], bounds: tuple[int, int]
) -> tuple[int, int] | None:
    """Return the source span of a cue: its subject, or a borrowed or appositive one.

    Only a span within ``bounds`` (the cue's paragraph) and outside quotations is returned.
    """
    starts = [cue]
    has_subject = any(c.dep_ in _SUBJECT_DEPS for c in cue.children)
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "conj") and not has_subject:
        # A participle ("…, saying …") reports for the subject of its sentence's main verb;
        # the parser often hangs it on a nearer verb inside a noun's modifier instead.
        starts.insert(0, cue.sent.root)
    for start in starts:
        span = _climb_to_source(start, inside)
        if span is not None and bounds[0] <= span[0] and span[1] <= bounds[1]:
            return span
    return _inverted_surface(cue)


def _inverted_surface(cue: Any) -> tuple[int, int] | None:
    """Read an inverted subject off the surface: '“…,” tweeted Rubio spokesman Alex Conant'.

    Used only when the parse gave no subject and the cue directly follows a closing mark;
    the small parser often makes such a cue an adjective of the name after it.
    """
    if not _AFTER_CLOSING_RE.search(doc_text(cue.doc), max(0, cue.idx - 4), cue.idx):
        return None
    run: list[Any] = []
    for token in cue.doc[cue.i + 1 : cue.i + 12]:
        if token.pos_ not in _NAME_POS and token.tag_ != "POS":
            break
        run.append(token)
    while run and run[-1].pos_ not in ("PROPN", "NOUN"):
        run.pop()
    return _token_span(run)


def _climb_to_source(cue: Any, inside: Callable[[int], bool]) -> tuple[int, int] | None:
    """Follow the cue up through subjectless clauses to the first subject."""
    token = cue
    for _ in range(4):
        for child in token.children:
            if child.dep_ in _SUBJECT_DEPS or child.dep_ == "agent":
                target = child
                if child.dep_ == "agent":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if not objects:
                        continue
                    target = objects[0]
                if inside(target.idx):
                    continue
                tokens = _source_tokens(target)
                if target.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                    # "Mr. Ekovich, who noted that …": name the antecedent, not "who".
                    clause = {t.i for t in token.subtree}
                    target = token.head
                    tokens = [t for t in _source_tokens(target) if t.i not in clause]
                return _token_span(_around(target, tokens, inside))
        if token.i == cue.i and _AFTER_CLOSING_RE.search(
            doc_text(cue.doc), max(0, cue.idx - 4), cue.idx
        ):
            # '“…,” tweeted Rubio spokesman Alex Conant': the parser often reads the inverted
            # subject of a cue that follows the closing mark as its object.
            after = [c for c in token.rights if c.dep_ in _INVERTED_DEPS and c.pos_ != "PRON"]
            if after and not inside(after[0].idx):
                return _token_span(_around(after[0], _source_tokens(after[0]), inside))
        if token.dep_ == "appos":
            # "…, the latter tweeting that …": the words before the participle name the source.
            left = [t for t in token.lefts if t.dep_ in ("det", "amod", "compound", "poss")]
            if left:
                return _token_span(t for c in left for t in c.subtree)
            return _token_span(_source_tokens(token.head))
        if token.dep_ not in _BORROW_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


def _clause_head(token: Any) -> Any:
    """Climb from a token to the verb of the clause it sits in."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _side_of(head: Any, removed: set[int]) -> list[Any]:
    """Return the larger contiguous run of ``head``'s subtree left after removing tokens."""
    tokens = [t for t in head.subtree]
    runs: list[list[Any]] = [[]]
    for token in tokens:
        if token.i in removed:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(token)
    return max(runs, key=lambda run: sum(1 for t in run if not t.is_punct))


def _run_with(head: Any, removed: set[int]) -> list[Any]:
    """Return the contiguous run of ``head``'s subtree, minus ``removed``, that holds ``head``."""
    run: list[Any] = []
    for token in head.subtree:
        if token.i in removed:
            if any(t.i == head.i for t in run):
                break
            run = []
            continue
        run.append(token)
    return run


def _is_found_state(head: Any) -> bool:
    """Whether a "find" complement describes the finder's own state, not a finding:
    "Uber found itself offering …", "you’ll find yourself flying …"."""
    return bool(head.left_edge.lower_.endswith(("self", "selves")))


def _is_idiom(token: Any) -> bool:
    """Whether a cue word is part of a fixed phrase that reports nothing ("All told, …")."""
    doc = token.doc
    return bool(
        token.lower_ == "told"
        and token.i > 0
        and doc[token.i - 1].lower_ == "all"
        and (token.i == 1 or doc[token.i - 2].is_punct or doc[token.i - 1].is_sent_start)
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
    )


def _content_of(cue: Any, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """Return the reported content of a clause cue, or None when the parse shows none.

    Only complements whose head lies in ``bounds`` (the cue's paragraph) count: the parser
    sometimes hangs the previous paragraph's quotation on the cue as a second complement.
    """
    complements = [
        child
        for child in cue.children
        if child.dep_ == "ccomp" and bounds[0] <= child.idx < bounds[1]
    ]
    if cue.lemma_.lower() == "find":
        # "the study found that …" reports; "Uber found itself offering free rides"
        # describes a state nobody stated.
        complements = [c for c in complements if not _is_found_state(c)]
    if complements:
        # "reiterating what he said …, that a Rafah operation will …": the that-clause is
        # the content; a bare what-clause is only the object of the report.
        marked = [c for c in complements if any(m.dep_ == "mark" for m in c.children)]
        best = min(marked or complements, key=lambda c: abs(c.i - cue.i))
        # A coordinated reporting verb ("said he makes $41,000 and questioned how …") starts
        # a report of its own: the content stops before it.
        removed = {cue.i}
        for child in best.children:
            if child.dep_ == "conj" and child.i > best.i and is_cue_token(child, quoted=False):
                removed.update(t.i for t in child.subtree)
        return _token_span(_run_with(best, removed))
    if cue.dep_ == "parataxis" and any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        # "In return …, she said, under the deal Israel will …": the main clause is the content.
        removed = {t.i for t in cue.subtree}
        return _token_span(_side_of(cue.head, removed))
    return None


def _according_frame(token: Any, inside: Callable[[int], bool]) -> Frame | None:
    """Build the frame of "according to X" at ``token`` ("according"), if it is one."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    objects = [c for c in to.children if c.dep_ == "pobj"]
    source = (
        _token_span(_around(objects[0], _source_tokens(objects[0]), inside)) if objects else None
    )
    head = _clause_head(token.head)
    removed = {t.i for t in token.subtree}
    content = _token_span(_side_of(head, removed)) if head.i != token.i else None
    return Frame(
        cue_token=token.i,
        cue=(token.idx, to.idx + len(to.text)),
        source=source,
        content=content,
        clause=True,
        by_according=True,
    )


def find_frames(doc: Any, inside: Callable[[int], bool]) -> list[Frame]:
    """Return every reporting frame of ``doc`` whose cue lies outside quotation marks.

    Args:
        doc: a parsed spaCy ``Doc``.
        inside: says whether a character offset lies inside a quotation (cues and sources
            inside quoted speech belong to the quoted speaker's own report, not the article's).

    Returns:
        The frames in text order. ``content`` is None for cues that only introduce quoted
        words (their content is the adjacent quotation).
    """
    text = doc_text(doc)
    frames: list[Frame] = []
    for token in doc:
        if inside(token.idx):
            continue
        if token.lower_ == "according":
            frame = _according_frame(token, inside)
            if frame is not None:
                frames.append(frame)
            continue
        if not is_cue_token(token, quoted=True) or _is_idiom(token):
            continue
        clause = token.lemma_.lower() in CLAUSE_CUES
        para_start = text.rfind("\n", 0, token.idx) + 1
        para_end = text.find("\n", token.idx)
        para_end = len(text) if para_end < 0 else para_end
        content = _content_of(token, (para_start, para_end)) if clause else None
        if content is not None:
            # The parser sometimes runs a sentence across a paragraph break; a report never does.
            content = trim_span(text, max(content[0], para_start), min(content[1], para_end))
            if content[0] >= content[1]:
                content = None
        cue_end = token.idx + len(token.text)
        cue_start = token.idx
        left = token.i - 1
        # "has said", "also said", "did not deny": the auxiliaries and adverbs right before
        # the verb belong to the cue (they carry tense and negation).
        while left >= 0 and doc[left].head.i == token.i and doc[left].dep_ in _CUE_LEFT_DEPS:
            cue_start = doc[left].idx
            left -= 1
        particles = [c for c in token.children if c.dep_ == "prt" and c.i == token.i + 1]
        if particles:
            cue_end = particles[0].idx + len(particles[0].text)
        source = _find_source(token, inside, (para_start, para_end))
        if source is not None:
            source = trim_span(text, *source)
            if source[0] >= source[1]:
                source = None
        frames.append(
            Frame(
                cue_token=token.i,
                cue=(cue_start, cue_end),
                source=source,
                content=content,
                clause=clause,
            )
        )
    return frames
