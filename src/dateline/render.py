"""Human-readable views of an `ArticleRecord` for the terminal (``--format table``).

Plain text, fixed-width columns, no colour: it reads the same in a terminal, a log or a
pasted bug report. The functions return strings; only the CLI prints.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence

from dateline.model import Actor, ArticleRecord, Event

__all__ = ["render_record", "render_table"]

_QUOTE_WIDTH = 72
# Events resting on a loose verb-class default score 0.3-0.35: too weak for a chronology.
_CHRONOLOGY_CONFIDENCE = 0.45


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Return ``rows`` as a fixed-width table with a header line."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
    return "\n".join(lines)


def _actor_rows(actors: Iterable[Actor]) -> list[list[str]]:
    return [
        [
            actor.name,
            "; ".join(actor.titles) or "-",
            "; ".join(actor.affiliations) or "-",
            str(len(actor.mentions)),
        ]
        for actor in actors
    ]


def render_record(record: ArticleRecord) -> str:
    """Return a readable summary of one article: header, people, quotes, events, places."""
    article = record.document
    parts: list[str] = []
    parts.append(article.headline or _clip(article.text, 80))
    if article.standfirst:
        parts.append(textwrap.fill(article.standfirst, 100))
    facts = [
        f"source: {article.source}" if article.source else None,
        f"outlet: {article.outlet}" if article.outlet else None,
        f"by {article.byline}" if article.byline else None,
        f"published {article.published.isoformat()}" if article.published else "published: unknown",
        f"language: {article.language}" if article.language else None,
        f"{len(article.text.split()):,} words",
        f"{len(article.removed)} boilerplate spans removed" if article.removed else None,
    ]
    parts.append(" | ".join(fact for fact in facts if fact))
    headers = ["name", "titles", "affiliations", "mentions"]
    people = [a for a in record.actors if a.type == "person"]
    if people:
        parts.append(f"\nPeople ({len(people)})\n" + render_table(_actor_rows(people), headers))
    others = [a for a in record.actors if a.type != "person"]
    if others:
        rows = [[a.type, *row] for a, row in zip(others, _actor_rows(others), strict=True)]
        parts.append(
            f"\nOrganisations and other actors ({len(others)})\n"
            + render_table(rows, ["type", *headers])
        )
    if record.quotes:
        titles = {actor.id: "; ".join(actor.titles[:1]) for actor in record.actors}
        rows = [
            [
                quote.speaker_name or "?",
                titles.get(quote.speaker or "", "") or "-",
                quote.kind,
                "“" + _clip(quote.text, _QUOTE_WIDTH) + "”",
                quote.cue.text if quote.cue else "-",
            ]
            for quote in record.quotes
        ]
        parts.append(
            f"\nWho said what ({len(record.quotes)} quotes)\n"
            + render_table(rows, ["speaker", "title", "kind", "quote", "cue"])
        )
    if record.events:
        parts.append(_render_events(record))
    if record.places:
        seen: dict[str, str] = {}
        for place in record.places:
            where = (
                f"{place.latitude:.2f},{place.longitude:.2f} {place.country or ''}".strip()
                if place.latitude is not None and place.longitude is not None
                else "not geocoded"
            )
            seen.setdefault(place.name, where)
        rows = [[name, where] for name, where in seen.items()]
        parts.append(f"\nPlaces ({len(seen)})\n" + render_table(rows, ["place", "where"]))
    return "\n".join(parts) + "\n"


def _render_events(record: ArticleRecord) -> str:
    """Return a chronology (dated or planned events with an actor), then every event."""
    names = {actor.id: actor.name for actor in record.actors}
    places = {place.id: place.name for place in record.places}
    dates = {date.id: date.value for date in record.dates}

    def when(event: Event) -> str:
        return dates.get(event.date or "") or "-"

    def row(event: Event) -> list[str]:
        return [
            when(event),
            event.type + (f"/{event.mode}" if event.mode else ""),
            ", ".join(names.get(a, a) for a in event.actors) or "-",
            ", ".join(names.get(r, r) for r in event.recipients) or "-",
            places.get(event.place or "", "") or "-",
            event.status,
            _clip(event.trigger.text, 30),
        ]

    headers = ["date", "type", "who", "with/to whom", "where", "status", "trigger"]
    in_order = sorted(record.events, key=lambda e: (when(e) == "-", when(e), e.trigger.start))
    chronology = [
        e
        for e in in_order
        if e.actors
        and e.confidence >= _CHRONOLOGY_CONFIDENCE
        and (when(e) != "-" or e.status == "planned")
    ]
    text = ""
    if chronology:
        text += f"\nChronology ({len(chronology)} dated or planned events)\n"
        text += render_table([row(e) for e in chronology], headers) + "\n"
    text += f"\nAll events ({len(record.events)})\n"
    return text + render_table([row(e) for e in in_order], headers)
