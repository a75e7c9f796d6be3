"""The local runner: chunks of inputs through the pipeline on every core, results in order.

Each worker process builds one `Pipeline` (so loads the spaCy model once) and turns a chunk
of `RawInput`s into records through ``nlp.pipe``. The runner knows nothing of the store, and
the stages know nothing of the runner: it only calls `Pipeline.process_items`. Workers are
started with ``spawn`` so none inherits the parent's threads or open database handles, and
each exits by itself when its parent dies (even by SIGKILL).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from dateline.config import Settings
from dateline.errors import DatelineError, InputError
from dateline.ingest import RawInput
from dateline.model import ArticleRecord
from dateline.pipeline import Pipeline
from dateline.store.writer import Rejection

__all__ = ["LocalRunner", "Outcome", "WorkItem", "process_chunk", "rejection_of"]

WorkItem = tuple[str, RawInput]
Outcome = tuple[str, ArticleRecord | Rejection]

_PIPELINE: Pipeline | None = None


def rejection_of(error: DatelineError, *, source: str) -> Rejection:
    """Return the picklable `Rejection` that records ``error`` for the input ``source``."""
    if isinstance(error, InputError):
        return Rejection(error.source or source, error.reason, error.message)
    return Rejection(source, "extraction", str(error))


def _watch_parent(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its pool; without this the workers would go on
    # parsing queued chunks for nobody.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init_worker(parent: int) -> None:
    # The model is loaded by the first chunk, not here: an error raised in an initializer
    # breaks the pool without its message, while one raised in a chunk reaches the caller.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def process_chunk(
    chunk: Sequence[WorkItem], published: dt.date | None, settings: Settings | None = None
) -> list[Outcome]:
    """Clean, parse and extract one chunk of inputs in this process.

    Args:
        chunk: ``(input key, raw input)`` pairs.
        published: the publication date for inputs that carry none.
        settings: used only when this process has no pipeline yet.

    Returns:
        ``(input key, record or rejection)`` pairs, in the chunk's order.
    """
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline(settings)
        _PIPELINE.nlp  # noqa: B018 -- a bad model must fail here, as a ModelError
    results = _PIPELINE.process_items([item for _, item in chunk], published=published)
    outcomes: list[Outcome] = []
    for (key, item), result in zip(chunk, results, strict=True):
        if isinstance(result, DatelineError):
            outcomes.append((key, rejection_of(result, source=item.source)))
        else:
            outcomes.append((key, result))
    return outcomes


class LocalRunner:
    """Run chunks of work through the pipeline on local processes.

    Args:
        settings: passed to each worker's `Pipeline`.
        workers: processes to start; 0 runs everything in this process (tests, debugging).
        chunk_size: inputs per chunk (each chunk is one ``nlp.pipe`` batch in a worker).
    """

    def __init__(
        self, settings: Settings, *, workers: int | None = None, chunk_size: int = 16
    ) -> None:
        self.settings = settings
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        self.chunk_size = chunk_size

    def run(
        self, items: Iterable[WorkItem], *, published: dt.date | None = None
    ) -> Iterator[list[Outcome]]:
        """Yield the outcomes of ``items`` chunk by chunk, in input order.

        At most two chunks per worker are in flight, so memory stays flat however long the
        input is.
        """
        iterator = iter(items)
        chunks = iter(lambda: list(islice(iterator, self.chunk_size)), [])
        if self.workers <= 0:
            for chunk in chunks:
                yield process_chunk(chunk, published, self.settings)
            return
        context = multiprocessing.get_context("spawn")
        pending: deque[Future[list[Outcome]]] = deque()
        with ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(os.getpid(),),
        ) as pool:
            try:
                for chunk in chunks:
                    pending.append(pool.submit(process_chunk, chunk, published, self.settings))
                    while len(pending) >= 2 * self.workers:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            except BaseException:
                for future in pending:
                    future.cancel()
                raise
