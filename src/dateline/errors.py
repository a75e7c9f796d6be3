"""Every error Dateline raises on purpose, one class per stage.

The tree::

    DatelineError                 base: catch this to handle any Dateline failure
    ├── ConfigError               a setting, option or model name that cannot work
    ├── InputError                an input Dateline will not read (per item: a batch goes on)
    │   ├── EmptyInputError       nothing but whitespace once decoded and cleaned
    │   ├── BinaryInputError      bytes that are not text in any encoding
    │   ├── EncodingError         text whose encoding cannot be detected
    │   ├── InputTooLargeError    over the configured size limit
    │   ├── HTMLError             markup with no article text in it
    │   ├── FetchError            a URL that could not be fetched, or was refused
    │   ├── RecordError           a JSON Lines record Dateline cannot read
    │   └── LanguageError         an article not in a language the pipeline reads
    ├── ModelError                a spaCy pipeline that cannot be loaded
    ├── ExtractionError           an extraction stage failed on an article
    └── StoreError                the SQLite store cannot be opened, migrated or queried
        ├── DatabaseLockedError   another process holds the write lock for too long
        ├── DatabaseCorruptError  the file is not a SQLite database, or is damaged
        ├── MigrationError        the schema is newer than this Dateline, or a step failed
        └── NotFoundError         a query or correction named something the store lacks

Every message says what was wrong, shows the value, and suggests a fix. ``InputError``
carries the ``source`` (a path, URL or ``<stdin>``) so a batch can report it in one line.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "DatabaseCorruptError",
    "DatabaseLockedError",
    "DatelineError",
    "EmptyInputError",
    "EncodingError",
    "ExtractionError",
    "FetchError",
    "HTMLError",
    "InputError",
    "InputTooLargeError",
    "LanguageError",
    "MigrationError",
    "ModelError",
    "NotFoundError",
    "RecordError",
    "StoreError",
]


class DatelineError(Exception):
    """Base class of every error Dateline raises on purpose."""


class ConfigError(DatelineError):
    """A setting, option or model name that cannot work."""


class InputError(DatelineError):
    """An input Dateline will not read. ``source`` names it; ``reason`` is a short tag."""

    reason = "bad-input"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)


class EmptyInputError(InputError):
    reason = "empty"


class BinaryInputError(InputError):
    reason = "binary"


class EncodingError(InputError):
    reason = "encoding"


class InputTooLargeError(InputError):
    reason = "too-large"


class HTMLError(InputError):
    reason = "html"


class FetchError(InputError):
    reason = "fetch"


class RecordError(InputError):
    reason = "record"


class LanguageError(InputError):
    reason = "language"


class ModelError(DatelineError):
    """A spaCy pipeline that cannot be loaded."""


class ExtractionError(DatelineError):
    """An extraction stage failed on an article."""


class StoreError(DatelineError):
    """The SQLite store cannot be opened, migrated, written or queried."""


class DatabaseLockedError(StoreError):
    """Another process holds the database's write lock for longer than the busy timeout."""


class DatabaseCorruptError(StoreError):
    """The file is not a SQLite database, or its pages are damaged."""


class MigrationError(StoreError):
    """The schema is newer than this Dateline knows, or a migration step failed."""


class NotFoundError(StoreError):
    """A query or a correction named an actor, article or id the store does not hold."""
