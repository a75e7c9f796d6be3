"""Stored articles, read back as the `Article` records extraction produced."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.errors import NotFoundError
from dateline.model import Article

__all__ = ["load_article"]

_COLUMNS = "id, source, outlet, headline, standfirst, byline, published, language, text, cleaning"


def load_article(conn: sqlite3.Connection, article_id: str) -> Article:
    """Return the stored article ``article_id``, with what cleaning did to its input.

    Articles stored before migration 0004 have no cleaning record: their spans, removed
    parts and offset map come back empty.

    Raises:
        NotFoundError: the store holds no article with that id.
    """
    row = conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(
            f"no article {article_id!r} in the store; list ids with `dateline export --what "
            "articles`"
        )
    data: dict[str, Any] = dict(row)
    cleaning = data.pop("cleaning")
    if cleaning:
        data.update(json.loads(cleaning))
    return Article.from_dict(data)
