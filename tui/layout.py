"""How one pair is laid out in the main view: lines of two columns that keep in step.

Text arrives as styled chunks and is broken into lines by the wrapping rule the terminal
diff uses too (`align.render.text`), measured with rich's cell widths, which are what the
screen draws with. The two columns are set side by side, the shorter one padded, so the
pair's row is as tall as its taller side. Right-to-left text is reordered for display and
set flush right.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from bidi import get_display
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from resalign.align.render import text as wrapping

Chunk = tuple[str, Style | None]
Line = list[Chunk]


def wrap_chunks(chunks: Iterable[Chunk], width: int) -> list[Line]:
    """Styled text as lines of at most `width` cells, as the screen measures them."""
    return wrapping.wrap_chunks(chunks, width, cell_len)


def line_count(plain: str, width: int) -> int:
    """How many lines `wrap_chunks` makes of this text, without building them."""
    return wrapping.line_count(plain, width, cell_len)


SEPARATOR = " │ "
REORDER_RTL = os.environ.get("RESALIGN_BIDI", "reorder") != "terminal"
"""Most terminals show characters in the order they get them, so right-to-left lines are
reordered for display; RESALIGN_BIDI=terminal leaves that to a terminal that does bidi."""


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
    lines: list[Line], indent: int = 1, *, rtl: bool = False, width: int = 0
) -> list[Strip]:
    """Lines across the whole view; right-to-left ones reordered and set flush right in
    `width` cells."""
    return [
        Strip([Segment(" " * indent), *_cell(line, width if rtl else 0, rtl=rtl)]) for line in lines
    ]


def _cell(line: Line, column: int, rtl: bool) -> list[Segment]:
    if rtl and REORDER_RTL:
        line = [(get_display(text), style) for text, style in reversed(line)]
    used = sum(cell_len(text) for text, _ in line)
    padding = Segment(" " * max(0, column - used))
    segments = [Segment(text, style) for text, style in line]
    return [padding, *segments] if rtl else [*segments, padding]
