"""Places: every place mention, geocoded offline against GeoNames.

Mentions come from three sources, merged longest-first:

* spaCy's GPE, LOC and FAC entities;
* name patterns the small model misses or mislabels ("Kibbutz Yad Mordechai", "Ashdod
  Port", "Netzarim Corridor", "Wadi Gaza", "the Nuseirat camp", "the Gaza Strip");
* single-word PERSON/ORG entities that the gazetteer knows as a town in a country the
  article is about (the small model tags "Rafah" PERSON and "Nuseirat" ORG).

A GPE that is a person's surname elsewhere in the article ("Antony Blinken" … "Blinken
reiterated") or that the actor stage names a person is not a place. Every other mention
stays in the output, geocoded when the gazetteer knows it and ungeocoded otherwise.

Ambiguous names are settled by the article's own geography: the countries it names, the
demonyms it uses ("Palestinian", "Egyptian") and the towns it names without ambiguity.
Rafah is the Gaza town in an article about Gaza and the Egyptian one in an article about
North Sinai.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from dateline.extract.gazetteer import Gazetteer, GeoEntry, fold, load_gazetteer
from dateline.model import Place, content_id
from dateline.nlp import doc_text

__all__ = ["extract_places"]

_NER_FEATURES = {"GPE": "political", "LOC": "location", "FAC": "facility"}
_ARTICLE_RE = re.compile(r"^(?:al|el|an|ad|ar|as|at|ash|az|ed|en|er|es|et|ez) ")
_NAME = r"[A-Z][\w’'\-]*(?:[ ][A-Z][\w’'\-]*){0,2}"
# Keyword → the feature of the whole mention, and whether the mention sits at the place its
# bare name denotes (Kibbutz Be'eri is Be'eri; Wadi Gaza is not Gaza City).
_PREFIXES = {
    "Kibbutz": ("settlement", True),
    "Moshav": ("settlement", True),
    "Camp": ("camp", False),
    "Wadi": ("river", False),
    "Mount": ("mountain", False),
    "Lake": ("water", False),
    "Fort": ("facility", True),
    "Cape": ("region", False),
}
_SUFFIXES = {
    "Port": ("port", True),
    "Airport": ("airport", True),
    "Crossing": ("crossing", True),
    "Corridor": ("region", False),
    "Strip": ("region", False),
    "Valley": ("region", False),
    "Heights": ("region", False),
    "River": ("river", False),
    "Province": ("region", False),
    "Governorate": ("region", False),
    "District": ("region", False),
    "Peninsula": ("region", False),
    "Desert": ("region", False),
    "Canal": ("water", False),
    "Square": ("facility", True),
    "camp": ("camp", True),
    "refugee camp": ("camp", True),
}
_PREFIX_RE = re.compile(rf"\b(?P<kw>{'|'.join(_PREFIXES)})\s+(?P<name>{_NAME})")
_SUFFIX_RE = re.compile(
    rf"(?:\bthe\s+)?(?P<name>{_NAME})\s+(?P<kw>refugee camp|"
    rf"{'|'.join(k for k in _SUFFIXES if k != 'refugee camp')})\b"
)
_LOCATIVE = frozenset(
    {"in", "at", "near", "from", "into", "outside", "inside", "around", "toward", "towards",
     "across", "via", "through", "between", "north", "south", "east", "west"}
)  # fmt: skip
_AREA_FEATURES = frozenset(
    {"country", "continent", "region", "state", "water", "river", "facility"}
)
_FEATURE_BONUS = {"country": 4.0, "continent": 4.0, "state": 2.5}
# A town outside the article's countries is trusted only above this population.
_FOREIGN_TOWN_POPULATION = 15000
# An alternate name ("White House" is a name of Casablanca) is trusted from this size on.
_ALTERNATE_NAME_POPULATION = 200000
_NEAR_KM = 60.0
_AREA_SIZE = 6.0  # log10 of the population a region without one is scored as


@dataclass(frozen=True, slots=True)
class _Context:
    """The article's own geography: how often it points at each country, and its anchors.

    Anchors are the positions of places named without ambiguity (a big town, a region): a
    small or alternately-spelled namesake is trusted when it lies near one of them.
    """

    countries: Counter[str]
    anchors: tuple[tuple[float, float], ...]

    def near(self, entry: GeoEntry) -> bool:
        """Return whether ``entry`` lies within `_NEAR_KM` of an anchor other than itself."""
        return any(
            0.5 < _km(entry.latitude, entry.longitude, lat, lon) < _NEAR_KM
            for lat, lon in self.anchors
        )


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A possible place mention before geocoding."""

    start: int
    end: int
    source: str  # ner | pattern | recovered
    label: str  # the spaCy label, or PATTERN
    base: str | None = None  # the bare name a "Kibbutz X"/"X Port" mention sits at
    feature: str | None = None  # what a pattern says the place is


def extract_places(
    doc: Any,
    *,
    person_names: frozenset[str] = frozenset(),
    gazetteer: Gazetteer | None = None,
) -> list[Place]:
    """Return one `Place` per place mention in ``doc``, geocoded when the gazetteer knows it.

    Args:
        doc: a spaCy ``Doc`` of ``Article.text`` (with entities).
        person_names: names known to be people; the small model tags some surnames GPE.
        gazetteer: the gazetteer to use; the shared default (`load_gazetteer`) when ``None``.

    Returns:
        Places in text order. Unknown places are kept with no coordinates.

    Raises:
        ConfigError: when the gazetteer data cannot be loaded.
    """
    gazetteer = gazetteer or load_gazetteer()
    text: str = doc_text(doc)
    people = _People(doc, person_names)
    candidates = _merge(_ner_candidates(doc) + _pattern_candidates(text))
    context = _context(doc, text, candidates, gazetteer)
    candidates = _merge(candidates + _recovered_candidates(doc, text, gazetteer, context, people))
    places = []
    resolved: dict[tuple[str, str, str, str | None], tuple[GeoEntry | None, float]] = {}
    last_by_keyword: dict[str, GeoEntry | None] = {}
    for candidate in candidates:
        start, end = _trim(text, candidate.start, candidate.end)
        mention = text[start:end]
        key = fold(mention)
        if not key:
            continue
        if candidate.feature == "camp" and mention.endswith("camp"):
            # "the Clinton camp" is a campaign; "the Jabalia camp" is a town the map knows.
            base_entries, _ = gazetteer.lookup(candidate.base or "")
            if not base_entries or people.named(fold(candidate.base or "")):
                continue
        if candidate.source != "pattern" and people.named(key):
            entries, _ = gazetteer.lookup(mention)
            if not _strong_place_evidence(entries, context, locative=_locative(text, start)):
                continue
        # A name repeats through an article: geocode each (name, kind of evidence) once.
        memo = (key, candidate.source, candidate.label, candidate.base)
        if memo not in resolved:
            resolved[memo] = _geocode(gazetteer, mention, candidate, context)
        entry, confidence = resolved[memo]
        if entry is None and key in {fold(k) for k in _SUFFIXES} and key in last_by_keyword:
            # "the Strip" after "the Gaza Strip": the same place, said shorter.
            entry, confidence = last_by_keyword[key], 0.6
        if candidate.source == "pattern" and candidate.feature is not None:
            keyword = mention.rsplit(" ", 1)[-1].lower()
            last_by_keyword[keyword] = entry
        if (
            entry is not None
            and entry.name.startswith("The ")
            and text[max(0, start - 4) : start] == "The "
        ):
            start -= 4
            mention = text[start:end]
        places.append(_place(start, end, mention, candidate, entry, confidence))
    return places


def _place(
    start: int,
    end: int,
    mention: str,
    candidate: _Candidate,
    entry: GeoEntry | None,
    confidence: float,
) -> Place:
    feature = candidate.feature
    if feature is None:
        feature = entry.feature if entry is not None else _NER_FEATURES.get(candidate.label)
    return Place(
        id=content_id(f"{start}:{mention}", prefix="place:"),
        name=entry.name if entry is not None and candidate.base is None else mention,
        start=start,
        end=end,
        text=mention,
        country=entry.country if entry is not None else None,
        latitude=entry.latitude if entry is not None else None,
        longitude=entry.longitude if entry is not None else None,
        feature=feature,
        geonames_id=entry.geonames_id if entry is not None else None,
        confidence=round(confidence, 3),
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive from a mention."""
    if text.startswith(("the ", "The "), start) and end - start > 4:
        start += 4
    for suffix in ("’s", "'s"):
        if text.endswith(suffix, start, end) and end - start > len(suffix):
            end -= len(suffix)
    return start, end


class _People:
    """What the article says are people's names: the actor stage's and spaCy's full names."""

    __slots__ = ("names", "words")

    def __init__(self, doc: Any, person_names: frozenset[str]) -> None:
        self.names = {fold(name) for name in person_names}
        # Words of multi-word PERSON entities: "Blinken" of "Antony Blinken", which the
        # small model also tags GPE when it stands alone.
        self.words = {
            fold(token.text)
            for ent in doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1
            for token in ent
            if token.is_alpha and token.is_title
        }

    def named(self, key: str) -> bool:
        """Return whether the folded name ``key`` is a person's name or surname."""
        return key in self.names or (" " not in key and key in self.words)


def _strong_place_evidence(entries: list[GeoEntry], context: _Context, *, locative: bool) -> bool:
    """Return whether the gazetteer outweighs the evidence that a name is a person's.

    A country or region always does. A town does only after a locative preposition ("in
    Carson"), in one of the article's countries, near one of its other places: towns are
    named after people everywhere.
    """
    for entry in entries:
        if entry.feature in _AREA_FEATURES:
            return True
        if locative and entry.country in context.countries and context.near(entry):
            return True
    return False


def _ner_candidates(doc: Any) -> list[_Candidate]:
    return [
        _Candidate(ent.start_char, ent.end_char, "ner", ent.label_)
        for ent in doc.ents
        if ent.label_ in _NER_FEATURES
    ]


def _pattern_candidates(text: str) -> list[_Candidate]:
    found = []
    for match in _PREFIX_RE.finditer(text):
        feature, at_base = _PREFIXES[match["kw"]]
        base = match["name"] if at_base else None
        found.append(_Candidate(match.start(), match.end(), "pattern", "PATTERN", base, feature))
    for match in _SUFFIX_RE.finditer(text):
        name = match["name"]
        start = match.start("name")
        if name.startswith("The "):
            name, start = name[4:], start + 4
        if not name:
            continue
        feature, at_base = _SUFFIXES[match["kw"]]
        base = name if at_base else None
        found.append(_Candidate(start, match.end(), "pattern", "PATTERN", base, feature))
    return found


def _recovered_candidates(
    doc: Any, text: str, gazetteer: Gazetteer, context: _Context, people: _People
) -> list[_Candidate]:
    """Return PERSON/ORG entities that are towns in the article's countries."""
    found = []
    place_texts = {fold(ent.text) for ent in doc.ents if ent.label_ in _NER_FEATURES}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or not ent.text[:1].isupper():
            continue
        locative = _locative(text, ent.start_char)
        # A two-word "person" is a town only after "in", "from"…: "withdrew from Khan Younis".
        if len(ent) > 3 or (len(ent) > 1 and not locative):
            continue
        key = fold(ent.text)
        entries, _ = gazetteer.lookup(ent.text)
        if people.named(key) and not _strong_place_evidence(entries, context, locative=locative):
            continue
        # The article must say where the town is: by a preposition, by calling the same name
        # a place elsewhere, or by naming places around it.
        if any(
            entry.country in context.countries
            and (locative or key in place_texts or context.near(entry))
            for entry in entries
        ):
            found.append(_Candidate(ent.start_char, ent.end_char, "recovered", ent.label_))
    return found


def _locative(text: str, start: int) -> bool:
    """Return whether the word before character ``start`` is a locative preposition."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in _LOCATIVE


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates (patterns win ties), in text order."""
    rank = {"pattern": 0, "ner": 1, "recovered": 2}
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), rank[c.source], c.start))
    kept: list[_Candidate] = []
    for candidate in ordered:
        if all(candidate.end <= other.start or other.end <= candidate.start for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _context(doc: Any, text: str, candidates: list[_Candidate], gazetteer: Gazetteer) -> _Context:
    """Collect the article's evidence: names of countries, demonyms, unambiguous places."""
    countries: Counter[str] = Counter()
    anchors: list[tuple[float, float]] = []
    for candidate in candidates:
        start, end = _trim(text, candidate.start, candidate.end)
        entries, loose = gazetteer.lookup(text[start:end])
        if loose or not entries:
            continue
        areas = [e for e in entries if e.feature in _AREA_FEATURES and e.country]
        if areas:
            countries[areas[0].country or ""] += 2
            if areas[0].feature not in ("country", "continent"):
                anchors.append((areas[0].latitude, areas[0].longitude))
            continue
        towns = sorted(
            (e for e in entries if e.population >= _FOREIGN_TOWN_POPULATION),
            key=lambda e: -e.population,
        )
        # One big town of the name, or one that dwarfs the others (Paris, France).
        if towns and (len(towns) == 1 or towns[0].population >= 10 * towns[1].population):
            countries[towns[0].country or ""] += 1
            anchors.append((towns[0].latitude, towns[0].longitude))
    for ent in doc.ents:
        if ent.label_ == "NORP":
            code = gazetteer.demonym_country(ent.text)
            if code:
                countries[code] += 1
    countries.pop("", None)
    return _Context(countries, tuple(dict.fromkeys(anchors)))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _geocode(
    gazetteer: Gazetteer, mention: str, candidate: _Candidate, context: _Context
) -> tuple[GeoEntry | None, float]:
    """Return the best entry for ``mention`` and a confidence in [0, 1], or ``(None, c)``."""
    if mention.islower():
        # A lower-case "place" is a tagging slip ("mosques"): no town is called that.
        return None, 0.3
    name = mention
    entries, loose = gazetteer.lookup(name)
    discount = 0.85 if loose else 1.0
    if not entries and candidate.base:
        name = candidate.base
        entries, loose = gazetteer.lookup(name)
        # The mention is at the named town, not the town itself: trust the point less.
        discount = 0.75 if not loose else 0.65
    if not entries:
        return None, 0.5 if candidate.source != "recovered" else 0.3
    key = fold(name)
    best_by_place: dict[object, tuple[float, int, GeoEntry]] = {}
    for index, entry in enumerate(entries):
        item = (_score(entry, context, key), index, entry)
        # A preferred copy and the original row are one place: keep the better-scored.
        place_key: object = entry.geonames_id or (entry.name, entry.latitude, entry.longitude)
        if place_key not in best_by_place or item[0] > best_by_place[place_key][0]:
            best_by_place[place_key] = item
    scored = sorted(best_by_place.values(), key=lambda item: (-item[0], item[1]))
    best_score, _, best = scored[0]
    if not _acceptable(best, context, candidate, main=_main_name(best, key) and not loose):
        return None, 0.4
    total = sum(math.exp(score - best_score) for score, _, _ in scored)
    share = 1.0 / total
    source_weight = {"ner": 1.0, "pattern": 0.95, "recovered": 0.85}[candidate.source]
    return best, (0.55 + 0.4 * share) * discount * source_weight


def _main_name(entry: GeoEntry, key: str) -> bool:
    """Return whether ``key`` is the entry's own name rather than one of its other names."""
    name = fold(entry.name)
    return name == key or _compact(name) == _compact(key)


def _compact(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _ARTICLE_RE.sub("", key))


def _score(entry: GeoEntry, context: _Context, key: str) -> float:
    weight = context.countries.get(entry.country or "", 0)
    score = math.log10(entry.population + 10)
    if entry.feature in _AREA_FEATURES:
        # Curated regions carry no population; a named region outranks a village of its name.
        score = max(score, _AREA_SIZE) + _FEATURE_BONUS.get(entry.feature, 0.0)
    elif not _main_name(entry, key):
        score -= 1.0
    score += entry.prominence
    if weight:
        score += 2.5 + 0.5 * math.log1p(weight)
    if context.near(entry):
        score += 1.0
    return score


def _acceptable(entry: GeoEntry, context: _Context, candidate: _Candidate, *, main: bool) -> bool:
    """Return whether the best entry is good enough to claim, given how it was matched."""
    if entry.feature in _AREA_FEATURES:
        return True
    at_home = entry.country in context.countries
    if not main:
        # Another name of the town, or another spelling: trusted for big towns or for towns
        # near the article's other places.
        return (at_home and context.near(entry)) or (
            entry.population >= _ALTERNATE_NAME_POPULATION and candidate.source == "ner"
        )
    if at_home:
        return True
    # A square or a camp abroad is a namesake: the article's own places come first.
    if candidate.source != "ner" or candidate.label == "FAC":
        return False
    return entry.population >= _FOREIGN_TOWN_POPULATION
