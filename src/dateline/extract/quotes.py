"""Quotes: direct, mixed and indirect quotations with their cue and source mention spans."""

from __future__ import annotations

from typing import Any

from dateline.model import Quote

__all__ = ["extract_quotes"]


def extract_quotes(doc: Any) -> list[Quote]:
    """Return the quotes in ``doc`` with ``speaker_mention`` and ``cue``; speakers unresolved."""
    return []
