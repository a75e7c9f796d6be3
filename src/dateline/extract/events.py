"""Events: actions coded in PLOVER (CAMEO alongside), with actors, place, date and status.

For each sentence, every verb (and "ready"/"willing" with a complement) is looked up in the
cue lexicon (`dateline.extract.event_lexicon`: CAMEO verb patterns over the verb's own
clause, then a PLOVER cue table); a verb with a PLOVER-mapped code is an event. Verbs that
only frame another event ("plans to", "set to", "expected to") are not events themselves:
they make the event they govern ``planned`` (`dateline.extract.event_status`). Nouns that
name an event ("a trip to Ashdod Port", "an expected IDF offensive") are events when no
event verb governs them and someone is said to do them.

Some codes come from what the verb acts on or who acts (`dateline.extract.event_rules`:
"lifted the curfew", "suspended aid", protesters blocking a road). An action announced or
demanded becomes a second event framing it (`dateline.extract.event_intent`): "X will
boycott" is a THREATEN by X (trigger "will") beside the planned PROTEST; "Y must release"
said by X is a REQUEST by X of Y.

Actors and recipients come from the parse (`dateline.extract.event_roles`); the place is
the first place mention inside a prepositional phrase of the trigger's clause ("at the
Prime Minister's Office in Jerusalem"), the date the first date mention in that clause.

``confidence`` grades the evidence: 0.6–0.9 for a CAMEO pattern (more with more of the
clause matched), 0.6 for the PLOVER cue table, 0.5 for a verb's own CAMEO code, 0.3 for a
synonym block's default (kept only with a named actor, in the clause the sentence reports;
0.2 when it acts on no one), less 0.1 without a known actor.
`main_event` picks the event a sentence is about. Each event's evidence is its trigger
token and its sentence, as spans of ``doc.text``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from dateline.extract.event_intent import (
    INTENT_HEADS,
    find_intent_frame,
    intent_code,
    is_infinitive_complement,
)
from dateline.extract.event_lexicon import (
    EFFORT_NOUNS,
    LIGHT_VERBS,
    NOUN_CUES,
    CueMatch,
    known_lemma,
    match_verb,
)
from dateline.extract.event_roles import (
    ActorIndex,
    RolePhrase,
    addressee_phrases,
    origin_phrases,
    role_phrases,
)
from dateline.extract.event_rules import is_publication, measure_code, sector_adjusted_code
from dateline.extract.event_status import event_status
from dateline.extract.plover import PloverCode, plover_for_cameo
from dateline.model import Actor, DateMention, Event, Place, TextSpan, content_id
from dateline.nlp import doc_text

__all__ = ["extract_events", "main_event"]

# Verbs that frame the event they govern (its status), never events of their own.
_FRAMING_VERBS = {
    "plan",
    "set",
    "schedule",
    "expect",
    "intend",
    "aim",
    "prepare",
    "hope",
    "want",
    "try",
    "attempt",
    "begin",
    "start",
    "continue",
    "go",
    "seem",
    "appear",
    "need",
    "have",
    "decide",
    "be",
    "get",
    "make",
    "help",
}
_INTENT_ADJECTIVES = {"ready": "030", "willing": "030", "prepared": "030", "eager": "030"}
# Clauses that belong to another event: not part of this trigger's clause.
_OTHER_CLAUSES = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"}
# Below this, an event rests on its verb block's default code alone (see `_confidence`).
_WEAK_EVIDENCE = 0.32
_PLACE_PREPS = {"at", "in", "to", "near", "inside", "outside", "across", "into"}


def _clause_tokens(token: Any, *, skip: set[str]) -> list[Any]:
    """Return ``token``'s subtree, minus the subtrees of children whose dep is in ``skip``."""
    found = [token]
    for child in token.children:
        if child.dep_ in skip:
            continue
        found.extend(_clause_tokens(child, skip=skip))
    return found


def _particle(token: Any) -> str | None:
    """Return the particle or the preposition right after a verb ("ask for", "push hard for")."""
    for child in token.children:
        if child.dep_ == "prt":
            return str(child.lower_)
    # "push hard for": the preposition may follow an adverb, or be parsed as the marker of
    # the clause it introduces.
    for following in token.doc[token.i + 1 : token.i + 3]:
        governed = following.head.i == token.i or following.head.head.i == token.i
        if governed and following.dep_ in ("prep", "mark") and following.pos_ in ("ADP", "SCONJ"):
            return str(following.lower_)
    return None


def _frames_event(token: Any) -> bool:
    """Return True when ``token`` frames a coded event as its complement ("plans to visit")."""
    return any(
        is_infinitive_complement(child)
        and (cue := _verb_cue(child)) is not None
        and cue.source != "block"  # too weak to stand as the framed event
        and plover_for_cameo(cue.cameo) is not None
        for child in token.children
    )


def _verb_cue(token: Any) -> CueMatch | None:
    if token.pos_ not in ("VERB", "ADJ"):
        return None
    lemma = token.lemma_.lower()
    if token.pos_ == "ADJ":
        if lemma in _INTENT_ADJECTIVES and any(c.dep_ == "xcomp" for c in token.children):
            return None if _frames_event(token) else CueMatch(_INTENT_ADJECTIVES[lemma], 0.0, "cue")
        return None
    if token.pos_ != "VERB" or token.dep_ in ("amod", "compound", "prep", "aux", "auxpass"):
        return None
    lemma = known_lemma(lemma, token.lower_)
    has_xcomp = any(is_infinitive_complement(c) for c in token.children)
    if lemma in _FRAMING_VERBS and has_xcomp:
        return None
    if lemma in INTENT_HEADS and has_xcomp and _frames_event(token):
        return None
    # "denied that ..." disputes a claim; only "denied X access" refuses something.
    if lemma == "deny" and any(c.dep_ == "ccomp" for c in token.children):
        return None
    if is_publication(token, lemma):
        return None
    cue = match_verb(token, lemma, particle=_particle(token))
    measure = measure_code(token, lemma)
    if measure is not None and (cue is None or cue.specificity < 2.0):
        cue = CueMatch(measure, 1.5, "pattern")
    if cue is None:
        return None
    adjusted = sector_adjusted_code(token, cue.cameo)
    # Who blocks decides between protest and blockade: that is evidence beyond the block.
    return cue if adjusted == cue.cameo else CueMatch(adjusted, 1.0, "pattern")


def _noun_cue(token: Any, verb_triggers: set[int]) -> CueMatch | None:
    if token.pos_ != "NOUN":
        return None
    if token.dep_ == "compound" and token.head.lemma_.lower() not in EFFORT_NOUNS:
        return None
    code = NOUN_CUES.get(token.lower_) or NOUN_CUES.get(token.lemma_.lower())
    if code is None:
        return None
    if code == "143" and any(c.lower_ == "hunger" for c in token.children):
        code = "142"
    # "in protest at", "in protest of": a purpose, not a protest of its own.
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and not any(c.dep_ in ("det", "poss") for c in token.children)
    ):
        return None
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            if ancestor.i in verb_triggers:
                return None
            break
    return CueMatch(code, 0.0, "noun")


def _heads_sentence(token: Any) -> bool:
    """Return True when ``token`` is what its sentence reports: the root, or what is said."""
    if token.dep_ == "ROOT":
        return True
    return token.dep_ in ("ccomp", "conj") and token.head.dep_ == "ROOT"


def _follows_previous(token: Any) -> bool:
    """Return True for "…, followed by a trip to X": the trip continues the last event."""
    head = token.head
    return bool(head.dep_ == "agent" and head.head.lemma_.lower() == "follow")


def _conditional_threat(token: Any) -> bool:
    """Return True for "will withdraw ... unless X": a conditional sanction is a threat."""
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in token.children)
    return future and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in token.children
    )


def _first_within(spans: Sequence[tuple[int, str]], tokens: list[Any]) -> str | None:
    """Return the id of the first ``(start, id)`` span that starts inside ``tokens``."""
    ranges = sorted((t.idx, t.idx + len(t.text)) for t in tokens)
    for span_start, span_id in sorted(spans):
        for start, end in ranges:
            if start <= span_start < end:
                return span_id
    return None


def _place_of(token: Any, places: Sequence[Place]) -> str | None:
    clause = _clause_tokens(token, skip=_OTHER_CLAUSES | {"conj"})
    preps = [t for t in clause if t.dep_ == "prep" and t.lower_ in _PLACE_PREPS]
    for prep in sorted(preps, key=lambda t: t.i):
        found = _first_within([(p.start, p.id) for p in places], list(prep.subtree))
        if found is not None:
            return found
    return None


def _date_of(token: Any, dates: Sequence[DateMention]) -> str | None:
    current = token
    for _ in range(3):
        starts = [(d.start, d.id) for d in dates]
        found = _first_within(starts, _clause_tokens(current, skip=_OTHER_CLAUSES | {"conj"}))
        if found is not None:
            return found
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            break
        current = current.head
    return None


def _confidence(cue: CueMatch, *, has_actor: bool, has_recipient: bool = True) -> float:
    """Return how far the evidence for an event goes: cue kind first, then a known actor."""
    if cue.source == "block":
        # A block's default code covers every loose synonym in it: the weakest evidence,
        # kept below _WEAK_EVIDENCE whatever the actor. On the news pages nearly all with no
        # one acted upon were wrong ("Firefox is exploring", "Fares have increased").
        value = 0.3 if has_recipient else 0.2
        return value if has_actor else value - 0.05
    base = {"pattern": 0.6 + min(0.3, 0.05 * cue.specificity), "cue": 0.6, "verb": 0.5}
    value = base.get(cue.source, 0.45)
    return round(value if has_actor else value - 0.1, 3)


def _span(piece: str, start: int) -> TextSpan:
    """Return the TextSpan of ``piece`` (found at ``start``) without surrounding whitespace."""
    stripped = piece.strip()
    start += len(piece) - len(piece.lstrip())
    return TextSpan(start, start + len(stripped), stripped)


def _named_actor(phrase: RolePhrase, doc: Any) -> bool:
    """Return True when a role phrase names someone ("Leaders of the Azadliq coalition")."""
    span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    tokens = list(span) if span is not None else [doc[phrase.head]]
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in tokens)


def _ids(
    phrases: list[RolePhrase], index: ActorIndex, doc: Any, *, recipient: bool = False
) -> tuple[str, ...]:
    ids: list[str] = []
    for phrase in phrases:
        participants = index.participants_of(phrase, doc)
        if participants is not None:
            ids.extend(p for p in participants if p not in ids)
            continue
        actor_id = index.resolve(phrase, doc, recipient=recipient)
        if actor_id is None and recipient:
            # "rejected calls by Kofi Annan": the calls are no one; who made them is acted on.
            ids.extend(
                found
                for origin in origin_phrases(phrase, doc)
                if (found := index.resolve(origin, doc, recipient=True)) is not None
                and found not in ids
            )
        elif actor_id is not None and actor_id not in ids:
            ids.append(actor_id)
    return tuple(ids)


def extract_events(
    doc: Any,
    *,
    actors: Sequence[Actor],
    places: Sequence[Place],
    dates: Sequence[DateMention],
    published: dt.date | None,
) -> tuple[list[Event], list[Actor]]:
    """Return one `Event` per action described in ``doc``, and the actors (maybe more).

    Countries and governments act in news ("Jordan and Britain agreed"), so event coding may
    add actors for them; the returned actor list is ``actors`` plus those.

    Args:
        doc: a spaCy ``Doc`` of ``Article.text``.
        actors: the article's actors (their mentions tie role phrases to actor ids).
        places: place mentions; an event links the first one in its clause.
        dates: date mentions; an event links the first one in its clause.
        published: the publication date (dates arrive resolved; kept for the signature).

    Returns:
        ``(events, actors)``: events in text order, and ``actors`` plus any added ones.
    """
    index = ActorIndex(list(actors), places=list(places))
    events: list[Event] = []
    for sent in doc.sents:
        tokens = list(sent)  # Token objects are built on every iteration: build them once
        found: list[tuple[Any, CueMatch, PloverCode]] = []
        for token in tokens:
            cue = _verb_cue(token)
            coded = plover_for_cameo(cue.cameo) if cue is not None else None
            if cue is not None and coded is not None:
                found.append((token, cue, coded))
        verb_triggers = {token.i for token, _, _ in found}
        for token in tokens:
            cue = _noun_cue(token, verb_triggers)
            coded = plover_for_cameo(cue.cameo) if cue is not None else None
            if cue is not None and coded is not None:
                found.append((token, cue, coded))
        demands = [
            t for t in tokens if t.pos_ == "VERB" and t.i not in verb_triggers and _has_must(t)
        ]
        if not found and not demands:
            continue
        sentence = _span(sent.text, sent.start_char)
        for token, cue, coded in sorted(found, key=lambda item: item[0].i):
            event = _make_event(token, cue, coded, sentence, index, places, dates, events)
            if event is None:
                continue
            framing = _framing_event(token, event, coded, index)
            if framing is not None:
                events.append(framing)
            events.append(event)
            if event.type == "CONSULT" and event.status == "happened":
                index.participants = (*event.actors, *event.recipients)
        for token in demands:
            demand = _demand_of_uncoded(token, sentence, index)
            if demand is not None:
                events.append(demand)
    # One event per trigger and type: a frame may also be coded as an event of its own.
    best: dict[tuple[int, str], Event] = {}
    for event in events:
        key = (event.trigger.start, event.type)
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    events = sorted(best.values(), key=lambda event: event.trigger.start)
    return _carry_dates(events, doc_text(doc)), index.all_actors()


def _carry_dates(events: list[Event], text: str) -> list[Event]:
    """Date undated past events by the last dated past event of one of their actors nearby.

    News narrates a day's events in order and names the day once: "Blinken met Israeli
    leaders on Wednesday. … The American met with Prime Minister Netanyahu at …". An event
    with no date in its clause takes the date of the latest earlier ``happened`` event that
    shares an actor with it, in its own paragraph or the one before; the date id still
    points at the words that say when.
    """
    carried: list[Event] = []
    for event in events:
        if event.date is None and event.status == "happened" and event.actors:
            paragraph = _paragraph_index(text, event.sentence.start)
            for earlier in reversed(carried):
                if paragraph - _paragraph_index(text, earlier.sentence.start) > 1:
                    break
                if (
                    earlier.date is not None
                    and earlier.status == "happened"
                    and set(earlier.actors) & set(event.actors)
                ):
                    event = dataclasses.replace(event, date=earlier.date)
                    break
        carried.append(event)
    return carried


def _paragraph_index(text: str, offset: int) -> int:
    return text.count("\n\n", 0, offset)


def _has_must(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children)


def _demand_of_uncoded(token: Any, sentence: TextSpan, index: ActorIndex) -> Event | None:
    """Return the REQUEST in "X said Y must <act>" when the act itself is no coded event."""
    frame = find_intent_frame(token)
    if frame is None or frame.kind != "demand":
        return None
    actor_phrases, recipient_phrases = role_phrases(token)
    action = Event(
        id="",
        type="",
        trigger=TextSpan(token.idx, token.idx + len(token.text), token.text),
        sentence=sentence,
        actors=_ids(actor_phrases, index, token.doc),
        recipients=_ids(recipient_phrases, index, token.doc, recipient=True),
        confidence=0.45,
    )
    return _framing_event(token, action, PloverCode("", ""), index)


def _make_event(
    token: Any,
    cue: CueMatch,
    coded: PloverCode,
    sentence: TextSpan,
    index: ActorIndex,
    places: Sequence[Place],
    dates: Sequence[DateMention],
    previous: list[Event],
) -> Event | None:
    doc = token.doc
    actor_phrases, recipient_phrases = role_phrases(token)
    destinations = _destinations(recipient_phrases, index, doc, visit=coded.mode == "visit")
    actor_ids = _ids(actor_phrases, index, doc)
    if coded.type == "REQUEST" and token.pos_ == "VERB":
        recipient_phrases = [*recipient_phrases, *addressee_phrases(token)]
    recipient_ids = tuple(
        r
        for r in _ids(
            [p for p in recipient_phrases if p not in destinations], index, doc, recipient=True
        )
        if r not in actor_ids
    )
    status = event_status(token)
    if not actor_ids and not recipient_ids and cue.source != "noun":
        return None
    # A block default rests on a loose synonym ("people need", "rich are paying"): keep it
    # only when a named actor does it.
    if cue.source == "block" and (
        not _heads_sentence(token) or not any(_named_actor(p, doc) for p in actor_phrases)
    ):
        return None
    if cue.source == "noun":
        if not actor_ids and _follows_previous(token) and previous:
            actor_ids, status = previous[-1].actors, previous[-1].status
        if not actor_ids:
            return None
    cameo, kind, mode = coded.cameo, coded.type, coded.mode
    if _conditional_threat(token) and kind not in ("THREATEN",):
        cameo, kind, mode = "130", "THREATEN", None
        status = "happened" if status != "denied" else status
    trigger = TextSpan(token.idx, token.idx + len(token.text), token.text)
    return Event(
        id=content_id(f"{trigger.start}:{kind}:{trigger.text}", prefix="event:"),
        type=kind,
        trigger=trigger,
        sentence=sentence,
        mode=mode,
        cameo=cameo,
        actors=actor_ids,
        recipients=recipient_ids,
        place=_place_of(token, places) or next(iter(destinations.values()), None),
        date=_date_of(token, dates),
        status=status,
        confidence=_confidence(cue, has_actor=bool(actor_ids), has_recipient=bool(recipient_ids)),
    )


def _destinations(
    phrases: list[RolePhrase], index: ActorIndex, doc: Any, *, visit: bool
) -> dict[RolePhrase, str]:
    """Return the recipient phrases that say where a visit goes, with their place ids.

    The place a visit or trip goes to is where the event happens ("visit Kibbutz Be'eri", "a
    trip to Ashdod Port", "visited Israel"), not someone it happens to; other events keep
    places they act on as targets ("shelled Juba", "attacked Israel").
    """
    found: dict[RolePhrase, str] = {}
    if not visit:
        return found
    for phrase in phrases:
        place = index.place_at(phrase, doc)
        if place is not None:
            found[phrase] = place.id
    return found


def _framing_event(token: Any, action: Event, coded: PloverCode, index: ActorIndex) -> Event | None:
    """Return the statement of intent or demand that frames ``action``, if there is one."""
    if token.pos_ != "VERB" or not action.actors:
        return None
    frame = find_intent_frame(token)
    if frame is None:
        return None
    found = intent_code(frame, token, action.type, action.cameo or "", coded.context)
    if found is None:
        return None
    kind, cameo = found
    coded_frame = plover_for_cameo(cameo)
    actors, recipients = action.actors, action.recipients
    if frame.kind == "demand":
        if frame.speaker is None:
            return None
        speaker_ids = _ids(role_phrases(frame.speaker.head)[0], index, token.doc)
        if not speaker_ids:
            return None
        actors, recipients = speaker_ids, action.actors
    word = frame.token
    trigger = TextSpan(word.idx, word.idx + len(word.text), word.text)
    return Event(
        id=content_id(f"{trigger.start}:{kind}:{trigger.text}", prefix="event:"),
        type=kind,
        trigger=trigger,
        sentence=action.sentence,
        mode=coded_frame.mode if coded_frame is not None else None,
        cameo=cameo,
        actors=actors,
        recipients=recipients,
        place=action.place,
        date=action.date,
        status="reported" if action.status == "reported" else "happened",
        confidence=round(action.confidence + 0.05, 3),
    )


def main_event(events: Sequence[Event], doc: Any) -> Event | None:
    """Return the main event of a sentence: the best-evidenced one nearest the parse root.

    Reporting frames ("…, the ministry said") are not events, so the coded event nearest the
    root is what the sentence reports. An event coded only from its verb block's default
    (confidence below 0.4: "issued a declaration demanding ...") yields to any event with
    better evidence; among equals the shallower trigger wins, then the higher confidence.

    Args:
        events: events of one sentence.
        doc: the parsed ``Doc`` the events' offsets refer to.

    Returns:
        The main event, or None when ``events`` is empty.
    """
    if not events:
        return None

    def depth(event: Event) -> float:
        span = doc.char_span(event.trigger.start, event.trigger.end)
        if span is None:
            return 99.0
        root = span.root
        # A noun event carried by a light verb ("continued their hunger strike") stands
        # where its verb stands.
        if root.pos_ == "NOUN" and root.dep_ == "dobj" and root.head.lemma_.lower() in LIGHT_VERBS:
            return len(list(root.head.ancestors)) + 0.25
        # A framing auxiliary ("will", "must") heads its action's clause: rank it just
        # above the action it frames.
        if root.dep_ == "aux":
            return len(list(root.head.ancestors)) - 0.5
        return float(len(list(root.ancestors)))

    return min(
        events,
        key=lambda event: (
            event.confidence < _WEAK_EVIDENCE,
            depth(event),
            -event.confidence,
            event.trigger.start,
        ),
    )
