"""Event status: did the action happen, is it planned, conditional, denied or only reported?

Read off the dependency parse around an event's trigger, in this order of precedence:

- ``denied``: the trigger (or the verb it complements) is negated ("did not meet", "never
  agreed"), or it complements a verb of refusal or denial ("refused to meet");
- ``hypothetical``: the trigger sits in an "if"/"unless" clause, or under "would", "could",
  "might" ("it would constitute a crime");
- ``planned``: future or intention: "will", "shall", "going to", or the trigger complements
  a verb of planning or scheduling ("plans to establish", "set to meet", "scheduled to
  hold", "expected to"); a noun trigger with "planned", "expected", "upcoming";
- ``reported``: the action is only attributed: "according to X" on its clause, or it sits in
  the complement of a reporting verb ("Army Radio reported that ...") whose subject is
  not the event's own actor;
- ``happened`` otherwise.

A verb conjoined to another ("scheduled to hold a meeting ... and visit Kibbutz Be'eri")
shares its governor's status.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from dateline.nlp import break_tokens

__all__ = ["STATUSES", "crosses_paragraph", "event_status", "paragraph_children"]

STATUSES = ("happened", "planned", "hypothetical", "denied", "reported")

_NEGATING_HEADS = {"refuse", "decline", "deny", "fail", "reject", "avoid"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_PLANNING_HEADS = {
    "plan",
    "set",
    "schedule",
    "expect",
    "intend",
    "aim",
    "prepare",
    "due",
    "hope",
    "want",
    "propose",
    "seek",
    "agree",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "offer",
    "decide",
    "go",
    "poise",
    "slate",
    "ready",
    "willing",
}
_PLANNING_MODIFIERS = {"planned", "expected", "upcoming", "scheduled", "proposed", "impending"}
_REPORTING_VERBS = {
    "report",
    "say",
    "claim",
    "allege",
    "tell",
    "state",
    "announce",
    "write",
    "tweet",
    "add",
    "quote",
    "cite",
}
# Links inside one clause: a complement or conjunct shares its governor's tense and mood.
_SAME_CLAUSE = {"xcomp", "conj", "acomp"}


def crosses_paragraph(a: Any, b: Any) -> bool:
    """Return True when a blank line separates tokens ``a`` and ``b`` of one doc."""
    low, high = sorted((a.i, b.i))
    breaks = break_tokens(a.doc)
    return bisect_left(breaks, low) < bisect_left(breaks, high)


def paragraph_children(token: Any) -> list[Any]:
    """Return the children of ``token`` in its own paragraph.

    The parser sometimes runs a headline or standfirst into the first body sentence; an
    auxiliary or a negation on the far side of a blank line ("… will not happen before …
    \n\n Blinken met …") belongs to another sentence, not to this verb.
    """
    return [child for child in token.children if not crosses_paragraph(child, token)]


def _clause_chain(token: Any) -> list[Any]:
    """Return ``token`` and the governors it shares a clause with (xcomp/conj upwards)."""
    chain = [token]
    current = token
    while (
        current.dep_ in _SAME_CLAUSE
        and current.head.i != current.i
        and len(chain) < 6
        and not crosses_paragraph(current, current.head)
    ):
        current = current.head
        chain.append(current)
    return chain


def _is_negated(node: Any) -> bool:
    return any(
        child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never")
        for child in paragraph_children(node)
    )


def _is_denied(chain: list[Any]) -> bool:
    if any(_is_negated(node) for node in chain):
        return True
    return any(
        node.dep_ in ("xcomp", "ccomp")
        and (node.head.lemma_.lower() in _NEGATING_HEADS or _rules_out(node.head))
        for node in chain
    )


def _rules_out(verb: Any) -> bool:
    """Return True for "ruled out": a refusal, unlike "ruled the country"."""
    return bool(verb.lemma_.lower() == "rule") and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children
    )


def _is_hypothetical(chain: list[Any]) -> bool:
    for node in chain:
        for child in paragraph_children(node):
            if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
                return True
            if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL_AUX:
                return True
    return False


def _is_planned(chain: list[Any]) -> bool:
    for node in chain:
        for child in paragraph_children(node):
            if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
                return True
            if child.dep_ in ("amod", "compound") and child.lower_ in _PLANNING_MODIFIERS:
                return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _PLANNING_HEADS:
            return True
        if node.dep_ == "pobj" and node.head.head.lemma_.lower() in _PLANNING_HEADS:
            return True
    return False


def _subject_text(token: Any) -> str | None:
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return str(child.text).lower()
    return None


_QUOTE_MARKS = {"”", '"', "’", "'"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i"}


def _attributes_quotation(according: Any) -> bool:
    """Return True for "…,” according to the release": it attributes the quotation before it."""
    before = according.doc[max(0, according.i - 3) : according.i]
    return any(token.lower_ in _QUOTE_MARKS for token in before)


def _is_reported(chain: list[Any]) -> bool:
    for node in chain:
        for child in node.children:
            if (
                child.lower_ == "according"
                and child.dep_ in ("prep", "advcl")
                and not _attributes_quotation(child)
            ):
                return True
    top = chain[-1]
    governor = top.head
    if (
        top.dep_ in ("ccomp", "parataxis")
        and governor is not top
        and governor.lemma_.lower() in _REPORTING_VERBS
    ):
        reporter = _subject_text(governor)
        actor = _subject_text(chain[0]) or _subject_text(top)
        if reporter is None:
            return bool(governor.lemma_.lower() == "report")
        return actor is not None and actor != reporter and actor not in _PRONOUNS
    return False


def event_status(token: Any) -> str:
    """Return the status of the event whose trigger is ``token`` (a spaCy ``Token``).

    Args:
        token: the event's trigger in a parsed ``Doc``.

    Returns:
        One of ``happened``, ``planned``, ``hypothetical``, ``denied``, ``reported``.
    """
    chain = _clause_chain(token)
    if _is_denied(chain):
        return "denied"
    if _is_hypothetical(chain):
        return "hypothetical"
    if _is_planned(chain):
        return "planned"
    if _is_reported(chain):
        return "reported"
    return "happened"
