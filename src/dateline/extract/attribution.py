"""Attribution: link each quote's source mention to an actor (pronouns and descriptions too)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.model import Actor, Quote

__all__ = ["attribute_quotes"]


def attribute_quotes(
    doc: Any, quotes: Sequence[Quote], actors: Sequence[Actor]
) -> tuple[list[Quote], list[Actor]]:
    """Return the quotes with ``speaker``/``speaker_name`` set, and the actors (maybe more)."""
    return list(quotes), list(actors)
