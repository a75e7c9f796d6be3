"""Render an HTML page to the text a reader gets by select-all and copy.

This is the *whole* visible page — navigation, cookie banners, related links, comments and
footers included — because that is what users paste into Dateline. It feeds the
boilerplate cleaner's benchmark and lets tests build realistic pasted text from saved pages.
It is not the article extractor: nothing here decides what is article and what is not.

Rendering is delegated to ``inscriptis`` (a CSS-aware HTML-to-text renderer); this module
only removes what a browser would not show and shapes the output as a clipboard would:
block elements on their own lines, no indentation, no list bullets, at most one blank
line between blocks.
"""

from __future__ import annotations

import re
from typing import Any

from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.html_engine import Inscriptis
from inscriptis.model.config import ParserConfig
from inscriptis.model.html_element import HtmlElement
from inscriptis.model.tag import CustomHtmlTagHandlerMapping
from lxml import etree
from lxml import html as lxml_html

from dateline.errors import HTMLError

__all__ = ["render_visible_text"]

# Elements a browser never paints: their text never reaches the clipboard. <noscript> is
# here because readers run JavaScript; <svg> because its <title>/<desc> are tooltips.
_INVISIBLE_TAGS = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
    "select",
    "datalist",
    "input",
    "textarea",
)

_HIDING_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLANK_RUN = re.compile(r"\n{3,}")
_INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _li_start(state: Any, _attrs: dict[str, str]) -> None:
    # A browser's plain-text clipboard carries no bullet glyphs, only the item's text.
    state.tags[-1].list_bullet = ""
    state.tags[-1].write("")


def _no_op_start(_state: Any, _attrs: dict[str, str]) -> None:
    return


def _no_op_end(_state: Any) -> None:
    return


def _config() -> ParserConfig:
    css: dict[str, HtmlElement] = dict(CSS_PROFILES["strict"])
    for tag in ("ul", "ol"):
        # Clipboard text has no indentation for lists.
        css[tag] = HtmlElement(display=css[tag].display)
    handlers = CustomHtmlTagHandlerMapping(
        start_tag_mapping={"li": _li_start, "ul": _no_op_start, "ol": _no_op_start},
        end_tag_mapping={"ul": _no_op_end, "ol": _no_op_end},
    )
    return ParserConfig(css=css, custom_html_tag_handler_mapping=handlers)


def _is_hidden(element: Any) -> bool:
    attrib = element.attrib
    if "hidden" in attrib:
        return True
    style = attrib.get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    # A closed <dialog> is not rendered; an open one (cookie banners often are) is.
    return bool(element.tag == "dialog" and "open" not in attrib)


def _strip_invisible(root: Any) -> None:
    doomed = list(root.iter(*_INVISIBLE_TAGS))
    doomed.extend(el for el in root.iter() if isinstance(el.tag, str) and _is_hidden(el))
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        # drop_tree keeps the element's tail text, which belongs to the parent.
        element.drop_tree()
    # Comments and processing instructions are never painted.
    for node in root.xpath("//comment() | //processing-instruction()"):
        if node.getparent() is not None:
            node.drop_tree()


def _shape(text: str) -> str:
    text = _ZERO_WIDTH.sub("", text)
    lines = [_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    shaped = _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")
    return shaped + "\n" if shaped else ""


def render_visible_text(html: str) -> str:
    """Render an HTML page to the visible text of select-all + copy.

    Args:
        html: the page's markup, already decoded to ``str``.

    Returns:
        The visible text with ``\\n`` line ends: each block element (paragraph, heading,
        list item, table row, div) on its own line, one blank line at most between blocks,
        inline whitespace collapsed, no script/style/hidden content. Empty when the page
        has no visible text.

    Raises:
        HTMLError: when lxml cannot build a document from the markup, e.g. it holds no
            element at all (only a doctype, comments or processing instructions).
    """
    markup = _XML_DECLARATION.sub("", html, count=1)
    if not markup.strip():
        return ""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise HTMLError(
            f"cannot render the markup as HTML ({exc}); first characters: {markup[:80]!r}. "
            "Pass the page's decoded HTML source with at least one element, not only "
            "comments, a doctype or processing instructions."
        ) from exc
    _strip_invisible(root)
    text: str = Inscriptis(root, _config()).get_text()
    return _shape(text)
