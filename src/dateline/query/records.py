"""Queries over quotes and events: filtered lists, an actor's timeline, the actor network.

Every row carries the article it came from (id, source, published date) and the character
offsets of its evidence, so a user can go back to the text. Dates filter on the event's
resolved date when there is one, else on the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any

from dateline.errors import StoreError
from dateline.query.actors import find_actor_ids, resolve_one

__all__ = ["events", "network", "quotes", "timeline"]

Row = dict[str, Any]
QUOTE_KINDS = ("direct", "indirect", "mixed")


def _fts_phrase(text: str) -> str:
    # Quote the user's words as FTS5 strings so punctuation and operators are taken literally.
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w)


def _iso(value: dt.date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    speaker_ids: Sequence[str] | None = None,
    search: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """List quotes, newest article first.

    Args:
        conn: an open store.
        speaker: part of the speaker's name (resolved to canonical actors).
        speaker_ids: canonical actor ids (instead of ``speaker``).
        search: words that must all occur in the quote (full-text, any case and accents).
        since: keep quotes from articles published on or after this date.
        until: keep quotes from articles published on or before this date.
        kind: direct, indirect or mixed.
        limit: at most this many rows.

    Returns:
        One dict per quote: date, speaker, speaker_id, kind, text, start, end, cue, source,
        headline, article_id, quote_id.

    Raises:
        StoreError: ``kind`` is not one of the known kinds.
    """
    clauses, params = _filters(since, until, date_column="ar.published")
    if kind is not None:
        if kind not in QUOTE_KINDS:
            raise StoreError(f"unknown quote kind {kind!r}; use one of {', '.join(QUOTE_KINDS)}")
        clauses.append("q.kind = ?")
        params.append(kind)
    if speaker is not None:
        speaker_ids = find_actor_ids(conn, speaker)
        if not speaker_ids:
            clauses.append("q.speaker_name LIKE ?")
            params.append(f"%{speaker}%")
    if speaker_ids is not None and (speaker is None or speaker_ids):
        marks = ",".join("?" * len(speaker_ids)) or "NULL"
        clauses.append(f"a.canonical_id IN ({marks})")
        params.extend(speaker_ids)
    if search:
        clauses.append("q.pk IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(_fts_phrase(search))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = (
        "SELECT ar.published AS date, coalesce(c.name, q.speaker_name) AS speaker, "
        'c.id AS speaker_id, q.kind, q.text, q.start, q."end", q.cue_text AS cue, '
        "ar.source, ar.headline, q.article_id, q.id AS quote_id FROM quotes q "
        "JOIN articles ar ON ar.id = q.article_id "
        "LEFT JOIN actors a ON a.article_id = q.article_id AND a.id = q.speaker "
        f"LEFT JOIN canonical_actors c ON c.id = a.canonical_id {where} "
        "ORDER BY ar.published DESC, ar.source, q.start"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _run(conn, sql, params)


def events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    actor: str | None = None,
    actor_ids: Sequence[str] | None = None,
    place: str | None = None,
    status: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """List events, oldest first.

    Args:
        conn: an open store.
        type: a PLOVER event type (CONSULT, ACCUSE, …), any case.
        actor: part of a name: keep events where that actor is a source or a target.
        actor_ids: canonical actor ids (instead of ``actor``).
        place: part of the event's place name.
        status: happened, planned, hypothetical, denied or reported.
        since: keep events dated (or published) on or after this date.
        until: keep events dated (or published) on or before this date.
        limit: at most this many rows.

    Returns:
        One dict per event: date, date_from (``text`` when the article dates the event,
        ``published`` when the publication date stands in), type, mode, cameo, status,
        actors, recipients, place,
        place_country, latitude, longitude, trigger, sentence, trigger_start, trigger_end,
        source, article_id, event_id, confidence.
    """
    date_sql = "coalesce(substr(d.value, 1, 10), ar.published)"
    clauses, params = _filters(since, until, date_column=date_sql)
    if type is not None:
        clauses.append("e.type = ?")
        params.append(type.upper())
    if status is not None:
        clauses.append("e.status = ?")
        params.append(status)
    if place is not None:
        clauses.append("(p.name LIKE ? OR p.text LIKE ?)")
        params.extend([f"%{place}%"] * 2)
    if actor is not None:
        actor_ids = find_actor_ids(conn, actor)
    if actor_ids is not None:
        marks = ",".join("?" * len(actor_ids)) or "NULL"
        clauses.append(
            "EXISTS (SELECT 1 FROM event_actors ea JOIN actors x ON x.article_id = ea.article_id "
            "AND x.id = ea.actor_id WHERE ea.article_id = e.article_id AND ea.event_id = e.id "
            f"AND x.canonical_id IN ({marks}))"
        )
        params.extend(actor_ids)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    participants = (
        "(SELECT group_concat(coalesce(c.name, x.name), '; ') FROM event_actors ea "
        "LEFT JOIN actors x ON x.article_id = ea.article_id AND x.id = ea.actor_id "
        "LEFT JOIN canonical_actors c ON c.id = x.canonical_id WHERE ea.article_id = e.article_id "
        "AND ea.event_id = e.id AND ea.role = '{role}' ORDER BY ea.position)"
    )
    sql = (
        f"SELECT {date_sql} AS date, "
        "CASE WHEN d.value IS NULL THEN 'published' ELSE 'text' END AS date_from, "
        "e.type, e.mode, e.cameo, e.status, "
        f"{participants.format(role='actor')} AS actors, "
        f"{participants.format(role='recipient')} AS recipients, p.name AS place, "
        "p.country AS place_country, p.latitude, p.longitude, "
        "e.trigger_text AS trigger, e.sentence_text AS sentence, e.trigger_start, "
        "e.trigger_end, ar.source, e.article_id, e.id AS event_id, e.confidence FROM events e "
        "JOIN articles ar ON ar.id = e.article_id "
        "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place "
        "LEFT JOIN dates d ON d.article_id = e.article_id AND d.id = e.date "
        f"{where} ORDER BY date, ar.source, e.trigger_start"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _run(conn, sql, params)


def timeline(conn: sqlite3.Connection, name: str) -> list[Row]:
    """Return an actor's dated events and quotes, oldest first.

    Args:
        conn: an open store.
        name: part of the actor's name, or a canonical id.

    Returns:
        One dict per item: date, what (event type or "said"), status (the event's:
        happened, planned, …; "said" for quotes), text, place, source, article_id, start,
        end.

    Raises:
        NotFoundError: no actor matches ``name``.
    """
    canonical_id = resolve_one(conn, name)
    items: list[Row] = []
    for event in events(conn, actor_ids=[canonical_id]):
        summary = f"{event['actors'] or '?'} —{event['trigger']}→ {event['recipients'] or '?'}"
        items.append(
            {
                "date": event["date"],
                "what": event["type"],
                "status": event["status"],
                "text": summary,
                "place": event["place"],
                "source": event["source"],
                "article_id": event["article_id"],
                "start": event["trigger_start"],
                "end": event["trigger_end"],
            }
        )
    for quote in quotes(conn, speaker_ids=[canonical_id]):
        items.append(
            {
                "date": quote["date"],
                "what": f"said ({quote['kind']})",
                "status": "said",
                "text": quote["text"],
                "place": None,
                "source": quote["source"],
                "article_id": quote["article_id"],
                "start": quote["start"],
                "end": quote["end"],
            }
        )
    items.sort(key=lambda r: (r["date"] or "9999", r["source"] or "", r["start"]))
    return items


def network(
    conn: sqlite3.Connection,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[Row]:
    """Return actor–actor edges with counts, from events and from quotes about each other.

    An event gives an edge from each of its actors to each of its recipients; a quote gives
    an edge from its speaker to each actor mentioned inside the quote.

    Returns:
        One dict per edge: source, target, via (``event:TYPE`` or ``quote``), count.
    """
    clauses, params = _filters(since, until, date_column="ar.published")
    where = f"AND {' AND '.join(clauses)}" if clauses else ""
    sql = (
        "SELECT cs.name AS source, ct.name AS target, 'event:' || e.type AS via, "
        "count(*) AS count FROM events e JOIN articles ar ON ar.id = e.article_id "
        "JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.id "
        "AND s.role = 'actor' "
        "JOIN event_actors t ON t.article_id = e.article_id AND t.event_id = e.id "
        "AND t.role = 'recipient' "
        "JOIN actors xs ON xs.article_id = s.article_id AND xs.id = s.actor_id "
        "JOIN actors xt ON xt.article_id = t.article_id AND xt.id = t.actor_id "
        "JOIN canonical_actors cs ON cs.id = xs.canonical_id "
        "JOIN canonical_actors ct ON ct.id = xt.canonical_id "
        f"WHERE cs.id != ct.id {where} GROUP BY cs.id, ct.id, e.type "
        "UNION ALL "
        "SELECT cs.name, ct.name, 'quote', count(DISTINCT q.pk) FROM quotes q "
        "JOIN articles ar ON ar.id = q.article_id "
        "JOIN actors xs ON xs.article_id = q.article_id AND xs.id = q.speaker "
        "JOIN mentions m ON m.article_id = q.article_id AND m.start >= q.start "
        'AND m."end" <= q."end" AND m.actor_id != q.speaker '
        "JOIN actors xt ON xt.article_id = m.article_id AND xt.id = m.actor_id "
        "JOIN canonical_actors cs ON cs.id = xs.canonical_id "
        "JOIN canonical_actors ct ON ct.id = xt.canonical_id "
        f"WHERE cs.id != ct.id {where} GROUP BY cs.id, ct.id "
        "ORDER BY count DESC, source, target"
    )
    return _run(conn, sql, params + params)


def _filters(
    since: dt.date | str | None, until: dt.date | str | None, *, date_column: str
) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if since is not None:
        clauses.append(f"{date_column} >= ?")
        params.append(_iso(since))
    if until is not None:
        clauses.append(f"{date_column} <= ?")
        params.append(_iso(until))
    return clauses, params


def _run(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Row]:
    from dateline.store.migrations import translate_error

    try:
        return [dict(row) for row in conn.execute(sql, list(params))]
    except sqlite3.Error as exc:
        raise translate_error(exc, "<db>") from exc
