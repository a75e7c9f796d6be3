"""Dates: date and time expressions normalised against the publication date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.model import DateMention

__all__ = ["extract_dates"]


def extract_dates(doc: Any, published: dt.date | None) -> list[DateMention]:
    """Return every date expression in ``doc`` with its resolved value and precision."""
    return []
