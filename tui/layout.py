"""How one pair is laid out in the main view: lines of two columns that keep in step.

Text arrives as styled chunks; it is broken into lines of at most one column's width
(wide CJK characters count two cells, each may start a line) and the two columns are
set side by side, the shorter one padded, so the pair's row is as tall as its taller
side. Right-to-left text is reordered for display and set flush right.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from bidi import get_display
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

Chunk = tuple[str, Style | None]
Line = list[Chunk]

_WIDE = (
    "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_SPLIT = re.compile(f"( +|[{_WIDE}])")
SEPARATOR = " │ "
REORDER_RTL = os.environ.get("RESALIGN_BIDI", "reorder") != "terminal"
"""Most terminals show characters in the order they get them, so right-to-left lines are
reordered for display; RESALIGN_BIDI=terminal leaves that to a terminal that does bidi."""


def wrap_chunks(chunks: Iterable[Chunk], width: int) -> list[Line]:
    """Styled text broken into lines of at most `width` cells, at spaces or wide characters."""
    width = max(width, 4)
    lines: list[Line] = []
    line: Line = []
    used = 0
    for fragments, size, is_space in _words(chunks):
        if is_space:
            if line:
                line.extend(fragments)
                used += size
            continue
        if used + size > width and line:
            lines.append(_rstrip(line))
            line, used = [], 0
        while size > width:  # longer than a line: cut it
            head, fragments = _cut(fragments, width)
            lines.append(head)
            size = sum(cell_len(text) for text, _ in fragments)
        line.extend(fragments)
        used += size
    lines.append(_rstrip(line))
    return lines


def line_count(text: str, width: int) -> int:
    """How many lines `wrap_chunks` makes of `text`, without building them."""
    width = max(width, 4)
    finished, used, started = 0, 0, False
    for part in _SPLIT.split(text):
        if not part:
            continue
        size = cell_len(part)
        if part[0] == " ":
            used += size if started else 0
            continue
        if started and used + size > width:
            finished, used, started = finished + 1, 0, False
        while size > width:
            finished, size = finished + 1, size - width
        used, started = used + size, True
    return finished + 1


def side_by_side(
    left: list[Line], right: list[Line], column: int, rtl: tuple[bool, bool]
) -> list[Strip]:
    """Two columns of lines as strips of equal count, each `column` cells wide."""
    rows = max(len(left), len(right))
    strips = []
    for index in range(rows):
        a = left[index] if index < len(left) else []
        b = right[index] if index < len(right) else []
        segments = [Segment(" ")]
        segments += _cell(a, column, rtl[0])
        segments.append(Segment(SEPARATOR, Style(dim=True)))
        segments += _cell(b, column, rtl[1])
        strips.append(Strip(segments))
    return strips


def full_width(
    lines: list[Line], rtl: bool = False, indent: int = 1, width: int = 0
) -> list[Strip]:
    """Lines across the whole view."""
    return [Strip([Segment(" " * indent), *_cell(line, width, rtl)]) for line in lines]


def _cell(line: Line, column: int, rtl: bool) -> list[Segment]:
    if rtl and REORDER_RTL:
        line = [(get_display(text), style) for text, style in reversed(line)]
    used = sum(cell_len(text) for text, _ in line)
    padding = Segment(" " * max(0, column - used))
    segments = [Segment(text, style) for text, style in line]
    return [padding, *segments] if rtl else [*segments, padding]


def _words(chunks: Iterable[Chunk]) -> list[tuple[Line, int, bool]]:
    words: list[tuple[Line, int, bool]] = []
    current: Line = []
    for text, style in chunks:
        for part in _SPLIT.split(text):
            if not part:
                continue
            if part[0] == " " or (cell_len(part) == 2 and len(part) == 1):
                if current:
                    words.append((current, sum(cell_len(t) for t, _ in current), False))
                    current = []
                words.append(([(part, style)], cell_len(part), part[0] == " "))
            else:
                current.append((part, style))
    if current:
        words.append((current, sum(cell_len(t) for t, _ in current), False))
    return words


def _rstrip(line: Line) -> Line:
    while line and not line[-1][0].strip():
        line = line[:-1]
    return line


def _cut(fragments: Line, width: int) -> tuple[Line, Line]:
    head: Line = []
    used = 0
    for position, (text, style) in enumerate(fragments):
        size = cell_len(text)
        if used + size <= width:
            head.append((text, style))
            used += size
            continue
        take = max(1, width - used)
        head.append((text[:take], style))
        return head, [(text[take:], style), *fragments[position + 1 :]]
    return head, []
