"""Event codes decided by what a verb acts on, or by who acts, rather than by the verb.

The CAMEO verb patterns list objects verb by verb; many verbs of degree ("extend",
"tighten", "lift", "shorten", "suspend", "cut", "withdraw") take their meaning from the
measure they act on, and the lists miss most combinations. Here a measure noun (curfew,
martial law, blockade, sanctions, aid, relations, inspectors, troops) and a verb class
(imposing, easing, stopping, withdrawing, strengthening) give the code together:
"extended the curfew" imposes a curfew (CAMEO 1723), "lifted a state of emergency" eases
it (0814), "suspended aid deliveries" stops aid (162), "strengthened its forces" mobilises
(154).

Who acts decides one more case: blocking a road is a protest (CAMEO 144) when civilians
or rebels do it and a blockade (191) when police, soldiers or a government do.
"""

from __future__ import annotations

from typing import Any

from dateline.extract.event_lexicon import partitive_object
from dateline.extract.event_roles import load_agent_sectors

__all__ = ["is_publication", "measure_code", "sector_adjusted_code"]

_IMPOSE = {"impose", "extend", "tighten", "declare", "enforce", "introduce", "reimpose"}
_EASE = {"lift", "ease", "end", "relax", "shorten", "loosen", "remove", "scrap", "cancel"}
_STOP = {"suspend", "cut", "halt", "reduce", "stop", "freeze", "withhold", "end", "cancel"}
_WITHDRAW = {"withdraw", "recall", "expel", "pull", "evacuate"}
_STRENGTHEN = {"strengthen", "reinforce", "boost", "increase", "mass", "build", "bolster"}
_CONCEDE = {"accept", "meet", "grant", "satisfy", "accede", "heed"}
_RESTORE = {"upgrade", "restore", "establish", "resume", "normalize", "normalise", "improve"}
_ADMIT = {"receive", "admit", "allow", "accept", "welcome", "host"}
_SUPPRESS = {"prevent", "ban", "disperse", "outlaw", "forbid", "prohibit", "block", "stop"}
_GATHERINGS = {"demonstration", "protest", "rally", "march", "gathering", "meeting", "strike"}
_DRILL = {"launch", "hold", "stage", "conduct", "begin", "start", "carry"}
_DRILLS = {"exercises", "exercise", "games", "maneuvers", "manoeuvres", "drills", "drill"}
_INQUIRY = {"investigation": "090", "inquiry": "090", "probe": "090", "arrest": "173"}
_ORDERED_STOPS = {"suspend", "stop", "close", "halt", "cease", "shut", "leave", "disband"}

# measure noun → (code when imposed, code when eased)
_MEASURES: dict[str, tuple[str, str]] = {
    "curfew": ("1723", "0813"),
    "martial law": ("1724", "0814"),
    "state of emergency": ("1724", "0814"),
    "emergency": ("1724", "0814"),
    "emergency measures": ("1724", "0814"),
    "emergency rule": ("1724", "0814"),
    "blockade": ("191", "0872"),
    "siege": ("191", "0872"),
    "sanctions": ("163", "085"),
    "embargo": ("163", "085"),
    "boycott": ("163", "085"),
    "restrictions": ("172", "081"),
    "ban": ("1722", "0812"),
}
_AID = {"aid", "assistance", "supplies", "deliveries", "delivery", "funding", "loans", "loan"}
_AID_CONTEXT = {"military": "1622", "economic": "1621", "food": "1623", "humanitarian": "1623"}
_TIES = {"ties", "relations", "contacts", "contact"}
_TALKS = {"talks", "negotiations", "dialogue", "mediation"}
_FORCES = {"forces", "troops", "army", "soldiers", "units", "presence", "force", "police"}
_OBSERVERS = {"inspectors", "observers", "monitors"}
_PEACEKEEPERS = {"peacekeepers", "peacekeeping"}
_ENVOYS = {"ambassador", "envoy", "diplomats", "diplomat", "ambassadors"}
_DEMANDS = {"demands", "demand", "requests", "request", "conditions"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD"}


# "part of a military aid program" is about the program.
_PART_WORDS = {"part", "some", "all", "most", "one", "third", "half"}


def _object_heads(verb: Any) -> list[Any]:
    heads = [
        partitive_object(c, _PART_WORDS) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
    ]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        heads.append(verb.head)  # "the curfew imposed in Sudan"
    for child in verb.children:
        # "shortened by one hour the nightly curfew": the object may sit in a PP's shadow.
        if child.dep_ == "prep" and child.lower_ in ("on", "of"):
            heads.extend(c for c in child.children if c.dep_ == "pobj")
    return heads


def _phrase_text(head: Any) -> str:
    return " ".join(t.lower_ for t in head.subtree)


_ARRIVE = {"arrive", "land", "deploy", "enter"}
_SHARE = {"share", "exchange", "pass", "swap"}
_CREATE = {"establish", "create", "set", "open", "build", "provide", "declare"}
_REFUGES = {"zone", "corridor", "area", "shelter", "camp", "route", "pocket"}
_REFUGE_MODIFIERS = {"humanitarian", "safe", "protected", "evacuation", "aid"}
_KNOWLEDGE = {"intelligence", "information", "expertise", "data", "technology", "knowledge"}


def measure_code(verb: Any, lemma: str) -> str | None:
    """Return the CAMEO code a verb gets from the measure it acts on, or None.

    Args:
        verb: the verb token.
        lemma: its lexicon lemma.

    Returns:
        A CAMEO code such as ``"1723"`` (impose curfew) or ``"162"`` (stop aid), or None.
    """
    for child in verb.children:
        # "put under investigation", "placed under arrest"
        if child.dep_ == "prep" and child.lower_ == "under":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lower_ in _INQUIRY:
                    return _INQUIRY[obj.lower_]
        # "ordered the newspaper to suspend publication": an order to stop is coercion
        if (
            lemma in ("order", "force", "compel")
            and child.dep_ in ("xcomp", "ccomp")
            and child.lemma_.lower() in _ORDERED_STOPS
        ):
            return "172"
    if lemma in _ARRIVE:
        # Peacekeepers arriving are peacekeeping provided (CAMEO 074), not a visit.
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if "peacekeep" in _phrase_text(subject):
                return "074"
    for head in _object_heads(verb):
        noun = head.lower_
        phrase = _phrase_text(head)
        # "establish a humanitarian safe zone", "open an aid corridor"
        if (
            lemma in _CREATE
            and noun in _REFUGES
            and _REFUGE_MODIFIERS & {t.lower_ for t in head.lefts}
        ):
            return "073"
        if lemma in _SHARE and noun in _KNOWLEDGE:
            return "064"
        if lemma in _RESTORE and noun in _TIES:
            return "050"
        if lemma in _ADMIT and (noun in _OBSERVERS or _OBSERVERS & set(phrase.split())):
            return "0862"
        if lemma in _ADMIT and (noun in _PEACEKEEPERS or "peacekeep" in phrase):
            return "0861"
        if lemma in _SUPPRESS and noun in _GATHERINGS:
            return "1721"
        if lemma in _DRILL and (noun in _DRILLS or any(d in phrase.split() for d in _DRILLS)):
            return "062"
        for measure, (imposed, eased) in _MEASURES.items():
            if measure == noun or (" " in measure and measure in phrase):
                if lemma in _IMPOSE:
                    return imposed
                if lemma in _EASE:
                    return eased
        if lemma in _STOP:
            if noun in _AID or (noun in ("program", "programme") and "aid" in phrase):
                for word, code in _AID_CONTEXT.items():
                    if word in phrase:
                        return code
                return "162"
            if noun in _TIES:
                return "161"
            if noun in _TALKS:
                return "164"
        if lemma in _WITHDRAW:
            if noun in _OBSERVERS:
                return "1662"
            if noun in _PEACEKEEPERS or (noun == "force" and "peacekeeping" in phrase):
                return "1661"
            if noun in _ENVOYS:
                return "161"
            if noun in _FORCES:
                return "0872"
        if lemma in _STRENGTHEN and noun in _FORCES:
            return "154"
        if lemma in _CONCEDE and noun in _DEMANDS:
            return "083"
    return None


_PUBLISH = {"release", "issue", "publish", "unveil", "present", "launch", "put"}
_PUBLICATIONS = {
    "report",
    "statement",
    "study",
    "data",
    "figures",
    "video",
    "album",
    "book",
    "film",
    "results",
    "findings",
    "survey",
    "poll",
    "document",
    "paper",
    "footage",
    "photos",
    "images",
    "details",
    "list",
    "guidelines",
    "update",
    "version",
    "product",
    "app",
}


def is_publication(verb: Any, lemma: str) -> bool:
    """Return True for releasing a report or a video: publishing, not freeing anyone (0841).

    Args:
        verb: the verb token.
        lemma: its lexicon lemma.
    """
    if lemma not in _PUBLISH:
        return False
    return any(head.lemma_.lower() in _PUBLICATIONS for head in _object_heads(verb))


def _sector(head: Any) -> str | None:
    sectors = load_agent_sectors()
    for token in (head, *head.children):
        found = sectors.get(token.lemma_.lower()) or sectors.get(token.lower_)
        if found is not None:
            return found
    return None


def sector_adjusted_code(verb: Any, cameo: str) -> str:
    """Return ``cameo`` adjusted for who acts: blocking by non-state actors is protest.

    Args:
        verb: the verb token.
        cameo: the code the lexicon gave it.

    Returns:
        ``"144"`` (obstruct, block: PROTEST) for a blockade (191) by civilians or rebels;
        ``cameo`` otherwise.
    """
    if cameo != "191" and verb.lemma_.lower() not in ("block", "barricade", "obstruct"):
        return cameo
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return cameo
    head = subjects[0]
    sector = _sector(head)
    if head.ent_type_ == "GPE" or sector in _STATE_SECTORS:
        return "191"
    if sector is not None:
        return "144"
    return cameo
