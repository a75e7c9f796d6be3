"""Benchmark actors, titles, coreference and speaker attribution on the seed article.

Prints, for each gold person of ``../shared/examples/seed-article.gold.json``: found or
not, titles found against gold titles, and whether the gold descriptions ("the American
diplomat", "the prime minister", "the latter") are linked to that person. Then speaker
accuracy twice: on quotes rebuilt from the gold file (the gold quote text and its
``speaker_mention`` located in the text), and on the quotes `extract_record` finds (a
predicted quote matches a gold one when it covers at least 60% of the gold quote's words).

Usage: ``.venv/bin/python bench/actors.py [--shared PATH]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from dateline.config import DEFAULT_MODEL
from dateline.extract import extract_record
from dateline.extract.actors import extract_actors
from dateline.extract.attribution import attribute_quotes
from dateline.model import Actor, Article, Quote, TextSpan, content_id
from dateline.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]


def gold_quotes(text: str, gold: dict[str, Any]) -> list[tuple[Quote, dict[str, Any]]]:
    """Locate each gold quote and the nearest occurrence of its speaker mention outside it."""
    found: list[tuple[Quote, dict[str, Any]]] = []
    for item in gold["quotes"]:
        start = text.find(item["text"])
        if start < 0:
            continue
        end = start + len(item["text"])
        pattern = rf"(?<!\w){re.escape(item['speaker_mention'])}(?!\w)"
        spots = [
            m for m in re.finditer(pattern, text) if m.end() <= start - 1 or m.start() >= end + 1
        ]
        if not spots:
            continue
        spot = min(spots, key=lambda m: min(abs(m.start() - end), abs(start - m.end())))
        mention = TextSpan(spot.start(), spot.end(), spot.group())
        quote = Quote(
            id=content_id(f"{start}:{end}", prefix="quote:"),
            text=item["text"],
            start=start,
            end=end,
            kind=item["kind"],
            speaker_mention=mention,
        )
        found.append((quote, item))
    return found


def speaker_ok(quote: Quote, item: dict[str, Any]) -> bool:
    """Return whether the quote's speaker name is the gold speaker (or an allowed alias)."""
    names = {item["speaker"].lower(), *(a.lower() for a in item.get("speaker_aliases", []))}
    name = (quote.speaker_name or "").lower()
    return name in names or name.removeprefix("government of ") in names


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def report_people(actors: list[Actor], gold: dict[str, Any]) -> None:
    """Print found/titles/description links per gold person."""
    print("person                 found  titles (found / gold)                         links")
    for person in gold["people"]:
        actor = next((a for a in actors if a.name == person["name"]), None)
        if actor is None:
            print(f"{person['name']:<22} NO")
            continue
        found = {t.lower() for t in actor.titles} | {
            m.text.lower().removeprefix("the ") for m in actor.mentions if m.kind == "description"
        }
        gold_titles = [t.lower().removeprefix("the ") for t in person.get("titles", [])]
        hit = sum(t in found for t in gold_titles)
        texts = {m.text.lower() for m in actor.mentions}
        also = person.get("also_called", [])
        linked = sum(a.lower() in texts for a in also)
        affiliations = person.get("affiliations", [])
        aff = sum(a in actor.affiliations for a in affiliations)
        print(
            f"{person['name']:<22} yes    {hit}/{len(gold_titles)} {list(actor.titles)!s:<36}"
            f" {linked}/{len(also)}"
            + (f"  affiliations {aff}/{len(affiliations)}" if affiliations else "")
        )


def polnear_pronouns(shared: Path, *, docs: int, sample: int, nlp: Any) -> None:
    """Print how many he/she Source spans of PolNeAR train our coreference links to an actor.

    PolNeAR has no coreference gold, so this measures coverage; ``sample`` linked cases are
    printed with their sentence for a reader to judge.
    """
    root = shared / "data" / "polnear" / "train"
    anns = sorted((root / "attributions").glob("*.ann"))
    by_stem: dict[str, Path] = {}
    for ann in anns:  # several annotators: keep the smallest id, as the README says
        stem = ann.stem.rsplit("_", 1)[0]
        if stem not in by_stem or ann.name < by_stem[stem].name:
            by_stem[stem] = ann
    stems = sorted(by_stem)
    step = max(1, len(stems) // docs)
    chosen = stems[::step][:docs]
    texts = [(root / "text" / f"{stem}.txt").read_text(encoding="utf-8") for stem in chosen]
    started = time.perf_counter()
    parsed = list(nlp.pipe(texts))
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    all_actors = [extract_actors(doc) for doc in parsed]
    actor_seconds = time.perf_counter() - started
    total = linked = 0
    shown: list[str] = []
    for stem, text, actors in zip(chosen, texts, all_actors, strict=True):
        owner = {(m.start, m.end): a.name for a in actors for m in a.mentions}
        for line in by_stem[stem].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("Source "):
                continue
            offsets = parts[1].split()[1:]
            if len(offsets) != 2:
                continue
            start, end = int(offsets[0]), int(offsets[1])
            if text[start:end].lower() not in {"he", "she"}:
                continue
            total += 1
            name = owner.get((start, end))
            if name is not None:
                linked += 1
                if len(shown) < sample and total % 7 == 0:
                    context = text[max(0, start - 160) : end + 40].replace("\n", " ")
                    shown.append(f"  {name!r} <- ...{context}...")
    print(
        f"PolNeAR train, {len(chosen)} docs: he/she Source spans linked to a named actor:"
        f" {linked}/{total} ({100 * linked / max(total, 1):.1f}%)"
    )
    print(
        f"  nlp.pipe {parse_seconds:.2f}s, extract_actors {actor_seconds:.2f}s"
        f" ({100 * actor_seconds / parse_seconds:.1f}% of parse time)"
    )
    for line in shown:
        print(line)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--polnear", type=int, default=0, help="PolNeAR train docs to read")
    parser.add_argument("--sample", type=int, default=0, help="linked pronouns to print")
    args = parser.parse_args(argv)
    seed = args.shared / "examples" / "seed-article.txt"
    if not seed.exists():
        print(f"shared data not found at {seed}; pass --shared", file=sys.stderr)
        return 2
    text = seed.read_text(encoding="utf-8")
    gold = json.loads((args.shared / "examples" / "seed-article.gold.json").read_text("utf-8"))
    nlp = load_nlp(DEFAULT_MODEL)
    doc = nlp(text)

    started = time.perf_counter()
    actors = extract_actors(doc)
    elapsed = time.perf_counter() - started
    print(f"actors: {len(actors)} in {elapsed * 1000:.1f} ms")
    report_people(actors, gold)

    pairs = gold_quotes(text, gold)
    quotes, _ = attribute_quotes(doc, [q for q, _ in pairs], actors)
    by_start = {q.start: q for q in quotes}
    right = 0
    for quote, item in pairs:
        predicted = by_start[quote.start]
        ok = speaker_ok(predicted, item)
        right += ok
        if not ok:
            print(
                f"  wrong: {item['speaker_mention']!r} -> {predicted.speaker_name!r}"
                f" (gold {item['speaker']!r})"
            )
    print(
        f"speaker accuracy on gold quote spans: {right}/{len(pairs)}"
        f" (of {len(gold['quotes'])} gold quotes located)"
    )

    article = Article(id="seed", text=text, published=dt.date(2024, 5, 1))
    record = extract_record(doc, article)
    matched = correct = 0
    for item in gold["quotes"]:
        gold_words = _words(item["text"])
        best = max(
            record.quotes,
            key=lambda q: len(gold_words & _words(q.text)),
            default=None,
        )
        if best is None or len(gold_words & _words(best.text)) < 0.6 * len(gold_words):
            continue
        matched += 1
        correct += speaker_ok(best, item)
    if matched:
        print(
            f"extract_record speaker accuracy: {correct}/{matched} matched quotes"
            f" ({len(record.quotes)} predicted, {len(gold['quotes'])} gold)"
        )
    else:
        print(f"extract_record speaker accuracy: n/a ({len(record.quotes)} quotes predicted)")
    if args.polnear:
        polnear_pronouns(args.shared, docs=args.polnear, sample=args.sample, nlp=nlp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
