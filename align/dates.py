"""Dates written in words, in any official language, read as ISO dates.

`19 de diciembre de 2017`, `19 December 2017`, `19 décembre 2017`, `19 декабря 2017 года`,
`19 كانون الأول/ديسمبر 2017` and `2017年12月19日` all read as `2017-12-19`. The other days
of a range or list that shares the month and year are dates too: `27 and 28 September
2017`, `los días 27 y 28 de septiembre de 2017`, `2017年9月27日和28日` name two days each.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from resalign.align.languages import Language
from resalign.align.patterns import lazy

ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_INDIC = lazy("[٠-٩۰-۹]")


def ascii_digits(text: str) -> str:
    """The text with Arabic-Indic digits written as ASCII digits (same length)."""
    return text.translate(ARABIC_INDIC_DIGITS) if _ARABIC_INDIC.search(text) else text


class DateMention(NamedTuple):
    """A date found in a text: where it stands and what day it names."""

    start: int
    end: int
    iso: str


class _Patterns(NamedTuple):
    date: re.Pattern[str]
    month_of: dict[str, int]
    day_before: re.Pattern[str]
    """A day and a joiner right before a date whose day comes first (`27 and `)."""
    day_after: re.Pattern[str]
    """A joiner and a day right after a date whose day comes last (`和28日`)."""
    day_first: bool


@cache
def _patterns(lang: Language) -> _Patterns:
    month_of = {name: index for index, names in enumerate(lang.months, 1) for name in names}
    names = sorted(month_of, key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    joiner = rf"\s*(?:,|{lang.day_joiners})\s*"
    return _Patterns(
        re.compile(lang.date.replace("{month}", f"(?:{alternation})"), re.IGNORECASE),
        month_of,
        re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})(?:º|°|er)?{joiner}$", re.IGNORECASE),
        re.compile(rf"{joiner}(?P<day>\d{{1,2}})日", re.IGNORECASE),
        lang.date.index("(?P<day>") < lang.date.index("(?P<year>"),
    )


def find_dates(text: str, lang: Language) -> list[DateMention]:
    """Every valid date written in `lang`'s style in `text`, in order, with the other
    days of a range or list that shares its month and year."""
    patterns = _patterns(lang)
    text = ascii_digits(text)
    found = []
    for match in patterns.date.finditer(text):
        year, month = int(match["year"]), patterns.month_of[match["month"].lower()]
        iso = _day(year, month, match["day"])
        if iso is None:
            continue
        found.append(DateMention(match.start(), match.end(), iso))
        found += _other_days(text, match, year, month, patterns)
    return sorted(found, key=lambda mention: mention.start)


def find_days_of_months(text: str, lang: Language) -> list[DateMention]:
    """Days named without their year (`30 July`, `30 de julio`, `7月30日`: `--07-30`), and,
    in Chinese, months named by their number (`3月`: `--03`), which are no numbers: the
    English says `March`. Look for them where `find_dates` found nothing."""
    patterns = _patterns(lang)
    found = []
    for match in _partial(lang).finditer(ascii_digits(text)):
        name = match["month"]
        month = int(name) if name.isdigit() else patterns.month_of.get(name.lower())
        if month is None or not 1 <= month <= 12:
            continue
        if match["day"] is None:
            found.append(DateMention(match.start(), match.end(), f"--{month:02d}"))
        elif (iso := _day(2000, month, match["day"])) is not None:  # a leap year: 29 Feb
            found.append(DateMention(match.start(), match.end(), "--" + iso[5:]))
    return found


@cache
def _partial(lang: Language) -> re.Pattern[str]:
    if lang.date.startswith("(?P<year>"):  # year, month and day in numbers: 2017年12月19日
        return re.compile(r"(?<!\d)(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?")
    names = sorted(_patterns(lang).month_of, key=len, reverse=True)
    if lang.month_capitals:
        names = [name.capitalize() for name in names]
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:º|°|er)?(?: de)? (?P<month>{alternation})(?!\w)",
        0 if lang.month_capitals else re.IGNORECASE,
    )


def _other_days(
    text: str, match: re.Match[str], year: int, month: int, patterns: _Patterns
) -> list[DateMention]:
    """`27 and` before `28 September 2017` (or `和28日` after `2017年9月27日`): the days a
    range or list names besides the one written in full."""
    found = []
    if patterns.day_first:
        start = match.start()
        while (before := patterns.day_before.search(text, max(0, start - 12), start)) and (
            iso := _day(year, month, before["day"])
        ):
            found.append(DateMention(before.start("day"), before.end("day"), iso))
            start = before.start()
    else:
        end = match.end()
        while (after := patterns.day_after.match(text, end)) and (
            iso := _day(year, month, after["day"])
        ):
            found.append(DateMention(after.start("day"), after.end(), iso))
            end = after.end()
    return found


def _day(year: int, month: int, day: str) -> str | None:
    """The ISO date, None where there is no such day."""
    try:
        return date(year, month, int(day)).isoformat()
    except ValueError:
        return None


def rewritten_date(text: str, iso: str, lang: Language) -> str | None:
    """`text`, a whole date in `lang`'s style (`19 de diciembre de 2017`), moved to the
    day `iso`: day, month name and year written where they stood; None when `text` is not
    such a date."""
    patterns = _patterns(lang)
    match = patterns.date.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in iso.split("-"))
    name = lang.months[month - 1][0]
    parts = {
        "day": str(day),
        "month": name.capitalize() if match["month"][:1].isupper() else name,
        "year": str(year),
    }
    if patterns.month_of[match["month"].lower()] == month:
        del parts["month"]  # the same month keeps its spelling (`setiembre`)
    written, end = [], 0
    for group in sorted(parts, key=match.start):
        written += [text[end : match.start(group)], parts[group]]
        end = match.end(group)
    return "".join([*written, text[end:]])
