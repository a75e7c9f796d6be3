"""The store's single writer: records and rejections in, rows out, one transaction a batch.

Every batch — its articles, their annotations, the canonical-actor links, the rejected
inputs and the ledger rows in ``inputs`` that say "this input is done" — is committed in one
``BEGIN IMMEDIATE`` transaction. A process killed at any moment therefore leaves the last
committed batch and nothing of the next, and a re-run skips exactly the inputs the ledger
holds. Ids are content hashes, so an article met twice (another path, another run) is
stored once.

The writer never loads a model; it receives finished `ArticleRecord`s.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dateline.model import Article, ArticleRecord, content_id
from dateline.store.canonical import link_actor, parse_person_name
from dateline.store.migrations import now, transaction, translate_error

__all__ = ["CLEANING_FIELDS", "BatchCounts", "Rejection", "StoreWriter", "cleaning_of", "input_key"]

# The `Article` fields that say what cleaning did; stored as one JSON column, ``cleaning``.
CLEANING_FIELDS = ("headline_span", "standfirst_span", "removed", "offset_map")


def input_key(source: str, content: str) -> str:
    """Return the ledger key of one input: a hash of where it came from and what it held."""
    return content_id(f"{source}\x00{content}", prefix="input:")


def cleaning_of(article: Article) -> dict[str, Any]:
    """Return the JSON-ready record of what cleaning did to ``article``'s input."""
    data = article.to_dict()
    return {name: data[name] for name in CLEANING_FIELDS}


def _process_alive(pid: int | None) -> bool:
    if pid is None:
        return True  # a run from before pids were recorded: nothing to go on, leave it be
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, under another user
    return True


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that produced no article: where it came from, a short reason, the message."""

    source: str
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What one batch changed."""

    added: int = 0
    duplicates: int = 0
    rejected: int = 0


class StoreWriter:
    """Write ingest results into an open store (one writer per database at a time).

    Args:
        conn: a connection from `open_database` (autocommit mode).
        path: shown in error messages.
    """

    def __init__(self, conn: sqlite3.Connection, *, path: str = "<db>") -> None:
        self.conn = conn
        self.path = path

    def start_run(self, targets: Sequence[str]) -> int:
        """Record the start of an ingest run; return its id.

        Runs of this machine still marked ``running`` whose process is gone were killed
        (SIGKILL, power loss): they are marked ``killed`` first.
        """
        host = socket.gethostname()
        try:
            with transaction(self.conn):
                stale = self.conn.execute(
                    "SELECT id, pid FROM ingest_runs WHERE status = 'running' AND host = ?",
                    (host,),
                ).fetchall()
                for run_id, pid in stale:
                    if not _process_alive(pid):
                        self.conn.execute(
                            "UPDATE ingest_runs SET status = 'killed' WHERE id = ?", (run_id,)
                        )
                cursor = self.conn.execute(
                    "INSERT INTO ingest_runs(started_at, targets, pid, host) VALUES (?, ?, ?, ?)",
                    (now(), json.dumps(list(targets), ensure_ascii=False), os.getpid(), host),
                )
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from exc
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, *, status: str, counts: BatchCounts, skipped: int) -> None:
        """Record the end of an ingest run with its totals."""
        try:
            self.conn.execute(
                "UPDATE ingest_runs SET finished_at = ?, status = ?, added = ?, skipped = ?, "
                "rejected = ? WHERE id = ?",
                (now(), status, counts.added, skipped, counts.rejected, run_id),
            )
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from exc

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Return which of ``keys`` the ledger already holds (done in an earlier run)."""
        wanted = list(keys)
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT key FROM inputs WHERE key IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def write_batch(
        self, items: Sequence[tuple[str, ArticleRecord | Rejection]], *, run_id: int | None
    ) -> BatchCounts:
        """Store a batch of results in one transaction.

        Args:
            items: ``(input key, record or rejection)`` pairs, in input order.
            run_id: the ingest run they belong to.

        Returns:
            How many articles were added, were already stored, or were rejected.

        Raises:
            StoreError: the database cannot be written (locked, full, damaged).
        """
        added = duplicates = rejected = 0
        try:
            with transaction(self.conn):
                for key, item in items:
                    if self.conn.execute("SELECT 1 FROM inputs WHERE key = ?", (key,)).fetchone():
                        duplicates += 1
                        continue
                    if isinstance(item, Rejection):
                        self._reject(key, item, run_id)
                        rejected += 1
                    elif self._insert_record(item, run_id):
                        self._ledger(key, item.document.source or "", "stored", item, run_id)
                        added += 1
                    else:
                        self._ledger(key, item.document.source or "", "stored", item, run_id)
                        duplicates += 1
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from exc
        return BatchCounts(added, duplicates, rejected)

    def _ledger(
        self, key: str, source: str, status: str, record: ArticleRecord | None, run_id: int | None
    ) -> None:
        self.conn.execute(
            "INSERT INTO inputs(key, source, status, article_id, run_id) VALUES (?, ?, ?, ?, ?)",
            (key, source, status, record.document.id if record else None, run_id),
        )

    def _reject(self, key: str, item: Rejection, run_id: int | None) -> None:
        self._ledger(key, item.source, "rejected", None, run_id)
        self.conn.execute(
            "INSERT INTO rejected(key, source, reason, message, run_id, rejected_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (key, item.source, item.reason, item.message, run_id, now()),
        )

    def _insert_record(self, record: ArticleRecord, run_id: int | None) -> bool:
        article = record.document
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO articles(id, source, outlet, headline, standfirst, byline, "
            "published, language, text, cleaning, schema_version, run_id, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.outlet,
                article.headline,
                article.standfirst,
                article.byline,
                article.published.isoformat() if article.published else None,
                article.language,
                article.text,
                json.dumps(cleaning_of(article), ensure_ascii=False),
                record.schema_version,
                run_id,
                now(),
            ),
        )
        if cursor.rowcount == 0:
            return False
        self._insert_annotations(record)
        return True

    def _insert_annotations(self, record: ArticleRecord) -> None:
        aid = record.document.id
        execute = self.conn.executemany
        execute(
            "INSERT OR IGNORE INTO actors(article_id, id, name, type, titles, affiliations, "
            "mention_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    a.id,
                    a.name,
                    a.type,
                    json.dumps(list(a.titles), ensure_ascii=False),
                    json.dumps(list(a.affiliations), ensure_ascii=False),
                    len(a.mentions),
                )
                for a in record.actors
            ],
        )
        execute(
            'INSERT OR IGNORE INTO mentions(article_id, actor_id, start, "end", text, kind) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (aid, a.id, m.start, m.end, m.text, m.kind)
                for a in record.actors
                for m in a.mentions
            ],
        )
        execute(
            'INSERT OR IGNORE INTO quotes(article_id, id, text, start, "end", kind, speaker, '
            "speaker_name, speaker_start, speaker_end, speaker_text, cue_start, cue_end, "
            "cue_text, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    q.id,
                    q.text,
                    q.start,
                    q.end,
                    q.kind,
                    q.speaker,
                    q.speaker_name,
                    q.speaker_mention.start if q.speaker_mention else None,
                    q.speaker_mention.end if q.speaker_mention else None,
                    q.speaker_mention.text if q.speaker_mention else None,
                    q.cue.start if q.cue else None,
                    q.cue.end if q.cue else None,
                    q.cue.text if q.cue else None,
                    q.confidence,
                )
                for q in record.quotes
            ],
        )
        execute(
            "INSERT OR IGNORE INTO events(article_id, id, type, mode, cameo, trigger_start, "
            "trigger_end, trigger_text, sentence_start, sentence_end, sentence_text, place, "
            "date, status, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    e.id,
                    e.type,
                    e.mode,
                    e.cameo,
                    e.trigger.start,
                    e.trigger.end,
                    e.trigger.text,
                    e.sentence.start,
                    e.sentence.end,
                    e.sentence.text,
                    e.place,
                    e.date,
                    e.status,
                    e.confidence,
                )
                for e in record.events
            ],
        )
        execute(
            "INSERT OR IGNORE INTO event_actors(article_id, event_id, role, position, actor_id) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (aid, e.id, role, i, actor_id)
                for e in record.events
                for role, ids in (("actor", e.actors), ("recipient", e.recipients))
                for i, actor_id in enumerate(ids)
            ],
        )
        execute(
            'INSERT OR IGNORE INTO places(article_id, id, name, start, "end", text, country, '
            "latitude, longitude, feature, geonames_id, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    p.id,
                    p.name,
                    p.start,
                    p.end,
                    p.text,
                    p.country,
                    p.latitude,
                    p.longitude,
                    p.feature,
                    p.geonames_id,
                    p.confidence,
                )
                for p in record.places
            ],
        )
        execute(
            'INSERT OR IGNORE INTO dates(article_id, id, start, "end", text, value, precision) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(aid, d.id, d.start, d.end, d.text, d.value, d.precision) for d in record.dates],
        )
        self._link_actors(record)

    def _link_actors(self, record: ArticleRecord) -> None:
        # Full names and organisations first, so a bare surname later in the same article can
        # use them as co-occurrence evidence.
        def order(actor_type: str, name: str) -> int:
            if actor_type != "person":
                return 0
            return 1 if parse_person_name(name).first else 2

        linked: list[str] = []
        seen: set[str] = set()
        for actor in sorted(record.actors, key=lambda a: order(a.type, a.name)):
            if actor.id in seen:
                continue
            seen.add(actor.id)
            linked.append(link_actor(self.conn, record.document.id, actor, co_actors=linked))
