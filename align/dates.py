"""Dates written in words, in any official language, read as ISO dates.

`19 de diciembre de 2017`, `19 December 2017`, `19 décembre 2017`, `19 декабря 2017 года`,
`19 كانون الأول/ديسمبر 2017` and `2017年12月19日` all read as `2017-12-19`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from align.languages import Language

ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_INDIC = re.compile("[٠-٩۰-۹]")


def ascii_digits(text: str) -> str:
    """The text with Arabic-Indic digits written as ASCII digits (same length)."""
    return text.translate(ARABIC_INDIC_DIGITS) if _ARABIC_INDIC.search(text) else text


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a text: where it stands and what day it names."""

    start: int
    end: int
    iso: str


@cache
def _pattern(lang: Language) -> tuple[re.Pattern[str], dict[str, int]]:
    month_of = {name: index for index, names in enumerate(lang.months, 1) for name in names}
    names = sorted(month_of, key=len, reverse=True)
    alternation = "|".join(re.escape(name) for name in names)
    return re.compile(lang.date.replace("{month}", f"(?:{alternation})"), re.IGNORECASE), month_of


def find_dates(text: str, lang: Language) -> list[DateMention]:
    """Every valid date written in `lang`'s style in `text`, in order."""
    pattern, month_of = _pattern(lang)
    found = []
    for match in pattern.finditer(ascii_digits(text)):
        month = month_of[match["month"].lower()]
        try:
            day = date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue
        found.append(DateMention(match.start(), match.end(), day.isoformat()))
    return found
