"""PLOVER, the event ontology Dateline codes in, and its mapping from CAMEO codes.

PLOVER (openeventdata/PLOVER) has 16 event types; the CAMEO coding dictionaries that our
cue lexicon derives from speak CAMEO codes ("042" make a visit, "1122" accuse of human
rights abuses). ``dateline/data/cameo2plover.tsv`` is the official CAMEO → PLOVER
conversion table (CC BY-SA 4.0, attribution in its header), read once per process.

Where the table and the manual's definitions disagree, the manual wins (`_MANUAL_OVERRIDES`):
lifting a curfew or a state of emergency is CONCEDE (manual §3.4: "removing curfews"), not
RETREAT as two table rows say; international sanctions are SANCTION 'discontinue' (manual
§3.13.3), not COERCE as the row for CAMEO 163 says.

CAMEO's cue categories 01 (make public statement) and 02 (appeal) have no PLOVER type in
that table. Statements are not events in PLOVER; appeals ("urged", "called on") are what
PLOVER's REQUEST covers ("request or demand"), so 02x codes map to REQUEST with the mode
the 10x demand codes use for the same object.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dateline.errors import ConfigError

__all__ = [
    "LEGACY_TYPES",
    "PLOVER_TYPES",
    "PloverCode",
    "load_cameo_to_plover",
    "normalise_plover_type",
    "plover_for_cameo",
]

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# Names older PLOVER drafts (and its gold files) use for today's types.
LEGACY_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

_TABLE = "cameo2plover.tsv"


@dataclass(frozen=True, slots=True)
class PloverCode:
    """A PLOVER coding of one CAMEO code: type, mode (may be empty) and context."""

    cameo: str
    type: str
    mode: str | None = None
    context: str | None = None


def normalise_plover_type(name: str) -> str:
    """Return today's PLOVER type for ``name``, translating legacy names (DEMAND → REQUEST).

    Raises:
        ConfigError: when ``name`` is neither a PLOVER type nor a legacy name of one.
    """
    upper = name.strip().upper()
    upper = LEGACY_TYPES.get(upper, upper)
    if upper not in PLOVER_TYPES:
        raise ConfigError(
            f"unknown PLOVER event type {name!r}; use one of {', '.join(PLOVER_TYPES)} "
            f"(or a legacy name: {', '.join(LEGACY_TYPES)})"
        )
    return upper


def _parse_table(text: str) -> dict[str, PloverCode]:
    table: dict[str, PloverCode] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not fields[0].isdigit():
            raise ConfigError(
                f"{_TABLE} line {number} is not 'cameo<TAB>type<TAB>mode<TAB>context': "
                f"{line!r}; regenerate the table from CAMEO2PLOVER.txt"
            )
        cameo, kind, mode, context = fields
        table[cameo] = PloverCode(
            cameo=cameo,
            type=normalise_plover_type(kind),
            mode=mode or None,
            context=context or None,
        )
    return table


@lru_cache(maxsize=1)
def load_cameo_to_plover() -> dict[str, PloverCode]:
    """Return the CAMEO → PLOVER table shipped with Dateline, keyed by CAMEO code.

    Raises:
        ConfigError: when the shipped table is missing or malformed (a broken install).
    """
    try:
        text = (
            resources.files("dateline")
            .joinpath("data")
            .joinpath(_TABLE)
            .read_text(encoding="utf-8")
        )
    except OSError as exc:
        raise ConfigError(
            f"the CAMEO → PLOVER table {_TABLE!r} is missing from dateline/data: {exc}; "
            "reinstall Dateline (package data must be included)"
        ) from exc
    return _parse_table(text)


# Appeals (CAMEO 02x) keyed by their third digit, mapped to the REQUEST mode of the
# demand (10x) with the same object; see the module docstring.
_APPEAL_MODES = {
    "1": "assist",
    "2": "assist",
    "3": "assist",
    "4": "change",
    "5": "yield",
    "6": "meet",
    "7": "meet",
    "8": "meet",
}


_MANUAL_OVERRIDES = {
    "0813": PloverCode("0813", "CONCEDE", None, "legal"),
    "0814": PloverCode("0814", "CONCEDE", None, "legal"),
    "163": PloverCode("163", "SANCTION", "discontinue", "diplomatic"),
}


def plover_for_cameo(code: str) -> PloverCode | None:
    """Return the PLOVER coding of CAMEO ``code``, or None when PLOVER has no type for it.

    A code missing from the table falls back to its parent ("0874" → "087" → "080").

    Args:
        code: a CAMEO event code such as ``"042"`` or ``"1122"``.

    Returns:
        The PLOVER type/mode/context, or None for statements (01x), ``---`` and unknown codes.
    """
    code = code.strip()
    if not code.isdigit() or len(code) < 2:
        return None
    if code.startswith("02"):
        mode = _APPEAL_MODES.get(code[2:3]) if len(code) > 2 else None
        return PloverCode(cameo=code, type="REQUEST", mode=mode)
    if code in _MANUAL_OVERRIDES:
        return _MANUAL_OVERRIDES[code]
    table = load_cameo_to_plover()
    for candidate in (code, code[:3], code[:2] + "0"):
        found = table.get(candidate)
        if found is not None:
            return found if candidate == code else PloverCode(code, found.type, found.mode)
    return None
