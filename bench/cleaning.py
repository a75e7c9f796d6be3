"""Measure the plain-text boilerplate cleaner on real pages rendered as a reader copies them.

For each of the 26 saved news pages in ``../shared/data/news-pages/*/``: render
``source.html`` to its visible text (select-all + copy), cut what the cleaner flags, and
compare bags of words with ``expected.html`` (the article a careful reader keeps):

* kept    = |cleaned ∩ gold| / |gold|                  (target ≥ 0.95 on average)
* dropped = 1 − |cleaned − gold| / |rendered − gold|   (target ≥ 0.90 on average):
  the share of the page's non-article words (multiset difference) that the cleaned text
  no longer holds

Words are lowercase ``\\w+`` tokens, counted as multisets. Also checks the seed article:
its body must survive whole, its tail (from ``boilerplate_starts_at``) must go, and its
headline and standfirst must stay. Finally, as a false-positive check, it runs the cleaner
on PolNeAR's already clean article texts (``polnear/{dev,train}/text``; measured only,
nothing derived from them is kept) and prints the share of words it would cut.

Run: ``.venv/bin/python bench/cleaning.py [-v PAGE]`` (``-v`` prints each line's fate).
Skips with a message (exit 0) when ``../shared`` (or ``$DATELINE_SHARED``) is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from lxml import html as lxml_html

from dateline.clean.boilerplate import Boilerplate, find_boilerplate
from dateline.ingest.visible import render_visible_text

_WORD = re.compile(r"\w+")


def shared_dir() -> Path:
    """Return the shared data directory (``$DATELINE_SHARED`` or ``../shared``)."""
    default = Path(__file__).resolve().parents[1].parent / "shared"
    return Path(os.environ.get("DATELINE_SHARED", default))


def bag(text: str) -> Counter[str]:
    """Return the multiset of lowercase word tokens of a text."""
    return Counter(word.lower() for word in _WORD.findall(text))


def cut(text: str, ranges: list[Boilerplate]) -> str:
    """Return the text with the given ranges removed."""
    pieces, offset = [], 0
    for item in ranges:
        pieces.append(text[offset : item.start])
        offset = item.end
    pieces.append(text[offset:])
    return "".join(pieces)


def score_page(rendered: str, cleaned: str, gold: Counter[str]) -> tuple[float, float]:
    """Return (kept, dropped) for one page, as defined in the module docstring."""
    kept_bag = bag(cleaned)
    kept = sum((kept_bag & gold).values()) / max(1, sum(gold.values()))
    noise = bag(rendered) - gold
    # The cleaned text is a subset of the rendered one, so the noise it still holds is what
    # it has beyond the gold counts (intersecting with ``noise`` would also count the gold
    # article's own occurrences of words that the page repeats elsewhere).
    survived = sum((kept_bag - gold).values())
    dropped = 1.0 - survived / max(1, sum(noise.values()))
    return kept, dropped


def show(rendered: str, ranges: list[Boilerplate], gold: Counter[str]) -> None:
    """Print every line with its fate and how much of it the gold article holds."""
    offset = 0
    for line in rendered.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        words = [w.lower() for w in _WORD.findall(line)]
        if not words:
            continue
        reason = next((r.reason for r in ranges if r.start <= line_start < r.end), "KEEP")
        cover = sum(gold[w] > 0 for w in words) / len(words)
        mark = "G" if cover > 0.9 else ("g" if cover > 0.6 else ".")
        print(f"{mark} {reason[:12]:12} {len(words):3d} {line[:100]}")


def run_pages(pages_dir: Path, verbose: str | None) -> tuple[float, float]:
    """Score every page; print one row each and return the averages."""
    rows = []
    for page in sorted(p for p in pages_dir.iterdir() if p.is_dir()):
        rendered = render_visible_text((page / "source.html").read_text(encoding="utf-8"))
        expected = lxml_html.fromstring((page / "expected.html").read_text(encoding="utf-8"))
        gold = bag(expected.text_content())
        ranges = find_boilerplate(rendered)
        kept, dropped = score_page(rendered, cut(rendered, ranges), gold)
        rows.append((kept, dropped))
        print(f"{page.name:18} kept {kept:6.3f}  dropped {dropped:6.3f}")
        if verbose == page.name:
            show(rendered, ranges, gold)
    kept_avg = sum(k for k, _ in rows) / len(rows)
    dropped_avg = sum(d for _, d in rows) / len(rows)
    print(f"{'AVERAGE':18} kept {kept_avg:6.3f}  dropped {dropped_avg:6.3f}  ({len(rows)} pages)")
    print(f"{'targets':18} kept  0.950  dropped  0.900")
    return kept_avg, dropped_avg


def _covered(ranges: list[Boilerplate], size: int) -> list[bool]:
    covered = [False] * size
    for item in ranges:
        covered[item.start : item.end] = [True] * (item.end - item.start)
    return covered


def run_seed(examples: Path) -> None:
    """Check the seed: body kept whole, tail gone, headline and standfirst kept."""
    text = (examples / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((examples / "seed-article.gold.json").read_text(encoding="utf-8"))
    tail = int(gold["boilerplate_starts_at"])
    ranges = find_boilerplate(text)
    cleaned = cut(text, ranges)
    body = text[:tail].rstrip()
    lost = [r for r in ranges if r.start < len(body)]
    covered = _covered(ranges, len(text))
    tail_left = sum(1 for i in range(tail, len(text)) if not covered[i] and not text[i].isspace())
    print(f"seed: body kept whole: {cleaned.rstrip() == body}; ranges inside body: {len(lost)}")
    print(f"seed: tail characters left (non-space): {tail_left} of {len(text) - tail}")
    print(
        f"seed: headline kept: {gold['headline'] in cleaned}; "
        f"standfirst kept: {gold['standfirst'] in cleaned}"
    )
    for item in ranges:
        excerpt = text[item.start : item.end][:60]
        print(f"seed:   cut [{item.start}, {item.end}) {item.reason}: {excerpt!r}")


def run_clean_articles(polnear: Path, *, limit: int = 400) -> None:
    """Print how much the cleaner cuts from article texts that carry no page around them."""
    paths = sorted((polnear / "dev" / "text").glob("*.txt"))
    paths += sorted((polnear / "train" / "text").glob("*.txt"))
    total = cut_words = touched = 0
    reasons: Counter[str] = Counter()
    for path in paths[:limit]:
        text = path.read_text(encoding="utf-8")
        ranges = find_boilerplate(text)
        total += len(text.split())
        cut_words += sum(len(text[r.start : r.end].split()) for r in ranges)
        touched += bool(ranges)
        reasons.update(r.reason for r in ranges)
    print(
        f"clean articles: {min(limit, len(paths))} texts, {cut_words / max(1, total):.4f} "
        f"of words cut, {touched} texts touched; reasons {dict(reasons.most_common())}"
    )


def main() -> int:
    """Run the benchmark; exit 0 (with a message) when the shared data is absent."""
    parser = argparse.ArgumentParser(description="Measure the boilerplate cleaner.")
    parser.add_argument("-v", "--verbose", metavar="PAGE", help="print line fates for PAGE")
    args = parser.parse_args()
    shared = shared_dir()
    pages_dir = shared / "data" / "news-pages"
    if not pages_dir.is_dir():
        print(f"skipped: shared data not found at {shared} (set DATELINE_SHARED)")
        return 0
    began = time.perf_counter()
    run_pages(pages_dir, args.verbose)
    if (shared / "examples" / "seed-article.txt").is_file():
        run_seed(shared / "examples")
    if (shared / "data" / "polnear" / "dev" / "text").is_dir():
        run_clean_articles(shared / "data" / "polnear")
    print(f"time: {time.perf_counter() - began:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
