"""Breaking text into lines for a terminal, in any script: the one wrapping rule that the
terminal diff and the review UI both use.

Text comes as chunks of (text, style); the style is carried along untouched (any value,
so the UI can use rich styles and the plain renderers None). Lines break at spaces, or
before any wide (CJK) character; a word longer than a line is cut; a newline (between
the paragraphs of a split or merge) always breaks the line. Widths are terminal
cells, measured by a function the caller may give (the UI passes rich's, so that what
it measures is what it draws).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from resalign.align.alignment import Finding
from resalign.align.patterns import lazy, reaches

Chunk = tuple[str, Any]
Line = list[Chunk]

_WIDE = (
    "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
FIRST_WIDE = _WIDE[0]
"""No character before this takes two cells."""
_SPLIT = re.compile("( +|\n)")
_SPLIT_WIDE = lazy(f"( +|\n|[{_WIDE}])")
"""Text with a wide character splits at each of them too (the class is slow to
compile: only a text that has one pays for it)."""


def _parts(text: str) -> list[str]:
    return (_SPLIT_WIDE if reaches(text, FIRST_WIDE) else _SPLIT).split(text)


_BREAK = -1
"""The size `_words` gives a newline: not a word, the end of a line."""


NARROW_UP_TO = "\u0300"
"""Every character before this (the combining diacritics) takes one cell."""


def display_width(text: str) -> int:
    """Cells a text takes in a terminal: wide (CJK) characters take two, marks none."""
    if not reaches(text, NARROW_UP_TO):  # each character one cell: ASCII, Latin-1,
        return len(text)  # Latin Extended (most UN text), told at C speed
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def wrap(text: str, width: int) -> list[str]:
    """Plain text as lines of at most `width` cells."""
    return ["".join(part for part, _ in line) for line in wrap_chunks([(text, None)], width)]


def wrap_chunks(
    chunks: Iterable[Chunk], width: int, cells: Callable[[str], int] = display_width
) -> list[Line]:
    """Styled text broken into lines of at most `width` cells."""
    chunks = list(chunks)
    cells = _measure(cells, "".join(text for text, _ in chunks))
    width = max(width, 4)
    lines: list[Line] = []
    line: Line = []
    used = 0
    for fragments, size, is_space in _words(chunks, cells):
        if size == _BREAK:
            lines.append(_rstrip(line))
            line, used = [], 0
            continue
        if is_space:
            if line:
                line.extend(fragments)
                used += size
            continue
        if used + size > width and line:
            lines.append(_rstrip(line))
            line, used = [], 0
        while size > width:  # longer than a line: cut it
            head, fragments = _cut(fragments, width, cells)
            lines.append(head)
            size = sum(cells(text) for text, _ in fragments)
        line.extend(fragments)
        used += size
    lines.append(_rstrip(line))
    return lines


def line_count(text: str, width: int, cells: Callable[[str], int] = display_width) -> int:
    """How many lines `wrap_chunks` makes of `text`, without building them."""
    cells = _measure(cells, text)
    width = max(width, 4)
    finished, used, started = 0, 0, False
    for part in _parts(text):
        if not part:
            continue
        if part == "\n":
            finished, used, started = finished + 1, 0, False
            continue
        size = cells(part)
        if part[0] == " ":
            used += size if started else 0
            continue
        if started and used + size > width:
            finished, used, started = finished + 1, 0, False
        while size > width:
            finished, size = finished + 1, size - width
        used, started = used + size, True
    return finished + 1


_NOT_ONE_CELL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Control characters (a newline aside): no cell, for some measures."""


def _measure(cells: Callable[[str], int], text: str) -> Callable[[str], int]:
    """`len` where every character of `text` takes one cell by any measure (printable,
    before the combining marks: most UN text), which is twenty times cheaper per word;
    `cells` otherwise."""
    if not reaches(text, NARROW_UP_TO) and not _NOT_ONE_CELL.search(text):
        return len
    return cells


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _words(chunks: Iterable[Chunk], cells: Callable[[str], int]) -> list[tuple[Line, int, bool]]:
    """Words (fragments of one or more chunks), single wide characters and space runs."""
    words: list[tuple[Line, int, bool]] = []
    current: Line = []
    for text, style in chunks:
        for part in _parts(text):
            if not part:
                continue
            if part == "\n":
                if current:
                    words.append((current, sum(cells(t) for t, _ in current), False))
                    current = []
                words.append(([], _BREAK, False))
            elif part[0] == " " or (len(part) == 1 and cells(part) == 2):
                if current:
                    words.append((current, sum(cells(t) for t, _ in current), False))
                    current = []
                words.append(([(part, style)], cells(part), part[0] == " "))
            else:
                current.append((part, style))
    if current:
        words.append((current, sum(cells(t) for t, _ in current), False))
    return words


def _rstrip(line: Line) -> Line:
    while line and not line[-1][0].strip():
        line = line[:-1]
    return line


def _cut(fragments: Line, width: int, cells: Callable[[str], int]) -> tuple[Line, Line]:
    head: Line = []
    used = 0
    for position, (text, style) in enumerate(fragments):
        size = cells(text)
        if used + size <= width:
            head.append((text, style))
            used += size
            continue
        take = max(1, width - used)
        head.append((text[:take], style))
        return head, [(text[take:], style), *fragments[position + 1 :]]
    return head, []


def with_marks(chunks: list[Chunk], marks: Sequence[tuple[int, Chunk]]) -> list[Chunk]:
    """The chunks with each mark (a chunk of its own: a footnote call) put in at its
    offset into the chunks' joined text; marks in offset order."""
    out: list[Chunk] = []
    position = 0
    pending = list(marks)
    for text, style in chunks:
        start = 0
        while pending and pending[0][0] <= position + len(text):
            at = pending[0][0] - position
            if at > start:
                out.append((text[start:at], style))
            out.append(pending.pop(0)[1])
            start = max(start, at)
        if start < len(text):
            out.append((text[start:], style))
        position += len(text)
    out += [mark for _, mark in pending]
    return out


def found_values(
    text: str, findings: Iterable[Finding], side: str, code: str
) -> list[tuple[int, int]]:
    """Where, in one side's text, the values its pair's QA findings name stand."""
    from resalign.align.invariants import mentions
    from resalign.align.languages import language

    named = {
        (finding.kind, value)
        for finding in findings
        for value in (finding.left_values if side == "left" else finding.right_values)
    }
    if not named:
        return []
    return [(m.start, m.end) for m in mentions(text, language(code)) if (m.kind, m.value) in named]


_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
"""Characters that change how a terminal shows text without being seen: C0 and C1
controls (tab and line feed aside), bidirectional embeddings, overrides and isolates,
zero-width spaces and joiners that join nothing (the word joiner, the BOM). The marks of
Arabic writing (U+200E/F, U+200C/D) are text, and shown as they are."""


def shown(text: str, *, one_line: bool = False) -> str:
    """The text with each hidden character written visibly (`⟨U+202E⟩`), so that no text
    can be made to read other than it is, nor clear or move a terminal's screen; with
    `one_line`, tabs and line feeds too (a message that must stay one line, a file name
    in it included)."""
    pattern = _HIDDEN_IN_A_LINE if one_line else _HIDDEN
    return pattern.sub(lambda found: f"⟨U+{ord(found.group()):04X}⟩", text)


_HIDDEN_IN_A_LINE = re.compile(f"{_HIDDEN.pattern}|[\t\n]")
