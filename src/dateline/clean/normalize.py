"""Character normalisation that keeps offsets: soft hyphens, zero-width marks, odd spaces.

Copied web text carries invisible characters (soft hyphens inside words, zero-width joiners,
byte-order marks) that split tokens for spaCy and break text search, and Windows or old Mac
line ends. We fold them while recording an offset map back to the input.
"""

from __future__ import annotations

import re

from dateline.clean.offsets import OffsetMap, TextBuilder

__all__ = ["normalize_text"]

_DROP = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f"
_PATTERN = re.compile("\r\n|\r|\u2028|\u2029|\x0c|[" + re.escape(_DROP + _SPACES + _CONTROLS) + "]")
_LINE_BREAKS = {"\r\n", "\r", "\u2028", "\u2029", "\x0c"}


def normalize_text(raw: str) -> tuple[str, OffsetMap]:
    """Return ``raw`` with invisible characters dropped, odd spaces and line ends folded.

    Returns:
        The normalised text and its offset map back to ``raw`` (empty when nothing changed).
    """
    builder = TextBuilder(raw)
    position = 0
    for match in _PATTERN.finditer(raw):
        builder.copy(position, match.start())
        found = match.group()
        if found in _LINE_BREAKS:
            builder.replace(match.start(), "\n")
        elif found in _SPACES:
            builder.replace(match.start(), " ")
        position = match.end()
    builder.copy(position, len(raw))
    return builder.build()
