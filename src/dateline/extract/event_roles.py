"""Event roles: who acts and who is acted upon, read off the parse and tied to actors.

Actors of an event are its subject and the subject's conjuncts ("Jordan and Britain
agreed"), or the "by" agent of a passive; a complement or conjunct verb with no subject of
its own takes its governor's ("X plans to establish", "X met A and discussed B"). A pronoun
subject of a clause reported by someone ("Syria says it is willing") is that someone.
Recipients are the direct object, the indirect object and the object of "with", "to",
"against", "on"; the subject of a passive.

Each role phrase is tied to the article's `Actor` whose mention covers the phrase's head.
A phrase no actor covers becomes a new actor only when it names someone who can act:

- a country the place stage found ("Israel is fighting terror") becomes an actor of type
  ``country`` under the place's name; another place is no actor: a subject only stands for
  its government by metonymy ("Moscow denied"), a destination ("a trip to Ashdod Port") is
  the event's place (`ActorIndex.place_at`);
- a name the actor and place stages both passed over stays out, unless the named-entity
  label says person, organisation or nationality;
- a common noun must name people or a body: the Phoenix agents lexicon
  (``dateline/data/agents.tsv``, derived from the MIT-licensed PETRARCH dictionaries) or a
  generic people/body noun, typed from it; bodies must be specific ("the coalition",
  "Saudi-led coalition", not "a government coalition", "international bodies"), and abstract
  or generic phrases ("US commitment", "another Holocaust", "all our allies") are no one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from dateline.errors import ConfigError
from dateline.extract.event_lexicon import LIGHT_VERBS, NOUN_CUES, partitive_object
from dateline.extract.event_status import crosses_paragraph, paragraph_children
from dateline.model import Actor, Mention, Place, content_id

__all__ = [
    "ActorIndex",
    "RolePhrase",
    "addressee_phrases",
    "load_agent_sectors",
    "origin_phrases",
    "role_phrases",
]

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
# Named-entity labels of phrases that are never actors ("met on Wednesday", "another
# Holocaust", "the Affordable Care Act", "Super Mario Run").
_NOT_ACTORS = {
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
    "PRODUCT",
    "LANGUAGE",
}
# Labels that make an uncovered name an actor. GPE/LOC are not here: a place is an actor
# only when the place stage found it (countries), since the small model labels "Mojang",
# "Alibaba" or "Gunmen" GPE.
_ENTITY_TYPES = {"NORP": "group", "ORG": "organisation", "PERSON": "person"}
# Determiners of descriptions that refer to no one in particular ("another Holocaust", "any
# court", "all our allies"). Not "a": news introduces real people so ("A French minister
# threatened"); an indefinite body ("a government coalition") is caught in `_agent_type`.
_GENERIC_DETERMINERS = {"another", "any", "every", "each", "no", "such", "all"}
_DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}
# Descriptions of the two sides of a meeting just told ("The two men discussed ...").
_PARTICIPANT_NOUNS = {
    "man",
    "woman",
    "leader",
    "side",
    "minister",
    "official",
    "diplomat",
    "counterpart",
    "president",
    "pair",
    "delegation",
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


def _with_conjuncts(token: Any) -> list[Any]:
    found = [_named(partitive_object(token, _QUANTITY_NOUNS))]
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


def origin_phrases(phrase: RolePhrase, doc: Any) -> list[RolePhrase]:
    """Return who is behind a thing acted upon: "calls by Kofi Annan", "positions of rebels".

    Args:
        phrase: a recipient phrase that names no actor ("calls", "demands", "the wounded").
        doc: the parsed ``Doc``.

    Returns:
        The phrases of the "by"/"from"/"of" objects of the phrase's head, in text order.
    """
    head = doc[phrase.head]
    return [
        _phrase(obj)
        for child in head.children
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of")
        for obj in child.children
        if obj.dep_ == "pobj"
    ]


def addressee_phrases(verb: Any) -> list[RolePhrase]:
    """Return who a demand is made of: the subject of its clause ("demanded that the US act").

    Args:
        verb: the trigger of a request.

    Returns:
        The subject phrases of the verb's clausal complements (with their conjuncts).
    """
    found: list[RolePhrase] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
                found.extend(_phrase(t) for t in _with_conjuncts(child))
    return found


@dataclass
class ActorIndex:
    """The article's actors, and the ones event coding adds, found by character offset."""

    actors: list[Actor]
    places: list[Place] = field(default_factory=list)
    added: dict[str, Actor] = field(default_factory=dict)
    # The actors and recipients of the last meeting told: who "the two men" are.
    participants: tuple[str, ...] = ()

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
        place = self.place_at(phrase, doc)
        if place is not None:
            return self._place_actor(place, head, recipient=recipient)
        if head.lower_ in _PRONOUNS or head.pos_ == "PRON" or head.like_num:
            return None
        if head.is_punct or (head.pos_ == "PROPN" and head.is_lower):
            return None  # "al", "-" split off "Sheikh Hamad bin Khalifa al-Thani" by the parser
        if head.ent_type_ in _NOT_ACTORS or _is_participant_reference(head):
            return None
        lemma = head.lemma_.lower()
        if recipient and lemma in _TARGETS:
            type_: str | None = "unknown" if lemma in _VEHICLES else "place"
        else:
            type_ = _agent_type(head)
        if type_ is None or (_is_generic(head) and type_ != "place"):
            return None
        name = phrase.text
        for article in ("the ", "The "):
            if name.startswith(article):
                name = name[len(article) :]
        start = phrase.end - len(name)
        return self._add(name, Mention(start, phrase.end, name, _mention_kind(head)), type_)

    def place_at(self, phrase: RolePhrase, doc: Any) -> Place | None:
        """Return the place mention (from the place stage) that covers ``phrase``'s head.

        Args:
            phrase: a role phrase.
            doc: the parsed ``Doc``.

        Returns:
            The covering `Place`, or None.
        """
        head = doc[phrase.head]
        for place in self.places:
            if place.start <= head.idx < place.end:
                return place
        return None

    def participants_of(self, phrase: RolePhrase, doc: Any) -> tuple[str, ...] | None:
        """Return who "the two men" are: the last meeting's sides, or None for other phrases.

        Args:
            phrase: a role phrase.
            doc: the parsed ``Doc``.

        Returns:
            The ids of the last meeting's actors and recipients (empty when no meeting with
            two sides came before) when ``phrase`` refers back to them, else None.
        """
        if not _is_participant_reference(doc[phrase.head]):
            return None
        return self.participants if len(self.participants) >= 2 else ()

    def _place_actor(self, place: Place, head: Any, *, recipient: bool) -> str | None:
        """Return the actor a place stands for: its country, or its government as subject."""
        if place.latitude is None:
            # The gazetteer does not know it: too weak to stand as an actor ("Mojang",
            # "Future45" labelled GPE).
            return None
        if place.feature == "country":
            return self._add(place.name, _place_mention(place), "country")
        if not recipient and head.ent_type_ != "GPE":
            return None
        # A city or region acted upon is a target ("shelled Juba"); one acting stands for its
        # government ("Moscow denied"). A visit's destination never gets here (`events`).
        return self._add(place.name, _place_mention(place), "place")

    def _add(self, name: str, mention: Mention, type_: str) -> str:
        actor_id = content_id(name.lower(), prefix="actor:")
        existing = self.added.get(actor_id)
        if existing is not None and mention in existing.mentions:
            return actor_id
        if existing is not None:
            self.added[actor_id] = Actor(
                id=existing.id,
                name=existing.name,
                type=existing.type,
                mentions=(*existing.mentions, mention),
            )
        else:
            self.added[actor_id] = Actor(id=actor_id, name=name, type=type_, mentions=(mention,))
        return actor_id

    def all_actors(self) -> list[Actor]:
        """Return the article's actors followed by the ones event coding added."""
        return [*self.actors, *self.added.values()]


def _place_mention(place: Place) -> Mention:
    return Mention(place.start, place.end, place.text, "name")


# Common nouns for people that the Phoenix agents lexicon has no sector for.
_PEOPLE_NOUNS = {
    "leader",
    "official",
    "member",
    "family",
    "hacker",
    "negotiator",
    "prisoner",
    "spokesman",
    "spokeswoman",
    "president",
    "diplomat",
    "envoy",
    "militant",
    "fighter",
    "gunman",
    "attacker",
    "assailant",
    "counterpart",
    "secretary",
    "force",
    "national",
    "citizen",
    "resident",
}
# Common nouns for bodies: actors only when specific (see `_agent_type`).
_BODY_NOUNS = {
    "coalition",
    "party",
    "agency",
    "delegation",
    "group",
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
    "side",
    "partner",
    "ally",
    "country",
    "nation",
    "state",
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
# Bodies a bare "the" makes specific ("the coalition"); "the country", "the state" or "the
# community" need a name to say which.
_DEFINITE_BODIES = _BODY_NOUNS - {"country", "nation", "state", "community", "body", "side", "ally"}
# Countries as common nouns: actors only as a named plural ("Arab states", "Gulf nations");
# "the Jewish state", "a democratic country" say nothing of which one without coreference.
_COUNTRY_NOUNS = {"country", "nation", "state"}
# Armed means that act for whoever sends them ("British aircraft killed ...").
_ARMED_MEANS = {"aircraft", "jet", "warplane", "helicopter", "warship", "gunboat", "drone", "tank"}
# Nouns of one person in sectors that otherwise name bodies ("a judge", not "the court").
_PERSON_TITLES = {"judge", "chief", "head", "king", "queen", "prince", "emir", "mayor", "envoy"}
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "ant")
# Suffixes of nominalisations: "US commitment", "Russian aggression" name no one.
_ABSTRACT_SUFFIXES = ("ment", "ion", "ance", "ence", "ity", "ness", "ism", "ing")


# Physical things an action may target: recipients even though they act on nothing. Not
# "office", "position", "market": in news they are mostly abstract ("public office").
_TARGETS = {
    "home",
    "house",
    "building",
    "village",
    "town",
    "city",
    "camp",
    "site",
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
    "settlement",
    "website",
    "newspaper",
    "temple",
    "mosque",
    "church",
    "headquarters",
}


_VEHICLES = {"convoy", "vehicle", "ship", "plane", "aircraft"}


def _is_generic(head: Any) -> bool:
    """Return True for a description of no one in particular ("a coalition", "all allies")."""
    return any(
        child.dep_ in ("det", "predet") and child.lower_ in _GENERIC_DETERMINERS
        for child in head.children
    )


def _is_participant_reference(head: Any) -> bool:
    """Return True for "the two men", "both leaders", "the pair": the sides just named."""
    if head.lemma_.lower() not in _PARTICIPANT_NOUNS or head.pos_ != "NOUN":
        return False
    if head.lower_ == "pair":
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    return head.tag_ == "NNS" and any(
        (c.dep_ == "nummod" and c.lower_ in ("two", "2")) or c.lower_ == "both"
        for c in head.children
    )


def _names_a_person(lemma: str) -> bool:
    """Return True for a noun naming one person ("reporter", "judge"), not a body."""
    return lemma in _PERSON_TITLES or lemma.endswith(_PERSON_SUFFIXES)


def _titled(head: Any) -> bool:
    """Return True when a people noun premodifies a name ("militant Haroon Rashid Aswad")."""
    return any(
        child.dep_ == "compound"
        and child.pos_ == "NOUN"
        and child.i < head.i
        and child.lemma_.lower() in _PEOPLE_NOUNS
        for child in head.children
    )


def _named_modifier(head: Any) -> bool:
    """Return True when a nationality, place or name modifies ``head`` ("Serb forces")."""
    return any(
        (child.ent_type_ in ("NORP", "GPE", "ORG") or child.pos_ == "PROPN")
        and child.dep_ in ("amod", "compound", "nmod", "poss")
        for child in head.children
    )


def _agent_type(head: Any) -> str | None:
    """Return the actor type of a phrase headed by ``head``, or None when it names no one.

    Named-entity labels type names; the Phoenix agents lexicon and the people/body nouns
    above type descriptions ("officials" a group, "the regime" an organisation). A noun
    a nationality or place modifies ("French warships") is a group unless it names an
    action or an abstraction ("Israeli strikes", "US commitment").
    """
    if head.ent_type_ in _ENTITY_TYPES:
        return _ENTITY_TYPES[head.ent_type_]
    if head.pos_ == "PROPN" and not head.ent_type_ and _titled(head):
        return "person"  # "suspected British militant Haroon Rashid Aswad"
    if head.pos_ == "PROPN" or head.ent_type_:
        return None
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    if lemma in _PEOPLE_NOUNS:
        return "group" if plural else "person"
    if lemma in _BODY_NOUNS:
        # "the teachers' union" is one body; "his movement", "our allies": a pronoun
        # possessor says too little of which.
        definite = any(
            (c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS)
            or (c.dep_ == "poss" and c.pos_ != "PRON")
            for c in head.children
        )
        if lemma in _COUNTRY_NOUNS:
            return "group" if plural and _named_modifier(head) else None
        if _named_modifier(head) or (definite and not plural and lemma in _DEFINITE_BODIES):
            return "group" if plural else "organisation"
        return None
    if lemma in _ARMED_MEANS and _named_modifier(head):
        return "group"
    sector = load_agent_sectors().get(lemma)
    abstract = lemma in NOUN_CUES or head.lower_ in NOUN_CUES or lemma.endswith(_ABSTRACT_SUFFIXES)
    # The lexicon lists what a sector is about as well as who is in it ("population",
    # "uprising", "religion"); bodies keep their names ("government", "administration").
    if sector is not None and not (abstract and sector not in _ORGANISATION_SECTORS):
        if plural:
            return "group"
        if sector not in _ORGANISATION_SECTORS or _names_a_person(lemma):
            return "person"  # "a judge", "a reporter": one of the sector, not the body
        return "organisation"
    if plural and not abstract and _named_modifier(head):
        return "group"
    return None


def _mention_kind(head: Any) -> str:
    return "name" if head.pos_ == "PROPN" or head.ent_type_ else "description"
