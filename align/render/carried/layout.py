"""The prefilled translation as a resolution is laid out: header lines, title, opening,
paragraphs, closing and footnotes, each block with the unit it prints (the text and Word
writers both read this)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resalign.align.carry import CLOSING, CarriedUnit, Carry, session_words
from resalign.align.dates import find_dates
from resalign.align.languages import language
from resalign.align.model import FootnoteRef

_RESOLUTION_NUMBER = re.compile(r"^[A-Z]+/RES/(?P<number>[\w.\-]+/\d+)$")


@dataclass(frozen=True, slots=True)
class Block:
    """One printed paragraph of the prefilled text."""

    text: str
    unit: CarriedUnit | None = None
    """The unit printed here; None for a header line."""
    prefix: str = ""
    """What stands before the text: an operative number or sub-item letter, the title's
    resolution number."""
    calls: tuple[FootnoteRef, ...] = ()
    lead: str = ""
    """Lead words the text opens with, set in italics."""
    check: str = ""
    """Why a header line, still last year's, must be checked (its new value unknown)."""


def blocks(carry: Carry) -> list[Block]:
    """The body of the prefilled text, in the new source's order (footnotes apart)."""
    units = {unit.key: unit for unit in carry.units}
    lines = [line for line in carry.header_lines if line.strip()]
    checks = _stale(carry, lines)
    laid = [Block(line, check=checks.get(index, "")) for index, line in enumerate(lines)]
    if title := units.get("TITLE"):
        laid.append(Block(title.target, title, _title_number(carry)))
    if opening := units.get("OPENING"):
        laid.append(Block(opening.target, opening))
    for unit in carry.units:
        if unit.kind in ("preambular", "operative", "subitem", "heading"):
            prefix = unit.label or ""
            laid.append(Block(unit.target, unit, prefix, _calls(unit), _lead(unit)))
    if closing := units.get(CLOSING):
        laid.append(Block(closing.target, closing))
    return laid


def _calls(unit: CarriedUnit) -> tuple[FootnoteRef, ...]:
    """The calls a unit prints: its translation's, and, at its end, those of the new
    source it has not placed (a unit left to translate has none of its own): every
    footnote keeps the call that numbers it."""
    placed = {ref.key for ref in unit.target_calls}
    end = len(unit.target)
    missing = [FootnoteRef(r.key, end) for r in unit.source_calls if r.key not in placed]
    return (*unit.target_calls, *missing)


def _stale(carry: Carry, lines: list[str]) -> dict[int, str]:
    """The header lines that still say last year's session or a date other than the new
    text's (its distribution date, which no source gives): the carry could not write the
    new value in, so a translator must."""
    lang = language(carry.old_target.language)
    old, new = carry.old_source.session, carry.new_source.session
    written = session_words(new, lang.code)
    found = {}
    for index, line in enumerate(lines):
        dates = {mention.iso for mention in find_dates(line, lang)}
        if dates - {carry.new_source.adopted}:
            found[index] = "a date of last year's text: write this year's"
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (
            old != new
            and lang.agenda_item.search(following)
            and not any(c.isdigit() for c in line)
            and not (written and written.casefold() in line.casefold())
        ):
            found[index] = f"last year's session ({old}): this text is of session {new}"
    return found


def footnotes(carry: Carry) -> list[Block]:
    return [
        Block(unit.target, unit, footnote_number(unit.key))
        for unit in carry.units
        if unit.kind == "footnote"
    ]


def footnote_number(key: str) -> str:
    """`9` for `FN9`."""
    return key.removeprefix("FN")


def _title_number(carry: Carry) -> str:
    """`74/176.` from the new symbol A/RES/74/176; empty for a draft."""
    match = _RESOLUTION_NUMBER.match(carry.new_source.symbol or "")
    return f"{match['number']}." if match else ""


def _lead(unit: CarriedUnit) -> str:
    return unit.lead if unit.lead and unit.target.startswith(unit.lead) else ""
