"""The Python API over the store: the same functions the ``dateline`` query commands call.

Every function takes an open connection (`dateline.store.open_database`, read-only is
enough) and keyword filters, and returns plain dicts ready for JSON. Queries only read the
store: they never re-run extraction.

    from dateline.store import open_database
    from dateline import query

    conn = open_database("dateline.db", readonly=True)
    for row in query.quotes(conn, speaker="Netanyahu", since="2024-01-01"):
        print(row["date"], row["text"])
"""

from __future__ import annotations

from dateline.query.actors import actor_profile, find_actor_ids, list_actors
from dateline.query.articles import load_article
from dateline.query.output import FORMATS, write_rows
from dateline.query.records import events, network, quotes, timeline

__all__ = [
    "FORMATS",
    "actor_profile",
    "events",
    "find_actor_ids",
    "list_actors",
    "load_article",
    "network",
    "quotes",
    "timeline",
    "write_rows",
]
