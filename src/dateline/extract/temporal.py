"""Temporal rules: turn one date expression into an ISO value against the publication date.

This module knows no spaCy. `find_expressions` scans plain text for the date and time
expressions whose meaning the rules below understand; `resolve_expression` turns one of
them into a `Resolution` (an ISO date or ``start/end`` range and a precision), given the
publication date and the tense of the clause the expression sits in. The rules follow
news-writing conventions: a bare weekday is the one of the publication week, read towards
the past in a past-tense clause ("met on Monday") and towards the future in a future one
("will meet on Monday"); a day of a month without a year is its most recent occurrence
unless the clause looks ahead. Relative expressions without a publication date resolve to
``None``: a date we cannot anchor is never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "EXPRESSION_RE",
    "Resolution",
    "Tense",
    "find_expressions",
    "resolve_expression",
    "resolve_month_day",
    "resolve_weekday",
]

Tense = Literal["past", "present", "future"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": None, "few": None, "a few": None, "many": None,
}  # fmt: skip

_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_FULL_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = r"(?i:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
_PART = r"(?:morning|afternoon|evening|night)"
# A lead-in that changes or sharpens the meaning is part of the expression's evidence.
_LEAD = (
    r"(?:\b(?:(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+(?:on\s+|in\s+)?"
    # "in last night's debate": the preposition belongs to the noun, not to the date.
    r"|(?:[Oo]n|[Ii]n)\s+(?!(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Pp]revious|[Tt]oday|[Tt]onight)\b)))?"
)

_CORE = (
    rf"(?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)"
    rf"|(?P<numeric>\b\d{{1,2}}[/.]\d{{1,2}}[/.](?:{_YEAR}|\d\d)\b)"
    rf"|(?P<mdy>(?:{_WD},?\s+)?{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<dmy>(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR}\b)?)"
    rf"|(?P<monthyear>{_FULL_MON},?\s+{_YEAR}\b)"
    rf"|(?P<ago>\b{_NUM}\s+(?:day|week|month|year)s?\s+ago\b)"
    rf"|(?P<relunit>\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious)\s+"
    r"(?:week(?:end)?|month|year)\b)"
    rf"|(?P<weekday>\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?{_WD}\b"
    rf"(?:\s+{_PART}\b)?)"
    r"|(?P<deictic>\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|[Yy]esterday"
    r"|[Tt]oday|[Tt]onight|[Tt]omorrow|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening))\b)"
    rf"|(?P<year>(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=\bof )|(?<=\b[Ss]ince )|(?<=\bduring ))"
    rf"{_YEAR}\b(?![-/]\d))"
    rf"|(?P<month>(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=\b[Ss]ince )|(?<=\bend of )"
    rf"|(?<=\bstart of )|(?<=\bbeginning of )|(?<=\b[Mm]id-)|(?<=\b[Ee]arly )|(?<=\b[Ll]ate ))"
    rf"{_FULL_MON}\b(?!\s+\d))"
    rf"|(?P<ahead>(?<=\b[Ii]n ){_NUM}\s+(?:day|week|month|year)s?\b(?!\s+(?:of|old|ago)\b))"
)
# Every expression starts a word: checking that first lets the scan skip most positions.
EXPRESSION_RE = re.compile(rf"\b(?=[0-9A-Za-z])(?:{_LEAD}(?:{_CORE}))")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one expression means: ``value`` (ISO date or ``start/end``) and ``precision``."""

    value: str | None
    precision: str


VAGUE = Resolution(None, "vague")
_IN_KINDS = frozenset({"year", "month", "monthyear", "ahead"})
# "a Sunday talk show", "every Friday": a kind of day, not a date.
_GENERIC_RE = re.compile(r"\b(?:[Aa]|[Ee]very|[Ee]ach|[Ff]irst)\s+$")
_UPCOMING_DAYS = 14


def find_expressions(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, kind)`` for every date expression the rules understand in ``text``.

    Args:
        text: any text; offsets refer to it.

    Returns:
        Non-overlapping matches in text order; ``kind`` names the rule (``mdy``, ``weekday``…).
    """
    found = []
    for match in EXPRESSION_RE.finditer(text):
        kind = match.lastgroup or "vague"
        start = match.start()
        # "in Tuesday's primary": "in" governs the noun the day modifies, not the day.
        if kind not in _IN_KINDS and text.startswith(("in ", "In "), start):
            start += 3
        if kind == "weekday" and _GENERIC_RE.search(text, max(0, start - 8), start):
            kind = "generic"
        found.append((start, match.end(), kind))
    return found


def week_range(day: dt.date) -> tuple[dt.date, dt.date]:
    """Return the Monday and Sunday of the ISO week that contains ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of ``month`` of ``year``."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_weekday(
    weekday: int, published: dt.date, tense: Tense | None, *, modifier: str | None = None
) -> dt.date:
    """Return the date a weekday name refers to, seen from ``published``.

    Args:
        weekday: 0 for Monday … 6 for Sunday.
        published: the publication date.
        tense: tense of the governing clause; ``None`` when the parse shows none.
        modifier: ``last``, ``next``, ``this``/``coming`` or ``None`` for a bare weekday.

    Returns:
        Past tense (or ``last``): the latest such day on or before ``published`` (strictly
        before for ``last``). Future tense (or ``next``/``coming``): the first on or after it
        (strictly after for ``next``). Otherwise the one in the publication week.
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if modifier == "last" or modifier == "past":
        return published - dt.timedelta(days=back or 7)
    if modifier == "next":
        return published + dt.timedelta(days=ahead or 7)
    if modifier == "coming" or (modifier is None and tense == "future"):
        return published + dt.timedelta(days=ahead)
    if modifier is None and tense == "past":
        return published - dt.timedelta(days=back)
    monday, _ = week_range(published)
    return monday + dt.timedelta(days=weekday)


def resolve_month_day(
    month: int, day: int, published: dt.date, tense: Tense | None
) -> dt.date | None:
    """Return the year-less ``month``/``day`` as a date: the latest on or before ``published``.

    A future-tense clause reads forwards instead (the first on or after ``published``), and
    outside a past-tense clause a date at most two weeks ahead is the upcoming one.
    Returns ``None`` for a day that no candidate year has (31 April).
    """
    if tense != "past":
        # "the November 24 show", written on 20 November: a date days ahead is upcoming.
        try:
            upcoming = dt.date(published.year, month, day)
        except ValueError:
            upcoming = None
        if upcoming is not None and 0 < (upcoming - published).days <= _UPCOMING_DAYS:
            return upcoming
    years = (
        (published.year, published.year + 1)
        if tense == "future"
        else (published.year, published.year - 1)
    )
    for year in years:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if (tense == "future" and candidate >= published) or (
            tense != "future" and candidate <= published
        ):
            return candidate
    # 29 February seen from a year without one: look further.
    for offset in range(2, 9):
        year = published.year + offset if tense == "future" else published.year - offset
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _range(start: dt.date, end: dt.date, precision: str) -> Resolution:
    return Resolution(f"{start.isoformat()}/{end.isoformat()}", precision)


def _day(value: dt.date | None) -> Resolution:
    return Resolution(value.isoformat(), "day") if value else Resolution(None, "day")


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_of(text: str) -> int | None:
    for word in re.findall(r"[A-Za-z]+", text):
        number = MONTHS.get(word.lower())
        if number is not None and word[0].isupper():
            return number
    return None


def _explicit_day(year: int, month: int, day: int) -> Resolution:
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return Resolution(None, "day")


def resolve_expression(
    text: str,
    kind: str,
    published: dt.date | None,
    tense: Tense | None,
    *,
    context_year: int | None = None,
) -> Resolution:
    """Resolve one expression found by `find_expressions`.

    Args:
        text: the expression as matched (lead-in words such as "earlier on" included).
        kind: the rule that matched it (the ``kind`` of `find_expressions`).
        published: the publication date, or ``None`` (relative expressions then stay ``None``).
        tense: tense of the governing clause, or ``None``.
        context_year: a year stated explicitly nearby, used for a day or month without one.

    Returns:
        The `Resolution`; ``VAGUE`` when the rules do not apply.
    """
    core = re.sub(r"^(?:(?:earlier|later|early|late)\s+)?(?:on\s+|in\s+)?", "", text, flags=re.I)
    if kind == "generic":
        return VAGUE
    if kind == "iso":
        year, month, day = (int(part) for part in core[:10].split("-"))
        return _explicit_day(year, month, day)
    if kind == "numeric":
        return _resolve_numeric(core)
    if kind in ("mdy", "dmy"):
        return _resolve_day_of_month(core, published, tense, context_year)
    if kind == "monthyear":
        named = _month_of(core)
        return _range(*month_range(_int(core[-4:]), named), "month") if named else VAGUE
    if kind == "year":
        year = _int(core)
        return _range(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if kind == "month":
        return _resolve_month(core, published, tense, context_year)
    if published is None:
        unit = (
            re.search(r"(day|week|month|year)", text.lower())
            if kind in ("ago", "relunit", "ahead")
            else None
        )
        return Resolution(None, unit.group(1) if unit else "day")
    if kind == "ago":
        return _resolve_ago(core, published)
    if kind == "ahead":
        # "in two weeks" is a date only when the clause looks ahead ("will meet in two
        # weeks"); "rose in two years" is a duration.
        return _resolve_ago(core + " ago", published, ahead=True) if tense == "future" else VAGUE
    if kind == "relunit":
        return _resolve_relative_unit(text, published)
    if kind == "weekday":
        return _resolve_weekday_expression(core, published, tense)
    if kind == "deictic":
        return _resolve_deictic(core, published)
    return VAGUE


def _resolve_numeric(core: str) -> Resolution:
    first, second, year_text = re.split(r"[/.]", core)
    year = int(year_text)
    if year < 100:
        year += 2000 if year < 70 else 1900
    month, day = int(first), int(second)
    # US order by default; a first number over 12 can only be a day (29/04/2024).
    if month > 12 >= day:
        month, day = day, month
    return _explicit_day(year, month, day)


def _resolve_day_of_month(
    core: str, published: dt.date | None, tense: Tense | None, context_year: int | None
) -> Resolution:
    month = _month_of(core)
    days = [int(n) for n in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", core)]
    years = re.findall(rf"\b{_YEAR}\b", core)
    if month is None or not days:
        return VAGUE
    if years:
        return _explicit_day(int(years[-1]), month, days[0])
    if context_year is not None:
        return _explicit_day(context_year, month, days[0])
    if published is None:
        return Resolution(None, "day")
    return _day(resolve_month_day(month, days[0], published, tense))


def _resolve_month(
    core: str, published: dt.date | None, tense: Tense | None, context_year: int | None
) -> Resolution:
    month = _month_of(core)
    if month is None:
        return VAGUE
    if context_year is not None:
        return _range(*month_range(context_year, month), "month")
    if published is None:
        return Resolution(None, "month")
    year = published.year
    if tense == "future" and month < published.month:
        year += 1
    elif tense != "future" and month > published.month:
        year -= 1
    return _range(*month_range(year, month), "month")


def _resolve_ago(core: str, published: dt.date, *, ahead: bool = False) -> Resolution:
    match = re.match(r"(?P<n>.+?)\s+(?P<unit>day|week|month|year)s?\s+ago", core, re.I)
    if match is None:
        return VAGUE
    number_text = match["n"].lower()
    count = int(number_text) if number_text.isdigit() else NUMBER_WORDS.get(number_text)
    if count is None:
        return VAGUE
    unit = match["unit"].lower()
    if ahead:
        count = -count
    if unit == "day":
        return _day(published - dt.timedelta(days=count))
    if unit == "week":
        return _range(*week_range(published - dt.timedelta(weeks=count)), "week")
    if unit == "month":
        return _range(*month_range(*_shift_month(published.year, published.month, -count)), "month")
    year = published.year - count
    return _range(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _resolve_relative_unit(text: str, published: dt.date) -> Resolution:
    words = text.lower().split()
    unit = words[-1]
    modifier = words[-2]
    step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(modifier, 0)
    lead = words[0] if len(words) > 2 else None
    if unit == "weekend":
        monday, _ = week_range(published + dt.timedelta(weeks=step))
        saturday = monday + dt.timedelta(days=5)
        return _range(saturday, saturday + dt.timedelta(days=1), "week")
    if unit == "week":
        if modifier == "past":
            return _range(published - dt.timedelta(days=7), published, "week")
        start, end = week_range(published + dt.timedelta(weeks=step))
    elif unit == "month":
        start, end = month_range(*_shift_month(published.year, published.month, step))
    else:
        year = published.year + step
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    # "earlier this week" ends today; "later this month" starts today.
    if step == 0 and lead == "earlier":
        end = published
    elif step == 0 and lead == "later":
        start = published
    return _range(start, end, unit)


def _resolve_weekday_expression(core: str, published: dt.date, tense: Tense | None) -> Resolution:
    words = core.lower().split()
    modifier = words[0] if words[0] in ("last", "next", "this", "coming", "past") else None
    name = next(word for word in words if word in WEEKDAYS)
    return _day(resolve_weekday(WEEKDAYS.index(name), published, tense, modifier=modifier))


def _resolve_deictic(core: str, published: dt.date) -> Resolution:
    phrase = " ".join(core.lower().split())
    offsets = {
        "the day before yesterday": -2,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day after tomorrow": 2,
    }
    return _day(published + dt.timedelta(days=offsets.get(phrase, 0)))
