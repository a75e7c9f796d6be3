"""Dates: each resolution rule, tense across month and year boundaries, no publication date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.dates import clause_tense, extract_dates
from dateline.extract.temporal import find_expressions, resolve_expression, resolve_weekday
from dateline.model import DateMention

SEED_PUBLISHED = dt.date(2024, 5, 1)  # a Wednesday


def _dates(nlp: Any, text: str, published: dt.date | None) -> list[DateMention]:
    return extract_dates(nlp(text), published)


def _only(nlp: Any, text: str, published: dt.date | None) -> DateMention:
    found = _dates(nlp, text, published)
    assert len(found) == 1, [(d.text, d.value) for d in found]
    return found[0]


def test_seed_dates_resolve_against_publication(nlp: Any, seed_text: str) -> None:
    dates = extract_dates(nlp(seed_text), SEED_PUBLISHED)
    by_text: dict[str, set[str | None]] = {}
    for date in dates:
        by_text.setdefault(date.text, set()).add(date.value)
    assert by_text["on Wednesday"] == {"2024-05-01"}
    assert by_text["on Monday"] == {"2024-04-29"}
    assert by_text["on Tuesday"] == {"2024-04-30"}
    assert by_text["Earlier on Wednesday"] == {"2024-05-01"}
    assert by_text["later on Wednesday"] == {"2024-05-01"}
    october = [d for d in dates if d.text.endswith("October 7")]
    assert len(october) == 2
    assert {d.value for d in october} == {"2023-10-07"}
    assert all(d.precision == "day" for d in october)


def test_seed_vague_expressions_kept_without_value(nlp: Any, seed_text: str) -> None:
    dates = extract_dates(nlp(seed_text), SEED_PUBLISHED)
    vague = [d for d in dates if d.text == "previous days"]
    assert vague and vague[0].value is None and vague[0].precision == "vague"


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "precision"),
    [
        ("The minister resigned yesterday, aides said.", "yesterday", "2024-04-30", "day"),
        ("The talks will resume tomorrow in Doha.", "tomorrow", "2024-05-02", "day"),
        ("Prices rose sharply last month.", "last month", "2024-04-01/2024-04-30", "month"),
        ("The company was founded in 2019.", "in 2019", "2019-01-01/2019-12-31", "year"),
        ("Elections are due next week.", "next week", "2024-05-06/2024-05-12", "week"),
        ("He spoke to reporters last week.", "last week", "2024-04-22/2024-04-28", "week"),
        ("The truce collapsed on 3 March 2024.", "on 3 March 2024", "2024-03-03", "day"),
        ("On May 1, 2023, the law took effect.", "On May 1, 2023", "2023-05-01", "day"),
        ("The memo, dated 2024-04-12, was leaked.", "2024-04-12", "2024-04-12", "day"),
        ("The deal was signed on 04/12/2024.", "on 04/12/2024", "2024-04-12", "day"),
        ("The deal was signed on 29/04/2024.", "on 29/04/2024", "2024-04-29", "day"),
        ("Two weeks ago, the army withdrew.", "Two weeks ago", "2024-04-15/2024-04-21", "week"),
        (
            "Earlier this week, the court ruled.",
            "Earlier this week",
            "2024-04-29/2024-05-01",
            "week",
        ),
        ("The strike began in March, unions said.", "in March", "2024-03-01/2024-03-31", "month"),
        ("The vote took place in June 2022.", "in June 2022", "2022-06-01/2022-06-30", "month"),
        ("Protesters returned last Friday.", "last Friday", "2024-04-26", "day"),
        ("The summit opens next Monday.", "next Monday", "2024-05-06", "day"),
        ("He said he slept little last night.", "last night", "2024-04-30", "day"),
        ("The talks will resume in two weeks.", "in two weeks", "2024-05-13/2024-05-19", "week"),
        ("Fighting intensified in late October.", "late October", "2023-10-01/2023-10-31", "month"),
    ],
)
def test_date_rules(nlp: Any, sentence: str, expression: str, value: str, precision: str) -> None:
    matches = [d for d in _dates(nlp, sentence, SEED_PUBLISHED) if d.text == expression]
    assert matches, [d.text for d in _dates(nlp, sentence, SEED_PUBLISHED)]
    assert matches[0].value == value
    assert matches[0].precision == precision


def test_month_day_reads_back_unless_future(nlp: Any) -> None:
    past = _only(nlp, "The attack happened on October 7.", SEED_PUBLISHED)
    assert past.value == "2023-10-07"
    future = _only(nlp, "Americans will vote on November 5.", SEED_PUBLISHED)
    assert future.value == "2024-11-05"


def test_year_stated_in_the_sentence_carries_over(nlp: Any) -> None:
    text = "The court ruled on March 3, 2021, and by March 9 it had heard the appeal."
    values = {d.text: d.value for d in _dates(nlp, text, SEED_PUBLISHED)}
    assert values["on March 3, 2021"] == "2021-03-03"
    assert values["March 9"] == "2021-03-09"


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        # Month boundary: published Friday 1 March 2024.
        ("The envoy met Hamas officials on Tuesday.", dt.date(2024, 3, 1), "2024-02-27"),
        ("The envoy will meet Hamas officials on Tuesday.", dt.date(2024, 3, 1), "2024-03-05"),
        # Year boundary: published Tuesday 2 January 2024 and Friday 29 December 2023.
        ("The talks collapsed on Friday.", dt.date(2024, 1, 2), "2023-12-29"),
        ("The talks are scheduled to resume on Tuesday.", dt.date(2023, 12, 29), "2024-01-02"),
        ("The minister plans to visit Kyiv on Wednesday.", dt.date(2023, 12, 29), "2024-01-03"),
        ("The army withdrew on December 28.", dt.date(2024, 1, 5), "2023-12-28"),
        ("The vote will take place on January 9.", dt.date(2023, 12, 20), "2024-01-09"),
        # Same weekday as publication: that day, past or future.
        ("Blinken met Netanyahu on Wednesday.", SEED_PUBLISHED, "2024-05-01"),
        ("Blinken was set to meet Gantz later on Wednesday.", SEED_PUBLISHED, "2024-05-01"),
    ],
)
def test_tense_aware_resolution_across_boundaries(
    nlp: Any, sentence: str, published: dt.date, value: str
) -> None:
    assert _only(nlp, sentence, published).value == value


def test_clause_tense_from_parse(nlp: Any) -> None:
    doc = nlp("Blinken met Netanyahu on Monday, and he will meet Gantz on Thursday.")
    monday = doc.text.index("Monday")
    thursday = doc.text.index("Thursday")
    assert clause_tense(doc, monday, monday + 6) == "past"
    assert clause_tense(doc, thursday, thursday + 8) == "future"


def test_no_publication_date_leaves_relative_values_empty(nlp: Any) -> None:
    text = (
        "Officials met on Monday and again yesterday; the law passed last month "
        "and takes effect on 1 June 2024, as promised since 2014."
    )
    dates = {d.text: d for d in _dates(nlp, text, None)}
    assert dates["on Monday"].value is None
    assert dates["yesterday"].value is None
    assert dates["last month"].value is None
    assert dates["on 1 June 2024"].value == "2024-06-01"
    assert dates["2014"].value == "2014-01-01/2014-12-31"


def test_weekday_modifiers() -> None:
    wednesday = SEED_PUBLISHED
    assert resolve_weekday(2, wednesday, None, modifier="last") == dt.date(2024, 4, 24)
    assert resolve_weekday(2, wednesday, None, modifier="next") == dt.date(2024, 5, 8)
    assert resolve_weekday(4, wednesday, None) == dt.date(2024, 5, 3)
    assert resolve_weekday(4, wednesday, "past") == dt.date(2024, 4, 26)


def test_impossible_dates_give_no_value() -> None:
    assert resolve_expression("31 April 2024", "dmy", SEED_PUBLISHED, None).value is None
    assert resolve_expression("2024-02-30", "iso", SEED_PUBLISHED, None).value is None


_FRAGMENTS = [
    "Blinken met Netanyahu on Wednesday.",
    "The talks will resume next week in Cairo.",
    "On 3 March 2024, the army withdrew from Khan Younis.",
    "Two days ago the vote was postponed until October 7.",
    "Earlier this week, officials said the 2019 deal was dead.",
    "He will travel on Monday, his office said on 04/05/2024.",
    "Eighty years after the war, nothing has changed.",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=4),
    noise=st.text(alphabet="abc XYZ,.’-0123456789\n", max_size=30),
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_every_date_span_slices_to_its_text(
    nlp: Any, parts: list[str], noise: str, published: dt.date | None
) -> None:
    text = noise + " ".join(parts) + noise
    dates = extract_dates(nlp(text), published)
    previous_end = 0
    for date in dates:
        assert 0 <= date.start < date.end <= len(text)
        assert text[date.start : date.end] == date.text
        assert date.start >= previous_end
        previous_end = date.end
        assert date.precision in {"day", "week", "month", "year", "vague"}
        if date.value is not None:
            for part in date.value.split("/"):
                dt.date.fromisoformat(part)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="0123456789/.- MayJuneOctoberlastnextweekon", max_size=60))
def test_rules_never_fail_on_odd_text(text: str) -> None:
    for start, end, kind in find_expressions(text):
        resolution = resolve_expression(text[start:end], kind, SEED_PUBLISHED, "past")
        assert resolution.precision in {"day", "week", "month", "year", "vague"}


def test_generic_weekdays_get_no_date(nlp: Any) -> None:
    text = "He also hosts a Sunday talk show and meets voters every Friday."
    dates = _dates(nlp, text, SEED_PUBLISHED)
    assert [d.text for d in dates] == ["Sunday", "Friday"]
    assert all(d.value is None and d.precision == "vague" for d in dates)


def test_preposition_of_the_noun_stays_out_of_the_span(nlp: Any) -> None:
    text = "Trump is expected to win nearly all delegates in Tuesday’s New York primary."
    tuesday = _only(nlp, text, dt.date(2016, 4, 14))
    assert tuesday.text == "Tuesday"
    assert tuesday.value == "2016-04-19"


def test_in_n_units_is_a_duration_unless_the_clause_looks_ahead(nlp: Any) -> None:
    dates = _dates(nlp, "Prices rose in two years of drought.", SEED_PUBLISHED)
    assert all(d.value is None for d in dates)
