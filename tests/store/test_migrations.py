"""Opening the store: migrations from an empty file and from each earlier schema, errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.errors import DatabaseCorruptError, DatabaseLockedError, MigrationError, StoreError
from dateline.store import StoreWriter, applied_migrations, migrate, open_database
from dateline.store.schema import MIGRATIONS


def test_empty_file_gets_every_migration_and_wal(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "new.db")
    assert applied_migrations(conn) == [m.name for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "articles",
        "actors",
        "canonical_actors",
        "quotes",
        "events",
        "places",
        "dates",
        "ingest_runs",
        "rejected",
        "articles_fts",
        "quotes_fts",
    } <= tables


def test_reopening_applies_nothing(tmp_path: Path) -> None:
    open_database(tmp_path / "a.db").close()
    conn = open_database(tmp_path / "a.db", migrate_schema=False)
    assert migrate(conn) == []


@pytest.mark.parametrize("upto", [m.name for m in MIGRATIONS[:-1]])
def test_migrates_from_each_earlier_schema(tmp_path: Path, upto: str) -> None:
    path = tmp_path / "old.db"
    conn = open_database(path, migrate_schema=False)
    migrate(conn, upto=upto)
    # An article and a quote written by the older schema must survive and be searchable.
    conn.execute(
        "INSERT INTO articles(id, text, schema_version, ingested_at, headline) "
        "VALUES ('a1', 'Blinken met Netanyahu in Jerusalem.', 1, 'now', 'Talks')"
    )
    conn.execute(
        'INSERT INTO quotes(article_id, id, text, start, "end", kind) '
        "VALUES ('a1', 'q1', 'Blinken met Netanyahu', 0, 21, 'direct')"
    )
    conn.close()
    conn = open_database(path)
    assert applied_migrations(conn) == [m.name for m in MIGRATIONS]
    found = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'jerusalem'")
    assert len(found.fetchall()) == 1
    assert conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'netanyahu'")
    assert conn.execute("SELECT canonical_id FROM actors").fetchall() == []


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "n.db")
    conn.execute("INSERT INTO schema_migrations VALUES ('9999_from_the_future', 'x')")
    conn.close()
    with pytest.raises(MigrationError, match="newer Dateline"):
        open_database(tmp_path / "n.db")


def test_corrupted_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not SQLite, it is a text file\n" * 200)
    with pytest.raises(DatabaseCorruptError, match="not a readable SQLite database"):
        open_database(path)


def test_locked_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    open_database(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        conn = open_database(path, busy_timeout=0.1)
        writer = StoreWriter(conn, path=str(path))
        with pytest.raises(DatabaseLockedError, match="locked by another process"):
            writer.start_run(["x"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_readonly_missing_file_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="dateline ingest"):
        open_database(tmp_path / "missing.db", readonly=True)
