"""The writer: content-hash idempotence, rejections, spans that slice, concurrent readers."""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import ArticleRecord
from dateline.pipeline import Pipeline
from dateline.query import load_article
from dateline.store import Rejection, StoreWriter, input_key, open_database

TABLES = (
    "articles",
    "actors",
    "mentions",
    "quotes",
    "events",
    "event_actors",
    "places",
    "dates",
    "canonical_actors",
    "inputs",
    "rejected",
)


@pytest.fixture(scope="module")
def seed_record(seed_text: str, nlp: object) -> ArticleRecord:
    return Pipeline().extract_text(seed_text, published=dt.date(2024, 5, 1), source="seed.txt")


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_same_article_twice_changes_nothing(tmp_path: Path, seed_record: ArticleRecord) -> None:
    conn = open_database(tmp_path / "s.db")
    writer = StoreWriter(conn)
    run = writer.start_run(["seed.txt"])
    first = writer.write_batch([("k1", seed_record)], run_id=run)
    before = counts(conn)
    # The same input again, and the same text under another source: no new article rows.
    second = writer.write_batch([("k1", seed_record), ("k2", seed_record)], run_id=run)
    after = counts(conn)
    assert (first.added, second.added, second.duplicates) == (1, 0, 2)
    assert {t: after[t] - before[t] for t in TABLES if after[t] != before[t]} == {"inputs": 1}
    assert before["quotes"] == len(seed_record.quotes) > 0
    assert before["events"] == len(seed_record.events) > 0


def test_stored_spans_slice_the_stored_text(tmp_path: Path, seed_record: ArticleRecord) -> None:
    conn = open_database(tmp_path / "s.db")
    StoreWriter(conn).write_batch([("k", seed_record)], run_id=None)
    text = conn.execute("SELECT text FROM articles").fetchone()[0]
    assert text == seed_record.document.text
    for table, start, end in (
        ("quotes", "start", '"end"'),
        ("mentions", "start", '"end"'),
        ("places", "start", '"end"'),
        ("dates", "start", '"end"'),
        ("events", "trigger_start", "trigger_end"),
    ):
        column = "trigger_text" if table == "events" else "text"
        for row in conn.execute(f"SELECT {start}, {end}, {column} FROM {table}"):
            assert text[row[0] : row[1]] == row[2], table


def test_stored_article_reads_back_with_what_cleaning_removed(
    tmp_path: Path, seed_record: ArticleRecord
) -> None:
    conn = open_database(tmp_path / "s.db")
    StoreWriter(conn).write_batch([("k", seed_record)], run_id=None)
    stored = load_article(conn, seed_record.document.id)
    assert stored == seed_record.document
    # The seed's paywall and share prompts were cut: the store still says where they were.
    assert stored.removed and stored.headline_span is not None


def test_a_killed_run_is_marked_when_the_next_run_starts(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "s.db")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    host = socket.gethostname()
    for pid in (int(gone.stdout), os.getpid()):
        conn.execute(
            "INSERT INTO ingest_runs(started_at, targets, pid, host) VALUES ('t', '[]', ?, ?)",
            (pid, host),
        )
    StoreWriter(conn).start_run(["more"])
    statuses = [r[0] for r in conn.execute("SELECT status FROM ingest_runs ORDER BY id")]
    assert statuses == ["killed", "running", "running"]  # this process is alive: left be


def test_rejection_is_recorded_with_its_reason(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "s.db")
    writer = StoreWriter(conn)
    key = input_key("empty.txt", "")
    counts_ = writer.write_batch(
        [(key, Rejection("empty.txt", "empty", "nothing left"))], run_id=None
    )
    assert counts_.rejected == 1
    row = conn.execute("SELECT source, reason, message FROM rejected").fetchone()
    assert tuple(row) == ("empty.txt", "empty", "nothing left")
    assert writer.known_keys([key, "input:other"]) == {key}


def test_reader_sees_committed_rows_while_a_writer_holds_a_transaction(
    tmp_path: Path, seed_record: ArticleRecord
) -> None:
    path = tmp_path / "c.db"
    writer_conn = open_database(path)
    StoreWriter(writer_conn).write_batch([("k1", seed_record)], run_id=None)
    writer_conn.execute("BEGIN IMMEDIATE")
    writer_conn.execute("DELETE FROM quotes")  # uncommitted: the reader must not see it
    seen: list[int] = []

    def read() -> None:
        reader = open_database(path, readonly=True, busy_timeout=0.2)
        seen.append(reader.execute("SELECT count(*) FROM quotes").fetchone()[0])

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(timeout=5)
    writer_conn.execute("ROLLBACK")
    assert seen == [len(seed_record.quotes)]


@settings(max_examples=25, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=200,
    ),
    data=st.data(),
)
def test_quote_round_trips_through_the_store(text: str, data: st.DataObject) -> None:
    from dateline.model import Article, Quote, content_id

    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = Quote(id="quote:1", text=text[start:end], start=start, end=end, kind="direct")
    record = ArticleRecord(document=Article(id=content_id(text), text=text), quotes=(quote,))
    conn = open_database(":memory:")
    StoreWriter(conn).write_batch([("k", record)], run_id=None)
    row = conn.execute(
        'SELECT a.text, q.start, q."end", q.text FROM quotes q JOIN articles a '
        "ON a.id = q.article_id"
    ).fetchone()
    assert row[0] == text
    assert row[0][row[1] : row[2]] == row[3] == quote.text
