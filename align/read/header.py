"""The header of a resolution or draft: the lines before its title and opening.

    United Nations                                   A/RES/78/228      ← symbol
    General Assembly                                 Distr.: General   ← final or limited
    Seventy-eighth session · Agenda item 107 (a)                       ← agenda item(s)
    Resolution adopted by the General Assembly / on 19 December 2023   ← adoption date
    [on the report of the Third Committee (A/78/482, para. 29)]        ← report, paragraph
    [without reference to a Main Committee (A/80/L.8)]                 ← plenary draft
    Iraq:* draft resolution                                            ← sponsors (drafts)
    South Africa: amendment to revised draft resolution A/C.3/80/L.20/Rev.1

The adoption date often stands on the line after "Resolution adopted by…", and a sponsors
list wraps over several lines: the header is read as lines, each looked at with the one
after or the ones before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from resalign.align.dates import find_dates
from resalign.align.languages import Language
from resalign.align.patterns import lazy

SYMBOL = lazy(
    r"(?P<symbol>\b[A-Z]{1,2}/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]*\d[A-Z0-9.]*"
    r"(?:/(?:Add|Rev|Corr|Amend)\.\d+)*)"
)
"""A UN document symbol: `A/RES/72/195`, `A/C.3/80/L.20/Rev.1`, `A/RES/ES-11/1`."""
_SYMBOL_AT_END = lazy(rf"(?:^|\s){SYMBOL.pattern}$")
_REFERENCE = lazy(rf"\({SYMBOL.pattern}(?:,\s*paras?\.\s*(?P<paragraph>[\d\s,–\-and]*\d))?\)")
_LIST_GOES_ON = lazy(r"(?:,|\band|\by|\bet|\bи|\bو)$")
_REVISION = lazy(r"/Rev\.(?P<number>\d+)$")


class Header(NamedTuple):
    """What the lines before the title say."""

    symbol: str | None = None
    agenda_item: str | None = None
    adopted: str | None = None
    report: str | None = None
    report_paragraph: str | None = None
    draft: str | None = None
    """The plenary draft (`A/80/L.8`) of a text adopted without a Main Committee."""
    kind: str = "resolution"
    sponsors: tuple[str, ...] = ()
    amends: str | None = None
    sponsors_at: int | None = None
    """Index of the line that ends the sponsors list (a draft's title follows it)."""


def read_header(lines: Sequence[str], lang: Language) -> Header:
    """The facts of a header, from its lines (stripped, emphasis marks removed; an empty
    line where the header had a blank one)."""
    symbol = agenda_item = adopted = report = paragraph = draft = amends = None
    kind, sponsors_at = "resolution", None
    sponsors: tuple[str, ...] = ()
    for index, line in enumerate(lines):
        if symbol is None and (found := symbol_at_end(line)):
            symbol = found
        elif agenda_item is None and (match := lang.agenda_item.search(line)):
            agenda_item = match["item"].strip()
        elif adopted is None and lang.adopted.search(line):
            # The date may stand on the next line, a blank between (the PDF reader sets
            # it apart), or be cut there (`on 4 December` / `2023`).
            following = next((text for text in lines[index + 1 : index + 3] if text), "")
            dates = find_dates(f"{line} {following}", lang)
            adopted = dates[0].iso if dates else None
        elif line.startswith("[") and (match := _REFERENCE.search(line)):
            if "/L." in match["symbol"]:
                draft = match["symbol"]
            else:
                report, paragraph = match["symbol"], match["paragraph"]
        elif sponsors_at is None and (match := lang.sponsors.match(line)):
            sponsors_at = index
            named = match["by"] if "by" in match.groupdict() and match["by"] else None
            if named is not None:
                sponsors = (named,)
            else:
                sponsors = _sponsor_names(_sponsor_text(lines, index, match["sponsors"]))
            kind = "draft"
            what, end = _what(lines, index, match["what"])
            if (target := lang.amendment.match(what)) is not None:
                kind, amends, sponsors_at = "amendment", _amended(target), end
    if symbol is not None and kind == "resolution" and "/L." in symbol:
        kind = "draft"
    return Header(
        symbol,
        agenda_item,
        adopted,
        report,
        paragraph,
        draft,
        kind,
        sponsors,
        amends,
        sponsors_at,
    )


def symbol_at_end(line: str) -> str | None:
    """The symbol a masthead line ends with (`United Nations   A/RES/78/228`); None for a
    line that only names one in passing (`(A/78/482)`)."""
    if "(" in line:
        return None
    match = _SYMBOL_AT_END.search(line)
    return match["symbol"] if match else None


def revision(symbol: str | None) -> int | None:
    """The revision number of a symbol (`1` for `…/Rev.1`)."""
    match = _REVISION.search(symbol or "")
    return int(match["number"]) if match else None


def _what(lines: Sequence[str], index: int, what: str | None) -> tuple[str, int]:
    """What the sponsors submit, with the lines it runs on to where it does not name the
    draft on its own line (`…Sweden:* amendment to` / `draft resolution 4 recommended by
    the Second Committee in its report` / `contained in document A/80/555`), and the index
    of its last line."""
    parts, last = [what or ""], index
    if symbol_at_end(parts[0]):
        return parts[0], last
    for at in range(index + 1, min(index + 8, len(lines))):
        if not lines[at]:
            continue
        parts.append(lines[at])
        last = at
        if symbol_at_end(lines[at]) or len(parts) > 3:
            break
    joined = " ".join(parts)
    return (joined, last) if symbol_at_end(joined) else (parts[0], index)


def _amended(target: re.Match[str]) -> str:
    """The draft an amendment amends: its symbol, or the report that recommends it and
    the draft's number there (`A/80/555, draft resolution 4`)."""
    symbol = target["target"].rstrip(".,;:")
    number = target.groupdict().get("number")
    return f"{symbol}, draft resolution {number}" if number else symbol


def _sponsor_text(lines: Sequence[str], index: int, last: str) -> str:
    """The sponsors list that ends on line `index`, with the lines it wrapped from: back
    over lines that end mid-list (`Bahamas (The),`, `Bosnia and`) or that the next line
    goes on from in lower case (`Saint Kitts` / `and Nevis`)."""
    parts = [last]
    start = index
    while (
        start > 0
        and lines[start - 1]
        and (_LIST_GOES_ON.search(lines[start - 1]) or lines[start][:1].islower())
    ):
        start -= 1
        parts.insert(0, lines[start])
    return " ".join(parts)


def _sponsor_names(text: str) -> tuple[str, ...]:
    """`Belarus, Russian Federation and Venezuela (Bolivarian Republic of)` as names."""
    text = text.rstrip("*: ")
    names: list[str] = []
    depth = 0
    current = ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    if names:
        last = re.split(r"\s+(?:and|y|et|и|و)\s+(?![^()]*\))", names.pop(), maxsplit=1)
        names.extend(last)
    return tuple(name.strip() for name in names if name.strip())
