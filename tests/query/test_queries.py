"""Queries over a store holding the seed article: quotes, actors, events, timeline, network."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest

from dateline import query
from dateline.cli import main
from dateline.errors import NotFoundError, StoreError
from dateline.runner import ingest
from dateline.store import open_database


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, nlp: object) -> Path:
    path = tmp_path_factory.mktemp("store") / "seed.db"
    ingest([str(seed_path)], db=path, workers=0, published=dt.date(2024, 5, 1))
    return path


@pytest.fixture
def conn(db: Path) -> sqlite3.Connection:
    return open_database(db, readonly=True)


def test_quotes_by_speaker_have_dates_sources_and_offsets(
    conn: sqlite3.Connection, seed_text: str
) -> None:
    rows = query.quotes(conn, speaker="Netanyahu")
    assert rows, "the seed quotes Netanyahu"
    for row in rows:
        assert row["speaker"] and "Netanyahu" in row["speaker"]
        assert row["date"] == "2024-05-01" and row["source"].endswith("seed-article.txt")
    stored = conn.execute("SELECT text FROM articles").fetchone()[0]
    assert all(stored[r["start"] : r["end"]] == r["text"] for r in rows)
    assert query.quotes(conn, speaker="Netanyahu", until="2024-04-30") == []
    kinds = {r["kind"] for r in query.quotes(conn, kind="direct")}
    assert kinds == {"direct"}
    with pytest.raises(StoreError, match="unknown quote kind"):
        query.quotes(conn, kind="shouted")


@pytest.mark.parametrize("words", ["ceasefire", "CEASEFIRE", 'ceasefire"', "Hamas AND", "(Rafah"])
def test_full_text_search_takes_user_words_literally(conn: sqlite3.Connection, words: str) -> None:
    rows = query.quotes(conn, search=words)
    plain = words.strip('"(').split()[0].lower()
    assert rows and all(plain in r["text"].lower() for r in rows)


def test_full_text_search_folds_accents(tmp_path: Path) -> None:
    source = tmp_path / "cafe.jsonl"
    text = (
        "Mayor Anne Hidalgo spoke in Paris on Monday.\n\n"
        '"The café in Orléans will reopen soon," Hidalgo said on Monday, adding that '
        "the city would pay for the repairs to the old building near the river."
    )
    source.write_text(json.dumps({"text": text, "published": "2024-06-03"}) + "\n", "utf-8")
    ingest([str(source)], db=tmp_path / "u.db", workers=0)
    conn = open_database(tmp_path / "u.db", readonly=True)
    found = query.quotes(conn, search="cafe orleans")
    assert found and "café" in found[0]["text"]


def test_actors_and_profile(conn: sqlite3.Connection) -> None:
    rows = query.list_actors(conn, search="Blinken")
    assert len(rows) == 1 and rows[0]["name"] == "Antony Blinken" and rows[0]["mentions"] > 1
    assert rows[0]["first_seen"] == rows[0]["last_seen"] == "2024-05-01"
    profile = query.actor_profile(conn, "Blinken")
    assert profile["quotes"] and profile["events"]
    assert any("Netanyahu" in m["name"] for m in profile["meets"])
    with pytest.raises(NotFoundError, match="dateline actors"):
        query.actor_profile(conn, "Nobody Atall")


def test_timeline_is_oldest_first_and_network_has_blinken(conn: sqlite3.Connection) -> None:
    items = query.timeline(conn, "Blinken")
    meetings = {(i["status"], i["place"]): i["text"] for i in items if i["what"] == "CONSULT"}
    # The seed's meetings: held in Jerusalem and Tel Aviv, and one with Gantz still to come.
    assert "Netanyahu" in meetings["happened", "Jerusalem"]
    assert "Herzog" in meetings["happened", "Tel Aviv"]
    assert any(status == "planned" and "Gantz" in text for (status, _), text in meetings.items())
    assert all(i["status"] == "said" for i in items if i["what"].startswith("said"))
    keys = [(i["date"] or "9999", i["source"], i["start"]) for i in items]
    assert keys == sorted(keys)
    edges = query.network(conn)
    assert any(e["source"] == "Antony Blinken" and "Netanyahu" in e["target"] for e in edges)
    assert query.network(conn, since="2030-01-01") == []


def test_events_filters(conn: sqlite3.Connection) -> None:
    consult = query.events(conn, type="consult")
    assert consult and {e["type"] for e in consult} == {"CONSULT"}
    with_blinken = query.events(conn, actor="Blinken")
    assert with_blinken and all(
        "Blinken" in f"{e['actors']} {e['recipients']}" for e in with_blinken
    )
    jerusalem = query.events(conn, place="Jerusalem")
    assert all(e["place"] and "Jerusalem" in e["place"] for e in jerusalem)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_cli_query_formats(
    db: Path, fmt: str, capsys: pytest.CaptureFixture[str], conn: sqlite3.Connection
) -> None:
    assert main(["quotes", "--db", str(db), "--speaker", "Netanyahu", "--format", fmt]) == 0
    out = capsys.readouterr().out
    expected = query.quotes(conn, speaker="Netanyahu")
    if fmt == "json":
        assert json.loads(out) == expected
    elif fmt == "jsonl":
        assert [json.loads(line) for line in out.splitlines()] == expected
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["text"] for r in rows] == [r["text"] for r in expected]
    else:
        assert f"({len(expected)} rows)" in out


def test_cli_actor_commands(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "Blinken", "--db", str(db)]) == 0
    assert "CONSULT" in capsys.readouterr().out
    assert main(["actor", "Blinken", "--db", str(db)]) == 0
    assert "Antony Blinken" in capsys.readouterr().out
    assert main(["network", "--db", str(db), "--format", "jsonl"]) == 0
    assert "Antony Blinken" in capsys.readouterr().out
    assert main(["actor", "Nobody Atall", "--db", str(db)]) == 2
    assert "no actor matches" in capsys.readouterr().err
