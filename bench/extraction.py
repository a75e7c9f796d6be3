"""Benchmark HTML extraction on the shared news pages: body word recall/precision, metadata.

Reads ``../shared/data/news-pages/*/`` (or ``$DATELINE_SHARED/data/news-pages``): each page's
``source.html`` goes through ``dateline.ingest.html.extract_html`` and is scored against the
article a careful reader keeps (``expected.html``) and ``expected-metadata.json``.

Body scores are bag-of-words: lowercase ``\\w+`` tokens, multiset intersection;
recall = |pred ∩ gold| / |gold|, precision = |pred ∩ gold| / |pred|. Metadata agrees when
title matches after case/whitespace normalisation, byline shares a name token, and the
date falls on the same calendar day. A field the expected metadata lacks is not scored.

Run: ``.venv/bin/python bench/extraction.py``. The helpers (``word_counts``,
``bag_scores``, ``html_to_text``, ``shared_dir``) are importable by the other benchmarks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html

from dateline.errors import HTMLError
from dateline.ingest.html import extract_html

__all__ = [
    "bag_scores",
    "byline_agrees",
    "date_agrees",
    "html_scores",
    "html_to_text",
    "main",
    "shared_dir",
    "strip_outlet",
    "title_agrees",
    "word_counts",
]

_WORD = re.compile(r"\w+")
# Readability (which wrote expected-metadata.json) keeps these in bylines; they name no one.
# seattletimes-1's "byline" is only a date: month names count as noise too.
_BYLINE_NOISE = {"by", "and", "updated", "at", "am", "pm"} | {
    month.lower() for month in calendar.month_name if month
}


def shared_dir() -> Path:
    """Return the shared data folder: ``$DATELINE_SHARED`` or ``../shared`` next to the repo."""
    env = os.environ.get("DATELINE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def word_counts(text: str) -> Counter[str]:
    """Return the multiset of lowercase ``\\w+`` tokens of ``text``."""
    return Counter(match.group(0).lower() for match in _WORD.finditer(text))


def bag_scores(predicted: str, gold: str) -> tuple[float, float]:
    """Return (recall, precision) of ``predicted`` against ``gold`` as bags of words.

    An empty side scores 0 on the ratio that divides by it (and 1 if both are empty).
    """
    pred, want = word_counts(predicted), word_counts(gold)
    if not pred and not want:
        return 1.0, 1.0
    common = sum((pred & want).values())
    recall = common / sum(want.values()) if want else 0.0
    precision = common / sum(pred.values()) if pred else 0.0
    return recall, precision


def html_to_text(html: str) -> str:
    """Return the text content of an HTML fragment (the expected article), block-separated."""
    tree = lxml.html.fromstring(html)
    for block in tree.iter("p", "div", "h1", "h2", "h3", "h4", "li", "br", "figcaption"):
        block.tail = "\n" + (block.tail or "")
    return str(tree.text_content())


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def title_agrees(
    predicted: str | None, expected: str | None, *, outlet: str | None = None
) -> bool | None:
    """Whether two titles agree after case/whitespace normalisation (None: not scored).

    With ``outlet``, an expected title that still carries the outlet's name ("… - Breitbart")
    also agrees with the same headline without it, which is what extract_html is specified
    to return.
    """
    if not expected:
        return None
    if predicted is None:
        return False
    wanted = {_norm(expected)}
    if outlet:
        wanted.add(_norm(strip_outlet(expected, outlet)))
    return _norm(predicted) in wanted


def strip_outlet(title: str, outlet: str) -> str:
    """Remove a leading or trailing " - Outlet" / " | Outlet" part naming ``outlet``."""
    key = _squash(outlet)
    for separator in (" | ", " - ", " — ", " – "):
        head, _, tail = title.rpartition(separator)
        if head and key and _squash(tail) in (key, key.removeprefix("the")):
            return head
        tail_first, _, rest = title.partition(separator)
        if rest and key and _squash(tail_first) in (key, key.removeprefix("the")):
            return rest
    return title


def _squash(text: str) -> str:
    return "".join(word_counts(text).elements())


def byline_agrees(predicted: str | None, expected: str | None) -> bool | None:
    """Whether two bylines share a name token (None when the expected one names no one)."""
    want = {t for t in word_counts(expected or "") if t not in _BYLINE_NOISE and not t.isdigit()}
    if not want:
        return None
    got = set(word_counts(predicted or ""))
    return bool(want & got)


def date_agrees(predicted: dt.date | None, expected: str | None) -> bool | None:
    """Whether ``predicted`` falls on the calendar day of the ISO-ish ``expected`` time."""
    if not expected:
        return None
    return predicted is not None and predicted.isoformat() == expected[:10]


def html_scores(pages_dir: Path) -> list[dict[str, Any]]:
    """Extract and score every page folder under ``pages_dir``.

    Args:
        pages_dir: a folder of page folders, each with ``source.html``, ``expected.html`` and
            ``expected-metadata.json``.

    Returns:
        One dict per page: page, recall, precision, title_ok, byline_ok, date_ok (None when
        the expected metadata lacks the field), seconds, and error (the HTMLError text, if any).
    """
    rows: list[dict[str, Any]] = []
    for page in sorted(p for p in pages_dir.iterdir() if (p / "source.html").exists()):
        source = (page / "source.html").read_text(encoding="utf-8", errors="replace")
        gold = html_to_text((page / "expected.html").read_text(encoding="utf-8"))
        meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        started = time.perf_counter()
        row: dict[str, Any] = {"page": page.name, "error": None}
        try:
            content = extract_html(source, source=str(page / "source.html"))
        except HTMLError as exc:
            row.update(recall=0.0, precision=0.0, title_ok=False, byline_ok=False, error=str(exc))
            row["date_ok"] = False if meta.get("publishedTime") else None
        else:
            recall, precision = bag_scores(content.body, gold)
            row.update(
                recall=recall,
                precision=precision,
                title_ok=title_agrees(
                    content.title, meta.get("title"), outlet=meta.get("siteName")
                ),
                byline_ok=byline_agrees(content.byline, meta.get("byline")),
                date_ok=date_agrees(content.published, meta.get("publishedTime")),
                title=content.title,
                byline=content.byline,
                published=content.published,
            )
        row["seconds"] = time.perf_counter() - started
        rows.append(row)
    return rows


def _flag(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "NO")


def _agreement(rows: list[dict[str, Any]], key: str) -> str:
    scored = [row[key] for row in rows if row[key] is not None]
    return f"{sum(scored)}/{len(scored)}"


def main() -> int:
    """Print the per-page table and the averages; exit 0 (also when the data is absent)."""
    pages_dir = shared_dir() / "data" / "news-pages"
    if not pages_dir.is_dir():
        print(f"skipped: shared news pages not found at {pages_dir} (set DATELINE_SHARED)")
        return 0
    rows = html_scores(pages_dir)
    print("HTML extraction (dateline.ingest.html.extract_html) on", pages_dir)
    print(
        f"{'page':18} {'recall':>6} {'prec':>6} {'title':>5} {'byline':>6} {'date':>5} {'sec':>5}"
    )
    for row in rows:
        print(
            f"{row['page']:18} {row['recall']:6.3f} {row['precision']:6.3f} "
            f"{_flag(row['title_ok']):>5} {_flag(row['byline_ok']):>6} "
            f"{_flag(row['date_ok']):>5} {row['seconds']:5.2f}"
        )
        if row["error"]:
            print(f"  error: {row['error']}")
    count = len(rows)
    recall = sum(row["recall"] for row in rows) / count
    precision = sum(row["precision"] for row in rows) / count
    print(
        f"{'average':18} {recall:6.3f} {precision:6.3f}   pages={count}  "
        f"title {_agreement(rows, 'title_ok')}  byline {_agreement(rows, 'byline_ok')}  "
        f"date {_agreement(rows, 'date_ok')}  seconds {sum(r['seconds'] for r in rows):.1f}"
    )
    print("\nPlain-text cleaner on the same pages rendered to visible text (bench/cleaning.py):")
    import cleaning  # bench/ is on sys.path when this file runs as a script

    return cleaning.main()


if __name__ == "__main__":
    sys.exit(main())
