"""Words per CPU-second of Dateline's extraction next to bare spaCy `nlp.pipe`, in one run.

Usage: python bench/throughput.py [--repeat N] [--limit N]

The texts: the seed article, the 26 saved news pages and the PolNeAR dev articles from
../shared (whatever is present). Dateline's time covers reading, decoding, cleaning, HTML
extraction, parsing, every extractor and JSON serialisation — what `dateline extract` does;
bare spaCy's time is `nlp.pipe` over the very texts Dateline parsed (its cleaned
`Article.text`) in Dateline's batch size (spaCy's default batch size, slower on these
texts, is printed for reference). Both use CPU time of this process, best of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from dateline import Pipeline, Settings
from dateline.errors import DatelineError

SHARED = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def corpus_paths(limit: int | None) -> list[str]:
    """Return the bundled and shared example files to measure on."""
    paths = [SHARED / "examples" / "seed-article.txt"]
    paths += sorted((SHARED / "data" / "news-pages").glob("*/source.html"))
    paths += sorted((SHARED / "data" / "polnear" / "dev" / "text").glob("*.txt"))
    found = [str(p) for p in paths if p.exists()]
    return found[:limit] if limit else found


def time_dateline(pipeline: Pipeline, paths: list[str]) -> tuple[float, list[str], int]:
    start = time.process_time()
    texts, failures = [], 0
    for result in pipeline.run(paths):
        if isinstance(result, DatelineError):
            failures += 1
            continue
        json.dumps(result.to_dict(), ensure_ascii=False)
        texts.append(result.document.text)
    return time.process_time() - start, texts, failures


def time_bare(nlp: object, texts: list[str], batch_size: int | None) -> float:
    start = time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):  # type: ignore[attr-defined]
        pass
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    paths = corpus_paths(args.limit)
    if not paths:
        print(f"no example texts under {SHARED}; nothing to measure")
        return 0
    pipeline = Pipeline(Settings(languages=()))
    nlp = pipeline.nlp
    nlp("Warm up the pipeline before timing.")
    dateline_times, bare_times, default_times = [], [], []
    texts: list[str] = []
    failures = 0
    for _ in range(args.repeat):
        elapsed, texts, failures = time_dateline(pipeline, paths)
        dateline_times.append(elapsed)
        # spaCy pads each batch to its longest text, so the batch size changes its speed
        # (its default of 256 is slower here): the reference parses in Dateline's batches.
        bare_times.append(time_bare(nlp, texts, pipeline.settings.batch_size))
        default_times.append(time_bare(nlp, texts, None))
    words = sum(len(text.split()) for text in texts)
    dateline_rate = words / min(dateline_times)
    bare_rate = words / min(bare_times)
    print(f"inputs: {len(paths)} files, {len(texts)} articles extracted, {failures} failed")
    print(f"words (cleaned article text): {words:,}")
    print(f"dateline extract : {dateline_rate:10,.0f} words/CPU-s  (best of {args.repeat})")
    default_rate = words / min(default_times)
    size = pipeline.settings.batch_size
    print(
        f"bare nlp.pipe    : {bare_rate:10,.0f} words/CPU-s  "
        f"(batch_size={size}, best of {args.repeat})"
    )
    print(f"ratio dateline/bare: {dateline_rate / bare_rate:.2f}")
    print(
        f"(bare nlp.pipe with spaCy's default batch size: {default_rate:,.0f} words/CPU-s; "
        f"ratio {dateline_rate / default_rate:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
