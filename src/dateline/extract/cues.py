"""The cue lexicon: which words introduce a quotation or a reported statement.

Dateline answers "who *said* what", so the lexicon holds acts of communication only:
speaking and writing verbs (say, tell, write, tweet), verbs that report a statement with a
stance (warn, insist, deny, admit), and verbs by which documents, polls and media report
(report, show, find, read). The list was curated by hand while reading the cues annotated
in PolNeAR's *train* split; nothing is learned from it and no PolNeAR text is shipped.

Deliberately left out (PolNeAR annotates them, Dateline does not report them):

* mental states and attitudes -- believe, think, feel, know, hope, fear, want, expect: they
  describe what the writer says someone has in mind, not something the person said, and a
  reader cannot check them against a statement;
* perception and evidence verbs that take no source of speech -- see, hear, seem, appear;
* intentions -- plan, intend, seek.

Some verbs report speech only when they introduce quoted words (``calling the proposal
“trash”``, ``the release continued``): they are in `QUOTE_ONLY_CUES` and are cues only next
to a quotation, never for an unquoted that-clause.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CLAUSE_CUES",
    "QUOTE_ONLY_CUES",
    "is_cue_token",
]


def _lexicon(words: str) -> frozenset[str]:
    """Read a whitespace-separated word list (kept as prose so it is easy to review)."""
    return frozenset(words.split())


# Verbs that introduce reported content, with or without quotation marks.
CLAUSE_CUES: frozenset[str] = _lexicon(
    """
    say tell add write note report state explain argue claim insist warn announce declare
    confirm deny acknowledge admit suggest tweet post reply respond ask recall stress
    emphasize emphasise assert contend allege complain concede caution testify repeat remark
    observe indicate reveal disclose mention estimate conclude find show predict promise vow
    pledge urge reiterate maintain agree disagree counter retort quip joke boast shout yell
    scream whisper exclaim mutter murmur inform assure advise announce affirm reaffirm charge
    accuse blame hint signal propose demand recommend acknowledge answer comment speculate
    concur lament proclaim swear threaten guarantee specify underline underscore highlight
    clarify point forecast tout brag grumble reckon muse fume scoff snap sneer gush rave
    marvel
    """
)

# Verbs that are cues only when they introduce quoted words.
QUOTE_ONLY_CUES: frozenset[str] = _lexicon(
    """
    continue call describe read put go praise criticize criticise dismiss label term brand
    slam blast decry deride mock hail condemn welcome begin conclude finish sum summarize
    cite quote offer chime interject
    """
)


def is_cue_token(token: Any, *, quoted: bool) -> bool:
    """Return whether a spaCy token is a reporting verb.

    Args:
        token: a spaCy ``Token``.
        quoted: whether the content it would introduce is in quotation marks; some verbs
            (`QUOTE_ONLY_CUES`) count only then.

    Returns:
        True when the token's lemma is in the lexicon and it is used as a verb.
    """
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return False
    lemma = token.lemma_.lower()
    if lemma in CLAUSE_CUES:
        return True
    return quoted and lemma in QUOTE_ONLY_CUES
