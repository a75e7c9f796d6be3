"""`dateline ingest` on a corpus of 2,000+ articles, next to bare spaCy `nlp.pipe`, in one run.

Usage: python bench/ingest.py [--sizes 500,2000] [--workers N] [--out DIR]

The corpus is built from ../shared: the seed article, the 26 news pages (source and
expected HTML), the PolNeAR train and dev articles, and — to pass 2,000 without repeating
a text — the first and second halves (by paragraph) of each PolNeAR article. Every text is
distinct; they are shuffled with a fixed seed so each size is a varied mix.

For each size it prints, all measured in the same run on the texts the ingest stored:
articles/s and words/s of the ingest beside bare `nlp.pipe` with the same number of
processes (spaCy's ``n_process``), words per CPU-second beside bare ``nlp.pipe`` with that
many processes and in one process, peak resident memory of the worst worker, and the
database size. Memory must stay flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.config import DEFAULT_MODEL
from dateline.nlp import load_nlp
from dateline.runner import ingest

SHARED = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def build_corpus() -> list[dict[str, str]]:
    """Return distinct records ({"text"|"html", "source"}) from the shared data."""
    records: list[dict[str, str]] = []
    seed = SHARED / "examples" / "seed-article.txt"
    if seed.exists():
        records.append(
            {"text": seed.read_text("utf-8"), "source": str(seed), "published": "2024-05-01"}
        )
    for page in sorted((SHARED / "data" / "news-pages").glob("*/*.html")):
        records.append({"html": page.read_text("utf-8", errors="replace"), "source": str(page)})
    polnear = sorted((SHARED / "data" / "polnear").glob("*/text/*.txt"))
    for path in polnear:
        records.append({"text": path.read_text("utf-8"), "source": str(path)})
    for path in polnear:
        paragraphs = [p for p in path.read_text("utf-8").split("\n") if p.strip()]
        if len(paragraphs) < 6:
            continue
        middle = len(paragraphs) // 2
        for part, chunk in (("a", paragraphs[:middle]), ("b", paragraphs[middle:])):
            records.append({"text": "\n\n".join(chunk), "source": f"{path}#{part}"})
    unique = {r.get("text") or r.get("html"): r for r in records}
    corpus = list(unique.values())
    random.Random(2024).shuffle(corpus)
    return corpus


def bare_spacy(texts: list[str], processes: int = 1) -> tuple[float, float, int]:
    """Return (wall seconds, CPU seconds, words) of bare ``nlp.pipe`` over ``texts``.

    ``processes`` > 1 runs spaCy's own ``n_process`` pool; its CPU time then counts the
    parent and every child, as the ingest's does.
    """
    # A freshly loaded pipeline, as each ingest worker has: spaCy gets faster on texts whose
    # words its vocabulary has already seen, and the parent has seen these.
    nlp = load_nlp.__wrapped__(DEFAULT_MODEL)
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = time.process_time()
    started = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=32, n_process=processes):
        words += sum(1 for t in doc if not t.is_space)
    wall = time.perf_counter() - started
    children_cpu = _cpu_since(children_before, resource.getrusage(resource.RUSAGE_CHILDREN))
    return wall, time.process_time() - cpu_before + children_cpu, words


def _cpu_since(before: resource.struct_rusage, after: resource.struct_rusage) -> float:
    """Return the user and system CPU seconds between two ``getrusage`` readings."""
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


class WorkerMemory:
    """Record the workers' peak resident memory so far at each quarter of the run."""

    def __init__(self, size: int) -> None:
        self.marks = [size * q // 4 for q in (1, 2, 3, 4)]
        self.peaks: list[tuple[int, float]] = []

    def sample(self, done: int, failed: int, added: int) -> None:
        if not self.marks or done < self.marks[0]:
            return
        while self.marks and done >= self.marks[0]:
            self.marks.pop(0)
        peaks = [_peak_rss(child.pid) for child in multiprocessing.active_children()]
        if peaks:
            self.peaks.append((done, max(peaks) / 1024))


def _peak_rss(pid: int | None) -> float:
    """Return the peak resident memory (KiB) of process ``pid`` so far (Linux)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return 0.0


def measure(corpus: list[dict[str, str]], size: int, workers: int, out: Path) -> None:
    """Ingest the first ``size`` records into a fresh database and print the numbers."""
    records = corpus[:size]
    batch = out / f"corpus-{size}.jsonl"
    with batch.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = out / f"bench-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    self_before = resource.getrusage(resource.RUSAGE_SELF)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    watcher = WorkerMemory(size)
    summary = ingest([str(batch)], db=db, workers=workers, progress=watcher.sample)
    wall = time.perf_counter() - started
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu = _cpu_since(self_before, self_after)
    cpu = parent_cpu + _cpu_since(children_before, children_after)
    conn = sqlite3.connect(db)
    texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
    conn.close()
    peak_worker = children_after.ru_maxrss / 1024  # read now: spaCy's own pool comes next
    bare_wall, bare_cpu, words = bare_spacy(texts)
    parallel = max(workers, 1)
    bare_wall_n, bare_cpu_n = bare_wall, bare_cpu
    if parallel > 1:
        bare_wall_n, bare_cpu_n, _ = bare_spacy(texts, parallel)
    stored = summary.added + summary.duplicates
    size_mb = sum(
        Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists()
    )
    print(f"corpus {size}: {stored} stored, {summary.rejected} rejected {summary.reasons}")
    print(f"  ingest      {stored / wall:8.2f} articles/s, {words / wall:8.0f} words/s wall")
    print(f"              ({wall:.1f} s, {workers} workers, {cpu:.1f} CPU-s in all processes)")
    print(
        f"  bare spaCy  {len(texts) / bare_wall_n:8.2f} articles/s, {words / bare_wall_n:8.0f} "
        f"words/s wall (nlp.pipe, n_process={parallel}, {bare_wall_n:.1f} s)"
    )
    print(f"  throughput  {bare_wall_n / wall:8.2f} × bare nlp.pipe on the same cores (wall clock)")
    print(f"  per CPU-s   {words / cpu:8.0f} words per CPU-second of ingest")
    print(
        f"              {words / bare_cpu_n:8.0f} bare, n_process={parallel} "
        f"(ratio {bare_cpu_n / cpu:.2f})"
    )
    print(
        f"              {words / bare_cpu:8.0f} bare, one process "
        f"(ratio {bare_cpu / cpu:.2f}; no start-up, no contention between processes)"
    )
    print(f"  of which    {parent_cpu:8.1f} CPU-s in the parent (reading, writing, actor linking)")
    print(f"  peak worker {peak_worker:8.0f} MiB resident (max over workers)")
    if watcher.peaks:
        steps = ", ".join(f"{done:,}: {mib:.0f}" for done, mib in watcher.peaks)
        print(f"              peak so far after N articles (MiB): {steps}")
    print(f"  database    {size_mb / 2**20:8.1f} MiB ({words:,} words)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000", help="corpus sizes, comma-separated")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=None, help="keep the corpus and databases here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if len(sizes) > 1:
        # One process per size: RUSAGE_CHILDREN's peak covers every child a process ever had.
        for size in sizes:
            command = [
                sys.executable,
                __file__,
                "--sizes",
                str(size),
                "--workers",
                str(args.workers),
            ] + (["--out", str(args.out)] if args.out else [])
            subprocess.run(command, check=True)
        return
    corpus = build_corpus()
    print(f"corpus: {len(corpus)} distinct articles from {SHARED}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            if size > len(corpus):
                print(f"corpus {size}: only {len(corpus)} articles available; skipped")
                continue
            measure(corpus, size, args.workers, out)


if __name__ == "__main__":
    main()
