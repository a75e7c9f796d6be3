"""Benchmark quote and reported-speech extraction: the seed article and PolNeAR dev.

Prints, for the seed article (``../shared/examples``): gold quotes found (a gold quote is
found when one predicted quote covers at least 60% of its words), precision (a predicted
quote is right when it finds a gold quote or lies for 60% of its words inside one), whether
any quote starts in the boilerplate, and speaker accuracy from the full
`dateline.extract.extract_record` output (gold ``speaker`` or one of its ``speaker_aliases``
equals the predicted ``speaker_name``).

Then, for PolNeAR dev (``../shared/data/polnear/dev``): writes Dateline's quotes as the
scorer's JSONL (content = quote span, source = speaker mention, cue = cue) and runs
``../shared/tools/polnear_eval.py`` on all attributions (a split quote, two Dateline quotes
sharing speaker mention and cue in one paragraph, is written as one attribution with a
discontinuous content, which is how PolNeAR annotates it) and on ``--subset quoted``, printing
content/source/cue/triple F1 (exact and overlap) and the commands it ran.

Last, over the 26 saved news pages (no gold), it counts quotes by the type of their speaker
(person, organisation, document, …, or none); ``--pages-detail`` lists each quote.

Usage: ``.venv/bin/python bench/quotes.py [--skip-polnear] [--skip-pages] [--pages-detail]
[--keep JSONL]``.
Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
WORD_RE = re.compile(r"\w+")
FOUND_SHARE = 0.6


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def _coverage(text: str, outer: tuple[int, int], inner: tuple[int, int]) -> float:
    """Share of ``inner``'s words that lie inside ``outer``."""
    total = len(_words(text[inner[0] : inner[1]]))
    if not total:
        return 0.0
    start, end = max(outer[0], inner[0]), min(outer[1], inner[1])
    if start >= end:
        return 0.0
    return len(_words(text[start:end])) / total


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    start = text.find(needle)
    return None if start < 0 else (start, start + len(needle))


def bench_seed(nlp: Any) -> None:
    """Print seed recall, precision, boilerplate and speaker accuracy."""
    from dateline.extract import extract_record
    from dateline.model import Article

    text = (SHARED / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((SHARED / "examples" / "seed-article.gold.json").read_text("utf-8"))
    article = Article(
        id="seed", text=text, published=dt.date.fromisoformat(gold["publication_date"])
    )
    record = extract_record(nlp(text), article)
    quotes = record.quotes
    found = required_found = speaker_right = mention_right = 0
    right_predictions: set[str] = set()
    required = [q for q in gold["quotes"] if not q.get("optional")]
    misses: list[str] = []
    for gold_quote in gold["quotes"]:
        span = _locate(text, gold_quote["text"])
        if span is None:
            misses.append(f"(gold text not in article) {gold_quote['text'][:50]}")
            continue
        match = max(quotes, key=lambda q: _coverage(text, (q.start, q.end), span), default=None)
        if match is None or _coverage(text, (match.start, match.end), span) < FOUND_SHARE:
            if not gold_quote.get("optional"):
                misses.append(gold_quote["text"][:60])
            continue
        found += 1
        required_found += not gold_quote.get("optional")
        right_predictions.add(match.id)
        names = {gold_quote["speaker"], *gold_quote.get("speaker_aliases", [])}
        speaker_right += match.speaker_name in names
        mention = match.speaker_mention.text if match.speaker_mention else ""
        mention_right += gold_quote["speaker_mention"] in mention
    gold_spans = [s for q in gold["quotes"] if (s := _locate(text, q["text"])) is not None]
    for quote in quotes:
        if any(
            _coverage(text, span, (quote.start, quote.end)) >= FOUND_SHARE for span in gold_spans
        ):
            right_predictions.add(quote.id)
    boiler = [q for q in quotes if q.start >= gold["boilerplate_starts_at"]]
    print("== seed article")
    total, right = len(gold["quotes"]), len(right_predictions)
    print(f"gold quotes found: {found}/{total}  (required: {required_found}/{len(required)})")
    print(f"precision: {right}/{len(quotes)} = {right / max(1, len(quotes)):.3f}")
    print(f"speaker accuracy (speaker_name vs gold speaker/aliases): {speaker_right}/{found}")
    print(f"speaker mention contains gold mention: {mention_right}/{found}")
    print(f"quotes in boilerplate: {len(boiler)}")
    for miss in misses:
        print(f"  missed: {miss}")
    for quote in quotes:
        if quote.id not in right_predictions:
            print(f"  not in gold: [{quote.kind}] {quote.text[:70]!r}")


def _attributions(text: str, quotes: list[Any]) -> list[dict[str, Any]]:
    """Map quotes to the scorer's attributions.

    Dateline keeps a split quote (“A,” he said, “B.”) as two quotes with one speaker mention
    and cue; PolNeAR annotates it as one attribution with a discontinuous content. So quotes
    of one paragraph that share their speaker-mention and cue spans become one attribution
    whose content lists their spans.
    """
    merged: list[dict[str, Any]] = []
    last_key: tuple[Any, ...] | None = None
    for quote in quotes:
        source = (
            [quote.speaker_mention.start, quote.speaker_mention.end]
            if quote.speaker_mention
            else None
        )
        cue = [quote.cue.start, quote.cue.end] if quote.cue else None
        key = (tuple(source or ()), tuple(cue or ()))
        same_paragraph = (
            bool(merged) and "\n" not in text[merged[-1]["content"][-1][1] : quote.start]
        )
        if merged and key == last_key and cue is not None and same_paragraph:
            merged[-1]["content"].append([quote.start, quote.end])
            continue
        merged.append({"content": [[quote.start, quote.end]], "source": source, "cue": cue})
        last_key = key
    return merged


def _write_polnear_jsonl(nlp: Any, split: Path, out: Path) -> tuple[int, float, float]:
    """Run extraction over a PolNeAR split; return documents, parse and extract seconds."""
    from dateline.extract.quotes import extract_quotes

    paths = sorted((split / "text").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parsed = time.perf_counter()
    lines = [
        json.dumps({"doc": path.stem, "attributions": _attributions(doc.text, extract_quotes(doc))})
        for path, doc in zip(paths, docs, strict=True)
    ]
    extracted = time.perf_counter()
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(paths), parsed - began, extracted - parsed


def _score(command: list[str]) -> dict[str, Any]:
    print("$ " + " ".join(command))
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    json_path = command[command.index("--json") + 1]
    scores: dict[str, Any] = json.loads(Path(json_path).read_text(encoding="utf-8"))
    return scores


def bench_polnear(nlp: Any, keep: Path | None) -> None:
    """Print PolNeAR dev scores for all attributions and for the quoted subset."""
    split = SHARED / "data" / "polnear" / "dev"
    tool = SHARED / "tools" / "polnear_eval.py"
    if not split.exists() or not tool.exists():
        print(f"PolNeAR dev or scorer not available under {SHARED}: skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        system = keep or Path(tmp) / "dateline-dev.jsonl"
        docs, parse_s, extract_s = _write_polnear_jsonl(nlp, split, system)
        print(
            f"== PolNeAR dev: {docs} documents; nlp.pipe {parse_s:.1f}s, extract_quotes "
            f"{extract_s:.2f}s (throughput {parse_s / (parse_s + extract_s):.2f}x bare nlp.pipe)"
        )
        for subset in ("all", "quoted"):
            out = Path(tmp) / f"scores-{subset}.json"
            command = [
                sys.executable,
                str(tool),
                str(split),
                str(system),
                "--annotator-policy",
                "first",
                "--subset",
                subset,
                "--json",
                str(out),
            ]
            scores = _score(command)
            counts = scores["counts"]
            print(f"-- subset={subset}: pred={counts['pred']} gold={counts['gold']}")
            for mode in ("exact", "overlap", "any"):
                row = scores[mode]
                cells = "  ".join(
                    f"{role} P={row[role]['p']:.3f} R={row[role]['r']:.3f} F1={row[role]['f1']:.3f}"
                    for role in ("content", "source", "cue", "triple")
                )
                print(f"{mode:8s} {cells}")


def bench_pages(*, detail: bool = False) -> None:
    """Print, over the saved news pages, how many quotes get a speaker and of what type.

    The pages have no gold quotes: these counts show where attribution stands (a quote
    whose speaker is "unknown" or missing is one a reader would have to resolve), and
    ``--pages-detail`` lists every quote with its speaker mention and speaker for reading.
    """
    from collections import Counter

    from dateline.model import ArticleRecord
    from dateline.pipeline import Pipeline

    pages = sorted((SHARED / "data" / "news-pages").glob("*/source.html"))
    types: Counter[str] = Counter()
    quotes = 0
    for page, result in zip(pages, Pipeline().run(str(p) for p in pages), strict=True):
        if not isinstance(result, ArticleRecord):
            print(f"  {page.parent.name}: {result}")
            continue
        actor_type = {actor.id: actor.type for actor in result.actors}
        for quote in result.quotes:
            quotes += 1
            types[actor_type.get(quote.speaker or "", "no speaker")] += 1
            if detail:
                mention = quote.speaker_mention.text if quote.speaker_mention else "-"
                print(
                    f"  {page.parent.name:18s} [{mention[:40]}] -> {quote.speaker_name or '?'}"
                    f" | {quote.text[:60]!r}"
                )
    print(f"== news pages: {len(pages)} pages, {quotes} quotes")
    print("speaker types: " + ", ".join(f"{k} {v}" for k, v in types.most_common()))


def main() -> int:
    """Run the benchmark; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-polnear", action="store_true")
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the PolNeAR system JSONL here")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument("--pages-detail", action="store_true", help="list every page quote")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"shared data not found at {SHARED}: nothing to measure")
        return 0
    from dateline.config import DEFAULT_MODEL
    from dateline.nlp import load_nlp

    nlp = load_nlp(DEFAULT_MODEL)
    if not args.skip_seed:
        bench_seed(nlp)
    if not args.skip_polnear:
        bench_polnear(nlp, args.keep)
    if not args.skip_pages:
        bench_pages(detail=args.pages_detail)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
