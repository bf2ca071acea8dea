"""What survives translation: dates, document symbols, years and other numbers.

Translation QA compares these between the two language versions of a paragraph. Each is
normalized so that equal values compare equal across languages: dates become ISO dates,
numbers lose thousands separators (`30 000`, `30,000`, `30.000` are `30000`), and decimal
commas (and the Arabic decimal separator `٫`) become points: `16.2`, `12,5`, `٣٫٥` are
numbers, never years. Ordinal numbers (`13º`, `73rd`, `1er`, `73-е`, `第73次`) are left out:
languages spell them differently; a number in Chinese `第…号` or `第…段` is a number (`补编第53号`
is `Supplement No. 53`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from resalign.align.dates import ascii_digits, find_dates, find_days_of_months
from resalign.align.languages import Language
from resalign.align.patterns import lazy

SYMBOL = lazy(r"(?<![0-9A-Za-z/])[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+")
RESOLUTION_NUMBER = lazy(r"(?<![0-9A-Za-z/.])\d{1,4}/\d{1,4}(?![0-9/])")
NUMBER = lazy(r"(?<![0-9A-Za-z])\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,\u066b]\d+)?")
ORDINAL_AFTER = lazy(r"(?:º|ª|°|ᵉ|er\b|re\b|e\b|ème\b|th\b|st\b|nd\b|rd\b|-?[еяйгом]\b|次|届)")
THOUSANDS = lazy(r"^\d{1,3}(?:[.,\u00a0\u202f]\d{3})+$")


def symbol_patterns(text: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of document symbols and resolution numbers worth running on `text`:
    none where it has no `/`, which every one of them needs (most paragraphs)."""
    return (SYMBOL, RESOLUTION_NUMBER) if "/" in text else ()


@dataclass(frozen=True, slots=True)
class Invariants:
    """The values in a text that a faithful translation keeps, as sorted tuples."""

    dates: tuple[str, ...]
    symbols: tuple[str, ...]
    years: tuple[str, ...]
    numbers: tuple[str, ...]

    def counters(self) -> dict[str, Counter[str]]:
        return {
            "date": Counter(self.dates),
            "symbol": Counter(self.symbols),
            "year": Counter(self.years),
            "number": Counter(self.numbers),
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an invariant value stands in a text (character offsets)."""

    start: int
    end: int
    kind: str
    """date, symbol, year or number."""
    value: str
    """The normalized value (`2017-12-19`, `64/293`, `30000`)."""


def mentions(text: str, lang: Language) -> list[Mention]:
    """Every date, symbol, year and number in a text written in `lang`, in text order."""
    text = ascii_digits(text)
    found = [Mention(m.start, m.end, "date", m.iso) for m in find_dates(text, lang)]
    text = _mask(text, [(m.start, m.end) for m in found])
    partial = find_days_of_months(text, lang)  # `30 July`, `7月30日`; `3月` (March) is none
    found += [Mention(m.start, m.end, "date", m.iso) for m in partial if len(m.iso) == 7]
    text = _mask(text, [(m.start, m.end) for m in partial])
    for pattern in symbol_patterns(text):
        symbols = [m for m in pattern.finditer(text) if any(c.isdigit() for c in m.group())]
        for match in symbols:
            value = match.group().rstrip(".")
            found.append(Mention(match.start(), match.start() + len(value), "symbol", value))
        text = _mask(text, [m.span() for m in symbols])
    for match in NUMBER.finditer(text):
        if ORDINAL_AFTER.match(text, match.end()):
            continue
        value = _normalize_number(match.group())
        kind = (
            "year"
            if value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2099
            else "number"
        )
        found.append(Mention(match.start(), match.end(), kind, value))
    return sorted(found, key=lambda mention: mention.start)


def invariants(text: str, lang: Language) -> Invariants:
    """The dates, symbols, years and numbers of a text written in `lang`."""
    by_kind: dict[str, list[str]] = {"date": [], "symbol": [], "year": [], "number": []}
    for mention in mentions(text, lang):
        by_kind[mention.kind].append(mention.value)
    return Invariants(*(tuple(sorted(values)) for values in by_kind.values()))


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _normalize_number(raw: str) -> str:
    if THOUSANDS.match(raw):
        return re.sub(r"\D", "", raw)
    return raw.replace(",", ".").replace("\u066b", ".")
