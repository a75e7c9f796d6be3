"""Runners: what drives the pipeline over many inputs.

`LocalRunner` runs chunks on local processes; `ingest` reads targets, skips inputs the store
already holds, runs the rest and writes the results. Stages never know which runner drives
them: a runner only calls `Pipeline.process_items`.
"""

from __future__ import annotations

from dateline.runner.ingest import IngestSummary, ingest
from dateline.runner.local import LocalRunner, process_chunk

__all__ = ["IngestSummary", "LocalRunner", "ingest", "process_chunk"]
