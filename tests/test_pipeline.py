"""End-to-end invariants of the pipeline: every span points at its text, whatever the input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import Pipeline, Settings
from dateline.errors import DatelineError, EmptyInputError, LanguageError


def spans_in(value: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every ``{start, end, text}`` object inside a record's dict form."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("text"), str):
            yield path, value
        for key, item in value.items():
            yield from spans_in(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from spans_in(item, f"{path}[{index}]")


def assert_spans_slice(record_dict: dict[str, Any], raw: str) -> int:
    text = record_dict["document"]["text"]
    checked = 0
    for path, span in spans_in(record_dict):
        source = raw if path.startswith(".document.removed") else text
        assert 0 <= span["start"] <= span["end"] <= len(source), path
        assert source[span["start"] : span["end"]] == span["text"], path
        checked += 1
    return checked


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    # Random text is in no language; the invariant must hold for any text.
    return Pipeline(Settings(languages=()))


def test_seed_spans_slice_to_their_text(pipeline: Pipeline, seed_text: str) -> None:
    record = pipeline.extract_text(seed_text)
    assert assert_spans_slice(record.to_dict(), seed_text) > 50


@st.composite
def article_like(draw: st.DrawFn, seed: str) -> str:
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    chosen = draw(st.lists(st.sampled_from(paragraphs), min_size=1, max_size=6))
    noise = st.text(
        alphabet=st.sampled_from(list("“”\"'‘’ \n\u00ad\u200b\r\tAbc.,—…")), max_size=12
    )
    pieces = []
    for paragraph in chosen:
        cut = draw(st.integers(0, len(paragraph)))
        pieces.append(paragraph[:cut] + draw(noise) + paragraph[cut:])
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(pieces)


def test_any_text_gives_spans_that_slice(pipeline: Pipeline, seed_text: str) -> None:
    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(article_like(seed_text) | st.text(max_size=300))
    def check(raw: str) -> None:
        try:
            record = pipeline.extract_text(raw)
        except EmptyInputError as error:
            # Whitespace, or nothing but prompts ("Subscribe to get access…"): refused, named.
            assert not raw.strip() or "boilerplate" in str(error)
            return
        assert_spans_slice(record.to_dict(), raw)

    check()


def test_non_english_article_is_refused(seed_text: str) -> None:
    german = (
        "Der Außenminister traf sich am Mittwoch in Jerusalem mit dem Ministerpräsidenten. "
        "Die beiden Politiker sprachen über eine Waffenruhe und die Freilassung der Geiseln."
    )
    with pytest.raises(LanguageError, match="'de'"):
        Pipeline().extract_text(german, source="de.txt")


def test_errors_keep_their_place_in_a_batch(pipeline: Pipeline, seed_text: str) -> None:
    from dateline.ingest import RawInput

    items = [
        RawInput(source="one", text=seed_text),
        RawInput(source="two", text="   "),
        RawInput(source="three", text=seed_text[:3000]),
    ]
    results = list(pipeline.process_items(items))
    assert [type(r).__name__ for r in results] == [
        "ArticleRecord",
        "EmptyInputError",
        "ArticleRecord",
    ]
    assert isinstance(results[1], DatelineError) and "two" in str(results[1])


def test_batches_bounded_by_characters_give_the_same_records(
    pipeline: Pipeline, seed_text: str
) -> None:
    from dateline.ingest import RawInput

    paragraphs = seed_text.split("\n\n")
    items = [
        RawInput(source=str(i), text="\n\n".join(paragraphs[:1] + paragraphs[i : i + 6]))
        for i in range(1, 13, 3)
    ] + [RawInput(source="empty", text="")]
    one_by_one = Pipeline(Settings(batch_chars=1))
    batches = list(one_by_one._batches(pipeline._build(item, None) for item in items))
    # Every article is a batch of its own; the error rides with the article before it.
    assert [len(b) for b in batches] == [1, 1, 1, 2]
    expected = [r.to_dict() for r in pipeline.process_items(items) if not isinstance(r, Exception)]
    found = [r.to_dict() for r in one_by_one.process_items(items) if not isinstance(r, Exception)]
    assert found == expected and len(found) == 4
