"""Pages of text extracted from a PDF: what is body, what is a footnote, what is furniture.

Any extractor (resalign's own PDF reader, PyMuPDF, `pdftotext`, `pdftotext -layout`, a
copy and paste) gives the same three things in its own layout: the body of the page, the
footnotes printed under a rule (`__________________`) at its foot, and page furniture —
running heads (the symbol, the short title), page numbers (`2/13`), job numbers
(`23-25978 (E) 100124`), barcodes (`*2325978*`). This module tells them apart line by
line and keeps every furniture line it drops, so a user can see what was taken out.

A footnote area runs from the rule to the page end: the next form feed where the text has
them, else the next furniture line (PyMuPDF writes no form feeds, but every page it
writes ends or starts with furniture). Inside it, a footnote opens with its number — as a
superscript, as digits before the text, or alone on a line as `pdftotext` writes a raised
number — and numbers only count in sequence, so a line of a footnote that happens to begin
with a number stays in that footnote.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence, Set
from itertools import pairwise
from typing import NamedTuple

from resalign.align.model import TO_ASCII_DIGITS
from resalign.align.patterns import lazy
from resalign.align.read.blocks import Run, is_open

_JOB = r"(?:GE\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6})?"
"""A job number (`23-25978 (E) 100124`)."""
_PAGE = r"\d{1,4}\s*/\s*\d{1,4}"
_SEPARATOR = r"\*(?:\s*\*){2,}"
"""`* * *` or `***`: the mark set between parts of a text, which is no paragraph."""
FURNITURE = lazy(
    rf"^(?:{_PAGE}|{_JOB}|\d{{6}}|\*\d{{6,}}\*|{_PAGE}\s+{_JOB}|{_JOB}\s+{_PAGE}|{_SEPARATOR})$"
)
"""Page numbers, job numbers (and their date code alone, where an extractor sets it apart),
barcodes, the footer lines that combine them, and separators."""
RULE = lazy(r"^_{5,}$")
"""The rule a UN page prints above its footnotes."""
_NOTE_START = lazy(r"^(?P<marker>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}|\*{1,3})(?:\s+(?P<text>\S.*))?$")
PAGE_END = "page end"
PAGE_TURN = "page turn"
"""Where furniture was dropped from between body lines: a page may have turned there,
though the lines around it may still be one block (an extractor that keeps no blank
line around a running head)."""
_NOTE_GAP = 3
"""How far a footnote number may run ahead of the last one (an extractor may lose one)."""


class Line(NamedTuple):
    """One line of body text, as the extractor placed it."""

    text: str
    """Stripped of surrounding white space."""
    indent: int
    """Columns of white space before the text (`pdftotext -layout` keeps them)."""
    page: int


class Printed(NamedTuple):
    """A line as a PDF reader placed it on its page, in reading order (the head, the body,
    the notes): its runs with their style, whether a block may open at it and whether it
    is the footnote rule the reader found. The text reader makes its text (`marked`)."""

    runs: tuple[Run, ...]
    opens: bool
    """A block may open here: the body's or the notes' first line, a line with more space
    above it than between a paragraph's lines or in another type size, a footnote's number,
    the footnote rule."""
    rule: bool = False
    """The footnote rule: a footnote area opens here."""


class Note(NamedTuple):
    """One footnote found in a footnote area."""

    marker: str
    """Its number in ASCII digits, or `*` for a draft's note on its sponsors."""
    lines: tuple[str, ...]


class Layout(NamedTuple):
    """What the lines of a document are (the lists filled as the lines are sorted)."""

    body: list[Line | str | None]
    """Body lines in reading order; None where a blank line stood, `PAGE_END` where a
    page ended or a footnote area began (each the end of a block), `PAGE_TURN` where
    furniture stood."""
    notes: list[Note]
    furniture: list[str]
    """Every dropped line, in reading order."""


def lay_out(
    lines: Sequence[str],
    breaks: Set[int],
    areas: Set[int],
    *,
    title: str | None,
    symbol: str | None,
    start: int,
) -> Layout:
    """Sort the lines from `start` on (the header before it is left to the caller) into
    body, footnotes and furniture. `breaks` holds the indices of page breaks, `areas` those
    of the lines that open a footnote area (its rule)."""
    stripped = [line.strip() for line in lines]
    furniture = _furniture(stripped, breaks, title=title, symbol=symbol, start=start)
    layout = Layout([], [], [])
    page = sum(1 for index in breaks if index < start)
    area: list[str] | None = None
    last = 0
    """The highest footnote number found so far."""

    def close_area() -> None:
        nonlocal area, last
        if area is not None:
            notes = _notes(area, last)
            layout.notes.extend(notes)
            last = max([last, *(int(note.marker) for note in notes if note.marker.isdigit())])
            area = None

    for index in range(start, len(lines)):
        text = stripped[index]
        if index in breaks:
            page += 1
        if index in breaks or (area is not None and not breaks and index in furniture):
            close_area()
            layout.body.append(PAGE_END)
        if index in furniture:
            layout.furniture.append(text)
            layout.body.append(PAGE_TURN)
        elif index in areas:
            layout.furniture.append(text)
            close_area()
            area = []
            layout.body.append(PAGE_END)
        elif area is not None:
            if text:
                area.append(text)
        elif not text:
            layout.body.append(None)
        else:
            raw = lines[index].expandtabs(8)
            layout.body.append(Line(text, len(raw) - len(raw.lstrip()), page))
    close_area()
    return layout


def _notes(area: Sequence[str], last: int) -> list[Note]:
    """The footnotes of one footnote area, numbered in sequence after `last`."""
    start = last
    found: list[tuple[str, list[str]]] = []
    orphans: list[str] = []
    displaced: list[str] = []
    for text in area:
        match = _NOTE_START.match(text)
        marker = match["marker"].translate(TO_ASCII_DIGITS) if match else ""
        expected = marker.startswith("*") or (
            marker.isdigit() and last < int(marker) <= last + _NOTE_GAP
        )
        if match and expected:
            found.append((marker, [match["text"]] if match["text"] else []))
            if marker.isdigit():
                last = int(marker)
        elif match and not match["text"] and marker.isdigit() and start < int(marker) <= last:
            displaced.append(marker)  # a raised number written after the text it opens
        elif found:
            found[-1][1].append(text)
        else:
            orphans.append(text)
    orphans = _place_displaced(found, orphans, displaced)
    notes = [Note(marker, tuple(texts)) for marker, texts in found]
    if orphans:  # text under the rule that no number opens: a note without a number
        notes.insert(0, Note("", tuple(orphans)))
    return sorted(notes, key=lambda note: int(note.marker) if note.marker.isdigit() else 0)


def _place_displaced(
    found: list[tuple[str, list[str]]], orphans: list[str], displaced: list[str]
) -> list[str]:
    """Give footnote numbers that `pdftotext` (without `-layout`) wrote apart from their
    text the text they open; the orphans left over.

    Text before the area's first number goes with numbers that stand alone later in the
    area (one number takes all of it; several take a line each) or, failing that, with
    numbers found in sequence but with no text. The displaced numbers left, from the last,
    then take the last sentence of the text before them: the orphans, or the footnote
    before them in sequence (`United Nations, Treaty Series, …` / `Ibid., vols. …`); where
    no sentence ends there, the number stays that footnote's text.
    """
    if orphans and len(displaced) == 1:
        found.append((displaced.pop(), orphans))
        orphans = []
    elif orphans and len(displaced) == len(orphans):
        found += [(marker, [text]) for marker, text in zip(displaced, orphans, strict=True)]
        orphans, displaced = [], []
    elif orphans:
        trailing = [index for index, (_, texts) in enumerate(found) if not texts]
        lone_tail = trailing[-len(orphans) :] if len(trailing) >= len(orphans) else []
        if lone_tail and lone_tail == list(range(len(found) - len(orphans), len(found))):
            for index, text in zip(lone_tail, orphans, strict=True):
                found[index][1].append(text)
            orphans = []
    _share_out(found)
    for marker in reversed(displaced):  # the last number takes the last sentences
        earlier = [
            texts for number, texts in found if number.isdigit() and int(number) < int(marker)
        ]
        texts = earlier[-1] if earlier else orphans
        cuts = _sentence_starts(texts)
        if cuts:
            found.append((marker, texts[cuts[-1] :]))
            del texts[cuts[-1] :]
        elif texts is orphans and orphans:
            found.append((marker, orphans[:]))
            orphans.clear()
        else:
            texts.append(marker)
    return orphans


def _share_out(found: list[tuple[str, list[str]]]) -> None:
    """Numbers written one after another with no text (`1`, `2`, then both footnotes' text,
    as `pdftotext` gives two short footnotes side by side): each takes one sentence of
    the text that follows them, in order."""
    index = 0
    while index < len(found):
        end = index
        while end < len(found) and not found[end][1]:
            end += 1
        if end == index or end == len(found):
            index = end + 1
            continue
        texts = found[end][1]
        cuts = _sentence_starts(texts)
        if len(cuts) >= end - index:
            bounds = [0, *cuts[: end - index], len(texts)]
            pieces = [texts[a:b] for a, b in pairwise(bounds)]
            for position, piece in zip(range(index, end + 1), pieces, strict=False):
                found[position] = (found[position][0], piece)
            found[end] = (
                found[end][0],
                [line for piece in pieces[end - index :] for line in piece],
            )
        index = end + 1


def _sentence_starts(texts: Sequence[str]) -> list[int]:
    """Where a new sentence starts a line: the line before ends with a full stop."""
    return [
        k for k in range(1, len(texts)) if texts[k - 1].endswith(".") and texts[k][:1].isupper()
    ]


def _furniture(
    lines: Sequence[str], breaks: Set[int], *, title: str | None, symbol: str | None, start: int
) -> set[int]:
    """Indices of the lines from `start` on that are page furniture.

    A line is furniture when it has a furniture shape (page number, job number, barcode),
    is the document's own symbol (alone, or beside a running title), or repeats the
    title. A line that recurs, is short and does not end a sentence is a running head
    only if each time it stands next to other furniture or a page break (see `_attached`):
    a line of body text that happens to wrap the same way twice stays.
    """
    anchors = {
        index
        for index in range(start, len(lines))
        if (line := lines[index])
        and (
            FURNITURE.match(line)
            or (symbol is not None and _is_symbol_head(line, symbol))
            or (title is not None and line == title)
        )
    }
    filled = [index for index in range(start, len(lines)) if lines[index]]
    places: dict[str, list[int]] = {}
    for index in filled:
        places.setdefault(lines[index], []).append(index)
    candidates = {
        index
        for line, indices in places.items()
        if len(indices) > 1 and len(line) <= 150 and is_open(line) and not RULE.match(line)
        for index in indices
    } - anchors
    attached = _attached(filled, candidates, anchors, breaks)
    repeated = {
        index
        for line, indices in places.items()
        if all(i in attached for i in indices)
        for index in indices
    }
    heads = _title_heads(lines, filled, anchors | repeated, title, symbol) if title else set()
    return anchors | repeated | heads


_TITLE_HEAD_LINES = 6
"""The most lines a running title takes (a long title set in small type)."""


def _title_heads(
    lines: Sequence[str],
    filled: Sequence[int],
    anchors: Set[int],
    title: str,
    symbol: str | None,
) -> set[int]:
    """Runs of lines that, read together, are the document's title and stand next to other
    furniture: the running title of a page, however its lines wrap (it is set narrower
    than the title on the first page, and a two-page document repeats it only once)."""
    target = _squeezed(title, symbol)
    squeezed = [_squeezed(lines[index], symbol) for index in filled]
    found: set[int] = set()
    for position in range(len(filled)):
        joined = squeezed[position]
        end = position
        while joined and target.startswith(joined) and joined != target:
            end += 1
            if end >= len(filled) or end - position >= _TITLE_HEAD_LINES:
                break
            joined += squeezed[end]
        if joined != target:
            continue
        before = position > 0 and filled[position - 1] in anchors
        after = end + 1 < len(filled) and filled[end + 1] in anchors
        if before or after:
            found.update(filled[position : end + 1])
    return found


def _squeezed(line: str, symbol: str | None) -> str:
    """A line without the document's symbol beside it, white space and hyphens: what stays
    of a title however it is wrapped."""
    if symbol is not None:
        line = line.removeprefix(symbol).removesuffix(symbol)
    return "".join(line.split()).replace("-", "").replace("\u00ad", "")


def _attached(
    filled: Sequence[int], candidates: Set[int], anchors: Set[int], breaks: Set[int]
) -> set[int]:
    """The candidates that stand in a run of at most three candidates next to furniture or
    a page end, with nothing but other candidates between: a running head, where a line
    of a footnote that recurs (`…, document IOC/A-32/Decisions, decision`) has the rest of
    its footnote between it and the page's foot."""
    edges = {bisect.bisect_left(filled, page_break) for page_break in breaks}
    edges |= {position - 1 for position in edges}
    attached: set[int] = set()
    position = 0
    while position < len(filled):
        if filled[position] not in candidates:
            position += 1
            continue
        end = position
        while end < len(filled) and filled[end] in candidates:
            end += 1
        touches = (
            (position > 0 and filled[position - 1] in anchors)
            or (end < len(filled) and filled[end] in anchors)
            or any(p in edges for p in range(position, end))
        )
        if touches and end - position <= 3:
            attached.update(filled[position:end])
        position = end
    return attached


def _is_symbol_head(line: str, symbol: str) -> bool:
    """The document's symbol alone, or a running head that starts or ends with it."""
    if line == symbol:
        return True
    return (line.startswith(symbol + " ") or line.endswith(" " + symbol)) and is_open(line)
