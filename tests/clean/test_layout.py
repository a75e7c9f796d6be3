"""Headline, standfirst and byline are found by the shape of the top of the text."""

from __future__ import annotations

from typing import Any

from dateline.clean.layout import find_layout


def _part(text: str, bounds: tuple[int, int] | None) -> str | None:
    return text[bounds[0] : bounds[1]] if bounds else None


def test_seed_headline_and_standfirst(seed_text: str, seed_gold: dict[str, Any]) -> None:
    layout = find_layout(seed_text)
    assert _part(seed_text, layout.headline) == seed_gold["headline"]
    assert _part(seed_text, layout.standfirst) == seed_gold["standfirst"]


def test_byline_under_the_headline() -> None:
    text = (
        "Senate passes stopgap bill to avert shutdown\n\nBy Jane Doe and John Roe\n\n"
        "WASHINGTON — The Senate voted 77-19 on Thursday to keep the government open.\n\n"
        "The bill now goes to the House."
    )
    layout = find_layout(text)
    assert _part(text, layout.headline) == "Senate passes stopgap bill to avert shutdown"
    assert layout.byline_names == "Jane Doe and John Roe"
    assert layout.standfirst is None


def test_prose_first_paragraph_is_not_a_headline() -> None:
    text = (
        "The Senate voted 77-19 on Thursday to keep the government open through March.\n\n"
        "The bill now goes to the House, where its fate is less certain."
    )
    assert find_layout(text).headline is None


def test_body_sentence_is_not_a_standfirst() -> None:
    text = (
        "Storm batters coast\n\n"
        "High winds knocked out power to 200,000 homes on Sunday, officials said.\n\n"
        "Crews expect to restore most of it by Tuesday."
    )
    layout = find_layout(text)
    assert layout.headline is not None
    assert layout.standfirst is None
