"""Queries about actors: the list of canonical actors and one actor's profile.

Names are resolved to canonical actors (`find_actor_ids`), so "Netanyahu" finds the one
canonical actor every article's "Benjamin Netanyahu" and "Netanyahu" are linked to.
Queries only read the store; they never re-run extraction.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.errors import NotFoundError

__all__ = ["actor_profile", "find_actor_ids", "list_actors"]

Row = dict[str, Any]


def find_actor_ids(conn: sqlite3.Connection, name: str) -> list[str]:
    """Return the canonical ids whose name, or any of whose article names, contains ``name``.

    An exact canonical id is accepted too. Matching is case-insensitive; the ids come most
    mentioned first.
    """
    pattern = f"%{name.strip()}%"
    rows = conn.execute(
        "SELECT c.id, sum(a.mention_count) AS n FROM canonical_actors c "
        "JOIN actors a ON a.canonical_id = c.id "
        "WHERE c.id = ? OR c.name LIKE ? OR c.id IN "
        "(SELECT canonical_id FROM actors WHERE name LIKE ?) "
        "GROUP BY c.id ORDER BY n DESC, c.id",
        (name.strip(), pattern, pattern),
    ).fetchall()
    return [row[0] for row in rows]


def list_actors(
    conn: sqlite3.Connection, *, search: str | None = None, limit: int | None = None
) -> list[Row]:
    """List canonical actors with mention counts, titles seen, and first/last seen dates.

    Args:
        conn: an open store.
        search: keep actors whose name (canonical or in any article) contains this.
        limit: at most this many rows (most mentioned first).

    Returns:
        One dict per actor: id, name, type, mentions, articles, titles, first_seen, last_seen.
    """
    where, params = "", []
    if search:
        ids = find_actor_ids(conn, search)
        if not ids:
            return []
        where = f"WHERE c.id IN ({','.join('?' * len(ids))})"
        params = ids
    sql = (
        "SELECT c.id, c.name, c.type, sum(a.mention_count) AS mentions, "
        "count(DISTINCT a.article_id) AS articles, min(ar.published) AS first_seen, "
        "max(ar.published) AS last_seen, json_group_array(a.titles) AS titles "
        "FROM canonical_actors c JOIN actors a ON a.canonical_id = c.id "
        f"JOIN articles ar ON ar.id = a.article_id {where} "
        "GROUP BY c.id ORDER BY mentions DESC, c.name"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    result = []
    for row in conn.execute(sql, params):
        titles: list[str] = []
        for group in json.loads(row["titles"]):
            for title in json.loads(group):
                if title not in titles:
                    titles.append(title)
        result.append({**dict(row), "titles": titles})
    return result


def resolve_one(conn: sqlite3.Connection, name: str) -> str:
    """Return the most mentioned canonical actor matching ``name``.

    Raises:
        NotFoundError: no actor matches.
    """
    ids = find_actor_ids(conn, name)
    if not ids:
        raise NotFoundError(
            f"no actor matches {name!r}; list the known ones with `dateline actors --search`"
        )
    return ids[0]


def actor_profile(conn: sqlite3.Connection, name: str) -> Row:
    """Return one actor's profile: names, titles over time, quotes, events and who they meet.

    Args:
        conn: an open store.
        name: part of the actor's name, or a canonical id.

    Returns:
        A dict with ``actor`` (id, name, type), ``names`` seen, ``titles`` (date, title,
        source) oldest first, ``quotes``, ``events`` and ``meets`` (co-participants of their
        events, with counts), ``links`` (how each article actor was linked, with evidence).

    Raises:
        NotFoundError: no actor matches ``name``.
    """
    from dateline.query.records import events, quotes

    canonical_id = resolve_one(conn, name)
    head = conn.execute(
        "SELECT id, name, type FROM canonical_actors WHERE id = ?", (canonical_id,)
    ).fetchone()
    rows = conn.execute(
        "SELECT a.name, a.titles, ar.published, ar.source FROM actors a "
        "JOIN articles ar ON ar.id = a.article_id WHERE a.canonical_id = ? "
        "ORDER BY ar.published, ar.source",
        (canonical_id,),
    ).fetchall()
    names = sorted({row["name"] for row in rows})
    titles = [
        {"date": row["published"], "title": title, "source": row["source"]}
        for row in rows
        for title in json.loads(row["titles"])
    ]
    meets = [
        dict(row)
        for row in conn.execute(
            "SELECT c.id, c.name, count(*) AS events FROM event_actors me "
            "JOIN actors a1 ON a1.article_id = me.article_id AND a1.id = me.actor_id "
            "JOIN event_actors other ON other.article_id = me.article_id "
            "AND other.event_id = me.event_id AND other.actor_id != me.actor_id "
            "JOIN actors a2 ON a2.article_id = other.article_id AND a2.id = other.actor_id "
            "JOIN canonical_actors c ON c.id = a2.canonical_id "
            "WHERE a1.canonical_id = ? AND c.id != a1.canonical_id "
            "GROUP BY c.id ORDER BY events DESC, c.name",
            (canonical_id,),
        )
    ]
    links = [
        {**dict(row), "evidence": json.loads(row["evidence"])}
        for row in conn.execute(
            "SELECT l.article_id, a.name, l.rule, l.evidence, l.by_user, l.created_at "
            "FROM actor_links l JOIN actors a ON a.article_id = l.article_id "
            "AND a.id = l.actor_id WHERE a.canonical_id = ? AND l.canonical_id = ? "
            "ORDER BY l.id",
            (canonical_id, canonical_id),
        )
    ]
    return {
        "actor": dict(head),
        "names": names,
        "titles": titles,
        "quotes": quotes(conn, speaker_ids=[canonical_id]),
        "events": events(conn, actor_ids=[canonical_id]),
        "meets": meets,
        "links": links,
    }
