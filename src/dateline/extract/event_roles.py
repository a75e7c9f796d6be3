"""Event roles: who acts and who is acted upon, read off the parse and tied to actors.

Actors of an event are its subject and the subject's conjuncts ("Jordan and Britain
agreed"), or the "by" agent of a passive; a complement or conjunct verb with no subject of
its own takes its governor's ("X plans to establish", "X met A and discussed B"). A pronoun
subject of a clause reported by someone ("Syria says it is willing") is that someone.
Recipients are the direct object, the indirect object and the object of "with", "to",
"against", "on"; the subject of a passive.

Each role phrase is tied to the article's `Actor` whose mention covers the phrase's head;
a phrase no actor covers (countries, "Serb forces", "Turkish police") becomes a new actor,
typed from its named-entity label or the Phoenix agents lexicon (``dateline/data/agents.tsv``,
derived from the MIT-licensed PETRARCH dictionaries).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from dateline.errors import ConfigError
from dateline.extract.event_lexicon import LIGHT_VERBS
from dateline.extract.event_status import crosses_paragraph, paragraph_children
from dateline.model import Actor, Mention, content_id

__all__ = ["ActorIndex", "RolePhrase", "load_agent_sectors", "role_phrases"]

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_RECIPIENT_PREPS = {"with", "to", "against", "on", "upon", "toward", "towards", "from"}
_INHERIT_FROM = {"xcomp", "conj", "advcl", "acomp"}
# Nouns for texts that speak for whoever issued them ("a declaration demanding ...").
_DOCUMENTS = {
    "declaration",
    "statement",
    "letter",
    "resolution",
    "communique",
    "report",
    "message",
    "petition",
    "appeal",
    "decree",
    "note",
    "memorandum",
    "motion",
    "bill",
    "order",
}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"}
_SPEECH = {
    "say",
    "announce",
    "tell",
    "state",
    "declare",
    "claim",
    "insist",
    "add",
    "write",
    "quote",
    "reiterate",
    "confirm",
    "warn",
}
# Sectors whose singular nouns name one organisation ("the government", "the army").
_ORGANISATION_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "IGO", "NGO", "BUS", "MED", "PTY"}
_QUANTITY_NOUNS = {
    "part",
    "some",
    "all",
    "most",
    "third",
    "half",
    "tens",
    "hundreds",
    "thousands",
    "dozens",
    "millions",
    "scores",
    "group",
    "number",
    "majority",
}
# Named-entity labels of phrases that are never actors ("met on Wednesday").
_NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_ENTITY_TYPES = {
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "ORG": "organisation",
    "PERSON": "person",
}


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A phrase filling an event role: its head token index and character span."""

    head: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def load_agent_sectors() -> dict[str, str]:
    """Return the Phoenix agents lexicon: lower-case noun phrase → sector code (GOV, REB, ...).

    Raises:
        ConfigError: when the shipped ``agents.tsv`` is missing.
    """
    try:
        path = resources.files("dateline").joinpath("data").joinpath("agents.tsv")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"the agents lexicon 'agents.tsv' is missing from dateline/data: {exc}; "
            "reinstall Dateline (package data must be included)"
        ) from exc
    sectors: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#") and "\t" in line:
            phrase, sector = line.split("\t", 1)
            sectors[phrase] = sector.strip()
    return sectors


def _phrase(token: Any) -> RolePhrase:
    """Return the noun phrase headed by ``token``: modifiers, and "of" phrases after it."""
    doc = token.doc
    left = token.left_edge.i
    while left < token.i and doc[left].is_punct:
        left += 1
    right = token.i
    for child in token.rights:
        # "Leaders of the coalition", "activists from the Fatah Party", "prisoners in Dili":
        # the group they belong to is part of who they are.
        if child.dep_ in ("compound", "flat", "nummod") or (
            child.dep_ == "prep"
            and (child.lower_ in ("of", "from") or (child.lower_ == "in" and token.pos_ == "NOUN"))
        ):
            right = max(right, child.right_edge.i)
    while right > token.i and doc[right].is_punct:
        right -= 1
    span = doc[left : right + 1]
    return RolePhrase(token.i, span.start_char, span.end_char, span.text)


def _named(token: Any) -> Any:
    """Return the name in apposition to a common noun ("the ombudsman, Maria Lopez")."""
    if token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return token


def _partitive(token: Any) -> Any:
    """Return the group meant by "one third of the guerrillas" (the guerrillas)."""
    if token.lower_ in _QUANTITY_NOUNS or token.like_num:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return token


def _with_conjuncts(token: Any) -> list[Any]:
    found = [_named(_partitive(token))]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            found.extend(_with_conjuncts(child))
    return found


def _subjects(verb: Any) -> list[Any]:
    found: list[Any] = []
    for child in paragraph_children(verb):
        if child.dep_ not in _SUBJECTS or child.dep_ == "nsubjpass":
            continue
        if child.pos_ == "VERB":
            # "The Red Cross operating in Iraq said": the parser makes the participle the
            # subject and hangs the real one under it.
            found.extend(c for c in child.children if c.dep_ == "nsubj")
        else:
            found.append(child)
    return found


def _agent_of(verb: Any) -> list[Any]:
    """Return the actor heads of ``verb``: subject, passive agent, or inherited subject."""
    current = verb
    for _ in range(4):
        subjects = _subjects(current)
        if subjects:
            return [t for s in subjects for t in _with_conjuncts(s)]
        for child in current.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return [t for o in objects for t in _with_conjuncts(o)]
        passive = [c for c in current.children if c.dep_ == "nsubjpass"]
        if passive:
            # "The secretary was set to meet X": a passive governor's subject is the one
            # who does what its complement says.
            return [t for s in passive for t in _with_conjuncts(s)] if current is not verb else []
        if current.dep_ == "acl":
            # "protesters demanding reform": the noun acts; "a declaration demanding ...":
            # its issuer does; "the curfew imposed in Sudan": the noun is acted upon.
            noun = current.head
            if noun.pos_ not in ("NOUN", "PROPN"):
                return []
            if noun.dep_ == "ROOT":
                # "Doctors from two aid groups donated ...": a fragment parse; the noun
                # heading the sentence is the subject of its only verb.
                return _with_conjuncts(noun)
            if current.tag_ == "VBN":
                return []
            if noun.lemma_.lower() not in _DOCUMENTS:
                return _with_conjuncts(noun)
            current = noun.head.head if noun.dep_ == "pobj" else noun.head
            continue
        if (
            current.dep_ not in _INHERIT_FROM
            or current.head.i == current.i
            or crosses_paragraph(current, current.head)
        ):
            return []
        current = current.head
    return []


def _resolve_pronoun(token: Any) -> Any:
    """Return the speaker a pronoun subject of a reported clause stands for, else ``token``.

    "Syria says it is willing": *it* is Syria. "King Hassan was quoted as saying he would be
    ready": the speech verb has no subject of its own, so the speaker is found further up.
    """
    if token.lower_ not in _PRONOUNS:
        return token
    if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
        return _named(token.head.head)  # "the police, who arrested ...": the police
    clause = token.head
    while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _SPEECH:
        return token
    current = clause.head
    for _ in range(4):
        speakers = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if speakers:
            return speakers[0] if speakers[0].lower_ not in _PRONOUNS else token
        if current.head.i == current.i:
            break
        current = current.head
    return token


def role_phrases(verb: Any) -> tuple[list[RolePhrase], list[RolePhrase]]:
    """Return the actor phrases and recipient phrases of the event triggered by ``verb``.

    Args:
        verb: a trigger token of a spaCy ``Doc`` (a verb, or a noun for noun triggers).

    Returns:
        ``(actors, recipients)``, each a list of `RolePhrase` in text order.
    """
    if verb.pos_ in ("NOUN", "PROPN"):
        if verb.dep_ == "compound":
            verb = verb.head  # "launched a mediation effort": the effort carries the roles
        heads = [c for c in verb.children if c.dep_ == "poss"]
        heads += [c for c in verb.children if c.dep_ == "compound" and c.ent_type_]
        governor = verb.head
        if verb.dep_ == "dobj" and governor.lemma_.lower() in LIGHT_VERBS:
            # "Students staged a sit-in": who does the noun's event is the verb's subject;
            # "their hunger strike" names them again.
            heads = _agent_of(governor) or heads
        actors = [_phrase(_resolve_pronoun(t)) for t in heads]
        recipients = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("with", "to", "against", "between"):
                recipients += [_phrase(o) for o in child.children if o.dep_ == "pobj"]
        return actors, recipients
    actor_heads = [_resolve_pronoun(t) for t in _agent_of(verb)]
    recipient_heads: list[Any] = []
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.dep_ != "ROOT"
    ):
        recipient_heads.append(verb.head)  # "the curfew imposed in Sudan"
    for child in verb.children:
        if child.dep_ in ("dobj", "iobj", "dative", "nsubjpass"):
            recipient_heads.extend(_with_conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    recipient_heads.extend(_with_conjuncts(obj))
    actors = [_phrase(t) for t in actor_heads if t.pos_ in ("NOUN", "PROPN", "PRON")]
    recipients = [_phrase(t) for t in recipient_heads if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return actors, recipients


@dataclass
class ActorIndex:
    """The article's actors, and the ones event coding adds, found by character offset."""

    actors: list[Actor]
    added: dict[str, Actor] = field(default_factory=dict)

    def _covering(self, start: int, end: int, head_start: int) -> Actor | None:
        best: Actor | None = None
        for actor in [*self.actors, *self.added.values()]:
            for mention in actor.mentions:
                if mention.start <= head_start < mention.end:
                    return actor
                if best is None and mention.start < end and start < mention.end:
                    best = actor
        return best

    def resolve(self, phrase: RolePhrase, doc: Any, *, recipient: bool = False) -> str | None:
        """Return the id of the actor ``phrase`` refers to, adding a new actor when needed.

        Args:
            phrase: the role phrase.
            doc: the parsed ``Doc``.
            recipient: the phrase is acted upon; physical targets ("homes", "a village")
                are then accepted as well as people and bodies.

        Returns:
            An actor id, or None for a pronoun, quantity or abstract noun no actor covers.
        """
        head = doc[phrase.head]
        found = self._covering(phrase.start, phrase.end, head.idx)
        if found is not None:
            return found.id
        if head.lower_ in _PRONOUNS or head.pos_ == "PRON" or head.like_num:
            return None
        if head.ent_type_ in _NOT_ACTORS:
            return None
        if not _is_agentive(head) and not (recipient and head.lemma_.lower() in _TARGETS):
            return None
        name = phrase.text
        for article in ("the ", "The "):
            if name.startswith(article):
                name = name[len(article) :]
        mention_start = phrase.end - len(name)
        actor_id = content_id(name.lower(), prefix="actor:")
        mention = Mention(mention_start, phrase.end, name, _mention_kind(head))
        existing = self.added.get(actor_id)
        if existing is not None:
            self.added[actor_id] = Actor(
                id=existing.id,
                name=existing.name,
                type=existing.type,
                mentions=(*existing.mentions, mention),
            )
        else:
            self.added[actor_id] = Actor(
                id=actor_id, name=name, type=_actor_type(head), mentions=(mention,)
            )
        return actor_id

    def all_actors(self) -> list[Actor]:
        """Return the article's actors followed by the ones event coding added."""
        return [*self.actors, *self.added.values()]


# Common nouns for people and bodies that the Phoenix agents lexicon has no sector for.
_GENERIC_AGENTS = {
    "leader",
    "official",
    "member",
    "family",
    "hacker",
    "negotiator",
    "prisoner",
    "coalition",
    "party",
    "agency",
    "spokesman",
    "spokeswoman",
    "president",
    "diplomat",
    "envoy",
    "delegation",
    "group",
    "militant",
    "fighter",
    "gunman",
    "attacker",
    "assailant",
    "crowd",
    "mob",
    "opposition",
    "regime",
    "administration",
    "cabinet",
    "council",
    "committee",
    "union",
    "company",
    "firm",
    "organization",
    "organisation",
    "force",
    "side",
    "partner",
    "ally",
    "country",
    "nation",
    "state",
    "counterpart",
    "secretary",
    "community",
    "bloc",
    "alliance",
    "movement",
    "faction",
    "network",
    "body",
    "team",
    "camp",
    "navy",
}


# Physical things an action may target: recipients even though they act on nothing.
_TARGETS = {
    "home",
    "house",
    "building",
    "village",
    "town",
    "city",
    "camp",
    "site",
    "office",
    "embassy",
    "base",
    "territory",
    "border",
    "region",
    "area",
    "property",
    "station",
    "airport",
    "port",
    "road",
    "bridge",
    "convoy",
    "vehicle",
    "ship",
    "plane",
    "aircraft",
    "hospital",
    "school",
    "stronghold",
    "position",
    "post",
    "settlement",
    "website",
    "newspaper",
    "temple",
    "mosque",
    "church",
    "market",
    "headquarters",
}


def _is_agentive(head: Any) -> bool:
    """Return True when a phrase headed by ``head`` can name someone who acts.

    Event coding adds an actor only for a name, a people-or-body noun (Phoenix agents
    lexicon, or a generic one: "officials", "the coalition"), or a noun a nationality or
    place modifies ("French warships"); "a plan", "its right", "efforts" act on no one.
    """
    if head.pos_ == "PROPN" or head.ent_type_ in _ENTITY_TYPES:
        return True
    lemma = head.lemma_.lower()
    if lemma in _GENERIC_AGENTS or lemma in load_agent_sectors() or head.lower_ in _GENERIC_AGENTS:
        return True
    return any(
        child.ent_type_ in ("NORP", "GPE") and child.dep_ in ("amod", "compound", "nmod", "poss")
        for child in head.children
    )


def _mention_kind(head: Any) -> str:
    return "name" if head.pos_ == "PROPN" or head.ent_type_ else "description"


def _actor_type(head: Any) -> str:
    if head.ent_type_ in _ENTITY_TYPES:
        return _ENTITY_TYPES[head.ent_type_]
    sector = load_agent_sectors().get(head.lemma_.lower())
    if sector is None:
        return "unknown"
    if head.tag_ in ("NNS", "NNPS"):
        return "group"
    return "organisation" if sector in _ORGANISATION_SECTORS else "person"
