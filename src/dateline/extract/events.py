"""Events: actions coded in PLOVER (CAMEO alongside), with actors, place, date and status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from dateline.model import Actor, DateMention, Event, Place

__all__ = ["extract_events"]


def extract_events(
    doc: Any,
    *,
    actors: Sequence[Actor],
    places: Sequence[Place],
    dates: Sequence[DateMention],
    published: dt.date | None,
) -> list[Event]:
    """Return one `Event` per action described in ``doc``."""
    return []
