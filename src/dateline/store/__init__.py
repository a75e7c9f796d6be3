"""The SQLite store: one file holding every ingested article and what was extracted from it.

`open_database` opens (and migrates) the file; `StoreWriter` is its single writer;
`dateline.query` reads it; `dateline.store.export` writes it out in other formats. The
layout is documented in ``docs/store.md``.
"""

from __future__ import annotations

from dateline.store.canonical import merge_actors, split_actor
from dateline.store.migrations import (
    DEFAULT_DB,
    applied_migrations,
    default_db_path,
    migrate,
    open_database,
    transaction,
)
from dateline.store.writer import BatchCounts, Rejection, StoreWriter, input_key

__all__ = [
    "DEFAULT_DB",
    "BatchCounts",
    "Rejection",
    "StoreWriter",
    "applied_migrations",
    "default_db_path",
    "input_key",
    "merge_actors",
    "migrate",
    "open_database",
    "split_actor",
    "transaction",
]
