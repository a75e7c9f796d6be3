"""Batch ingest: read targets, skip what the store already holds, extract the rest, store it.

The parent process reads inputs (cheap: bytes and decoding), keys each one by a hash of its
source and content, drops the keys the store's ledger already holds, and hands the rest to
a runner. Results come back in order and are written by the single writer one chunk per
transaction, together with their ledger rows. Killing the run at any moment therefore
loses at most the chunks in flight, and running the same command again does exactly those.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from dateline.config import Settings
from dateline.errors import InputError
from dateline.ingest import RawInput, iter_raw_inputs
from dateline.runner.local import LocalRunner, Outcome, WorkItem, rejection_of
from dateline.store.migrations import open_database
from dateline.store.writer import BatchCounts, Rejection, StoreWriter, input_key

__all__ = ["IngestSummary", "Progress", "ingest"]

Progress = Callable[[int, int, int], None]  # (items done, of them failed, articles added)
_LEDGER_CHUNK = 256


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did."""

    run_id: int
    added: int
    duplicates: int
    skipped: int
    rejected: int
    seconds: float
    reasons: dict[str, int] = field(default_factory=dict)


def _keyed(item: RawInput | InputError) -> tuple[str, RawInput | InputError]:
    if isinstance(item, InputError):
        return input_key(item.source or "", f"error:{item.reason}:{item.message}"), item
    return input_key(item.source, item.text if item.text is not None else item.html or ""), item


def ingest(
    targets: Sequence[str],
    *,
    db: Path | str,
    settings: Settings | None = None,
    workers: int | None = None,
    published: dt.date | None = None,
    fetch: bool = False,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest every article the ``targets`` hold into the store at ``db``.

    Args:
        targets: files, folders, ``.jsonl``, feeds, WARC files, URLs.
        db: the SQLite file (created and migrated when needed).
        settings: pipeline settings; defaults when None.
        workers: worker processes (None: one per core; 0: in this process).
        published: publication date for inputs that carry none.
        fetch: fetch each feed entry's link instead of using the feed's own content.
        chunk_size: inputs per worker batch and per write transaction (None: the
            settings' ``batch_size``, the ``nlp.pipe`` batch the parser is fastest at).
        progress: called after each chunk with (items done, failed, added).

    Returns:
        The run's totals.

    Raises:
        StoreError: the database cannot be opened or written.
        ModelError: the spaCy model cannot be loaded.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    conn = open_database(db)
    writer = StoreWriter(conn, path=str(db))
    run_id = writer.start_run(targets)
    totals = Counter[str]()
    reasons = Counter[str]()
    early: list[Outcome] = []

    def fresh_work() -> Iterator[WorkItem]:
        stream = (_keyed(item) for item in iter_raw_inputs(targets, settings=settings, fetch=fetch))
        while group := list(islice(stream, _LEDGER_CHUNK)):
            known = writer.known_keys(key for key, _ in group)
            for key, item in group:
                if key in known:
                    totals["skipped"] += 1
                elif isinstance(item, InputError):
                    early.append((key, rejection_of(item, source=item.source or "")))
                else:
                    yield key, item

    def store(outcomes: list[Outcome]) -> None:
        batch = [*early, *outcomes]
        early.clear()
        counts: BatchCounts = writer.write_batch(batch, run_id=run_id)
        totals["added"] += counts.added
        totals["duplicates"] += counts.duplicates
        totals["rejected"] += counts.rejected
        reasons.update(o.reason for _, o in batch if isinstance(o, Rejection))
        if progress is not None:
            done = totals["added"] + totals["duplicates"] + totals["rejected"]
            progress(done + totals["skipped"], totals["rejected"], totals["added"])

    status = "interrupted"
    runner = LocalRunner(settings, workers=workers, chunk_size=chunk_size or settings.batch_size)
    try:
        for outcomes in runner.run(fresh_work(), published=published):
            store(outcomes)
        if early:
            store([])
        status = "finished"
    finally:
        summary_counts = BatchCounts(totals["added"], totals["duplicates"], totals["rejected"])
        writer.finish_run(run_id, status=status, counts=summary_counts, skipped=totals["skipped"])
        conn.close()
    return IngestSummary(
        run_id=run_id,
        added=totals["added"],
        duplicates=totals["duplicates"],
        skipped=totals["skipped"],
        rejected=totals["rejected"],
        seconds=time.perf_counter() - started,
        reasons=dict(reasons),
    )
