"""Tests for rendering an HTML page to the visible text of select-all + copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from dateline.errors import HTMLError
from dateline.ingest.visible import render_visible_text

PAGE = """<!DOCTYPE html>
<html><head><title>Tab title</title><style>p {color: red}</style>
<script>var tracking = "should not show";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div id="cookie" role="dialog" open>We use cookies. <button>Accept all</button></div>
<article>
<h1>Council approves the new <em>harbour</em> budget</h1>
<p>The council voted 7-2 on Tuesday to approve the budget,
   the mayor said.</p>
<p style="display: none">Hidden teaser that a reader never sees.</p>
<div hidden>Also hidden.</div>
<span style="visibility:hidden">Invisible span.</span>
<p>A second paragraph with a <a href="/x">link</a> inside it.</p>
<noscript>Please enable JavaScript.</noscript>
<template><p>Template content.</p></template>
<dialog><p>Closed dialog.</p></dialog>
</article>
<footer><p>&copy; 2024 The Harbour Gazette</p></footer>
</body></html>"""


def test_blocks_render_on_their_own_lines() -> None:
    lines = render_visible_text(PAGE).splitlines()
    assert "Council approves the new harbour budget" in lines
    # Whitespace inside a paragraph collapses as a browser would render it.
    assert "The council voted 7-2 on Tuesday to approve the budget, the mayor said." in lines
    assert "A second paragraph with a link inside it." in lines


def test_page_furniture_is_part_of_the_visible_text() -> None:
    lines = render_visible_text(PAGE).splitlines()
    for furniture in ("Home", "World", "© 2024 The Harbour Gazette"):
        assert furniture in lines
    assert any("We use cookies." in line for line in lines)


def test_invisible_content_is_not_rendered() -> None:
    text = render_visible_text(PAGE)
    for invisible in (
        "Tab title",
        "color: red",
        "should not show",
        "Hidden teaser",
        "Also hidden",
        "Invisible span",
        "enable JavaScript",
        "Template content",
        "Closed dialog",
    ):
        assert invisible not in text


def test_clipboard_shape() -> None:
    text = render_visible_text(PAGE)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text
    for line in text.split("\n"):
        assert line == line.strip()
    # No list bullets or indentation from the renderer.
    assert not any(line.startswith(("*", "+", "o ")) for line in text.splitlines())


def test_empty_and_elementless_markup() -> None:
    assert render_visible_text("") == ""
    assert render_visible_text("  \n ") == ""
    with pytest.raises(HTMLError, match="doctype"):
        render_visible_text("<!DOCTYPE html>")


def test_real_page_keeps_article_paragraphs_whole(news_pages_dir: Path) -> None:
    page = news_pages_dir / "guardian-1"
    text = render_visible_text((page / "source.html").read_text(encoding="utf-8"))
    expected = lxml_html.fromstring((page / "expected.html").read_text(encoding="utf-8"))
    paragraphs = [
        " ".join(p.text_content().split()) for p in expected.iter("p") if p.text_content().strip()
    ]
    lines = set(text.splitlines())
    whole = sum(paragraph in lines for paragraph in paragraphs)
    # Every article paragraph should arrive as one line of its own.
    assert whole >= 0.9 * len(paragraphs)
    assert "Skip to main content" in lines
