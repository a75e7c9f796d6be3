"""Canonical actors: name variants of one person merge, namesakes stay apart, users correct."""

from __future__ import annotations

import pytest

from dateline.errors import NotFoundError
from dateline.model import Actor, Article, ArticleRecord, Mention, content_id
from dateline.store import StoreWriter, merge_actors, open_database, split_actor, transaction
from dateline.store.canonical import parse_person_name


@pytest.mark.parametrize(
    ("name", "first", "surname"),
    [
        ("Benjamin Netanyahu", "benjamin", "netanyahu"),
        ("Netanyahu", None, "netanyahu"),
        ("Prime Minister Benjamin Netanyahu", "benjamin", "netanyahu"),
        ("Israeli Prime Minister Netanyahu", None, "netanyahu"),
        ("US Secretary of State Antony Blinken", "antony", "blinken"),
        ("Netanyahu’s", None, "netanyahu"),
        ("Martin Luther King Jr.", "martin", "king"),
    ],
)
def test_parse_person_name(name: str, first: str | None, surname: str) -> None:
    parts = parse_person_name(name)
    assert (parts.first, parts.surname) == (first, surname)


def _article(text: str, *actors: tuple[str, str, tuple[str, ...]]) -> ArticleRecord:
    made = []
    for name, kind, titles in actors:
        at = text.index(name.split()[-1])
        mention = Mention(at, at + len(name.split()[-1]), name.split()[-1])
        made.append(Actor(content_id(name, prefix="actor:"), name, kind, (mention,), titles))
    return ArticleRecord(document=Article(id=content_id(text), text=text), actors=tuple(made))


def _canonical(conn: object, name: str) -> set[str]:
    rows = conn.execute("SELECT canonical_id FROM actors WHERE name = ?", (name,))  # type: ignore[attr-defined]
    return {r[0] for r in rows}


def test_variants_of_one_person_merge_and_namesakes_stay_apart() -> None:
    conn = open_database(":memory:")
    writer = StoreWriter(conn)
    records = [
        _article(
            "Prime Minister Benjamin Netanyahu spoke.",
            ("Benjamin Netanyahu", "person", ("Prime Minister",)),
        ),
        _article("Netanyahu said no.", ("Netanyahu", "person", ())),
        _article(
            "Israeli Prime Minister Netanyahu left.",
            ("Israeli Prime Minister Netanyahu", "person", ("Prime Minister",)),
        ),
        _article(
            "President Joe Biden spoke to Hunter Biden.",
            ("Joe Biden", "person", ("President",)),
            ("Hunter Biden", "person", ()),
        ),
        _article("Biden, the president, signed it.", ("Biden", "person", ("president",))),
        _article(
            "Hillary Clinton and Bill Clinton arrived.",
            ("Hillary Clinton", "person", ()),
            ("Bill Clinton", "person", ()),
        ),
        _article("Hillary Rodham Clinton spoke.", ("Hillary Rodham Clinton", "person", ())),
    ]
    for i, record in enumerate(records):
        writer.write_batch([(f"k{i}", record)], run_id=None)
    netanyahu = _canonical(conn, "Benjamin Netanyahu")
    assert len(netanyahu) == 1
    assert _canonical(conn, "Netanyahu") == netanyahu
    assert _canonical(conn, "Israeli Prime Minister Netanyahu") == netanyahu
    assert _canonical(conn, "Joe Biden") != _canonical(conn, "Hunter Biden")
    # The title "president" is the evidence that picks Joe over Hunter.
    assert _canonical(conn, "Biden") == _canonical(conn, "Joe Biden")
    assert _canonical(conn, "Hillary Rodham Clinton") == _canonical(conn, "Hillary Clinton")
    assert _canonical(conn, "Hillary Clinton") != _canonical(conn, "Bill Clinton")
    rule = conn.execute(
        "SELECT l.rule, l.evidence FROM actor_links l JOIN actors a ON a.id = l.actor_id "
        "WHERE a.name = 'Biden'"
    ).fetchone()
    assert rule[0] == "evidence" and "president" in rule[1]


def test_user_merge_and_split_are_recorded() -> None:
    conn = open_database(":memory:")
    writer = StoreWriter(conn)
    writer.write_batch(
        [("a", _article("Hamas said it.", ("Hamas", "organisation", ())))], run_id=None
    )
    writer.write_batch(
        [("b", _article("The Hamas movement said it.", ("Hamas movement", "organisation", ())))],
        run_id=None,
    )
    keep, other = (
        next(iter(_canonical(conn, "Hamas"))),
        next(iter(_canonical(conn, "Hamas movement"))),
    )
    assert keep != other
    with transaction(conn):
        assert merge_actors(conn, keep, other) == 1
    assert _canonical(conn, "Hamas movement") == {keep}
    with transaction(conn):
        new_id = split_actor(conn, keep, "hamas movement")
    assert _canonical(conn, "Hamas movement") == {new_id} != {keep}
    users = conn.execute("SELECT rule FROM actor_links WHERE by_user = 1 ORDER BY id").fetchall()
    assert [r[0] for r in users] == ["user-merge", "user-split"]
    with pytest.raises(NotFoundError, match="dateline actors"):
        merge_actors(conn, keep, "canon:nope")
