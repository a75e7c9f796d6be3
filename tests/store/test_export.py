"""Exports re-read and compared with the queries they come from."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.errors import ConfigError
from dateline.runner import ingest
from dateline.store import open_database
from dateline.store.export import GDELT_COLUMNS, export, rows_for


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, nlp: object) -> Path:
    path = tmp_path_factory.mktemp("export") / "seed.db"
    ingest([str(seed_path)], db=path, workers=0, published=dt.date(2024, 5, 1))
    return path


@pytest.mark.parametrize("what", ["quotes", "events", "actors", "articles"])
def test_jsonl_and_parquet_round_trip(db: Path, tmp_path: Path, what: str) -> None:
    conn = open_database(db, readonly=True)
    expected = rows_for(conn, what)
    assert expected
    out = tmp_path / f"{what}.jsonl"
    assert export(conn, what=what, fmt="jsonl", out=out) == len(expected)
    assert [json.loads(line) for line in out.read_text("utf-8").splitlines()] == expected
    import pyarrow.parquet as pq

    export(conn, what=what, fmt="parquet", out=tmp_path / f"{what}.parquet")
    assert pq.read_table(tmp_path / f"{what}.parquet").to_pylist() == expected


def test_csv_round_trip_keeps_unicode_and_newlines(db: Path, tmp_path: Path) -> None:
    conn = open_database(db, readonly=True)
    export(conn, what="articles", fmt="csv", out=tmp_path / "a.csv")
    with (tmp_path / "a.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stored = rows_for(conn, "articles")
    assert [r["text"] for r in rows] == [r["text"] for r in stored]
    assert "’" in rows[0]["text"] and "\n" in rows[0]["text"]


def test_plover_and_gdelt_events(db: Path, tmp_path: Path) -> None:
    conn = open_database(db, readonly=True)
    events = rows_for(conn, "events")
    export(conn, what="events", fmt="plover", out=tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert [r["event_type"] for r in records] == [e["type"] for e in events]
    text = conn.execute("SELECT text FROM articles").fetchone()[0]
    for record in records:
        start, end = record["trigger_offsets"]
        assert text[start:end] == record["trigger"]
    export(conn, what="events", fmt="gdelt", out=tmp_path / "g.tsv")
    lines = (tmp_path / "g.tsv").read_text("utf-8").splitlines()
    assert len(lines) == len(events)
    assert all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in lines)
    assert {line.split("\t")[1] for line in lines} <= {
        "20240501",
        *((e["date"] or "").replace("-", "") for e in events),
    }
    with pytest.raises(ConfigError, match="--what events"):
        export(conn, what="quotes", fmt="gdelt", out=tmp_path / "x.tsv")


def test_cli_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    assert (
        main(["export", "--db", str(db), "--format", "csv", "--what", "quotes", "--out", str(out)])
        == 0
    )
    assert out.read_text("utf-8").startswith("date,speaker,speaker_id,kind,text")


def test_gdelt_columns_are_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "store.md").read_text("utf-8")
    assert all(f"`{column}`" in doc for column in GDELT_COLUMNS)
