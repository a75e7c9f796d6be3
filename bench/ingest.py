"""`dateline ingest` on a corpus of 2,000+ articles, next to bare spaCy `nlp.pipe`, in one run.

Usage: python bench/ingest.py [--sizes 500,2000] [--workers N] [--out DIR]

The corpus is built from ../shared: the seed article, the 26 news pages (source and
expected HTML), the PolNeAR train and dev articles, and — to pass 2,000 without repeating
a text — the first and second halves (by paragraph) of each PolNeAR article. Every text is
distinct; they are shuffled with a fixed seed so each size is a varied mix.

For each size it prints: articles/s (wall), words per CPU-second of ingest (all processes)
beside bare `nlp.pipe` over the same texts in this process, peak resident memory of the
worst worker, and the database size. Memory must stay flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
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


def bare_spacy(texts: list[str]) -> tuple[float, int]:
    """Return (CPU seconds, words) of bare ``nlp.pipe`` over ``texts`` in this process."""
    nlp = load_nlp(DEFAULT_MODEL)
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    start = time.process_time()
    words = 0
    for doc in nlp.pipe(texts, batch_size=32):
        words += sum(1 for t in doc if not t.is_space)
    return time.process_time() - start, words


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
    summary = ingest([str(batch)], db=db, workers=workers)
    wall = time.perf_counter() - started
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (
        self_after.ru_utime
        + self_after.ru_stime
        - self_before.ru_utime
        - self_before.ru_stime
        + children_after.ru_utime
        + children_after.ru_stime
        - children_before.ru_utime
        - children_before.ru_stime
    )
    import sqlite3

    conn = sqlite3.connect(db)
    texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
    conn.close()
    bare_cpu, words = bare_spacy(texts)
    stored = summary.added + summary.duplicates
    size_mb = sum(
        Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists()
    )
    print(f"corpus {size}: {stored} stored, {summary.rejected} rejected {summary.reasons}")
    print(f"  ingest      {stored / wall:6.2f} articles/s wall ({wall:.1f}s, {workers} workers)")
    print(f"  ingest      {words / cpu:8.0f} words per CPU-second (all processes, {cpu:.1f} CPU-s)")
    print(
        f"  bare spaCy  {words / bare_cpu:8.0f} words per CPU-second "
        f"(nlp.pipe, {bare_cpu:.1f} CPU-s)"
    )
    print(
        f"  ratio       {bare_cpu / cpu:8.2f} (ingest throughput / bare nlp.pipe, per CPU-second)"
    )
    parent_cpu = (
        self_after.ru_utime + self_after.ru_stime - self_before.ru_utime - self_before.ru_stime
    )
    print(f"  of which    {parent_cpu:8.1f} CPU-s in the parent (reading, writing, actor linking)")
    print(f"  peak worker {children_after.ru_maxrss / 1024:8.0f} MiB resident (max over workers)")
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
