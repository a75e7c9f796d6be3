"""Coreference rules on real sentence shapes: titles ↔ descriptions, "the latter/former",
pronouns after a named speaker, and the seed article's descriptions."""

from __future__ import annotations

import re
from typing import Any

import pytest

from dateline.extract.actors import extract_actors
from dateline.extract.coref import name_gender, quoted_regions
from dateline.model import Actor


def _owner(actors: list[Actor], text: str, surface: str, *, occurrence: int = 0) -> str | None:
    """Return the name of the actor that has a mention of ``surface`` at its n-th occurrence."""
    spots = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
    start = spots[occurrence]
    for actor in actors:
        for mention in actor.mentions:
            if mention.start == start and mention.end == start + len(surface):
                return actor.name
    return None


@pytest.fixture(scope="module")
def seed(nlp: Any, seed_text: str) -> tuple[str, list[Actor]]:
    return seed_text, extract_actors(nlp(seed_text))


@pytest.mark.parametrize(
    ("surface", "occurrence", "name"),
    [
        ("The prime minister", 0, "Benjamin Netanyahu"),  # standfirst, before the name
        ("The American", 0, "Antony Blinken"),
        ("the American diplomat", 0, "Antony Blinken"),
        ("the president", 0, "Isaac Herzog"),
        ("The secretary of state", 0, "Antony Blinken"),
        ("the latter", 0, "Yair Lapid"),
        ("he added", 0, "Antony Blinken"),
        ("she said", 0, "Orit Strook"),
    ],
)
def test_seed_references(
    seed: tuple[str, list[Actor]], surface: str, occurrence: int, name: str
) -> None:
    text, actors = seed
    target = surface.split()[0] if surface.endswith(("added", "said")) else surface
    start = text.index(surface)
    for _ in range(occurrence):
        start = text.index(surface, start + 1)
    owners = [
        a.name
        for a in actors
        for m in a.mentions
        if m.start == start and m.end == start + len(target)
    ]
    assert owners == [name]


def test_description_matches_title_seen_earlier(nlp: Any) -> None:
    text = (
        "Prime Minister Keir Starmer visited Belfast on Monday with Irish leader Simon Harris. "
        "The prime minister said the agreement would hold."
    )
    actors = extract_actors(nlp(text))
    assert _owner(actors, text, "The prime minister") == "Keir Starmer"


def test_office_description_without_matching_title_stays_unlinked(nlp: Any) -> None:
    text = "Jane Smith met union leaders on Monday. The president later called the talks useful."
    actors = extract_actors(nlp(text))
    assert _owner(actors, text, "The president") is None


def test_latter_and_former(nlp: Any) -> None:
    text = (
        "French President Emmanuel Macron spoke with German Chancellor Olaf Scholz on Monday, "
        "the latter saying afterwards that the talks had been useful. The former did not comment."
    )
    actors = extract_actors(nlp(text))
    assert _owner(actors, text, "the latter") == "Olaf Scholz"
    assert _owner(actors, text, "The former") == "Emmanuel Macron"


def test_pronoun_after_named_speaker(nlp: Any) -> None:
    text = (
        "“We will not back down,” said Jane Smith, the union’s general secretary.\n\n"
        "“The strike goes on until the offer improves,” she added."
    )
    actors = extract_actors(nlp(text))
    assert _owner(actors, text, "she") == "Jane Smith"


def test_pronoun_outside_quote_skips_names_inside_it(nlp: Any) -> None:
    text = (
        "Senator Mark Ellis spoke at the rally on Sunday.\n\n"
        "“Nobody trusts Governor Tom Briggs any more,” he said."
    )
    actors = extract_actors(nlp(text))
    assert _owner(actors, text, "he") == "Mark Ellis"


def test_object_does_not_refer_to_its_own_subject(nlp: Any) -> None:
    text = (
        "US envoy Amos Hochstein arrived in Beirut on Tuesday.\n\n"
        "Lebanese Speaker Nabih Berri told the American envoy that the proposal was acceptable."
    )
    actors = extract_actors(nlp(text))
    assert _owner(actors, text, "the American envoy") == "Amos Hochstein"


def test_quoted_regions_run_to_paragraph_end_when_unclosed() -> None:
    text = "He said: “The deal is off.\n\nIt was never on,” she added."
    regions = quoted_regions(text)
    assert text[regions[0][0] : regions[0][1]] == "The deal is off."
    assert all(text[a:b] and a < b for a, b in regions)


def test_pronoun_gender_from_first_names(nlp: Any) -> None:
    text = (
        "Senator John Carter met Governor Ann Miller in Albany on Friday.\n\n"
        "She said afterwards that the meeting had been productive."
    )
    actors = extract_actors(nlp(text))
    assert _owner(actors, text, "She") == "Ann Miller"


def test_name_gender_table() -> None:
    assert name_gender("Ann Miller") == "f"
    assert name_gender("John Carter") == "m"
    assert name_gender("Miller") is None  # a lone surname says nothing
    assert name_gender("Kim Jones") is None  # ambiguous first names are left out
