"""What survives translation: dates, document symbols, years and other numbers.

Translation QA compares these between the two language versions of a paragraph. Each is
normalized so that equal values compare equal across languages: dates become ISO dates,
numbers lose thousands separators (`30 000`, `30,000`, `30.000` are `30000`), and decimal
commas become points. Ordinal numbers (`13º`, `73rd`, `1er`, `73-е`, `第73`) are left out:
languages spell them differently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from align.dates import ascii_digits, find_dates
from align.languages import Language

SYMBOL = re.compile(r"(?<![0-9A-Za-z/])[A-Z][A-Za-z0-9.]*(?:/[A-Za-z0-9.]+)+")
RESOLUTION_NUMBER = re.compile(r"(?<![0-9A-Za-z/.])\d{1,4}/\d{1,4}(?![0-9/])")
NUMBER = re.compile(r"(?<![0-9A-Za-z])\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?")
ORDINAL_AFTER = re.compile(
    r"(?:º|ª|°|ᵉ|er\b|re\b|e\b|ème\b|th\b|st\b|nd\b|rd\b|-?[еяйгом]\b|次|届)"
)
THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\u00a0\u202f]\d{3})+$")


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

    def __len__(self) -> int:
        return len(self.dates) + len(self.symbols) + len(self.years) + len(self.numbers)


def invariants(text: str, lang: Language) -> Invariants:
    """The dates, symbols, years and numbers of a text written in `lang`."""
    text = ascii_digits(text)
    mentions = find_dates(text, lang)
    dates = [mention.iso for mention in mentions]
    text = _mask(text, [(m.start, m.end) for m in mentions])
    symbols = []
    for pattern in (SYMBOL, RESOLUTION_NUMBER):
        found = [m for m in pattern.finditer(text) if any(c.isdigit() for c in m.group())]
        symbols += [m.group().rstrip(".") for m in found]
        text = _mask(text, [m.span() for m in found])
    years, numbers = [], []
    for match in NUMBER.finditer(text):
        if ORDINAL_AFTER.match(text, match.end()) or text[max(0, match.start() - 1)] == "第":
            continue
        value = _normalize_number(match.group())
        (years if len(value) == 4 and 1900 <= int(value) <= 2099 else numbers).append(value)
    return Invariants(
        tuple(sorted(dates)), tuple(sorted(symbols)), tuple(sorted(years)), tuple(sorted(numbers))
    )


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _normalize_number(raw: str) -> str:
    if THOUSANDS.match(raw):
        return re.sub(r"\D", "", raw)
    return raw.replace(",", ".")
