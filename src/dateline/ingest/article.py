"""Turn one raw input (text, HTML or a fetched page) into a cleaned `Article`.

This is where the readers meet the cleaner: plain text goes through the boilerplate cleaner
and the layout finder; HTML goes through trafilatura (`ingest.html`), whose body is already
the article, and only has its characters normalised. Either way the result is one `Article`
whose ``text`` every later offset refers to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from dateline.clean import CleanedText, clean_text, cut_spans, detect_language
from dateline.clean.boilerplate import BoilerplateDetector
from dateline.clean.normalize import normalize_text
from dateline.clean.offsets import compose
from dateline.config import Settings
from dateline.errors import EmptyInputError, LanguageError
from dateline.ingest.html import extract_html
from dateline.model import Article, TextSpan, content_id

__all__ = ["RawInput", "build_article", "looks_like_html"]


@dataclass(frozen=True, slots=True)
class RawInput:
    """One article as a reader found it: exactly one of ``text`` or ``html`` is set."""

    source: str
    text: str | None = None
    html: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` is markup rather than prose (sniffed from its opening)."""
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<meta")) or (
        head.startswith("<") and ("<p" in text[:20000].lower() or "<div" in text[:20000].lower())
    )


def build_article(
    item: RawInput,
    *,
    settings: Settings,
    detector: BoilerplateDetector | None = None,
    published: dt.date | None = None,
) -> Article:
    """Clean ``item`` into an `Article`.

    Args:
        item: the raw input.
        settings: languages accepted, among others.
        detector: shared across a batch so an outlet's repeated lines are recognised.
        published: the publication date to use when the input does not carry one.

    Raises:
        EmptyInputError: nothing of an article is left after cleaning.
        HTMLError: markup without article text.
        LanguageError: the article is not in one of ``settings.languages``.
    """
    if item.html is not None:
        article = _from_html(item, item.html, published=published)
    elif item.text is not None:
        article = _from_text(item, item.text, detector=detector, published=published)
    else:
        raise EmptyInputError("the input has neither text nor html", source=item.source)
    return _check_language(article, settings=settings)


def _from_text(
    item: RawInput, raw: str, *, detector: BoilerplateDetector | None, published: dt.date | None
) -> Article:
    cleaned = clean_text(raw, detector=detector, outlet=item.outlet)
    if not cleaned.text.strip():
        raise EmptyInputError(
            "no article text is left once boilerplate is removed", source=item.source
        )
    return _article(item, cleaned, published=item.published or published)


def _from_html(item: RawInput, html: str, *, published: dt.date | None) -> Article:
    page = extract_html(html, source=item.source, url=item.url)
    raw = f"{page.title}\n\n{page.body}" if page.title else page.body
    normalised, normal_map = normalize_text(raw)
    text, trim_map = cut_spans(normalised, [])
    offset_map = compose(trim_map, normal_map)
    headline_span = standfirst_span = None
    if page.title:
        headline = text.split("\n", 1)[0]
        headline_span = TextSpan(0, len(headline), headline)
    if page.description:
        # trafilatura's reader keeps a standfirst the page shows as the body's first paragraph.
        body_at = headline_span.end + 2 if headline_span else 0
        standfirst, _ = normalize_text(page.description)
        if text.startswith(standfirst, body_at):
            standfirst_span = TextSpan(body_at, body_at + len(standfirst), standfirst)
    return Article(
        id=content_id(text),
        text=text,
        source=item.source,
        outlet=item.outlet or page.outlet,
        headline=headline_span.text if headline_span else None,
        standfirst=page.description,
        byline=page.byline,
        published=item.published or page.published or published,
        language=page.language,
        headline_span=headline_span,
        standfirst_span=standfirst_span,
        offset_map=offset_map,
    )


def _article(item: RawInput, cleaned: CleanedText, *, published: dt.date | None) -> Article:
    text, layout = cleaned.text, cleaned.layout

    def span(bounds: tuple[int, int] | None) -> TextSpan | None:
        return TextSpan(bounds[0], bounds[1], text[bounds[0] : bounds[1]]) if bounds else None

    headline, standfirst = span(layout.headline), span(layout.standfirst)
    return Article(
        id=content_id(text),
        text=text,
        source=item.source,
        outlet=item.outlet,
        headline=headline.text if headline else None,
        standfirst=standfirst.text if standfirst else None,
        byline=layout.byline_names,
        published=published,
        headline_span=headline,
        standfirst_span=standfirst,
        removed=cleaned.removed,
        offset_map=cleaned.offset_map,
    )


def _check_language(article: Article, *, settings: Settings) -> Article:
    detected = detect_language(article.text[article.body_start :]) or article.language
    if detected:
        detected = detected.split("-")[0].split("_")[0].lower()
    if settings.languages and detected and detected not in settings.languages:
        raise LanguageError(
            f"the article is in {detected!r}, not in {', '.join(settings.languages)}; "
            "pass --language with its code and a matching --model to read it",
            source=article.source,
        )
    if detected == article.language:
        return article
    return dataclasses.replace(article, language=detected)
