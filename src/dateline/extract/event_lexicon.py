"""Event cues: which verbs (and a few nouns) describe an event, and its CAMEO code.

Two sources, consulted in order for a verb token of the parse:

1. the CAMEO verb patterns (``dateline/data/cameo_verbs.json``, derived from the MIT-licensed
   PETRARCH ``CAMEO.2.0.txt``; see `dateline.extract.cameo_verbs`): a verb's synonym
   block lists patterns of objects, particles and prepositional phrases ("ask * (FOR
   {HUMANITARIAN AID})" → 0233) that select a specific code; the most specific pattern whose
   words all occur in the verb's own clause wins;
2. a small cue table per PLOVER type, written from the PLOVER manual's definitions, for the
   core verbs whose CAMEO default is missing or coarser than PLOVER ("agree" defaults to
   CAMEO 050, diplomatic cooperation, where PLOVER codes AGREE), then the verb's own code
   and its block's default code.

Codes are CAMEO; `dateline.extract.plover` maps them to PLOVER types.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from dateline.errors import ConfigError
from dateline.nlp import word_forms

__all__ = [
    "LIGHT_VERBS",
    "NOUN_CUES",
    "VERB_CUES",
    "CueMatch",
    "known_lemma",
    "load_verb_table",
    "match_verb",
]

_DATA = "cameo_verbs.json"

# Core cue verbs per PLOVER type → CAMEO code (PLOVER manual definitions). They apply only
# when no CAMEO pattern is more specific than the bare verb.
VERB_CUES: dict[str, str] = {
    # AGREE: commitments and offers to cooperate
    **dict.fromkeys(["agree", "promise", "pledge", "vow", "offer", "commit", "volunteer"], "030"),
    # CONSULT: meetings, talks, visits, calls
    **dict.fromkeys(["meet", "talk", "discuss", "confer", "consult"], "040"),
    "negotiate": "046",
    "mediate": "045",
    "visit": "042",
    "tour": "042",
    "host": "043",
    "phone": "041",
    "telephone": "041",
    # SUPPORT
    **dict.fromkeys(["praise", "endorse", "commend", "hail", "welcome", "laud"], "051"),
    "apologize": "055",
    "apologise": "055",
    "forgive": "056",
    "recognize": "054",
    "recognise": "054",
    # COOPERATE
    "cooperate": "060",
    "collaborate": "060",
    "extradite": "063",
    # AID
    **dict.fromkeys(["donate", "aid"], "070"),
    # CONCEDE / RETREAT
    **dict.fromkeys(["concede", "yield", "accede", "relent"], "080"),
    **dict.fromkeys(["release", "free"], "0841"),
    # PLOVER manual §3.13.3: resignations from office are RETREAT, not CAMEO's concessions
    **dict.fromkeys(["resign", "step down", "quit", "abdicate"], "084"),
    **dict.fromkeys(["retreat", "surrender", "demobilize", "demobilise", "disarm"], "0874"),
    # REQUEST: demands and appeals
    **dict.fromkeys(["demand", "pressure", "push for", "press for", "lobby"], "100"),
    **dict.fromkeys(["urge", "appeal", "request", "implore", "beg", "plead", "ask"], "020"),
    # ACCUSE: disapproval, accusations, investigations
    **dict.fromkeys(
        [
            "criticize",
            "criticise",
            "condemn",
            "denounce",
            "slam",
            "decry",
            "deplore",
            "censure",
            "rebuke",
            "blast",
            "lambaste",
        ],
        "111",
    ),
    **dict.fromkeys(["accuse", "blame", "allege"], "112"),
    **dict.fromkeys(["investigate", "probe"], "090"),
    **dict.fromkeys(["indict", "charge", "prosecute"], "1121"),
    "sue": "115",
    # REJECT
    **dict.fromkeys(["reject", "refuse", "decline", "rebuff", "spurn", "dismiss"], "120"),
    "veto": "129",
    **dict.fromkeys(["push back", "hit back", "turn down"], "120"),
    **dict.fromkeys(["defy", "violate", "breach", "flout"], "128"),
    **dict.fromkeys(["renege", "backtrack", "deny"], "120"),
    "accept": "030",
    "swear": "030",
    # THREATEN
    # "warned of the deficit's dangers", "insisted that the jury was out": statements, not
    # threats or demands; "warned it would retaliate" is coded from its frame.
    "threaten": "130",
    # PROTEST
    **dict.fromkeys(["protest", "demonstrate", "rally", "march", "picket"], "141"),
    "riot": "145",
    "boycott": "143",
    # SANCTION
    **dict.fromkeys(["sanction", "embargo"], "163"),
    "expel": "166",
    # MOBILIZE
    **dict.fromkeys(["mobilize", "mobilise", "deploy"], "154"),
    # COERCE
    **dict.fromkeys(["arrest", "detain", "jail", "imprison"], "173"),
    "deport": "174",
    **dict.fromkeys(["seize", "confiscate"], "1711"),
    "ban": "1722",
    **dict.fromkeys(["hack", "deface"], "170"),
    # ASSAULT
    **dict.fromkeys(["attack", "strike", "raid", "invade", "clash", "fight"], "190"),
    **dict.fromkeys(["kill", "murder", "slay"], "1823"),
    **dict.fromkeys(["shoot", "gun"], "193"),
    **dict.fromkeys(["shell", "bombard"], "194"),
    "bomb": "195",
    "assassinate": "186",
    **dict.fromkeys(["abduct", "kidnap", "hijack"], "181"),
    "torture": "1822",
    "beat": "182",
    "massacre": "200",
}

# Nouns that name an event on their own ("a trip to Ashdod Port", "talks in Cairo"), for
# clauses with no event verb (noun phrases after "followed by", headlines).
NOUN_CUES: dict[str, str] = {
    **dict.fromkeys(["meeting", "talks", "summit", "negotiations"], "040"),
    "mediation": "045",
    **dict.fromkeys(["visit", "trip", "tour"], "042"),
    **dict.fromkeys(["protest", "demonstration", "rally", "march", "sit-in"], "141"),
    **dict.fromkeys(["strike", "walkout", "boycott"], "143"),
    **dict.fromkeys(["attack", "airstrike", "offensive", "bombing"], "190"),
    "sanctions": "163",
}

# Heads that a noun event may modify ("a mediation effort", "a protest campaign").
EFFORT_NOUNS = {"effort", "bid", "attempt", "initiative", "mission", "process", "campaign"}

# Verbs that only carry a noun event ("staged a sit-in", "continued their hunger strike"):
# the noun is the event and the verb's subject is who does it.
LIGHT_VERBS = {
    "stage",
    "hold",
    "continue",
    "begin",
    "start",
    "launch",
    "conduct",
    "carry",
    "mount",
    "resume",
    "join",
    "end",
    "call",
    "organise",
    "organize",
    "go",
    "lead",
    "keep",
}


# Everyday verbs whose CAMEO synonym block gives a default code that is wrong far more often
# than right in ordinary prose ("left university", "took office", "won a prize"); they
# code an event only through a specific pattern ("take * hostage", "call * (FOR) ...").
GENERIC_VERBS = {
    "take",
    "leave",
    "come",
    "go",
    "call",
    "give",
    "get",
    "make",
    "hold",
    "have",
    "put",
    "set",
    "keep",
    "run",
    "turn",
    "bring",
    "see",
    "show",
    "look",
    "find",
    "use",
    "work",
    "apply",
    "win",
    "govern",
    "oversee",
    "monitor",
    "join",
    "pay",
    "learn",
    "open",
    "close",
    "start",
    "begin",
    "end",
    "move",
    "send",
    "carry",
    "play",
    "serve",
    "help",
    "tell",
    "say",
    "live",
    "spend",
    "face",
    "expect",
    "think",
    "consider",
    "gather",
    "flock",
    "rule",
    "establish",
    "constitute",
    "protect",
    "defend",
    "offer",
    "ensure",
    "want",
    "hear",
    "introduce",
    "pass",
    "insist",
    "warn",
}


@dataclass(frozen=True, slots=True)
class CueMatch:
    """The CAMEO code a cue gives an event, and how much of its clause the cue used."""

    cameo: str
    specificity: float
    source: str  # pattern | cue | verb | block


@lru_cache(maxsize=1)
def load_verb_table() -> dict[str, Any]:
    """Return the shipped CAMEO verb table (``synsets``, ``verbs``, ``blocks``).

    Raises:
        ConfigError: when the table is missing from the installed package.
    """
    try:
        text = resources.files("dateline").joinpath("data").joinpath(_DATA).read_text("utf-8")
    except OSError as exc:
        raise ConfigError(
            f"the CAMEO verb table {_DATA!r} is missing from dateline/data: {exc}; reinstall "
            "Dateline, or rebuild it with `python -m dateline.extract.cameo_verbs`"
        ) from exc
    table: dict[str, Any] = json.loads(text)
    table["compiled"] = {
        name: _compile(block["patterns"], table["synsets"])
        for name, block in table["blocks"].items()
    }
    table["candidates"] = {name: _index(compiled) for name, compiled in table["compiled"].items()}
    return table


def _index(compiled: list[Any]) -> tuple[dict[str, list[int]], list[int]]:
    """Index a block's patterns by one word each cannot match without.

    Returns:
        ``(by_word, always)``: pattern positions filed under a word of their first needed
        set, and the positions of patterns that need no word. A clause can match only the
        patterns filed under its own words, so big blocks ("say", "meet") are not scanned.
    """
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for position, (_, _, _, _, needed) in enumerate(compiled):
        if not needed:
            always.append(position)
            continue
        for word in min(needed, key=len):
            by_word.setdefault(word, []).append(position)
    return by_word, always


def _compile(
    patterns: list[list[Any]], synsets: dict[str, list[str]]
) -> list[tuple[list[list[str]], list[list[str]], str, float, list[frozenset[str]]]]:
    """Sort a block's patterns most specific first, each with the words it cannot match without.

    Each needed word is a set of alternatives (a synset's single-word members, a word and
    its plural); a pattern is tried only when every set meets the clause's words, which
    rules out nearly all patterns at the cost of one set intersection each.
    """
    compiled = []
    for pre_terms, post_terms, code in patterns:
        needed: list[frozenset[str]] = []
        for term in [*pre_terms, *post_terms]:
            if term[0]:
                needed.append(frozenset(term[0].split("/")))
            for word in term[1:]:
                if word.startswith("&"):
                    members = synsets.get(word.rstrip("_"), [])
                    if any(" " in m for m in members):
                        continue  # multi-word members are checked on the phrase text
                    needed.append(frozenset([*members, *(m + "s" for m in members)]))
                elif " " not in word:
                    needed.append(frozenset([word, word + "s"]))
        score = _score(pre_terms) + _score(post_terms)
        compiled.append((pre_terms, post_terms, code, score, needed))
    compiled.sort(key=lambda item: -item[3])
    return compiled


def known_lemma(lemma: str, form: str) -> str:
    """Return the lexicon's lemma for a verb form, mending the tagger's odd lemmas.

    The small English model lemmatises some inflected verbs wrongly ("staged" → "stag"), so
    when ``lemma`` is not in the lexicon the regular un-inflections of ``form`` are tried.

    Args:
        lemma: spaCy's lower-case lemma.
        form: the lower-case word as written.

    Returns:
        The first candidate the lexicon knows, else ``lemma``.
    """
    verbs = load_verb_table()["verbs"]
    if lemma in verbs or lemma in VERB_CUES:
        return lemma
    candidates = [form]
    if form.endswith("ied"):
        candidates.append(form[:-3] + "y")
    if form.endswith("ies"):
        candidates.append(form[:-3] + "y")
    for suffix, repl in (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("s", "")):
        if form.endswith(suffix):
            candidates.append(form[: -len(suffix)] + repl)
    if len(form) > 4 and form[-3] == form[-4] and form.endswith(("ed", "ing")):
        candidates.append(form[: -3 if form.endswith("ed") else -4])
    # "retaken", "re-imposed": the repeated act is the act
    for base in (lemma, *candidates):
        for prefix in ("re-", "re"):
            if base.startswith(prefix) and len(base) > len(prefix) + 3:
                candidates.append(base[len(prefix) :])
    if form.endswith("en"):
        candidates.append(form[:-1])  # "taken" → "take"
        candidates.append(form[:-2])
    for candidate in candidates:
        if candidate in verbs or candidate in VERB_CUES:
            return candidate
    return lemma


# Dependents of a verb that carry its object nouns and particles ("agree *on* a plan").
_ARGUMENT_DEPS = {"dobj", "attr", "oprd", "dative", "iobj", "acomp", "npadvmod"}
_PARTICLE_DEPS = {"prt", "advmod", "acomp"}


def _forms(token: Any) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _matches_token(word: str, token: Any, synsets: dict[str, Any]) -> bool:
    forms = _forms(token)
    if word.startswith("&"):
        members = synsets.get(word.rstrip("_"), ())
        return any(m in forms or (m + "s") in forms for m in members if " " not in m)
    return word in forms or (word + "s") in forms


def _phrase_matches(words: list[str], head: Any, synsets: dict[str, Any]) -> bool:
    """Return True when ``words`` (head noun last) describe the phrase headed by ``head``."""
    if not words:
        return True
    *modifiers, last = words
    if " " in last:  # a multi-word synset member or phrase: match the phrase text
        return last in " ".join(t.lower_ for t in head.subtree)
    if not _matches_token(last, head, synsets):
        if not last.startswith("&"):
            return False
        members = [m for m in synsets.get(last.rstrip("_"), ()) if " " in m]
        text = " ".join(t.lower_ for t in head.subtree)
        if not any(m in text for m in members):
            return False
    inside = [t for t in head.subtree if t.i != head.i]
    return all(any(_matches_token(w, t, synsets) for t in inside) for w in modifiers)


_PARTITIVES = {"part", "some", "all", "most", "many", "one", "two", "three", "dozens", "hundreds"}


def partitive_object(head: Any, part_words: Collection[str]) -> Any:
    """Return what "part of a stronghold" or "one third of the guerrillas" is a part of.

    Args:
        head: a noun token.
        part_words: lower-case words that name a part or quantity ("part", "some", "third").

    Returns:
        The object of the "of" phrase when ``head`` is a part word or a number, else ``head``.
    """
    if head.lower_ in part_words or head.like_num:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return head


def _arguments(verb: Any) -> list[Any]:
    heads: list[Any] = []
    for child in verb.children:
        if child.dep_ in _ARGUMENT_DEPS:
            heads.append(partitive_object(child, _PARTITIVES))
            heads.extend(c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "xcomp":
            heads.extend(c for c in child.children if c.dep_ in ("dobj", "attr"))
    return heads


def _term_matches(term: list[str], verb: Any, *, subject: bool, synsets: dict[str, Any]) -> bool:
    prep, words = term[0], term[1:]
    if subject:
        heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(words) and any(_phrase_matches(words, h, synsets) for h in heads)
    if not prep:
        if len(words) == 1:
            # A bare word after the verb may be its object or a particle ("set *out*").
            particles = [c for c in verb.children if c.dep_ in _PARTICLE_DEPS]
            if any(_matches_token(words[0], p, synsets) for p in particles):
                return True
        return any(_phrase_matches(words, h, synsets) for h in _arguments(verb))
    preps = set(prep.split("/"))
    holders = [verb, *_arguments(verb)]
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in ("prep", "agent", "dative") or child.lower_ not in preps:
                continue
            if not words:
                return True
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if any(_phrase_matches(words, o, synsets) for o in objects):
                return True
    return False


def _score(pattern_side: list[list[str]]) -> float:
    return sum(len(term) - 1 + (0.5 if term[0] else 0.0) for term in pattern_side)


def match_verb(verb: Any, lemma: str, *, particle: str | None) -> CueMatch | None:
    """Return the CAMEO code for a verb in its clause, or None when it is no event cue.

    Args:
        verb: the verb token; its objects, particles, prepositional phrases and subject are
            what CAMEO patterns test.
        lemma: the verb's lower-case lemma (see `known_lemma`).
        particle: its particle or immediately following preposition ("ask *for*"), if any.

    Returns:
        The code of the most specific CAMEO pattern that matches, else of the PLOVER cue
        table, else the verb's own or its block's default code; None when that is ``---``.
    """
    table = load_verb_table()
    synsets: dict[str, Any] = table["synsets"]
    entry = None
    if particle:
        entry = table["verbs"].get(f"{lemma} {particle}")
    if entry is None:
        entry = table["verbs"].get(lemma)
    best: CueMatch | None = None
    if entry is not None:
        lower, lemmas = word_forms(verb.doc)
        # A prefilter only: the run between the subtree's edges holds the whole subtree
        # (and, where the parse is not projective, a few more words, which is harmless).
        first, last = verb.left_edge.i, verb.right_edge.i + 1
        clause_words = set(lower[first:last]) | set(lemmas[first:last])
        compiled = table["compiled"].get(entry[0], [])
        by_word, always = table["candidates"].get(entry[0], ({}, []))
        positions = set(always)
        for word in clause_words:
            positions.update(by_word.get(word, ()))
        for position in sorted(positions):
            pre_terms, post_terms, code, score, needed = compiled[position]
            if score <= 0.0:
                break
            if not all(alternatives & clause_words for alternatives in needed):
                continue
            if all(
                _term_matches(term, verb, subject=False, synsets=synsets) for term in post_terms
            ) and all(
                _term_matches(term, verb, subject=True, synsets=synsets) for term in pre_terms
            ):
                best = CueMatch(code, score, "pattern")
                break
    # A bare preposition says little ("beat up ... with"): the cue table knows better. And
    # a meeting verb is a meeting: CAMEO's "meet with leaders" → 036 (intent to meet) dates
    # from coding "agreed to meet with leaders"; intent is coded from the frame here.
    if (
        best is not None
        and best.cameo.startswith("03")
        and VERB_CUES.get(lemma, "").startswith("04")
    ):
        best = None
    if best is not None and (best.specificity >= 1.0 or lemma not in VERB_CUES):
        return None if best.cameo == "---" else best
    phrasal = f"{lemma} {particle}" if particle else None
    if phrasal in VERB_CUES:
        return CueMatch(VERB_CUES[phrasal], 0.5, "cue")
    if lemma in VERB_CUES:
        return CueMatch(VERB_CUES[lemma], 0.0, "cue")
    if entry is None or lemma in GENERIC_VERBS:
        return None
    own = entry[1]
    if own == "---":
        return None  # the dictionary says this verb alone is no event ("come", "hold")
    if own:
        return CueMatch(own, 0.0, "verb")
    block_code = table["blocks"].get(entry[0], {}).get("code", "---")
    return None if block_code == "---" else CueMatch(block_code, 0.0, "block")
