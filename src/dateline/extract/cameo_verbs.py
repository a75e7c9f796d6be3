"""Reading the CAMEO/PETRARCH dictionaries into the compact tables event coding ships.

The CAMEO verb dictionary (``CAMEO.2.0.txt``, Open Event Data Alliance, MIT licence) lists
about 15,000 patterns: verb synonym blocks, each with a default CAMEO code, and patterns of
nouns and prepositional phrases around the verb that select a more specific code. Dateline
ships a compact JSON derivation of it (``dateline/data/cameo_verbs.json``, with the MIT
``LICENSE`` beside it as ``LICENSE.cameo-dictionaries``), the Phoenix agents lexicon as
``agents.tsv`` and the CAMEO → PLOVER table as ``cameo2plover.tsv``. This module is how those
tables are rebuilt::

    python -m dateline.extract.cameo_verbs verbs ../shared/data/cameo-dictionaries/CAMEO.2.0.txt \\
        src/dateline/data/cameo_verbs.json
    python -m dateline.extract.cameo_verbs agents \\
        ../shared/data/cameo-dictionaries/Phoenix.agents.txt src/dateline/data/agents.tsv
    python -m dateline.extract.cameo_verbs plover ../shared/data/plover/CAMEO2PLOVER.txt \\
        src/dateline/data/cameo2plover.tsv

The table has three parts: ``synsets`` (``&NAME`` → lower-case words or phrases),
``verbs`` (lower-case verb lemma → ``[block, code, before, after]``: the synonym block it
belongs to, its own code or ``null``, and the words a multi-word verb such as "ask for"
needs before and after it) and ``blocks`` (block → ``{"code": default, "patterns": [...]}``,
each pattern ``[pre, post, code]`` where ``pre``/``post`` are lists of terms, a term being
``[preposition or "", word, word, ...]`` with the head noun last).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError

__all__ = [
    "parse_agents_dictionary",
    "parse_cameo_to_plover",
    "parse_verb_dictionary",
    "write_verb_table",
]

_SOURCE = (
    "Derived from CAMEO.2.0.txt of openeventdata/petrarch2 (Open Event Data Alliance, MIT "
    "licence: see LICENSE.cameo-dictionaries beside this file) by dateline.extract.cameo_verbs"
)
_CODE = re.compile(r"\[([^\]]*)\]")
# Placeholders for the source/target actor and skipped words: the parse gives us roles.
_PLACEHOLDERS = {"$", "+", "^", "%"}


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _first_code(raw: str) -> str:
    """Return the usable code of ``[src:tgt]``: the source code, else the target code."""
    parts = [part.strip() for part in raw.split(":")]
    for part in parts:
        if part:
            return part
    return "---"


def _tokenise_pattern(text: str) -> list[str]:
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", text)


def _term_words(text: str) -> list[str]:
    words = []
    for word in text.replace("{", " ").replace("}", " ").split():
        if word in _PLACEHOLDERS:
            continue
        words.append(word if word.startswith("&") else word.lower().replace("_", " "))
    return words


def _parse_side(text: str) -> list[list[str]]:
    terms: list[list[str]] = []
    for token in _tokenise_pattern(text):
        if token in _PLACEHOLDERS:
            continue
        if token.startswith("("):
            inner = token[1:-1].split(None, 1)
            if not inner:
                continue
            prep = inner[0].lower().replace("_", " ")
            words = _term_words(inner[1]) if len(inner) > 1 else []
            terms.append([prep, *words])
        else:
            words = _term_words(token)
            if words:
                terms.append(["", *words])
    return terms


def _parse_verb_line(line: str) -> tuple[str, list[str], list[str], str | None] | None:
    """Return ``(lemma, before, after, code)`` for a verb line, or None for a form list."""
    code_match = _CODE.search(line)
    code = _first_code(code_match.group(1)) if code_match else None
    head = _CODE.sub("", line)
    head = re.sub(r"\{[^}]*\}", "", head).strip()
    if not head:
        return None
    phrase = head.split()[0]
    words = phrase.split("_")
    if phrase.startswith("+") or any(w.startswith("+") for w in words):
        index = next(i for i, w in enumerate(words) if w.startswith("+"))
        lemma = words[index].lstrip("+").lower()
        before = [w.lower() for w in words[:index]]
        after = [w.lower() for w in words[index + 1 :]]
    else:
        lemma, before, after = phrase.lower().replace("_", " "), [], []
    if not lemma or not lemma[0].isalpha():
        return None
    return lemma, before, after, code


def parse_verb_dictionary(text: str) -> dict[str, Any]:
    """Parse the text of a PETRARCH verb dictionary into the compact table.

    Args:
        text: the whole ``CAMEO.2.0.txt``.

    Returns:
        ``{"synsets": ..., "verbs": ..., "blocks": ...}`` as described in the module docstring.

    Raises:
        ConfigError: when the text has no verb blocks (not a PETRARCH verb dictionary).
    """
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, list[Any]] = {}
    blocks: dict[str, dict[str, Any]] = {}
    current_synset: str | None = None
    block: str | None = None
    for raw in text.splitlines():
        if raw.startswith("~") or raw.startswith("########"):
            if "TRANSFORMATIONS" in raw:
                break
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if line.startswith("&"):
            current_synset = line.split()[0].rstrip("_")
            synsets[current_synset] = []
            continue
        if line.startswith("---"):
            current_synset = None
            name = line.strip("- ").split("[")[0].strip()
            code_match = _CODE.search(line)
            block = name
            blocks[block] = {
                "code": _first_code(code_match.group(1)) if code_match else "---",
                "patterns": [],
            }
            continue
        if current_synset is not None and line.startswith("+"):
            synsets[current_synset].append(line[1:].strip().rstrip("_").lower().replace("_", " "))
            continue
        if block is None:
            continue
        if line.startswith("-"):
            code_match = _CODE.search(line)
            if not code_match:
                continue
            body = line[1 : code_match.start()]
            pre, _, post = body.partition("*")
            blocks[block]["patterns"].append(
                [_parse_side(pre), _parse_side(post), _first_code(code_match.group(1))]
            )
            continue
        parsed = _parse_verb_line(line)
        if parsed is not None:
            lemma, before, after, code = parsed
            key = " ".join([*before, lemma, *after]) if (before or after) else lemma
            verbs.setdefault(key, [block, code, before, after])
    if not blocks:
        raise ConfigError(
            "no verb blocks ('--- NAME [code] ---' lines) found; pass the PETRARCH "
            "CAMEO verb dictionary, e.g. ../shared/data/cameo-dictionaries/CAMEO.2.0.txt"
        )
    return {"source": _SOURCE, "synsets": synsets, "verbs": verbs, "blocks": blocks}


def write_verb_table(source: Path, target: Path) -> None:
    """Parse the verb dictionary at ``source`` and write the compact JSON table to ``target``.

    Raises:
        ConfigError: when ``source`` cannot be read or is not a verb dictionary.
    """
    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigError(
            f"cannot read the CAMEO verb dictionary {str(source)!r}: {exc}; "
            "pass the path of CAMEO.2.0.txt"
        ) from exc
    table = parse_verb_dictionary(text)
    target.write_text(json.dumps(table, separators=(",", ":"), sort_keys=True), encoding="utf-8")


_AGENTS_HEADER = """\
# Common nouns for actors -> Phoenix sector code (GOV, MIL, COP, REB, ...).
# Derived from Phoenix.agents.txt of openeventdata/petrarch2 (MIT licence, see
# LICENSE.cameo-dictionaries beside this file): macros expanded, one phrase a line.
# Columns: phrase<TAB>sector
"""

_PLOVER_HEADER = """\
# CAMEO code -> PLOVER event type, mode and context.
# Derived from CAMEO2PLOVER.txt (PLOVER manual Draft 0.8, 17-September-2021, edited by
# Philip Schrodt; openeventdata/PLOVER), licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this derived table is shared under the
# same licence. Changes: comments dropped, fields tab-separated, modes trimmed.
# Columns: cameo<TAB>plover_type<TAB>mode<TAB>context
"""


def parse_agents_dictionary(text: str) -> str:
    """Return ``agents.tsv`` for the text of ``Phoenix.agents.txt``: phrase → sector code."""
    macros: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", body)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        entry = re.match(r"^([^\[]+?)\s*\[~?([A-Z]{3})[^\]]*\]", body)
        if not entry:
            continue
        forms = [re.sub(r"\{.*?\}", "", entry.group(1)).strip()]
        for name, values in macros.items():
            forms = (
                [f.replace(name, v) for f in forms for v in values]
                if any(name in f for f in forms)
                else forms
            )
        for form in forms:
            phrase = form.replace("_", " ").lower().strip()
            if phrase and "!" not in phrase:
                rows.setdefault(phrase, entry.group(2))
    return _AGENTS_HEADER + "".join(f"{k}\t{v}\n" for k, v in sorted(rows.items()))


def parse_cameo_to_plover(text: str) -> str:
    """Return ``cameo2plover.tsv`` for the text of ``CAMEO2PLOVER.txt``."""
    rows = []
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        entry = re.match(r"^(\d+):\s*(.*)$", body)
        if not entry:
            continue
        parts = [p.strip() for p in entry.group(2).split(",")]
        if len(parts) < 2:
            continue  # group headers such as "03: AGREE"
        mode = parts[1].replace(" ", "")
        context = ",".join(parts[2:]).replace(" ", "")
        rows.append(f"{entry.group(1)}\t{parts[0]}\t{mode}\t{context}\n")
    return _PLOVER_HEADER + "".join(rows)


def _main(argv: list[str]) -> None:
    kind, source, target = argv
    if kind == "verbs":
        write_verb_table(Path(source), Path(target))
        return
    text = Path(source).read_text(encoding="utf-8", errors="replace")
    builders = {"agents": parse_agents_dictionary, "plover": parse_cameo_to_plover}
    if kind not in builders:
        raise ConfigError(f"unknown table {kind!r}; use one of: verbs, agents, plover")
    Path(target).write_text(builders[kind](text), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - a maintenance command, not library code
    _main(sys.argv[1:])
