"""Normalisation and cutting keep a correct map back to the input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.clean import clean_text, cut_spans
from dateline.clean.boilerplate import Boilerplate
from dateline.clean.normalize import normalize_text
from dateline.clean.offsets import compose, map_offset

_ODD = ["\u00ad", "\u200b", "\r\n", "\r", "\u00a0", "\ufeff", "\u2009", "\x07", "\t", "\n"]
_texts = st.lists(st.one_of(st.sampled_from(_ODD), st.text(max_size=8)), max_size=30).map("".join)


def test_soft_hyphens_and_crlf_are_folded() -> None:
    raw = "Neta\u00adnyahu said\r\nthat\u00a0it was\u200b over."
    text, offset_map = normalize_text(raw)
    assert text == "Netanyahu said\nthat it was over."
    start = text.index("said")
    assert raw[map_offset(offset_map, start) : map_offset(offset_map, start) + 4] == "said"
    assert raw[map_offset(offset_map, text.index("over"))] == "o"


@given(_texts)
def test_every_kept_character_maps_to_itself(raw: str) -> None:
    text, offset_map = normalize_text(raw)
    for position, char in enumerate(text):
        source = raw[map_offset(offset_map, position)]
        assert (
            source == char
            or (char == "\n" and source in "\r\u2028\u2029\x0c")
            or (char == " " and source.isspace())
        )


@given(_texts, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=4))
def test_cut_and_compose_map_to_the_input(raw: str, cuts: list[tuple[int, int]]) -> None:
    text, normal_map = normalize_text(raw)
    spans, position = [], 0
    for offset, length in sorted(cuts):
        start = max(position, min(offset, len(text)))
        end = min(len(text), start + length)
        spans.append(Boilerplate(start, end, "test"))
        position = end
    cut, cut_map = cut_spans(text, spans)
    assert cut == cut.strip()
    full = compose(cut_map, normal_map)
    for position, char in enumerate(cut):
        assert text[map_offset(cut_map, position)] == char
        source = raw[map_offset(full, position)]
        assert source == char or source.isspace() or char in "\n "


def test_clean_text_maps_removed_spans_to_the_input(seed_text: str) -> None:
    cleaned = clean_text(seed_text)
    for span in cleaned.removed:
        assert seed_text[span.start : span.end] == span.text
    for position in (0, len(cleaned.text) // 2, len(cleaned.text) - 1):
        assert seed_text[map_offset(cleaned.offset_map, position)] == cleaned.text[position]
