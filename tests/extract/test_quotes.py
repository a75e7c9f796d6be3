"""Quotes: each phenomenon of the "who said what" issue on real sentence shapes, the seed
article's gold quotes, robustness to stray marks, and span invariants (hypothesis)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.quotes import extract_quotes
from dateline.model import Quote

WORD_RE = re.compile(r"\w+")


def _quotes(nlp: Any, text: str) -> list[Quote]:
    return extract_quotes(nlp(text))


def _only(nlp: Any, text: str) -> Quote:
    quotes = _quotes(nlp, text)
    assert len(quotes) == 1, [(q.text, q.kind) for q in quotes]
    return quotes[0]


def _mention(quote: Quote) -> str | None:
    return quote.speaker_mention.text if quote.speaker_mention else None


def _cue(quote: Quote) -> str | None:
    return quote.cue.text if quote.cue else None


def _assert_well_formed(text: str, quotes: list[Quote]) -> None:
    previous_end = -1
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.start >= previous_end, "quote spans overlap"
        previous_end = quote.end
        for span in (quote.speaker_mention, quote.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert quote.kind in ("direct", "mixed", "indirect")
        assert quote.speaker is None and quote.speaker_name is None


def test_curly_straight_and_mixed_marks(nlp: Any) -> None:
    for text in (
        "“We will not back down,” the minister said.",
        '"We will not back down," the minister said.',
        '“We will not back down," the minister said.',
    ):
        quote = _only(nlp, text)
        assert quote.text == "We will not back down,"
        assert quote.kind == "direct"
        assert _mention(quote) == "the minister"
        assert _cue(quote) == "said"


def test_split_quote_gives_two_quotes_of_one_speaker(nlp: Any) -> None:
    text = "“The deal is dead,” he said, “and we will not revive it.”"
    first, second = _quotes(nlp, text)
    assert first.text == "The deal is dead,"
    assert second.text == "and we will not revive it."
    assert first.speaker_mention == second.speaker_mention
    assert _mention(first) == "he"


def test_quote_running_over_paragraphs(nlp: Any) -> None:
    text = (
        "Herzog told the American diplomat, “I want to thank you for the strong support.\n\n"
        "“I think freeing the hostages is the utmost priority,” the president continued."
    )
    first, second = _quotes(nlp, text)
    assert first.text == "I want to thank you for the strong support."
    assert (_mention(first), _cue(first)) == ("Herzog", "told")
    assert (_mention(second), _cue(second)) == ("the president", "continued")


def test_three_paragraph_run_on_keeps_the_speaker(nlp: Any) -> None:
    text = (
        "Smith told the rally: “We will fight on, whatever the cost to our party.\n\n"
        "“We will never surrender to those who want to silence us.\n\n"
        "“And we will win in November,” he added."
    )
    first, middle, last = _quotes(nlp, text)
    assert (_mention(first), _cue(first)) == ("Smith", "told")
    assert middle.text == "We will never surrender to those who want to silence us."
    assert middle.speaker_mention == first.speaker_mention
    assert (_mention(last), _cue(last)) == ("he", "added")


def test_tweet_reported_through_an_apposition(nlp: Any) -> None:
    text = (
        "Blinken also met with opposition leader Yair Lapid, the latter tweeting afterwards "
        "that they “discussed the international efforts to promote a hostage deal.”"
    )
    quote = _only(nlp, text)
    assert quote.text.endswith("discussed the international efforts to promote a hostage deal.")
    assert (_mention(quote), _cue(quote)) == ("the latter", "tweeting")


def test_unclosed_quote_runs_to_the_end_of_its_paragraph(nlp: Any) -> None:
    text = (
        "Netanyahu said on Tuesday that if the court issues warrants, it would constitute "
        "an “unprecedented antisemitic hate crime.\n\nThe court did not respond to a request."
    )
    quote = _only(nlp, text)
    assert quote.text.endswith("unprecedented antisemitic hate crime.")
    assert "court issues warrants" in quote.text
    assert quote.kind == "mixed"
    assert _mention(quote) == "Netanyahu"


def test_quote_without_cue_continues_the_previous_speaker(nlp: Any) -> None:
    text = (
        "“Secretary Blinken reaffirmed the US commitment to Israel’s security,” the release "
        "continued. “He also discussed the need to avoid further expansion of the conflict.”\n\n"
        "“The talks will go on next week in Cairo with both delegations.”"
    )
    quotes = _quotes(nlp, text)
    assert len(quotes) == 3
    assert {_mention(q) for q in quotes} == {"the release"}
    assert all(q.speaker_mention == quotes[0].speaker_mention for q in quotes)


def test_nested_single_quotes_stay_in_the_outer_quote(nlp: Any) -> None:
    quote = _only(nlp, "“They told us ‘leave now’ and we left our homes,” she said.")
    assert quote.text == "They told us ‘leave now’ and we left our homes,"
    assert _mention(quote) == "she"


def test_headline_speaker_before_to(nlp: Any) -> None:
    text = (
        "Blinken to Netanyahu: Israel must ‘avoid further expansion’ of war\n\n"
        "The secretary of state met the prime minister in Jerusalem."
    )
    quote = _only(nlp, text)
    assert quote.text == "avoid further expansion"
    assert _mention(quote) == "Blinken"


def test_according_to_names_the_source(nlp: Any) -> None:
    quote = _only(
        nlp, "The talks will resume next week, according to a statement from the foreign ministry."
    )
    assert quote.kind == "indirect"
    assert quote.text == "The talks will resume next week"
    assert _mention(quote) == "a statement from the foreign ministry"
    assert _cue(quote) == "according to"


def test_that_clause_is_an_indirect_quote(nlp: Any) -> None:
    quote = _only(nlp, "The minister said that the border crossing would reopen on Monday.")
    assert quote.kind == "indirect"
    assert "border crossing would reopen on Monday" in quote.text
    assert (_mention(quote), _cue(quote)) == ("The minister", "said")


def test_speaker_after_the_content(nlp: Any) -> None:
    quote = _only(nlp, "The border crossing will reopen on Monday, officials said.")
    assert quote.text == "The border crossing will reopen on Monday"
    assert (_mention(quote), _cue(quote)) == ("officials", "said")


def test_media_and_places_as_speakers(nlp: Any) -> None:
    radio = _only(
        nlp, "The zone will be located south of Wadi Gaza, Army Radio reported on Wednesday."
    )
    assert (_mention(radio), _cue(radio)) == ("Army Radio", "reported")
    capital = _only(nlp, "Jerusalem says that conquering the city is essential to winning the war.")
    assert _mention(capital) == "Jerusalem"


def test_a_quoted_term_with_a_speaker_is_a_quote(nlp: Any) -> None:
    text = "Strook harshly criticized the terms of the deal, calling the Israeli proposal “trash.”"
    quote = _only(nlp, text)
    assert quote.text.startswith("trash")
    assert quote.kind == "mixed"
    assert (_mention(quote), _cue(quote)) == ("Strook", "calling")


def test_inverted_speaker_after_a_closing_mark(nlp: Any) -> None:
    text = "“Debate recap,” tweeted Rubio spokesman Alex Conant. “Clinton came from the sixties.”"
    first, second = _quotes(nlp, text)
    assert (_mention(first), _cue(first)) == ("Rubio spokesman Alex Conant", "tweeted")
    assert second.speaker_mention == first.speaker_mention


def test_relative_clause_speaker_is_named_by_its_antecedent(nlp: Any) -> None:
    text = (
        "Prices are rising, said Mr. Ekovich, who noted that the price of some golf courses "
        "had fallen to about half their former value."
    )
    said, noted = _quotes(nlp, text)
    assert (_mention(said), _cue(said)) == ("Mr. Ekovich", "said")
    assert (_mention(noted), _cue(noted)) == ("Mr. Ekovich", "noted")
    assert noted.text.endswith("about half their former value")


def test_scare_quotes_titles_and_nicknames_are_not_quotes(nlp: Any) -> None:
    for text in (
        "The so-called “peace plan” was published on Monday by the ministry.",
        "She appeared on NBC’s “Meet the Press” on Sunday morning.",
        "Johnson, known as “The Hammer,” arrived late to the vote.",
        "The plan was described as “unprecedented” in the report.",
    ):
        assert _quotes(nlp, text) == [], text


def test_quoted_terms_after_a_comma_are_not_direct_quotes(nlp: Any) -> None:
    # A capitalised term after a comma looks like the start of a direct quote; without
    # punctuation of its own and with no cue governing it, it is a name for something.
    for text, term in (
        (
            "Given the precision of this kind of targeting, “PII” isn’t necessary to reveal my "
            "identity.",
            "PII",
        ),
        (
            "After the merger, “Xbox Live” accounts will show the new terms, the company said.",
            "Xbox Live",
        ),
    ):
        quotes = _quotes(nlp, text)
        assert all(q.text != term and q.kind == "indirect" for q in quotes), quotes


def test_short_quoted_sentence_with_its_own_punctuation_is_still_a_quote(nlp: Any) -> None:
    quote = _only(nlp, "Asked about the merger, the chief executive said, “No comment.”")
    assert quote.text == "No comment."
    assert _mention(quote) == "the chief executive"


def test_all_told_is_not_a_reporting_cue(nlp: Any) -> None:
    text = (
        "All told, it’s a neat narrative that the museum repeats to every visitor who asks "
        "about the machine."
    )
    assert _quotes(nlp, text) == []


def test_finding_oneself_is_not_a_finding(nlp: Any) -> None:
    assert _quotes(nlp, "Uber soon found itself offering free rides out of the area.") == []
    found = _only(nlp, "A new poll found that most voters favor the plan over the old one.")
    assert found.kind == "indirect"
    assert _mention(found) == "A new poll"


def test_beliefs_are_not_reported(nlp: Any) -> None:
    assert _quotes(nlp, "Analysts believe that the economy will recover next year.") == []


def test_seed_gold_quotes_are_found_with_their_mentions(
    nlp: Any, seed_text: str, seed_gold: dict[str, Any]
) -> None:
    quotes = _quotes(nlp, seed_text)
    _assert_well_formed(seed_text, quotes)
    found = with_mention = 0
    for gold in seed_gold["quotes"]:
        if gold.get("optional"):
            continue
        start = seed_text.index(gold["text"])
        words = len(WORD_RE.findall(gold["text"]))
        for quote in quotes:
            lo, hi = max(start, quote.start), min(start + len(gold["text"]), quote.end)
            if lo < hi and len(WORD_RE.findall(seed_text[lo:hi])) >= 0.6 * words:
                found += 1
                with_mention += gold["speaker_mention"] in (_mention(quote) or "")
                break
    assert found >= 27
    assert with_mention >= 26
    boilerplate = seed_gold["boilerplate_starts_at"]
    assert all(quote.start < boilerplate for quote in quotes)


def test_odd_number_of_marks_keeps_the_other_quotes(nlp: Any, seed_text: str) -> None:
    anchor = "It will be located south of Wadi Gaza"
    broken = seed_text.replace(anchor, "“" + anchor, 1)
    assert broken.count("“") == seed_text.count("“") + 1
    before = {q.text for q in _quotes(nlp, seed_text) if anchor not in q.text}
    after = {q.text for q in _quotes(nlp, broken) if anchor not in q.text}
    assert len(before) >= 25
    assert before <= after


_WORDS = ["the", "minister", "said", "we", "will", "win", "told", "reporters", "that", "Gaza"]
_MARKS = ["“", "”", '"', "‘", "’", "''", ",", ".", "\n\n"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS + _MARKS), min_size=1, max_size=40))
def test_quote_spans_never_overlap_and_slice_to_text(nlp: Any, pieces: list[str]) -> None:
    text = " ".join(pieces)
    _assert_well_formed(text, _quotes(nlp, text))


def test_block_quote_after_a_colon_belongs_to_the_introducing_cue(nlp: Any) -> None:
    text = (
        "The hearing ended late on Tuesday.\n\n"
        "Reporter Jomana Karadsheh says:\n\n"
        "“Well, according to the eyewitnesses, up to about an hour before the attack the "
        "streets were quiet and the guards had gone home.”"
    )
    quote = _only(nlp, text)
    assert quote.kind == "direct"
    assert _mention(quote) == "Reporter Jomana Karadsheh"
    assert _cue(quote) == "says"


def test_block_quote_after_a_sentence_without_colon_has_no_speaker(nlp: Any) -> None:
    # Without the colon the paragraph before is narrative, not an introduction.
    text = (
        "Reporter Jomana Karadsheh says the streets were quiet that night.\n\n"
        "“Up to about an hour before the attack the streets were quiet and the guards had "
        "gone home.”"
    )
    quotes = [q for q in _quotes(nlp, text) if q.text.startswith("Up to")]
    assert len(quotes) == 1
    assert quotes[0].speaker_mention is None
