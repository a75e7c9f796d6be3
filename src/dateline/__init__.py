"""Dateline: who said what, who did what with whom, where and when — from news text, with proof.

The public Python API::

    from dateline import Pipeline, Settings
    record = Pipeline().extract_text(text, published=datetime.date(2024, 5, 1))
    record.quotes[0].speaker_name, record.document.text[record.quotes[0].start:...]

Every record is a frozen dataclass (`dateline.model`) with ``to_dict``/``from_dict``.
"""

from __future__ import annotations

from dateline.config import Settings
from dateline.errors import DatelineError
from dateline.model import (
    Actor,
    Article,
    ArticleRecord,
    DateMention,
    Event,
    Mention,
    Place,
    Quote,
    RemovedSpan,
    TextSpan,
)
from dateline.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleRecord",
    "DateMention",
    "DatelineError",
    "Event",
    "Mention",
    "Pipeline",
    "Place",
    "Quote",
    "RemovedSpan",
    "Settings",
    "TextSpan",
    "__version__",
]
