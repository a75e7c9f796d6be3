"""Writing query results as a table, JSON, JSON Lines or CSV.

Rows are flat dicts (lists are joined for table and CSV). The table view cuts long cells so
a terminal stays readable; the machine formats never cut anything.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["FORMATS", "write_rows"]

FORMATS = ("table", "json", "jsonl", "csv")
_CELL = 60


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_rows(
    rows: Sequence[dict[str, Any]],
    out: TextIO,
    *,
    fmt: str = "table",
    columns: Sequence[str] | None = None,
) -> None:
    """Write ``rows`` to ``out`` in ``fmt`` (table, json, jsonl or csv).

    Args:
        rows: flat dicts, all with the same keys.
        out: a text stream.
        fmt: one of `FORMATS`.
        columns: the keys to show in the table view (all keys when None; the machine
            formats always write every key).

    Raises:
        ValueError: ``fmt`` is not one of `FORMATS`.
    """
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        keys = list(rows[0]) if rows else list(columns or [])
        writer = csv.DictWriter(out, fieldnames=keys, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})
    elif fmt == "table":
        _write_table(rows, out, columns)
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _write_table(
    rows: Sequence[dict[str, Any]], out: TextIO, columns: Sequence[str] | None
) -> None:
    if not rows:
        out.write("(no rows)\n")
        return
    keys = list(columns or rows[0])
    cells = [[_cut(" ".join(_flat(row.get(k)).split())) for k in keys] for row in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
    out.write("  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for line in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} rows)\n")


def _cut(text: str) -> str:
    return text if len(text) <= _CELL else text[: _CELL - 1] + "…"
