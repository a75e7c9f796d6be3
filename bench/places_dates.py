"""Benchmark the date and place stages: seed acceptance, gold recall and per-article cost.

Prints, for the seed article (published 2024-05-01): each expected date expression with the
value found; the distance from each geocoded seed place to its true position; the recall of
the gold place list. Then the time `extract_places` + `extract_dates` take per article
against the time of ``nlp(text)`` on the seed and on PolNeAR dev texts (published dates come
from the file names), and what the stages found there.

Usage: .venv/bin/python bench/places_dates.py [--dev N] [--shared PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.config import DEFAULT_MODEL
from dateline.extract.dates import extract_dates
from dateline.extract.gazetteer import fold, load_gazetteer
from dateline.extract.places import extract_places
from dateline.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]
SEED_PUBLISHED = dt.date(2024, 5, 1)
EXPECTED_DATES = {
    "on Wednesday": "2024-05-01",
    "on Monday": "2024-04-29",
    "on Tuesday": "2024-04-30",
    "October 7": "2023-10-07",
    "Earlier on Wednesday": "2024-05-01",
    "later on Wednesday": "2024-05-01",
}
EXPECTED_COORDINATES = {
    "Jerusalem": (31.77, 35.22),
    "Tel Aviv": (32.08, 34.78),
    "Riyadh": (24.69, 46.72),
    "Cairo": (30.04, 31.24),
    "The Hague": (52.08, 4.30),
    "Rafah": (31.29, 34.25),
    "Gaza Strip": (31.42, 34.36),
}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def seed_report(nlp: Any, shared: Path) -> None:
    """Print the seed's date resolutions, place distances and gold place recall."""
    text = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "examples" / "seed-article.gold.json").read_text("utf-8"))
    doc = nlp(text)
    dates = extract_dates(doc, SEED_PUBLISHED)
    print("== seed dates (published 2024-05-01)")
    correct = total = 0
    for expression, expected in EXPECTED_DATES.items():
        found = [d for d in dates if d.text == expression or d.text.endswith(" " + expression)]
        for date in found or [None]:
            total += 1
            value = date.value if date else None
            ok = value == expected
            correct += ok
            where = f"@{date.start} {date.text!r}" if date else "not found"
            print(
                f"  {'ok ' if ok else 'BAD'} {expression!r:24} {where:32} {value} (want {expected})"
            )
    print(f"  dates correct: {correct}/{total}")
    places = extract_places(doc)
    print("== seed places: distance to true position")
    worst = 0.0
    for name, true in EXPECTED_COORDINATES.items():
        mentions = [p for p in places if p.text == name]
        for place in mentions or [None]:
            if place is None or place.latitude is None or place.longitude is None:
                print(f"  BAD {name:12} not geocoded")
                worst = math.inf
                continue
            distance = km((place.latitude, place.longitude), true)
            worst = max(worst, distance)
            print(
                f"  {'ok ' if distance < 25 else 'BAD'} {name:12} @{place.start:<5} "
                f"{place.name} {place.country} ({place.latitude:.3f}, {place.longitude:.3f}) "
                f"{distance:6.1f} km conf {place.confidence}"
            )
    print(f"  worst distance: {worst:.1f} km")
    found = {fold(p.text) for p in places}
    missing = [name for name in gold["places"] if fold(name) not in found]
    recall = 1 - len(missing) / len(gold["places"])
    print(
        f"  gold place recall: {recall:.3f} ({len(gold['places']) - len(missing)}/"
        f"{len(gold['places'])}) missing: {missing}"
    )
    geocoded = sum(p.latitude is not None for p in places)
    print(f"  place mentions: {len(places)}, geocoded: {geocoded}")


def dev_texts(shared: Path, limit: int) -> list[tuple[str, dt.date | None]]:
    """Return up to ``limit`` PolNeAR dev texts with the date their file name carries."""
    folder = shared / "data" / "polnear" / "dev" / "text"
    texts = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        parts = path.stem.split("_")
        published = dt.date.fromisoformat(parts[1]) if len(parts) > 1 else None
        texts.append((path.read_text(encoding="utf-8"), published))
    return texts


def timing_report(nlp: Any, texts: list[tuple[str, dt.date | None]], label: str) -> None:
    """Print the per-article time of nlp(text) and of the two stages, and what they found."""
    nlp_time = stage_time = 0.0
    characters = 0
    precisions: Counter[str] = Counter()
    places = geocoded = 0
    for text, published in texts:
        characters += len(text)
        start = time.perf_counter()
        doc = nlp(text)
        middle = time.perf_counter()
        found_places = extract_places(doc)
        found_dates = extract_dates(doc, published)
        end = time.perf_counter()
        nlp_time += middle - start
        stage_time += end - middle
        places += len(found_places)
        geocoded += sum(p.latitude is not None for p in found_places)
        precisions.update(d.precision for d in found_dates)
    count = len(texts)
    speed = nlp_time / (nlp_time + stage_time)
    print(f"== timing: {label} ({count} articles, {characters / count:.0f} chars each)")
    print(f"  nlp(text): {1000 * nlp_time / count:8.1f} ms/article")
    print(f"  places+dates: {1000 * stage_time / count:8.1f} ms/article")
    print(f"  pipeline speed with these stages: {speed:.3f} x bare nlp")
    print(f"  place mentions: {places}, geocoded {geocoded} ({geocoded / max(places, 1):.0%})")
    resolved = sum(v for k, v in precisions.items() if k != "vague")
    print(f"  date mentions by precision: {dict(precisions)}; non-vague {resolved}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=int, default=12, help="PolNeAR dev texts to time")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    nlp = load_nlp(DEFAULT_MODEL)
    start = time.perf_counter()
    cpu = time.process_time()
    load_gazetteer()
    print(
        f"gazetteer load (once per process): {time.perf_counter() - start:.2f} s wall, "
        f"{time.process_time() - cpu:.2f} s CPU"
    )
    seed_path = args.shared / "examples" / "seed-article.txt"
    if seed_path.exists():
        seed_report(nlp, args.shared)
        seed_text = seed_path.read_text(encoding="utf-8")
        timing_report(nlp, [(seed_text, SEED_PUBLISHED)] * 3, "seed x3")
    else:
        print(f"no seed at {seed_path}: skipped")
    dev = dev_texts(args.shared, args.dev) if (args.shared / "data").exists() else []
    if dev:
        timing_report(nlp, dev, "PolNeAR dev")
    else:
        print("no PolNeAR dev texts: timing on them skipped")


if __name__ == "__main__":
    main()
