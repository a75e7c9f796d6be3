"""Fixtures shared by the whole suite: the seed article, its gold file, the shared data, the model.

Tests read ``../shared`` (next to the repository) and skip cleanly when it is absent.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; DATELINE_SHARED overrides (`make` sets it, also for clones
# made elsewhere).
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
SEED_PUBLISHED = "2024-05-01"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_path("examples", "seed-article.txt")


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        shared_path("examples", "seed-article.gold.json").read_text(encoding="utf-8")
    )
    return data


@pytest.fixture(scope="session")
def news_pages_dir() -> Path:
    return shared_path("data", "news-pages")


@pytest.fixture(scope="session")
def nlp() -> Any:
    from dateline.config import DEFAULT_MODEL
    from dateline.nlp import load_nlp

    return load_nlp(DEFAULT_MODEL)


@pytest.fixture()
def serve_http() -> Iterator[Callable[[type[BaseHTTPRequestHandler]], str]]:
    """Start local HTTP servers for a test (tests never touch the network); return their URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: type[BaseHTTPRequestHandler]) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
