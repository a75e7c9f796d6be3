"""Turn a saved news web page into the article a reader keeps, with its metadata.

The heavy lifting is trafilatura's (main-text detection, its readability and jusText
fallbacks, metadata and htmldate). This module only decides how to call it and repairs the
failure modes we measured on real pages (``bench/extraction.py``):

* story streams and "related" rails glued to the article (Yahoo's ``js-stream-content``, a
  column list under an opinion piece) are pruned from the tree before extraction, because
  trafilatura otherwise picks a container holding both;
* a short result is retried with trafilatura's recall settings, because on a short page one
  lost paragraph is a large share of the story;
* figure captions and sentences left loose between blocks (no ``<p>`` of their own) are made
  paragraphs, because trafilatura drops both and readers see them;
* a standfirst shown on the page (the meta description also visible as text) is kept as the
  first paragraph, because it carries claims the body does not repeat;
* the headline is never part of the body, and a trailing "You might also like" block is cut;
* the body is rebuilt from trafilatura's tree, so a line wrapped inside a ``<p>`` stays one
  paragraph.

Readers and cleaners never parse language: nothing here loads spaCy.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml import etree

from dateline.errors import HTMLError

__all__ = ["PageContent", "extract_html"]

# Class or id tokens of containers that hold other stories, never the article itself. Matched
# as whole tokens (split on space, "_" and "-" boundaries) so "unrelated" or "streamline"
# layout names do not match.
_FEED_TOKENS = re.compile(
    r"(?:^|[\s_-])(?:stream-content|related|recommended|recommendations?|more-stories|"
    r"most-popular|most-read|trending|outbrain|taboola|other-opinion-columns)(?:$|[\s_-])",
    re.IGNORECASE,
)
_FEED_TAGS = ("div", "section", "aside", "ul", "ol", "li", "nav")
# A container holding the headline or the marked-up article body is the article's own
# wrapper, however it is named.
_ARTICLE_INSIDE = etree.XPath(".//article|.//h1|.//*[@itemprop='articleBody']")

# Headings that open the end-of-page furniture after a story. Only honoured in the second
# half of the body, so a story that begins with "Related:" keeps its text.
_TRAILER_HEADING = re.compile(
    r"^(?:you (?:might|may) also like|related(?: stories| articles| videos| coverage| content)?|"
    r"more (?:from|on|stories|news)\b.*|recommended(?: for you| stories)?|"
    r"most (?:popular|read|viewed)|featured slide ?shows|trending(?: now)?|"
    r"other [\w ]{0,30} columns|comments|loading comments\W*|latest (?:news|stories))$",
    re.IGNORECASE,
)
# Separators sites put between a headline and their own name.
_TITLE_SEPARATORS = re.compile(r"\s+[|\-—–:·•]\s+")
_WORD = re.compile(r"\w+")
_BY_PREFIX = re.compile(r"^\s*by[\s:]+", re.IGNORECASE)
_MONTHS = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
# trafilatura's output tree uses its own names (p, head, list/item, quote, table/row/cell) and,
# when a fallback won, plain HTML ones; a line break inside a block starts a new paragraph,
# as trafilatura's own text output does.
_BLOCK_TAGS = frozenset(
    {"p", "head", "list", "item", "quote", "table", "row", "cell", "div", "section", "article"}
    | {"main", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td"}
    | {"th", "figure", "figcaption", "pre", "code", "dl", "dt", "dd", "body"}
)
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "cite", "em", "i", "mark", "q", "small", "span", "strong", "sub", "sup"}
    | {"time", "u"}
)
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "td"})
# Loose text shorter than this is a label or separator ("|", "Advertisement"), not prose.
_LOOSE_TEXT_WORDS = 8
_BREAK_TAGS = frozenset({"lb", "br", "hr"})
# Placeholder names that log-in and comment forms put where trafilatura looks for an author.
_NOT_AUTHORS = frozenset({"username", "user name", "admin", "administrator", "guest", "user"})
_ROLE_SUFFIX = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+)?(?:Editor|Correspondent|Reporter|Writer|Columnist|Contributor|"
    r"Producer)$"
)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")

# Fewer words than this is a menu link or a button label ("Home"), not an article.
_MIN_ARTICLE_WORDS = 5
_BYLINE_ELEMENTS = etree.XPath(
    ".//*[contains(translate(@class, 'BYLINE', 'byline'), 'byline')][not(self::body)]"
)
_MAX_BYLINE_WORDS = 8
_VISIBLE_TEXT = etree.XPath(
    ".//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript "
    "or ancestor::template)]"
)
# Below this many words a body is retried with favor_recall (tmz-1: a 130-word story lost
# its last paragraphs under the balanced settings).
_SHORT_BODY_WORDS = 300
# The recall run replaces the balanced one only if it keeps this share of its words, so a
# different (wrong) container is never swapped in.
_RECALL_OVERLAP = 0.9


@dataclass(frozen=True, slots=True)
class PageContent:
    """The article text and metadata a reader keeps from one web page."""

    body: str
    title: str | None
    byline: str | None
    published: dt.date | None
    outlet: str | None
    description: str | None
    language: str | None


def extract_html(html: str, *, source: str | None = None, url: str | None = None) -> PageContent:
    """Extract the article body and metadata from a saved web page.

    Args:
        html: the page's markup, decoded to text; broken or unclosed markup is fine.
        source: where the page came from (a path or URL), named in error messages.
        url: the page's address, if known; it helps trafilatura name the outlet and date.

    Returns:
        A ``PageContent`` whose ``body`` holds the article's paragraphs separated by blank
        lines, without headline or navigation.

    Raises:
        HTMLError: the page has no article text (empty, markup only, or not HTML at all).
    """
    if not html.strip():
        raise HTMLError("the page is empty; pass the saved HTML of an article page", source=source)
    # Parsed once: trafilatura edits the tree it is given, so each run gets a copy.
    page = _parse(html, source=source)
    document = _extract(page, url=url, source=source, favor_recall=False)
    paragraphs = _paragraphs(document)
    if _count_words(paragraphs) < _SHORT_BODY_WORDS:
        paragraphs = _prefer_recall(page, paragraphs, url=url, source=source)
    if _count_words(paragraphs) < _MIN_ARTICLE_WORDS:
        raise HTMLError(
            f"no article text found in {len(html)} characters of markup (starts "
            f"{html.strip()[:60]!r}); is this an article page rather than an index or a "
            "script-rendered shell? Save the page after it has loaded, or pass its text",
            source=source,
        )
    title = _clean_title(document.title, outlet=document.sitename)
    description = _clean_text(document.description)
    paragraphs = _drop_title(paragraphs, document.title, title)
    paragraphs = _cut_trailer(paragraphs)
    paragraphs = _add_standfirst(paragraphs, description, page)
    if not paragraphs:
        raise HTMLError(
            f"the page's only text is its headline {title!r}; save the full article page",
            source=source,
        )
    return PageContent(
        body="\n\n".join(paragraphs),
        title=title,
        byline=_clean_byline(document.author) or _byline_from_markup(page),
        published=_to_date(document.date),
        outlet=_clean_outlet(document.sitename),
        description=description,
        language=_page_language(page),
    )


def _parse(html: str, *, source: str | None) -> Any:
    """Parse ``html`` with trafilatura's loader, which repairs broken markup."""
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            # trafilatura rejects a lone fragment ("<p>…</p>") as dubious; a wrapper makes it a
            # document, and a non-HTML string still yields no text further on.
            tree = trafilatura.load_html(f"<html><body><div>{html}</div></body></html>")
    except (ValueError, etree.LxmlError) as exc:
        raise HTMLError(
            f"the markup cannot be parsed ({exc}); pass the page's HTML as text", source=source
        ) from exc
    if tree is None:
        raise HTMLError(
            f"this is not HTML (starts {html.strip()[:60]!r}); pass an HTML page, or read "
            "plain text with the text reader",
            source=source,
        )
    return tree


def _extract(page: Any, *, url: str | None, source: str | None, favor_recall: bool) -> Any:
    """Run trafilatura on a feed-pruned copy of the parsed ``page``; return its document."""
    tree = copy.deepcopy(page)
    _prune_feeds(tree)
    _expose_captions(tree)
    _wrap_loose_text(tree)
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=favor_recall,
            author_blacklist=set(_NOT_AUTHORS),
        )
    except (ValueError, etree.LxmlError) as exc:
        raise HTMLError(
            f"trafilatura could not extract this page ({exc}); check that it is a complete "
            "HTML page",
            source=source,
        ) from exc
    if document is None:
        raise HTMLError(
            "no article text found: the markup has no body text trafilatura can keep; is "
            "this an article page (not an index, a login wall or a script-rendered shell)?",
            source=source,
        )
    return document


def _prune_feeds(tree: Any) -> None:
    """Remove containers of other stories (streams, related rails) from ``tree`` in place."""
    doomed = []
    for element in tree.iter(*_FEED_TAGS):
        names = " ".join(filter(None, (element.get("class"), element.get("id"))))
        if names and _FEED_TOKENS.search(names) and not _ARTICLE_INSIDE(element):
            doomed.append(element)
    for element in doomed:
        # drop_tree keeps the element's tail text, which belongs to the parent.
        if element.getparent() is not None:
            element.drop_tree()


def _expose_captions(tree: Any) -> None:
    """Turn figure captions into paragraphs so trafilatura keeps those inside the article.

    trafilatura drops ``<figure>`` wholesale; its caption is text a reader sees under the
    photo and often the only place a scene is described (nytimes-3, citylab-1).
    """
    for figure in list(tree.iter("figure")):
        text = " ".join(
            " ".join(caption.itertext()) for caption in figure.iter("figcaption")
        ).strip()
        parent = figure.getparent()
        if not _WORD.search(text) or parent is None:
            continue
        # The whole figure goes: its caption may sit in a wrapper classed "caption", which
        # trafilatura discards with the photo (theverge).
        paragraph = tree.makeelement("p", {})
        paragraph.text, paragraph.tail = text, figure.tail
        parent.replace(figure, paragraph)
    for caption in tree.iter("figcaption"):
        caption.tag = "p"


def _wrap_loose_text(tree: Any) -> None:
    """Wrap sentences that sit loose between blocks into ``<p>`` elements, in place.

    trafilatura skips text that follows a block inside a container without a ``<p>`` of its
    own (yahoo-3: a paragraph written straight after a photo ``<div>``); a reader sees it as
    one more paragraph.
    """
    loose = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in _INLINE_TAGS
        and element.getparent() is not None
        and element.getparent().tag in _CONTAINER_TAGS
        and len(_WORD.findall(element.tail or "")) >= _LOOSE_TEXT_WORDS
    ]
    for element in loose:
        paragraph = tree.makeelement("p", {})
        paragraph.text, element.tail = element.tail, None
        # The sentence goes on through inline siblings (a link, an emphasis) to the next block.
        sibling = element.getnext()
        while sibling is not None and sibling.tag in _INLINE_TAGS:
            following = sibling.getnext()
            paragraph.append(sibling)
            sibling = following
        element.addnext(paragraph)


def _paragraphs(document: Any) -> list[str]:
    """Return the paragraphs of trafilatura's body tree, whitespace-collapsed.

    Walking the tree rather than splitting ``document.text`` matters on pages whose source
    wraps lines inside a ``<p>`` (tmz-1): those newlines are spaces to a reader.
    """
    if document.body is None:
        return []
    paragraphs: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        text = " ".join("".join(pending).split())
        pending.clear()
        if _WORD.search(text):
            paragraphs.append(text)

    # iterwalk rather than recursion: a fallback may return deeply nested page markup.
    for event, element in etree.iterwalk(document.body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
            if tag and element.text:
                pending.append(element.text)
            continue
        if tag in _BLOCK_TAGS or tag in _BREAK_TAGS:
            flush()
        if element.tail and element is not document.body:
            pending.append(element.tail)
    flush()
    return paragraphs


def _count_words(paragraphs: list[str]) -> int:
    return sum(len(_WORD.findall(paragraph)) for paragraph in paragraphs)


def _prefer_recall(
    page: Any, paragraphs: list[str], *, url: str | None, source: str | None
) -> list[str]:
    """Return the favor_recall extraction when it is longer and contains the balanced one."""
    try:
        recalled = _paragraphs(_extract(page, url=url, source=source, favor_recall=True))
    except HTMLError:
        # The balanced run's outcome stands; an empty balanced run is reported by the caller.
        return paragraphs
    if _count_words(recalled) <= _count_words(paragraphs):
        return paragraphs
    balanced = Counter(w.lower() for p in paragraphs for w in _WORD.findall(p))
    kept = Counter(w.lower() for p in recalled for w in _WORD.findall(p))
    total = sum(balanced.values())
    if total and sum((balanced & kept).values()) / total < _RECALL_OVERLAP:
        return paragraphs
    return recalled


def _normalise(text: str) -> str:
    """Lowercase word tokens joined by spaces, for comparing strings that differ in markup."""
    return " ".join(_WORD.findall(text.lower()))


def _clean_text(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text is not None else None


def _clean_title(title: str | None, *, outlet: str | None) -> str | None:
    """Strip a leading or trailing part that names the outlet from a headline."""
    title = _clean_text(title)
    if title is None:
        return None
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    outlet_key = _normalise(outlet or "").replace(" ", "")
    if not outlet_key:
        return title
    first, last = separators[0], separators[-1]
    for part, kept in (
        (title[last.end() :], title[: last.start()]),
        (title[: first.start()], title[first.end() :]),
    ):
        key = _normalise(part).replace(" ", "")
        # "Breitbart" vs "breitbart.com", "the Guardian" vs "Guardian": one contains the other.
        if key and (key in outlet_key or outlet_key in key) and kept.strip():
            return kept.strip()
    return title


def _clean_outlet(sitename: str | None) -> str | None:
    """Return the site name, as a bare host when the page only gives its URL (tmz-1)."""
    sitename = _clean_text(sitename)
    if sitename and re.match(r"^https?://", sitename):
        host = urlsplit(sitename).hostname or ""
        return host.removeprefix("www.") or None
    return sitename


def _clean_byline(author: str | None) -> str | None:
    """Return author names as a reader sees them: no "By ", no trailing date fragment."""
    author = _clean_text(author)
    if author is None:
        return None
    names: list[str] = []
    # trafilatura joins the authors it found with "; ", sometimes the same name twice in
    # different case (nytimes-2).
    for part in author.split(";"):
        name = _BY_PREFIX.sub("", part.strip())
        # htmldate-era bylines glue the dateline on ("GILLIAN MOHNEY March").
        name = _MONTHS.sub("", name).strip(" ,;|")
        # A job title after the name ("Ben Silverman Games Editor"), if a full name is left.
        role = _ROLE_SUFFIX.search(name)
        if role and len(name[: role.start()].split()) >= 2:
            name = name[: role.start()]
        if name and name.lower() not in {known.lower() for known in names}:
            names.append(name)
    return ", ".join(names) or None


def _byline_from_markup(tree: Any) -> str | None:
    """Return the text of the first short element classed "byline", when trafilatura found none.

    wapo-1 marks its author only as ``<span class="pb-byline">By <a>Erin Cunningham</a>``.
    """
    for element in _BYLINE_ELEMENTS(tree):
        text = _clean_byline(" ".join(element.itertext()))
        # Digits mean a timestamp or a share count, not a name.
        if (
            text
            and 2 <= len(text.split()) <= _MAX_BYLINE_WORDS
            and not any(char.isdigit() for char in text)
        ):
            return text
    return None


def _to_date(value: str | None) -> dt.date | None:
    """Parse trafilatura's ISO date; an unparseable date is dropped as unknown, not guessed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _drop_title(paragraphs: list[str], *titles: str | None) -> list[str]:
    """Remove paragraphs near the top that repeat the headline."""
    keys = {_normalise(title) for title in titles if title}
    keys.discard("")
    # Only near the top: a kicker ("chaos theory") may come before the repeated headline.
    head = [p for p in paragraphs[:3] if _normalise(p) not in keys]
    return head + paragraphs[3:]


def _cut_trailer(paragraphs: list[str]) -> list[str]:
    """Cut end-of-page furniture that starts with a heading like "You Might Also Like"."""
    total = sum(len(paragraph) for paragraph in paragraphs)
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if seen > total / 2 and _TRAILER_HEADING.match(paragraph.strip(" .:")):
            return paragraphs[:index]
        seen += len(paragraph)
    return paragraphs


def _add_standfirst(paragraphs: list[str], description: str | None, tree: Any) -> list[str]:
    """Prepend the meta description when the page also shows it as text and the body lacks it."""
    if not description:
        return paragraphs
    # A teaser cut short ("Law enforcement sources tell…", quanta-1's "…computation in") is a
    # summary for link previews, not the standfirst printed on the page.
    if description.endswith(("…", "...")) or not description.rstrip("\"'’” )").endswith(
        (".", "!", "?")
    ):
        return paragraphs
    # Content words (4+ letters), so shared function words do not make it look repeated.
    wanted = {w for w in _WORD.findall(description.lower()) if len(w) >= 4}
    if len(wanted) < 4:
        return paragraphs
    opening = {w.lower() for p in paragraphs[:5] for w in _WORD.findall(p)}
    # Already said in the opening (perhaps reworded): adding it would only repeat it.
    if len(wanted & opening) >= 0.8 * len(wanted):
        return paragraphs
    if _normalise(description) not in _normalise(" ".join(_VISIBLE_TEXT(tree))):
        return paragraphs
    return [description, *paragraphs]


def _page_language(tree: Any) -> str | None:
    """Return the page's declared language as a lowercase primary subtag ("en", "ja")."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(".//meta[@property='og:locale']/@content"),
        *tree.xpath(
            ".//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')="
            "'content-language']/@content"
        ),
    ]
    for candidate in candidates:
        tag = (candidate or "").strip()
        if _LANGUAGE_TAG.match(tag):
            return tag.replace("_", "-").split("-")[0].lower()
    return None
