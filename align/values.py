"""Values that survive translation, carried from one version of a text into its translation.

When the new version of a paragraph differs from the old one only in such values (a year,
a date, a document symbol, a number: the invariants the QA compares), last year's
translation is still right once the same values are replaced in it: `2017` → `2019` in
`en 2017`, `19 December 2017` → `20 December 2019` in `19 de diciembre de 2017`, written in
the translation's own way (its month names, its thousands separator, its digits).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from resalign.align.dates import ascii_digits, rewritten_date
from resalign.align.invariants import THOUSANDS, Mention, mentions
from resalign.align.languages import Language
from resalign.align.model import FootnoteRef

_MASK = "\x00"
_DIGITS = re.compile(r"\d+")
_ARABIC_INDIC = {"٠": "٠١٢٣٤٥٦٧٨٩", "۰": "۰۱۲۳۴۵۶۷۸۹"}


@dataclass(frozen=True, slots=True)
class Replacement:
    """One value that changed: every mention of `old` becomes `new`."""

    kind: str
    """date, symbol, year or number."""
    old: str
    """The normalized value (`2017-12-19`, `A/72/440`, `30000`)."""
    new: str

    def __str__(self) -> str:
        return f"{self.old} → {self.new}"


@dataclass(frozen=True, slots=True)
class ValueChanges:
    """What changed between two versions of a text that differ in values only."""

    replacements: tuple[Replacement, ...]
    counts: Counter[str] | None
    """How often the old text mentions each replaced value: the translation must too
    (None: replace wherever the translation mentions one)."""


def value_changes(old: str, new: str, lang: Language) -> ValueChanges | None:
    """The values that changed from `old` to `new` (both in `lang`), when nothing else
    did; None when words changed too, or when one old value became two different ones (or
    stayed in one place and changed in another), so no translation could tell which is which."""
    old_mentions, new_mentions = mentions(old, lang), mentions(new, lang)
    if len(old_mentions) != len(new_mentions):
        return None
    if _masked(old, old_mentions) != _masked(new, new_mentions):
        return None
    becomes: dict[str, Mention] = {}
    for before, after in zip(old_mentions, new_mentions, strict=True):
        if before.kind != after.kind and {before.kind, after.kind} != {"year", "number"}:
            return None
        if becomes.setdefault(before.value, after).value != after.value:
            return None
    replacements = tuple(
        Replacement(after.kind, value, after.value)
        for value, after in becomes.items()
        if value != after.value
    )
    counts = Counter(m.value for m in old_mentions if m.value in {r.old for r in replacements})
    return ValueChanges(replacements, counts)


def replaced(
    text: str, calls: tuple[FootnoteRef, ...], lang: Language, changes: ValueChanges
) -> tuple[str, tuple[FootnoteRef, ...]] | None:
    """The translation `text` (in `lang`) with the changed values replaced, its footnote
    calls moved with the text; None when it does not mention each old value as often as
    the old source did (then a person must look)."""
    by_value = {replacement.old: replacement for replacement in changes.replacements}
    found = [m for m in mentions(text, lang) if m.value in by_value]
    if changes.counts is not None and Counter(m.value for m in found) != changes.counts:
        return None
    for mention in reversed(found):
        raw = text[mention.start : mention.end]
        written = _written(raw, mention, by_value[mention.value].new, lang)
        text = text[: mention.start] + written + text[mention.end :]
        shift = len(written) - len(raw)
        calls = tuple(
            FootnoteRef(
                call.key, call.offset + shift if call.offset >= mention.end else call.offset
            )
            for call in calls
        )
    return text, calls


def _masked(text: str, found: list[Mention]) -> str:
    """The text with each value replaced by one mark, whitespace runs as one space."""
    pieces, start = [], 0
    for mention in found:
        pieces += [text[start : mention.start], _MASK]
        start = mention.end
    pieces.append(text[start:])
    return " ".join("".join(pieces).split())


def _written(raw: str, mention: Mention, new: str, lang: Language) -> str:
    """`new` written the way `raw` (the old value as the translation prints it) is."""
    if mention.kind == "date":
        written = _date(raw, new, lang)
    elif mention.kind == "number":
        written = _number(raw, new)
    else:
        written = new
    return _same_digits(raw, written)


def _date(raw: str, new: str, lang: Language) -> str:
    """The date in `raw` moved to the day `new` (ISO); a lone day of a range (`27` of
    `27 y 28 de mayo`) becomes the new day."""
    written = rewritten_date(ascii_digits(raw), new, lang)
    return written if written is not None else _DIGITS.sub(new[-2:].lstrip("0"), raw, count=1)


def _number(raw: str, new: str) -> str:
    """`new` with the thousands separator or the decimal mark `raw` was written with."""
    ascii_raw = ascii_digits(raw)
    integer, _, decimals = new.partition(".")
    if THOUSANDS.match(ascii_raw):
        separator = next(char for char in ascii_raw if not char.isdigit())
        return f"{int(integer):,}".replace(",", separator) + (f".{decimals}" if decimals else "")
    mark = next((char for char in ascii_raw if not char.isdigit()), ".")
    return f"{integer}{mark}{decimals}" if decimals else integer


def _same_digits(raw: str, written: str) -> str:
    """`written` in the digits `raw` uses (Arabic-Indic where the translation has them)."""
    for zero, digits in _ARABIC_INDIC.items():
        if any(zero <= char <= digits[-1] for char in raw):
            return written.translate(str.maketrans("0123456789", digits))
    return written
