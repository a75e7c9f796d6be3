"""Canonical actors: one row per real-world actor across articles, with the evidence for it.

Each article's extractor finds its own actors; here each is linked to a canonical actor.
"Benjamin Netanyahu", "Netanyahu", "Prime Minister Benjamin Netanyahu" and "Israeli Prime
Minister Netanyahu" become one, while two people who share a surname stay apart:

* a person's name is reduced to (first name, surname) once titles and the demonym before
  a title ("Israeli Prime Minister …") are dropped;
* a full name joins the canonical actor with the same first name and surname; a different
  first name never joins;
* a full name joins a surname-only actor when no other first name with that surname is
  known, or when titles, affiliations or co-occurring actors back it;
* a bare surname joins its only candidate, or the candidate best supported by titles,
  affiliations and co-occurring actors (the choice and the scores are recorded);
* other actors join by their normalised name and type.

Every link is written to ``actor_links`` with its rule and evidence, and `merge_actors` /
`split_actor` let a user correct the result (recorded with ``by_user = 1``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateline.errors import NotFoundError, StoreError
from dateline.model import Actor, content_id
from dateline.store.migrations import now

__all__ = ["NameParts", "link_actor", "merge_actors", "parse_person_name", "split_actor"]

_TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "general",
        "gen",
        "col",
        "colonel",
        "lt",
        "lieutenant",
        "adm",
        "admiral",
        "sgt",
        "captain",
        "capt",
        "commander",
        "chief",
        "justice",
        "judge",
        "speaker",
        "leader",
        "chairman",
        "chair",
        "chairwoman",
        "director",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "professor",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "rabbi",
        "pope",
        "cardinal",
        "bishop",
        "sheikh",
        "state",
        "defense",
        "defence",
        "foreign",
        "interior",
        "finance",
        "war",
        "cabinet",
        "security",
        "national",
        "deputy",
        "former",
        "acting",
        "opposition",
        "attorney",
        "minority",
        "majority",
        "house",
        "senate",
        "party",
        "council",
        "foreign-minister",
        "of",
        "the",
        "for",
    ]
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")
_STOP = frozenset({"of", "the", "for", "and", "a", "an"})


@dataclass(frozen=True, slots=True)
class NameParts:
    """A person's name reduced to what identifies them: lower-cased first name and surname."""

    first: str | None
    surname: str | None
    display: str
    middle: tuple[str, ...] = ()  # words between: a middle name, or the given name after an epithet


def parse_person_name(name: str) -> NameParts:
    """Return the first name and surname in ``name``, dropping titles and a leading demonym.

    Args:
        name: a person's name as an extractor found it, e.g. "Israeli PM Netanyahu".

    Returns:
        The parts; ``surname`` is None when nothing name-like is left.
    """
    words = [_POSSESSIVE.sub("", w).strip(".’'") for w in _WORD.findall(name)]
    words = [w for w in words if w]
    while words and words[-1].lower().strip(".") in _SUFFIXES:
        words.pop()
    # Drop title words and a word standing right before a title ("Israeli Prime Minister").
    while len(words) > 1 and (
        words[0].lower() in _TITLE_WORDS
        or not words[0][:1].isupper()
        or words[1].lower() in _TITLE_WORDS
    ):
        words.pop(0)
    if not words:
        return NameParts(None, None, name.strip())
    surname = words[-1].lower()
    first = words[0].lower() if len(words) > 1 else None
    middle = tuple(w.lower() for w in words[1:-1] if len(w) > 1)
    return NameParts(first, surname, " ".join(words), middle)


def _normal_name(name: str) -> str:
    text = " ".join(_WORD.findall(name.lower()))
    return text[4:] if text.startswith("the ") else text


def _title_words(values: Iterable[str]) -> set[str]:
    return {w for v in values for w in _WORD.findall(v.lower()) if w not in _STOP}


def link_actor(
    conn: sqlite3.Connection, article_id: str, actor: Actor, *, co_actors: Iterable[str] = ()
) -> str:
    """Link one stored per-article actor to a canonical actor, creating it when needed.

    Args:
        conn: a connection inside the writer's transaction.
        article_id: the article the actor belongs to (already stored in ``actors``).
        actor: the per-article actor.
        co_actors: canonical ids already linked for other actors of the same article.

    Returns:
        The canonical id the actor was linked to.
    """
    co = set(co_actors)
    if actor.type == "person":
        canonical_id, rule, evidence = _match_person(conn, actor, co)
    else:
        canonical_id, rule, evidence = _match_by_name(conn, actor)
    conn.execute(
        "UPDATE actors SET canonical_id = ? WHERE article_id = ? AND id = ?",
        (canonical_id, article_id, actor.id),
    )
    _record_link(conn, article_id, actor.id, canonical_id, rule, evidence, by_user=False)
    return canonical_id


def _record_link(
    conn: sqlite3.Connection,
    article_id: str,
    actor_id: str,
    canonical_id: str,
    rule: str,
    evidence: dict[str, Any],
    *,
    by_user: bool,
) -> None:
    conn.execute(
        "INSERT INTO actor_links(article_id, actor_id, canonical_id, rule, evidence, by_user, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (article_id, actor_id, canonical_id, rule, json.dumps(evidence), int(by_user), now()),
    )


def _create(conn: sqlite3.Connection, name: str, kind: str, parts: NameParts | None = None) -> str:
    key = f"{kind}:{parts.first} {parts.surname}" if parts else f"{kind}:{_normal_name(name)}"
    base = content_id(key, prefix="canon:")
    canonical_id, n = base, 1
    while conn.execute("SELECT 1 FROM canonical_actors WHERE id = ?", (canonical_id,)).fetchone():
        n += 1
        canonical_id = f"{base}-{n}"
    conn.execute(
        "INSERT INTO canonical_actors(id, name, type, surname, first_name, name_key, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            canonical_id,
            parts.display if parts else name,
            kind,
            parts.surname if parts else None,
            parts.first if parts else None,
            _normal_name(name),
            now(),
        ),
    )
    return canonical_id


def _match_by_name(conn: sqlite3.Connection, actor: Actor) -> tuple[str, str, dict[str, Any]]:
    row = conn.execute(
        "SELECT id, name FROM canonical_actors WHERE type = ? AND name_key = ? "
        "AND surname IS NULL ORDER BY created_at, id LIMIT 1",
        (actor.type, _normal_name(actor.name)),
    ).fetchone()
    if row is not None:
        return row["id"], "same-name", {"name": actor.name, "matched": row["name"]}
    return _create(conn, actor.name, actor.type), "new", {"name": actor.name}


def _candidate_evidence(
    conn: sqlite3.Connection, canonical_id: str, actor: Actor, co: set[str]
) -> dict[str, Any]:
    # Distinct titles in SQL: a much-quoted actor has thousands of links, and decoding every
    # link's JSON here for every candidate made linking slow down as the corpus grew.
    seen = conn.execute(
        "SELECT 'title', j.value FROM actors a, json_each(a.titles) j WHERE a.canonical_id = ? "
        "UNION SELECT 'affiliation', j.value FROM actors a, json_each(a.affiliations) j "
        "WHERE a.canonical_id = ?",
        (canonical_id, canonical_id),
    ).fetchall()
    links = conn.execute(
        "SELECT count(*) FROM actors WHERE canonical_id = ?", (canonical_id,)
    ).fetchone()[0]
    titles = _title_words(value for kind, value in seen if kind == "title")
    affiliations = _title_words(value for kind, value in seen if kind == "affiliation")
    shared_titles = sorted(titles & _title_words(actor.titles))
    shared_affiliations = sorted(affiliations & _title_words(actor.affiliations))
    shared_co: list[str] = []
    if co:
        marks = ",".join("?" * len(co))
        shared_co = [
            r[0]
            for r in conn.execute(
                # The subquery is built once; a join on article_id compared every pair of
                # links of the two actors, which grew with the square of the corpus.
                f"SELECT DISTINCT canonical_id FROM actors WHERE canonical_id IN ({marks}) "
                f"AND article_id IN (SELECT article_id FROM actors WHERE canonical_id = ?)",
                (*sorted(co), canonical_id),
            )
        ]
    score = 2 * len(shared_titles) + 2 * len(shared_affiliations) + len(shared_co)
    if canonical_id in co:
        score += 5  # the same article already names this person in full
    return {
        "candidate": canonical_id,
        "shared_titles": shared_titles,
        "shared_affiliations": shared_affiliations,
        "shared_co_actors": shared_co,
        "same_article": canonical_id in co,
        "links": links,
        "score": score,
    }


def _match_person(
    conn: sqlite3.Connection, actor: Actor, co: set[str]
) -> tuple[str, str, dict[str, Any]]:
    parts = parse_person_name(actor.name)
    if parts.surname is None:
        return _match_by_name(conn, actor)
    rows = conn.execute(
        "SELECT id, first_name FROM canonical_actors WHERE type = 'person' AND surname = ?",
        (parts.surname,),
    ).fetchall()
    base: dict[str, Any] = {"name": actor.name, "first": parts.first, "surname": parts.surname}
    if parts.first is not None:
        same = [r["id"] for r in rows if r["first_name"] == parts.first]
        if same:
            return same[0], "full-name", base
        # "Hillary Rodham Clinton" has a middle name; "Crooked Hillary Clinton" an epithet.
        inner = [r["id"] for r in rows if r["first_name"] in parts.middle]
        if len(inner) == 1:
            return inner[0], "full-name", {**base, "matched_on": "a name inside the full name"}
        bare = [r["id"] for r in rows if r["first_name"] is None]
        others = [r for r in rows if r["first_name"] is not None]
        for candidate in bare:
            found = _candidate_evidence(conn, candidate, actor, co)
            if not others or found["score"] > 0:
                conn.execute(
                    "UPDATE canonical_actors SET first_name = ?, name = ? WHERE id = ?",
                    (parts.first, parts.display, candidate),
                )
                rule = "first-name-added" if not others else "evidence"
                return candidate, rule, {**base, **found}
        return _create(conn, actor.name, "person", parts), "new", base
    if not rows:
        return _create(conn, actor.name, "person", parts), "new", base
    scored = [_candidate_evidence(conn, r["id"], actor, co) for r in rows]
    if len(scored) == 1:
        return scored[0]["candidate"], "surname-only", {**base, **scored[0]}
    scored.sort(key=lambda e: (e["score"], e["links"]), reverse=True)
    best = scored[0]
    rule = "evidence" if best["score"] > scored[1]["score"] else "surname-ambiguous"
    return best["candidate"], rule, {**base, **best, "others": [e["candidate"] for e in scored[1:]]}


def merge_actors(conn: sqlite3.Connection, keep: str, other: str) -> int:
    """Merge canonical actor ``other`` into ``keep`` (a user's correction).

    Args:
        conn: a connection inside a transaction.
        keep: the canonical id that remains.
        other: the canonical id whose article actors move to ``keep``; it is deleted.

    Returns:
        How many per-article actors moved.

    Raises:
        NotFoundError: either id is not a canonical actor.
        StoreError: both ids are the same.
    """
    if keep == other:
        raise StoreError(f"cannot merge {keep!r} into itself; give two different actor ids")
    for canonical_id in (keep, other):
        if not conn.execute(
            "SELECT 1 FROM canonical_actors WHERE id = ?", (canonical_id,)
        ).fetchone():
            raise NotFoundError(
                f"no canonical actor {canonical_id!r}; list ids with `dateline actors --search`"
            )
    moved = conn.execute(
        "SELECT article_id, id FROM actors WHERE canonical_id = ?", (other,)
    ).fetchall()
    conn.execute("UPDATE actors SET canonical_id = ? WHERE canonical_id = ?", (keep, other))
    for row in moved:
        _record_link(conn, row[0], row[1], keep, "user-merge", {"merged_from": other}, by_user=True)
    conn.execute("DELETE FROM canonical_actors WHERE id = ?", (other,))
    return len(moved)


def split_actor(conn: sqlite3.Connection, canonical_id: str, name: str) -> str:
    """Move the article actors of ``canonical_id`` named ``name`` to a new canonical actor.

    Args:
        conn: a connection inside a transaction.
        canonical_id: the canonical actor that wrongly joined two people.
        name: the per-article name (case-insensitive) whose actors should stand apart.

    Returns:
        The new canonical id.

    Raises:
        NotFoundError: no article actor of ``canonical_id`` has that name.
    """
    rows = conn.execute(
        "SELECT article_id, id, type FROM actors WHERE canonical_id = ? AND name = ? "
        "COLLATE NOCASE",
        (canonical_id, name),
    ).fetchall()
    if not rows:
        raise NotFoundError(
            f"canonical actor {canonical_id!r} has no article actor named {name!r}; see its "
            "names with `dateline actor` and give one of them"
        )
    kind = rows[0]["type"]
    parts = parse_person_name(name) if kind == "person" else None
    new_id = _create(conn, name, kind, parts)
    if parts is not None:
        # Mark the split so later surname-only mentions do not silently re-merge by name.
        conn.execute("UPDATE canonical_actors SET name = ? WHERE id = ?", (name, new_id))
    for row in rows:
        conn.execute(
            "UPDATE actors SET canonical_id = ? WHERE article_id = ? AND id = ?",
            (new_id, row["article_id"], row["id"]),
        )
        _record_link(
            conn,
            row["article_id"],
            row["id"],
            new_id,
            "user-split",
            {"split_from": canonical_id, "name": name},
            by_user=True,
        )
    return new_id
