"""Quotation-mark pairing: mark styles, apostrophes, paragraph run-ons, stray marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.extract.quote_marks import find_quote_spans, paragraph_bounds


def _texts(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_quote_spans(text)]


def test_curly_straight_and_typewriter_marks_pair() -> None:
    assert _texts("“We will win,” she said.") == ["We will win,"]
    assert _texts('"We will win," she said.') == ["We will win,"]
    assert _texts('“We will win," she said.') == ["We will win,"]
    assert _texts("''We will win,'' Mr. Hanson said.") == ["We will win,"]
    assert _texts("``We will win,'' he said.") == ["We will win,"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Hamas’s leaders don’t agree, and the voters’ choice is clear."
    assert find_quote_spans(text) == []


def test_single_quotes_in_a_headline_pair_but_not_across_apostrophes() -> None:
    text = "Blinken to Netanyahu: Israel must ‘avoid further expansion’ of Hamas’s war"
    assert _texts(text) == ["avoid further expansion"]


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "“They told us ‘leave now’ and we left,” she said."
    assert _texts(text) == ["They told us ‘leave now’ and we left,"]


def test_run_on_quote_is_split_per_paragraph_and_flagged() -> None:
    text = (
        "Herzog told the diplomat, “I want to thank you for the support.\n\n"
        "“I think the hostages must come first,” the president continued."
    )
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "I want to thank you for the support.",
        "I think the hostages must come first,",
    ]
    assert [s.closed for s in spans] == [False, True]
    assert [s.continued for s in spans] == [False, True]


def test_unclosed_quote_runs_to_the_end_of_its_paragraph_only() -> None:
    text = (
        "He said it would be an “unprecedented hate crime.\n\n"
        "The court did not comment. “We follow the law,” a spokesman said."
    )
    assert _texts(text) == ["unprecedented hate crime.", "We follow the law,"]


def test_stray_closing_mark_does_not_disturb_other_quotes() -> None:
    text = "The vote” was close.\n\n“We lost,” he said. “We will be back.”"
    assert _texts(text) == ["We lost,", "We will be back."]


def test_paragraph_bounds_skip_blank_lines() -> None:
    text = "One.\n\n\nTwo.\n"
    assert [text[s:e] for s, e in paragraph_bounds(text)] == ["One.", "Two."]


_PIECES = st.lists(
    st.sampled_from(["word", " ", "“", "”", '"', "‘", "’", "''", "\n", "\n\n", ",", "."]),
    max_size=60,
)


@given(_PIECES)
def test_spans_are_ordered_disjoint_and_in_bounds(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = find_quote_spans(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.open_start <= span.start < span.end <= span.close_end
        assert span.close_end <= len(text)
        assert "\n" not in text[span.start : span.end]
        previous_end = span.close_end


def test_single_pair_straddling_a_double_quote_is_dropped() -> None:
    text = "the ‘a “b’ c” d"
    assert _texts(text) == ["b’ c"]
