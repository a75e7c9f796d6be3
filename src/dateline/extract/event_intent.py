"""Statements of intent and demands: the events that frame another action.

CAMEO and PLOVER code what an actor *says it will do* as an event of its own, typed by the
valence of the announced action: a cooperative action announced ("Hungary will support the
resolution", "France is ready to contribute troops") is AGREE; a conflictual one
("Palestinian leaders said they would boycott all contact", "Greece plans to impose
restrictions") is THREATEN; a negated cooperative one ("Syria will not accept more
refugees") is REJECT. A speaker saying that someone *must* act ("the administration declared
that China must drop barriers") makes a REQUEST of them.

Schedules reported by the journalist ("was set to meet", "is scheduled to visit",
"expected to") are not statements of intent: the action keeps its type, status planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.extract.event_status import paragraph_children

__all__ = [
    "COMMITMENT_VERBS",
    "INTENT_HEADS",
    "IntentFrame",
    "find_intent_frame",
    "intent_code",
    "is_infinitive_complement",
]

_FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
_DEMAND_AUX = {"must"}
# Verbs of commitment are events of their own; with an event as complement they become
# the statement of intent that frames it ("vowed to fight" is a threat).
COMMITMENT_VERBS = {"agree", "promise", "pledge", "vow", "swear", "offer", "commit", "threaten"}
INTENT_HEADS = COMMITMENT_VERBS | {
    "plan",
    "intend",
    "prepare",
    "prepared",
    "eager",
    "keen",
    "ready",
    "willing",
    "decide",
    "aim",
    "want",
    "hope",
    "swear",
    "determined",
    "resolve",
    "seek",
}
_SPEECH = {
    "say",
    "announce",
    "declare",
    "state",
    "tell",
    "insist",
    "reiterate",
    "conclude",
    "add",
    "write",
    "warn",
    "argue",
}
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
_CONFLICTUAL = {"ACCUSE", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@dataclass(frozen=True, slots=True)
class IntentFrame:
    """A word framing an action as intended or demanded, and who demands it."""

    token: Any  # the framing token: "will", "plans", "ready", "must"
    kind: str  # intent | demand
    speaker: Any | None = None  # the demanding speaker's head token, for demands


def is_infinitive_complement(token: Any) -> bool:
    """Return True for a "to"-infinitive complementing its head ("vowed *to fight*").

    The small model often attaches such infinitives as ``advcl``; one with no subject of its
    own and a "to" marker complements its head all the same.
    """
    if token.dep_ == "xcomp":
        return True
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
    )


def find_intent_frame(action: Any) -> IntentFrame | None:
    """Return the frame that makes ``action`` (a verb token) intended or demanded, if any.

    Args:
        action: the trigger token of an action event.

    Returns:
        An `IntentFrame`, or None when the action is simply reported as done.
    """
    for child in paragraph_children(action):
        if child.dep_ != "aux":
            continue
        if child.lower_ in _FUTURE_AUX:
            return IntentFrame(child, "intent")
        if child.lower_ in _DEMAND_AUX:
            clause = action
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _SPEECH:
                subjects = [c for c in clause.head.children if c.dep_ == "nsubj"]
                # The speaker is the subject's verb for "The Red Cross operating in Iraq said":
                # it stands in for the subject in the frame; roles resolve it later.
                return IntentFrame(child, "demand", subjects[0] if subjects else None)
    if is_infinitive_complement(action) and action.head.lemma_.lower() in INTENT_HEADS:
        return IntentFrame(action.head, "intent")
    return None


def _negated(token: Any) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def intent_code(
    frame: IntentFrame, action: Any, kind: str, cameo: str, context: str | None
) -> tuple[str, str] | None:
    """Return ``(plover_type, cameo_code)`` for the framing event, or None when none applies.

    Args:
        frame: the frame found by `find_intent_frame`.
        action: the action's trigger token.
        kind: the action's PLOVER type.
        cameo: the action's CAMEO code.
        context: the action's PLOVER context (economic, military, ...), if known.

    Returns:
        The type and CAMEO code of the intent, threat, rejection or demand.
    """
    negated = _negated(action) or _negated(frame.token)
    if frame.token.lemma_.lower() == "threaten" and not negated:
        threats = {"SANCTION": "131", "COERCE": "132", "PROTEST": "133", "ASSAULT": "138"}
        return "THREATEN", threats.get(kind, "130")
    if frame.kind == "demand":
        demand = {
            "AID": "103",
            "COOPERATE": "101",
            "CONCEDE": "105",
            "RETREAT": "105",
            "CONSULT": "106",
            "AGREE": "106",
        }
        return "REQUEST", demand.get(kind, "100")
    if kind in _COOPERATIVE:
        if negated:
            reject = {"CONSULT": "125", "AID": "122", "COOPERATE": "121"}
            return "REJECT", reject.get(kind, "124" if kind in ("CONCEDE", "RETREAT") else "120")
        if kind == "AGREE":
            return None
        by_context = {"economic": "0311", "military": "0312", "legal": "0313"}
        aid = {"economic": "0331", "military": "0332", "humanitarian": "0333"}
        if kind == "AID":
            return "AGREE", aid.get(context or "", "033")
        if kind == "COOPERATE":
            return "AGREE", by_context.get(context or "", "031")
        codes = {"CONSULT": "036", "SUPPORT": "032", "CONCEDE": "035", "RETREAT": "035"}
        return "AGREE", codes[kind]
    if kind in _CONFLICTUAL and not negated:
        threats = {"PROTEST": "133", "ASSAULT": "138", "MOBILIZE": "138"}
        if kind == "SANCTION":
            return "THREATEN", {"161": "1313", "164": "134"}.get(
                cameo[:3], "136" if cameo.startswith("166") else "131"
            )
        if kind == "COERCE":
            return "THREATEN", {"1723": "1323", "1724": "1324"}.get(cameo, "132")
        return "THREATEN", threats.get(kind, "130")
    if frame.token.lemma_.lower() in COMMITMENT_VERBS:
        return "AGREE", "030"
    return None
