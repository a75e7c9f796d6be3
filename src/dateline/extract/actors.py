"""Actors: the people, organisations and groups an article names, with every mention.

spaCy's small English model labels the same word differently across a text ("Blinken" is
PERSON in one sentence and GPE in the next, "Strook" ORG, "Rafah" PERSON), so a name's type
is decided from evidence over all its mentions: label votes, being the surname of a full
name tagged PERSON, the shape of place and organisation names ("Kibbutz …", "… Port",
"… Party"), and what the word does in the sentence (a subject of a verb is more likely a
person than a listed camp). Then shorter forms join the fullest form ("Netanyahu" →
"Benjamin Netanyahu", "IDF" → "Israel Defense Forces"), untagged repeats of a known name are
found by string match, titles and affiliations are read (`dateline.extract.titles`), and
descriptions, pronouns and "the latter" are linked (`dateline.extract.coref`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dateline.extract.coref import ActorDraft, name_gender, resolve_references
from dateline.extract.lexicon import HONORIFICS, ORG_HEADS, PLACE_HEADS, PLACE_PREFIXES
from dateline.extract.titles import (
    TitleFacts,
    apposition_facts,
    copular_facts,
    premodifier_title,
)
from dateline.model import Actor, Mention
from dateline.nlp import doc_text

__all__ = ["extract_actors"]

_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Last words that make a multi-word name a place; narrower than PLACE_HEADS because
# "Islamic State" or "World Bank" end in words that also head places.
_PLACE_NAME_LAST = frozenset(
    {
        "port",
        "corridor",
        "strip",
        "heights",
        "valley",
        "crossing",
        "street",
        "square",
        "airport",
        "river",
        "camp",
        "island",
        "islands",
        "mountains",
        "desert",
        "peninsula",
        "avenue",
        "road",
        "highway",
        "bridge",
        "coast",
    }
)
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LOCATIVE = frozenset(
    {"in", "near", "outside", "inside", "across", "around", "into", "throughout", "within"}
)


@dataclass(frozen=True, slots=True)
class _Name:
    """One tagged name occurrence, determiner and possessive stripped.

    ``start``/``end`` are token indices, ``char_start``/``char_end`` character offsets.
    """

    start: int
    end: int
    char_start: int
    char_end: int
    text: str
    label: str


# Headlines and photo credits run names into other text ("Luciana Lopez: Saying …",
# "Benoit Tessier/Reuters"): a name stops at these.
_BREAKS = frozenset({":", "“", "”", '"', "‘", "(", ")", "|", "—", "–", "/"})
# Lower-case words that may stand inside a person's name ("Luis de Miranda").
_NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "ter",
        "ten",
        "y",
        "dos",
        "das",
        "bint",
        "abu",
    }
)
_POSSESSIVES = ("’s", "'s", "‘s", "’", "'")


def _make_name(doc: Any, start: int, end: int, label: str) -> _Name | None:
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    # A name never runs over a line break: the tagger joins a headline's last words to the
    # next paragraph ("Photos\n\nCons").
    cut = next((i for i in range(start, end) if doc[i].text in _BREAKS or "\n" in doc[i].text), end)
    end = cut
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end:
        return None
    char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = doc[start:end].text
    for suffix in _POSSESSIVES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text, char_end = text[: -len(suffix)], char_end - len(suffix)
            break
    if doc[end - 1].lower_ in _POSSESSIVES:
        end -= 1
    if start >= end or not text.strip():
        return None
    return _Name(start, end, char_start, char_end, text, label)


def _tagged_names(doc: Any) -> list[_Name]:
    names: list[_Name] = []
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS:
            name = _make_name(doc, ent.start, ent.end, ent.label_)
            if name is not None:
                names.append(name)
    # "Ben Carson Defends …" in a title-case headline: when the name less its last word is
    # a name of its own elsewhere, the last word is not part of it.
    texts = {n.text for n in names if n.label == "PERSON"}
    trimmed: list[_Name] = []
    for name in names:
        words = name.text.split()
        if name.label == "PERSON" and len(words) >= 3 and " ".join(words[:-1]) in texts:
            shorter = _make_name(doc, name.start, name.end - 1, name.label)
            if shorter is not None:
                name = shorter
        trimmed.append(name)
    return trimmed


def _title_ranges(doc: Any, names: list[_Name]) -> dict[int, TitleFacts]:
    """Premodifier titles of PERSON names, by the name's first token."""
    found: dict[int, TitleFacts] = {}
    for name in names:
        if name.label == "PERSON" or (name.end - name.start == 1 and name.label != "NORP"):
            facts = premodifier_title(doc, name.start)
            if facts is not None:
                found[name.start] = facts
    return found


def _inside_title(doc: Any, name: _Name, titles: dict[int, TitleFacts]) -> bool:
    for first, facts in titles.items():
        if facts.start <= name.char_start and name.char_end <= doc[first].idx:
            return True
    return False


def _near_place_noun(doc: Any, name: _Name) -> bool:
    # "the central camps—Nuseirat and Bureij": a name set off from a place noun by nothing
    # but punctuation names that place.
    j = name.start - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    return j >= 0 and j < name.start - 1 and doc[j].lower_ in PLACE_HEADS and doc[j].pos_ == "NOUN"


def _looks_like_person_name(text: str) -> bool:
    """Whether ``text`` is shaped like a name: capitalised words, no digits.

    The small model tags lower-case runs ("zlib shrinks", Spanish phrases) and products
    ("PS4 Pro") PERSON.
    """
    if any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) and any(
        w[:1].isupper() for w in words
    )


def _common_last_word(text: str, lower_words: set[str]) -> bool:
    """Whether a name tagged PERSON ends in a word the article also writes in lower case.

    Products, events and slogans end in common words ("Tor Browser", "Xbox One", "Trump
    Supporters", "Valentine’s Day") that recur in lower case in the same text; surnames
    rarely do. A first name of one gender ("Tom Price") keeps the name a person's.
    """
    words = text.split()
    if len(words) < 2 or name_gender(text) is not None:
        return False
    last = words[-1].lower()
    for suffix in _POSSESSIVES:
        last = last.removesuffix(suffix)
    return last in lower_words


def _org_shaped_person(text: str) -> bool:
    """Whether an ORG-tagged name is a person's: two or three capitalised words opening
    with a first name of one gender (ambiguous first names are not in the table)."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and _looks_like_person_name(text)
        and words[-1].lower() not in ORG_HEADS
        and name_gender(text) is not None
    )


def _only_in_places(doc: Any, mentions: list[_Name]) -> bool:
    """Whether every mention is the object of a locative preposition ("in Khan Younis")."""
    for name in mentions:
        # The preposition must stand right before the name: the parser attaches names to
        # far-off prepositions when it runs paragraphs together.
        before = doc[name.start - 1] if name.start > 0 else None
        if before is None or before.lower_ not in _LOCATIVE:
            return False
    return True


def _person_evidence(doc: Any, mentions: list[_Name], titles: dict[int, TitleFacts]) -> bool:
    for name in mentions:
        root = doc[name.start : name.end].root
        if root.dep_ in _SUBJECT_DEPS and root.head.pos_ in {"VERB", "AUX"}:
            return True
        if name.start in titles:
            return True
        if name.start > 0 and doc[name.start - 1].lower_ in HONORIFICS:
            return True
    return False


def _decide_types(doc: Any, names: list[_Name], titles: dict[int, TitleFacts]) -> dict[str, str]:
    """Return the actor type of each name text; names that are not actors are left out."""
    by_text: dict[str, list[_Name]] = defaultdict(list)
    for name in names:
        by_text[name.text].append(name)
    full_people = {
        text
        for text, found in by_text.items()
        if len(text.split()) > 1
        and _looks_like_person_name(text)
        and Counter(n.label for n in found).most_common(1)[0][0] == "PERSON"
        and text.split()[-1].lower() not in ORG_HEADS | _PLACE_NAME_LAST
        and text.split()[0].lower() not in PLACE_PREFIXES
    }
    full_people = {text for text in full_people if not _only_in_places(doc, by_text[text])}
    lower_words = {t.text for t in doc if t.is_lower}
    products = {
        text
        for text, found in by_text.items()
        if _common_last_word(text, lower_words) and not _person_evidence(doc, found, titles)
    }
    full_people -= products
    surnames = Counter(text.split()[-1] for text in full_people)
    types: dict[str, str] = {}
    for text, found in by_text.items():
        words = text.split()
        first, last = words[0].lower(), words[-1].lower()
        votes = Counter(n.label for n in found)
        if text in full_people or surnames.get(text, 0) >= 1:
            types[text] = "person"
            continue
        if len(words) > 1 and (first in PLACE_PREFIXES or last in _PLACE_NAME_LAST):
            continue
        if any(_near_place_noun(doc, n) for n in found):
            continue
        if len(words) > 1 and last in ORG_HEADS:
            types[text] = "organisation"
            continue
        label = votes.most_common(1)[0][0]
        if label == "PERSON" and len(words) == 1 and text.isupper() and len(text) > 1:
            label = "ORG"  # people's names are not written as acronyms ("FBN", "JC")
        if label == "PERSON" and (not _looks_like_person_name(text) or text in products):
            continue
        place_votes = sum(votes[lab] for lab in _PLACE_LABELS)
        if label == "PERSON":
            # A lone word tagged PERSON needs support: more PERSON than place votes and a
            # person's role in some sentence; otherwise it is a place the model misread.
            if votes["PERSON"] > place_votes + votes["ORG"] and _person_evidence(
                doc, found, titles
            ):
                types[text] = "person"
            elif any(n.start > 0 and doc[n.start - 1].lower_ == "the" for n in found):
                types[text] = "organisation"
        elif label == "ORG" and _org_shaped_person(text):
            # Bylines and photo credits ("Lucas Nolan", "Tom Forte") are often tagged ORG.
            types[text] = "person"
        elif label == "ORG" and votes["ORG"] > place_votes:
            types[text] = "organisation"
        elif label == "NORP" and any(doc[n.end - 1].tag_ in {"NNS", "NNPS"} for n in found):
            types[text] = "group"
    return types


def _acronym(text: str) -> str:
    return "".join(w[0] for w in text.split() if w.lower() not in _ACRONYM_SKIP and w[:1].isupper())


def _canonical_names(names: list[_Name], types: dict[str, str]) -> dict[str, str]:
    """Map each actor name to the fullest form of the same actor in the article."""
    first_seen: dict[str, int] = {}
    counts: Counter[str] = Counter()
    for name in names:
        first_seen.setdefault(name.text, name.start)
        counts[name.text] += 1
    texts = sorted(types, key=lambda t: (-len(t.split()), first_seen[t]))
    canonical: dict[str, str] = {}
    for text in texts:
        kind = types[text]
        words = set(text.lower().split())
        fuller = [
            other
            for other in texts
            if other != text
            and types[other] == kind
            and len(other.split()) > len(text.split())
            and (
                words <= set(other.lower().split()) or (text.isupper() and _acronym(other) == text)
            )
        ]
        if kind == "person" and len(words) == 1:
            # News calls people by their surname: "Claude" after "Georges Claude" and
            # "Claude Debussy" is Georges Claude.
            by_surname = [f for f in fuller if f.split()[-1].lower() in words]
            fuller = by_surname or fuller
        if kind == "person" and len({canonical.get(f, f) for f in fuller}) > 1:
            # Two people share this surname: the nearest full name before it wins.
            before = [f for f in fuller if first_seen[f] <= first_seen[text]]
            fuller = sorted(before, key=lambda f: -first_seen[f])[:1] or fuller[:1]
        # The most repeated full form wins over a one-off ("Ben Carson" over a headline's
        # "Ben Carson Defends"), then the shorter one.
        fuller.sort(key=lambda f: (-counts[f], len(f)))
        target = fuller[0] if fuller else text
        canonical[text] = canonical.get(target, target)
    return canonical


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _word_occurrences(text: str, form: str) -> Iterator[int]:
    """Yield where ``form`` occurs in ``text`` as a whole word (not inside "Lapid-led")."""
    # str.find, not a regex per form: an article has hundreds of forms and Python's regex
    # cache holds 512 patterns, so compiling them cost more than the search.
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if (start == 0 or not _is_word_char(text[start - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            yield start
        start = text.find(form, start + 1)


def _add_untagged_repeats(doc: Any, text: str, drafts: list[ActorDraft]) -> None:
    """Add mentions the tagger missed: later "Lapid" after "Yair Lapid", "IDF" after "IDF"."""
    forms: dict[str, ActorDraft | None] = {}
    for draft in drafts:
        candidates = {m.text for m in draft.mentions if m.kind == "name"}
        if draft.type == "person" and len(draft.name.split()) > 1:
            candidates.add(draft.name.split()[-1])
        for form in candidates:
            if len(form) < 3 and not form.isupper():
                continue
            # A surname two people share ("Biden") is left to the tagger.
            forms[form] = draft if forms.get(form, draft) is draft else None
    taken = [(m.start, m.end) for d in drafts for m in d.mentions]
    entity_of = {t.i: ent for ent in doc.ents for t in ent}
    # Longest first, so "Super PAC" is claimed before "Super" and "PAC" can split it; and in
    # a fixed order, so the result does not follow the process's string-hash seed.
    for form, owner in sorted(forms.items(), key=lambda item: (-len(item[0]), item[0])):
        if owner is None:
            continue
        for start in _word_occurrences(text, form):
            end = start + len(form)
            span = doc.char_span(start, end)
            if span is None or _overlaps(start, end, taken):
                continue
            ent = entity_of.get(span.start)
            # "Herzog" inside "Herzog Hospital" is not Herzog; inside "Isaac Herzog" it is.
            if (
                ent is not None
                and (ent.start < span.start or ent.end > span.end)
                and (ent.label_ != "PERSON" or owner.type != "person")
            ):
                continue
            owner.mentions.append(Mention(start, end, form, "name"))
            taken.append((start, end))


def _add_titles(
    doc: Any, text: str, drafts: list[ActorDraft], titles: dict[int, TitleFacts]
) -> None:
    taken = [(m.start, m.end) for d in drafts for m in d.mentions]
    for draft in drafts:
        if draft.type != "person":
            continue
        for mention in list(draft.mentions):
            span = doc.char_span(mention.start, mention.end)
            if span is None:
                continue
            facts = titles.get(span.start) or premodifier_title(doc, span.start)
            if facts is not None and not _overlaps(facts.start, doc[span.start].idx, taken):
                draft.add_title(facts.title)
                draft.add_affiliations(facts.affiliations)
                draft.mentions.append(
                    Mention(facts.start, mention.end, text[facts.start : mention.end], "title")
                )
            for other in (apposition_facts(doc, span.end), copular_facts(doc, span.root.i)):
                if other is not None:
                    draft.add_title(other.title)
                    draft.add_affiliations(other.affiliations)
            if span.start > 0 and doc[span.start - 1].lower_ in HONORIFICS:
                draft.gender = draft.gender or HONORIFICS[doc[span.start - 1].lower_]


def extract_actors(doc: Any) -> list[Actor]:
    """Return the people, organisations and groups in ``doc``, each with every mention.

    Args:
        doc: a spaCy ``Doc`` of ``Article.text`` (tagger, parser and NER run).

    Returns:
        Actors in order of first mention. Each mention slices ``doc.text`` to its text and
        has a kind (name, title, description, anaphor, pronoun, possessive); mentions of
        different actors never overlap.
    """
    text = doc_text(doc)
    names = _tagged_names(doc)
    titles = _title_ranges(doc, names)
    names = [n for n in names if not _inside_title(doc, n, titles)]
    types = _decide_types(doc, names, titles)
    canonical = _canonical_names(names, types)
    drafts_by_name: dict[str, ActorDraft] = {}
    for name in names:
        if name.text not in canonical:
            continue
        key = canonical[name.text]
        draft = drafts_by_name.get(key)
        if draft is None:
            draft = drafts_by_name[key] = ActorDraft(name=key, type=types[key])
        draft.mentions.append(Mention(name.char_start, name.char_end, name.text, "name"))
    drafts = list(drafts_by_name.values())
    _add_untagged_repeats(doc, text, drafts)
    _add_titles(doc, text, drafts, titles)
    resolve_references(doc, drafts, text=text)
    actors = [draft.to_actor() for draft in drafts if draft.mentions]
    return sorted(actors, key=lambda actor: actor.mentions[0].start)
