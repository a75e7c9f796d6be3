"""Batch ingest: rejections recorded, re-runs add nothing, a SIGKILLed run resumes exactly."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.runner import ingest
from dateline.store import open_database

TABLES = (
    "articles",
    "actors",
    "mentions",
    "quotes",
    "events",
    "places",
    "dates",
    "canonical_actors",
    "inputs",
    "rejected",
)
SEED_DATE = dt.date(2024, 5, 1)


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@pytest.fixture
def corpus(tmp_path: Path, seed_text: str) -> Path:
    """A small corpus cut from the seed: a few paragraph groups, plus one bad file of each kind."""
    folder = tmp_path / "in"
    folder.mkdir()
    paragraphs = [p for p in seed_text.split("\n\n") if len(p.split()) > 25]
    for i in range(0, min(len(paragraphs), 12), 3):
        (folder / f"part{i:02d}.txt").write_text("\n\n".join(paragraphs[i : i + 3]), "utf-8")
    (folder / "empty.txt").write_text("   \n", "utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_rerun_adds_no_rows_and_bad_inputs_are_rejected(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    first = ingest([str(corpus)], db=db, workers=0, published=SEED_DATE)
    before = counts(db)
    second = ingest([str(corpus)], db=db, workers=0, published=SEED_DATE)
    assert first.added == before["articles"] >= 3
    assert first.rejected == before["rejected"] == 2
    assert set(first.reasons) == {"empty", "binary"}
    assert (second.added, second.rejected, second.skipped) == (0, 0, first.added + 2)
    assert counts(db) == before
    conn = open_database(db, readonly=True)
    runs = conn.execute("SELECT status, added FROM ingest_runs ORDER BY id").fetchall()
    assert [tuple(r) for r in runs] == [("finished", first.added), ("finished", 0)]


def test_two_workers_store_the_same_rows_as_one(corpus: Path, tmp_path: Path) -> None:
    ingest([str(corpus)], db=tmp_path / "one.db", workers=0, published=SEED_DATE)
    ingest([str(corpus)], db=tmp_path / "two.db", workers=2, chunk_size=1, published=SEED_DATE)
    assert counts(tmp_path / "one.db") == counts(tmp_path / "two.db")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkilled_run_resumes_to_the_same_rows(corpus: Path, tmp_path: Path) -> None:
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    ingest([str(corpus)], db=whole, workers=0, published=SEED_DATE)
    script = (
        "import datetime, sys\n"
        "from dateline.runner import ingest\n"
        "ingest([sys.argv[1]], db=sys.argv[2], workers=0, chunk_size=1, "
        "published=datetime.date(2024, 5, 1))\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(corpus), str(killed)])
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if killed.exists():
            conn = sqlite3.connect(killed, timeout=5)
            try:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0  # schema not created yet
            finally:
                conn.close()
        if stored >= 1:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait(timeout=30)
    assert stored >= 1, "the run finished or stalled before it could be killed"
    partial = counts(killed)
    assert partial["articles"] < counts(whole)["articles"] or process.returncode == 0
    status = sqlite3.connect(killed).execute("SELECT status FROM ingest_runs").fetchone()[0]
    assert status == "running"  # killed: it never got to say it finished
    resumed = ingest([str(corpus)], db=killed, workers=0, published=SEED_DATE)
    assert resumed.skipped == partial["inputs"]
    assert counts(killed) == counts(whole)


def test_jsonl_dates_and_sources_reach_the_store(tmp_path: Path, seed_text: str) -> None:
    batch = tmp_path / "batch.jsonl"
    records = [
        {"text": seed_text, "published": "2024-05-01", "source": "jpost", "outlet": "JP"},
        {"text": "", "source": "blank"},
        "not an object",
    ]
    batch.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", "utf-8")
    summary = ingest([str(batch)], db=tmp_path / "j.db", workers=0)
    assert (summary.added, summary.rejected) == (1, 3)
    conn = open_database(tmp_path / "j.db", readonly=True)
    row = conn.execute("SELECT source, outlet, published FROM articles").fetchone()
    assert tuple(row) == ("jpost", "JP", "2024-05-01")


def test_cli_ingest_prints_a_summary_and_exit_status(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dateline.cli import main

    db = tmp_path / "cli.db"
    args = ["ingest", str(corpus), "--db", str(db), "--workers", "0", "--quiet"]
    assert main([*args, "--published", "2024-05-01"]) == 1  # two bad inputs were rejected
    err = capsys.readouterr().err
    assert "rejected (1 binary, 1 empty)" in err and "articles/s" in err
    assert main(args) == 0  # nothing new: every input was done before
    assert "0 added" in capsys.readouterr().err
