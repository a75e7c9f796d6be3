"""Language identification of cleaned article text (py3langid's bundled model, offline)."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["detect_language"]

# Below this many words the identifier guesses (a headline alone reads as Indonesian).
_MIN_WORDS = 12
_MIN_PROBABILITY = 0.80
_SAMPLE_CHARS = 2000


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when too short or unsure."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.split()) < _MIN_WORDS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= _MIN_PROBABILITY else None
