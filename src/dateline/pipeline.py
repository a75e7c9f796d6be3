"""The pipeline: inputs in, enriched `ArticleRecord`s out.

It composes the stages — read (`ingest`), clean (`clean`, inside `ingest.build_article`),
parse (`nlp`, batched through ``nlp.pipe``), extract (`extract`) — and knows nothing of how
results are printed or stored. Errors are yielded in place of the item that caused them, in
input order, so a caller can report them and go on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.clean.boilerplate import BoilerplateDetector
from dateline.config import Settings
from dateline.errors import DatelineError, ExtractionError, InputError, InputTooLargeError
from dateline.extract import extract_record
from dateline.ingest import RawInput, build_article, iter_raw_inputs
from dateline.model import Article, ArticleRecord
from dateline.nlp import load_nlp

__all__ = ["Pipeline", "Result"]

Result = ArticleRecord | DatelineError


class Pipeline:
    """Run Dateline over articles with one loaded spaCy pipeline.

    Args:
        settings: model name, limits, languages; defaults when None.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._detector = BoilerplateDetector()

    @property
    def nlp(self) -> Any:
        """The spaCy ``Language`` (loaded on first use, once per process)."""
        return load_nlp(self.settings.model)

    def run(self, targets: Iterable[str], *, published: dt.date | None = None) -> Iterator[Result]:
        """Read, clean, parse and extract every article in ``targets`` (paths, URLs, ``-``)."""
        items = iter_raw_inputs(targets, settings=self.settings)
        return self.process_items(items, published=published)

    def process_items(
        self, items: Iterable[RawInput | InputError], *, published: dt.date | None = None
    ) -> Iterator[Result]:
        """Clean and extract already-read items; errors pass through in order."""
        articles = (self._build(item, published) for item in items)
        return self.process_articles(articles)

    def process_articles(self, articles: Iterable[Article | DatelineError]) -> Iterator[Result]:
        """Parse cleaned articles in batches and extract their records."""
        for batch in self._batches(articles):
            yield from self._process_batch(batch)

    def _batches(
        self, articles: Iterable[Article | DatelineError]
    ) -> Iterator[list[Article | DatelineError]]:
        batch: list[Article | DatelineError] = []
        chars = 0
        for item in articles:
            size = len(item.text) if isinstance(item, Article) else 0
            if batch and (
                len(batch) >= self.settings.batch_size
                or (size and chars + size > self.settings.batch_chars)
            ):
                yield batch
                batch, chars = [], 0
            batch.append(item)
            chars += size
        if batch:
            yield batch

    def extract_text(
        self, text: str, *, published: dt.date | None = None, source: str = "<text>"
    ) -> ArticleRecord:
        """Return the record of one article given as plain text.

        Raises:
            DatelineError: when the text is empty, not in a supported language, or fails.
        """
        result = next(self.process_items([RawInput(source=source, text=text)], published=published))
        if isinstance(result, DatelineError):
            raise result
        return result

    def _build(
        self, item: RawInput | InputError, published: dt.date | None
    ) -> Article | DatelineError:
        if isinstance(item, InputError):
            return item
        try:
            article = build_article(
                item, settings=self.settings, detector=self._detector, published=published
            )
        except InputError as error:
            return error
        if len(article.text) > self.settings.max_chars:
            return InputTooLargeError(
                f"the article is {len(article.text):,} characters long, over the limit of "
                f"{self.settings.max_chars:,}; raise it with --max-chars",
                source=article.source,
            )
        return article

    def _process_batch(self, batch: list[Article | DatelineError]) -> Iterator[Result]:
        articles = [item for item in batch if isinstance(item, Article)]
        nlp = self.nlp
        nlp.max_length = max(nlp.max_length, self.settings.max_chars + 1)
        docs = nlp.pipe(((a.text, a) for a in articles), as_tuples=True)
        records: dict[int, Result] = {}
        for doc, article in docs:
            records[id(article)] = self._extract(doc, article)
        for item in batch:
            yield records[id(item)] if isinstance(item, Article) else item

    @staticmethod
    def _extract(doc: Any, article: Article) -> Result:
        try:
            return extract_record(doc, article)
        except Exception as exc:  # A bug in one extractor must not lose the rest of a batch.
            error = ExtractionError(
                f"{article.source or article.id}: extraction failed "
                f"({type(exc).__name__}: {exc}); please report this with the article"
            )
            error.__cause__ = exc
            return error
