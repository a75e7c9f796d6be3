"""Benchmark of event coding: seed meetings/visits, PLOVER dev accuracy, and speed.

Run from the repository root::

    .venv/bin/python bench/events.py [--shared ../shared] [--errors]

Prints:

- the seed article's CONSULT events (meetings and visits) with status, place and date, and
  which gold meetings/visits were found (both participants among an event's actors and
  recipients, same status);
- on the PLOVER gold dev sentences (``plover/gsr-dev.jsonl``): event type accuracy of the
  main event (`dateline.extract.events.main_event`: the event nearest the parse root, ties to
  confidence), a confusion summary, and source/target actor recall (a gold actor text is
  found when a mention of one of the main event's actors/recipients overlaps it);
- the per-article time of `extract_events` against ``nlp(text)`` over the seed article and
  the shared news pages' expected text;
- with ``--survey``, precision on real text: events per article, ``unknown``-typed actors per
  article and the actors event coding added (by type) over the news pages
  (``news-pages/*/source.html``, through the full pipeline) and the PolNeAR dev texts;
  ``--errors`` then also lists the added actors and the weak events (confidence ≤ 0.45).

Every article goes through `dateline.extract.extract_record`, as the pipeline runs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.config import DEFAULT_MODEL
from dateline.extract import extract_record
from dateline.extract.actors import extract_actors
from dateline.extract.events import extract_events, main_event
from dateline.extract.places import extract_places
from dateline.extract.plover import normalise_plover_type
from dateline.model import Actor, Article, ArticleRecord
from dateline.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]


def _mentions_of(record: ArticleRecord, actor_ids: tuple[str, ...]) -> list[tuple[int, int]]:
    by_id: dict[str, Actor] = {actor.id: actor for actor in record.actors}
    return [(m.start, m.end) for a in actor_ids if a in by_id for m in by_id[a].mentions]


def _names(record: ArticleRecord, actor_ids: tuple[str, ...]) -> list[str]:
    by_id = {actor.id: actor.name for actor in record.actors}
    return [by_id.get(a, a) for a in actor_ids]


FALLBACKS: Counter[str] = Counter()


def _record(nlp: Any, article: Article) -> ArticleRecord:
    """Run `extract_record`; when another stage fails, run actors/places/events alone.

    Stages are being rewritten in parallel; a crash elsewhere must not hide event numbers,
    so the fallback is counted and printed at the end.
    """
    doc = nlp(article.text)
    try:
        return extract_record(doc, article)
    except Exception as exc:
        FALLBACKS[f"{type(exc).__name__}"] += 1
    actors = extract_actors(doc)
    places = extract_places(doc)
    events, actors = extract_events(
        doc, actors=actors, places=places, dates=[], published=article.published
    )
    return ArticleRecord(
        document=article, actors=tuple(actors), events=tuple(events), places=tuple(places)
    )


def seed_report(nlp: Any, shared: Path) -> None:
    text = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "examples" / "seed-article.gold.json").read_text("utf-8"))
    article = Article(id="seed", text=text, published=dt.date(2024, 5, 1))
    record = _record(nlp, article)
    places = {p.id: p.text for p in record.places}
    dates = {d.id: f"{d.text}={d.value}" for d in record.dates}
    print("== seed article: CONSULT events (meetings, visits)")
    for event in record.events:
        if event.type != "CONSULT":
            continue
        print(
            f"  {event.trigger.text!r:14} {event.status:9} mode={event.mode} "
            f"actors={_names(record, event.actors)} recipients={_names(record, event.recipients)} "
            f"place={places.get(event.place or '', event.place)} "
            f"date={dates.get(event.date or '', event.date)}"
        )
    print("== seed article: other events")
    counts = Counter((e.type, e.status) for e in record.events if e.type != "CONSULT")
    print("  " + ", ".join(f"{t}/{s}:{n}" for (t, s), n in sorted(counts.items())))
    wanted = [(m["participants"], m["status"]) for m in gold["meetings"]]
    wanted += [([v["who"], v["place"]], v["status"]) for v in gold["visits"]]
    hits = 0
    for names, status in wanted:
        surnames = [n.split()[-1].lower() for n in names]
        ok = False
        for event in record.events:
            if event.type != "CONSULT" or event.status != status:
                continue
            words = " ".join(
                _names(record, event.actors)
                + _names(record, event.recipients)
                + [places.get(event.place or "", "")]
            ).lower()
            if all(s in words for s in surnames):
                ok = True
                break
        hits += ok
        print(f"  gold {' + '.join(names)!s:60} {status:8} {'FOUND' if ok else 'missing'}")
    print(f"  seed meetings/visits found: {hits}/{len(wanted)}")


def _overlaps(text: str, needle: str, spans: list[tuple[int, int]]) -> bool:
    """Return True when the gold actor text overlaps one of ``spans``.

    Gold actor texts may elide words ("U.S. ... negotiators") or carry doubled spaces; each
    contiguous part is looked up with flexible whitespace. A gold text that is not in the
    sentence at all ("French warships" for "French and Egyptian warships") matches when its
    words all occur inside the predicted mentions.
    """
    parts = [p.strip() for p in needle.split("...") if p.strip()]
    found_any = False
    for part in parts:
        pattern = r"\s+".join(re.escape(word) for word in part.split())
        for match in re.finditer(pattern, text):
            found_any = True
            if any(s < match.end() and match.start() < e for s, e in spans):
                return True
    if found_any:
        return False
    covered = " ".join(text[s:e] for s, e in spans).split()
    return bool(parts) and all(w in covered for p in parts for w in p.split())


def plover_report(nlp: Any, shared: Path, *, errors: bool) -> None:
    rows = [
        json.loads(line)
        for line in (shared / "data" / "plover" / "gsr-dev.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    correct = 0
    confusion: Counter[tuple[str, str]] = Counter()
    source_hit = source_all = target_hit = target_all = 0
    for row in rows:
        text = row["text"]
        gold_type = normalise_plover_type(row["event"])
        record = _record(nlp, Article(id=row["id"], text=text))
        event = main_event(record.events, nlp(text)) if record.events else None
        predicted = event.type if event is not None else "NONE"
        correct += predicted == gold_type
        confusion[(gold_type, predicted)] += 1
        actor_spans = _mentions_of(record, event.actors) if event else []
        target_spans = _mentions_of(record, event.recipients + event.actors) if event else []
        for source in row.get("source") or []:
            source_all += 1
            source_hit += _overlaps(text, source["actorText"], actor_spans)
        for target in row.get("target") or []:
            target_all += 1
            target_hit += _overlaps(text, target["actorText"], target_spans)
        if errors and predicted != gold_type:
            print(f"  [{gold_type}->{predicted}] {text[:160]}")
    print(f"== PLOVER dev ({len(rows)} sentences)")
    print(f"  event type accuracy (main event): {correct / len(rows):.3f} ({correct}/{len(rows)})")
    print(
        f"  source actor recall: {source_hit / max(1, source_all):.3f} ({source_hit}/{source_all})"
    )
    print(
        f"  target actor recall: {target_hit / max(1, target_all):.3f} ({target_hit}/{target_all})"
    )
    print("  confusions (gold -> predicted: count):")
    for (gold, predicted), count in confusion.most_common():
        if gold != predicted:
            print(f"    {gold} -> {predicted}: {count}")


def _visible_text(page: Path) -> str:
    raw = (page / "expected.html").read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"(?s)<(script|style).*?</\1>", " ", raw)
    raw = re.sub(r"(?i)</?(p|div|h\d|li|br)[^>]*>", "\n", raw)
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def speed_report(nlp: Any, shared: Path) -> None:
    texts = [(shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")]
    pages = shared / "data" / "news-pages"
    texts += [_visible_text(p) for p in sorted(pages.iterdir()) if (p / "expected.html").exists()]
    parse_time = events_time = 0.0
    n_events = 0
    for _ in range(2):  # the first round warms caches (lexicon load)
        parse_time = events_time = 0.0
        n_events = 0
        for text in texts:
            start = time.perf_counter()
            doc = nlp(text)
            parse_time += time.perf_counter() - start
            actors = extract_actors(doc)
            start = time.perf_counter()
            events, _ = extract_events(doc, actors=actors, places=[], dates=[], published=None)
            events_time += time.perf_counter() - start
            n_events += len(events)
    n = len(texts)
    print(f"== speed over {n} articles ({n_events} events)")
    print(f"  nlp(text): {1000 * parse_time / n:.1f} ms/article")
    print(f"  extract_events: {1000 * events_time / n:.1f} ms/article")
    print(f"  events / parse: {events_time / parse_time:.3f}")


def survey_report(shared: Path, *, errors: bool) -> None:
    from dateline.pipeline import Pipeline

    pages = sorted(str(p) for p in (shared / "data" / "news-pages").glob("*/source.html"))
    texts = sorted(str(p) for p in (shared / "data" / "polnear" / "dev" / "text").glob("*.txt"))
    pipeline = Pipeline()
    for label, targets in (("news pages", pages), ("PolNeAR dev", texts)):
        articles = events = unknown = 0
        added: Counter[tuple[str, str]] = Counter()
        weak: list[str] = []
        for result in pipeline.run(targets):
            if not isinstance(result, ArticleRecord):
                continue  # not English, or unreadable: the pipeline says why elsewhere
            articles += 1
            events += len(result.events)
            unknown += sum(actor.type == "unknown" for actor in result.actors)
            before = {a.id for a in extract_actors(pipeline.nlp(result.document.text))}
            added.update((a.type, a.name) for a in result.actors if a.id not in before)
            weak += [
                f"{e.type}/{e.trigger.text}/{e.confidence} actors={_names(result, e.actors)} "
                f"| {e.sentence.text[:120]!r}"
                for e in result.events
                if e.confidence <= 0.45
            ]
        n = max(1, articles)
        print(f"== survey: {label} ({articles} articles)")
        print(f"  events per article: {events / n:.2f} ({events})")
        print(f"  unknown-typed actors per article: {unknown / n:.2f} ({unknown})")
        by_type = Counter(type_ for type_, _ in added.elements())
        summary = dict(sorted(by_type.items()))
        print(f"  actors added after the actor stage (quotes, events): {summary}")
        print(f"  weak events (confidence <= 0.45): {len(weak)}")
        if errors:
            for (type_, name), count in added.most_common():
                print(f"    added {type_:12} {count}x {name}")
            for line in weak:
                print(f"    weak {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="print misclassified sentences")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--survey", action="store_true", help="precision survey on real text")
    args = parser.parse_args()
    if not args.shared.exists():
        print(f"shared data not found at {args.shared}; pass --shared")
        return
    nlp = load_nlp(DEFAULT_MODEL)
    seed_report(nlp, args.shared)
    plover_report(nlp, args.shared, errors=args.errors)
    if not args.skip_speed:
        speed_report(nlp, args.shared)
    if args.survey:
        survey_report(args.shared, errors=args.errors)
    if FALLBACKS:
        print(f"NOTE: extract_record failed in another stage, events run alone: {dict(FALLBACKS)}")


if __name__ == "__main__":
    main()
