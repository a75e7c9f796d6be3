"""Opening the store: one SQLite file in WAL mode, migrated to the current schema.

`open_database` is the only way Dateline opens the file. It turns on foreign keys and WAL
(one writer, any number of readers that never block it), sets a busy timeout, applies every
migration of `dateline.store.schema` not yet recorded in ``schema_migrations``, and
translates SQLite's errors into `StoreError`s that say what to do.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dateline.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    MigrationError,
    StoreError,
)
from dateline.store.schema import MIGRATIONS, Migration

__all__ = [
    "DEFAULT_DB",
    "applied_migrations",
    "default_db_path",
    "migrate",
    "open_database",
    "translate_error",
]

DEFAULT_DB = "dateline.db"
_BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    """Return the database path from ``DATELINE_DB``, or ``dateline.db`` in the working dir."""
    return Path(os.environ.get("DATELINE_DB") or DEFAULT_DB)


def now() -> str:
    """Return the current UTC time as an ISO 8601 string (seconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def translate_error(exc: sqlite3.Error, path: Path | str) -> StoreError:
    """Return the `StoreError` that explains ``exc`` raised on the database at ``path``."""
    text = str(exc)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return DatabaseLockedError(
            f"{path}: the database is locked by another process ({text}); wait for the other "
            "`dateline ingest` to finish, or use another --db"
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return DatabaseCorruptError(
            f"{path}: the file is not a readable SQLite database ({text}); restore it from a "
            "backup, or move it away and ingest again into a new --db"
        )
    return StoreError(f"{path}: SQLite error ({text}); check the path and its permissions")


def open_database(
    path: Path | str,
    *,
    readonly: bool = False,
    migrate_schema: bool = True,
    busy_timeout: float = _BUSY_TIMEOUT_MS / 1000,
) -> sqlite3.Connection:
    """Open (creating when needed) the store at ``path`` and bring its schema up to date.

    Args:
        path: the SQLite file; ``:memory:`` for a throwaway store.
        readonly: open for reading only (the file must exist; nothing is migrated).
        migrate_schema: apply pending migrations (off only to test migrating old files).
        busy_timeout: seconds to wait for another process's write lock before giving up.

    Returns:
        A connection with foreign keys on, rows as `sqlite3.Row`, in autocommit mode
        (callers open transactions with `transaction`).

    Raises:
        StoreError: the file cannot be opened; DatabaseCorruptError when it is not SQLite;
            DatabaseLockedError when a migration cannot get the write lock;
            MigrationError when the file's schema is newer than this Dateline.
    """
    path_text = str(path)
    if readonly and path_text != ":memory:" and not Path(path_text).exists():
        raise StoreError(
            f"{path_text}: no such database; create it with `dateline ingest --db {path_text} "
            "PATH...` or point --db / DATELINE_DB at an existing file"
        )
    if path_text != ":memory:" and not readonly:
        Path(path_text).parent.mkdir(parents=True, exist_ok=True)
    try:
        if readonly and path_text != ":memory:":
            uri = Path(path_text).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
        else:
            conn = sqlite3.connect(path_text, timeout=busy_timeout)
        conn.isolation_level = None
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Touch the schema now so a non-database file fails here, not at the first query.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not readonly:
            if path_text != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable to the last committed transaction under WAL after a crash of
            # the process (only an OS crash can lose the tail), and much faster than FULL.
            conn.execute("PRAGMA synchronous = NORMAL")
            if migrate_schema:
                migrate(conn, path=path_text)
        else:
            _check_not_newer(conn, path_text)
    except sqlite3.Error as exc:
        raise translate_error(exc, path_text) from exc
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in one ``BEGIN IMMEDIATE`` transaction: all of it is committed or none."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Return the names of the migrations recorded in the database, oldest first."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


def migrate(
    conn: sqlite3.Connection,
    *,
    path: str = "<db>",
    upto: str | None = None,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction.

    Args:
        conn: an open connection in autocommit mode.
        path: shown in error messages.
        upto: stop after the migration of this name (tests build older schemas with it).
        migrations: the ordered list to apply (the current schema by default).

    Returns:
        The names applied by this call.

    Raises:
        MigrationError: the database records a migration this Dateline does not know.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
    )
    done = applied_migrations(conn)
    known = [m.name for m in migrations]
    unknown = [name for name in done if name not in known]
    if unknown:
        raise MigrationError(
            f"{path}: the database was written by a newer Dateline (migrations {unknown} are "
            "unknown here); upgrade Dateline to read it"
        )
    applied: list[str] = []
    for migration in migrations:
        if migration.name in done:
            if migration.name == upto:
                break
            continue
        # executescript commits first; wrap the step so it is applied whole or not at all.
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{migration.sql}\n"
                "INSERT INTO schema_migrations(name, applied_at) "
                f"VALUES ('{migration.name}', '{now()}');\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
                raise translate_error(exc, path) from exc
            raise MigrationError(
                f"{path}: migration {migration.name} failed ({exc}); the database is unchanged "
                "by it — report this with the file"
            ) from exc
        applied.append(migration.name)
        if migration.name == upto:
            break
    return applied


def _check_not_newer(conn: sqlite3.Connection, path: str) -> None:
    known = {m.name for m in MIGRATIONS}
    done = applied_migrations(conn)
    if not done:
        raise StoreError(f"{path}: this SQLite file is not a Dateline store; check --db")
    if any(name not in known for name in done):
        raise MigrationError(
            f"{path}: the database was written by a newer Dateline; upgrade Dateline to read it"
        )
    missing = [name for name in sorted(known) if name not in done]
    if missing:
        raise MigrationError(
            f"{path}: the schema is older than this Dateline (missing {missing}); open it once "
            "for writing (e.g. `dateline ingest --db PATH` with no new inputs) to migrate it"
        )
