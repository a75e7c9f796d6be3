"""Exports: the store's quotes, events, actors or articles as JSON Lines, CSV or Parquet.

Events can also be written as PLOVER JSON records (one object a line, PLOVER's field names)
and as GDELT-style event rows (tab-separated, the columns in `GDELT_COLUMNS`, documented in
``docs/store.md``). Exports read through `dateline.query`, so they show what the query
commands show, never re-running extraction.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError, StoreError
from dateline.query import events, list_actors, quotes

__all__ = ["EXPORT_FORMATS", "EXPORT_WHAT", "GDELT_COLUMNS", "export", "rows_for"]

EXPORT_WHAT = ("quotes", "events", "actors", "articles")
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "Actor2Name",
    "EventCode",
    "EventRootCode",
    "PloverType",
    "PloverMode",
    "Status",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "SOURCEURL",
    "ArticleId",
    "TriggerStart",
    "TriggerEnd",
)


def rows_for(conn: sqlite3.Connection, what: str) -> list[dict[str, Any]]:
    """Return every row of ``what`` (quotes, events, actors or articles) as flat dicts.

    Raises:
        ConfigError: ``what`` is not one of `EXPORT_WHAT`.
    """
    if what == "quotes":
        return quotes(conn)
    if what == "events":
        return events(conn)
    if what == "actors":
        return list_actors(conn)
    if what == "articles":
        return [
            dict(row)
            for row in conn.execute(
                "SELECT id, source, outlet, headline, standfirst, byline, published, language, "
                "text, cleaning FROM articles ORDER BY published, source"
            )
        ]
    raise ConfigError(f"cannot export {what!r}; choose one of {', '.join(EXPORT_WHAT)}")


def export(conn: sqlite3.Connection, *, what: str, fmt: str, out: Path) -> int:
    """Write ``what`` from the store to ``out`` in ``fmt``; return how many rows were written.

    Args:
        conn: an open store.
        what: quotes, events, actors or articles.
        fmt: jsonl, csv, parquet; plover or gdelt (events only).
        out: the file to write (replaced when it exists).

    Raises:
        ConfigError: an unknown format, or plover/gdelt for something other than events.
        StoreError: the file cannot be written.
    """
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt in ("plover", "gdelt") and what != "events":
        raise ConfigError(f"--format {fmt} writes events; use --what events (not {what!r})")
    rows = rows_for(conn, what)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            _write_parquet(rows, out)
        else:
            with out.open("w", encoding="utf-8", newline="") as handle:
                if fmt == "jsonl":
                    for row in rows:
                        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                elif fmt == "csv":
                    _write_csv(rows, handle)
                elif fmt == "plover":
                    for row in rows:
                        handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
                else:
                    writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
                    writer.writerows(gdelt_row(row) for row in rows)
    except OSError as exc:
        raise StoreError(
            f"cannot write {out} ({exc}); check the folder exists and is writable"
        ) from exc
    return len(rows)


def _write_csv(rows: list[dict[str, Any]], handle: Any) -> None:
    if not rows:
        return
    writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                for k, v in row.items()
            }
        )


def _write_parquet(rows: list[dict[str, Any]], out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError(
            "Parquet export needs pyarrow; install it (pip install pyarrow==26.0.1) or use "
            "--format jsonl"
        ) from exc
    pq.write_table(pa.Table.from_pylist(rows), out)


def _split(names: str | None) -> list[str]:
    return [n for n in (names or "").split("; ") if n]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """Return one event row as a PLOVER JSON record (PLOVER's field names, our evidence)."""
    return {
        "id": row["event_id"],
        "date": row["date"],
        "event_type": row["type"],
        "mode": row["mode"] or "",
        "context": "",
        "source": _split(row["actors"]),
        "target": _split(row["recipients"]),
        "event_text": row["sentence"],
        "trigger": row["trigger"],
        "trigger_offsets": [row["trigger_start"], row["trigger_end"]],
        "status": row["status"],
        "cameo": row["cameo"],
        "geolocation": {
            "name": row["place"],
            "country": row["place_country"],
            "lat": row["latitude"],
            "lon": row["longitude"],
        },
        "url": row["source"],
        "article_id": row["article_id"],
    }


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """Return one event row as GDELT-style columns (see `GDELT_COLUMNS`)."""
    cameo = row["cameo"] or ""

    def cell(value: Any) -> str:
        return "" if value is None else " ".join(str(value).split())

    return [
        cell(f"{row['article_id']}:{row['event_id']}"),
        cell((row["date"] or "").replace("-", "")[:8]),
        cell(_split(row["actors"])[0] if row["actors"] else None),
        cell(_split(row["recipients"])[0] if row["recipients"] else None),
        cell(cameo),
        cell(cameo[:2]),
        cell(row["type"]),
        cell(row["mode"]),
        cell(row["status"]),
        cell(row["place"]),
        cell(row["place_country"]),
        cell(row["latitude"]),
        cell(row["longitude"]),
        cell(row["source"]),
        cell(row["article_id"]),
        cell(row["trigger_start"]),
        cell(row["trigger_end"]),
    ]
