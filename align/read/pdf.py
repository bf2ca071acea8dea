"""Reader for PDF resolutions, with pypdfium2 (Google's PDFium, the engine of Chrome's
PDF viewer: C speed, where a pure-Python parser takes most of a second a page).

PDFium gives every character with its size and position, which is what telling a UN
page apart takes: superscript footnote markers are digits in small type raised above the
line, footnotes are lines in smaller type at the foot of the page, and paragraphs are
set apart by more space than the lines within them. This module turns each page into
its lines in reading order (the head, the body, the notes), each a list of runs (text,
raised or not, italic or not) with whether a block may open at it (a paragraph's gap, a
footnote's number). The extracted-text reader's layout takes them from there
(`parse_printed`): it drops running headers, page numbers, job numbers and barcodes,
rejoins paragraphs cut by a page end and mends hyphenation.
"""

from __future__ import annotations

import ctypes
import os
import re
import statistics
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import pairwise
from typing import Any

from resalign.align.errors import ReadError
from resalign.align.languages import Language
from resalign.align.model import Document
from resalign.align.pickling import by_fields
from resalign.align.read import blocks
from resalign.align.read.blocks import CALL
from resalign.align.read.isolated import kept, run_isolated_each
from resalign.align.read.pages import RULE, Printed
from resalign.align.read.text import parse_printed

ITALIC_FLAG = 1 << 6
"""The Italic flag of a PDF font descriptor."""
ITALIC_NAME = re.compile(rb"Italic|Oblique|Kursiv", re.IGNORECASE)
RAISED = 0.8
"""A word in type smaller than this share of its line's is raised (a marker)."""
SMALL = 0.9
"""Lines in type smaller than this share of the body's, below the body, are footnotes."""
PARAGRAPH_PITCH = 1.3
"""A line further below the last than this many usual line pitches starts a paragraph."""
KERNING_GAP = 0.18
"""A space PDFium inserts where the page has no space character is a word space only when
the gap it stands for is wider than this share of the type size: on UN pages the gaps of
kerned letters (`Cou ncil`, `public -private`) stay under 0.16 em, word spaces over 0.2."""
JOINED = "\uffff"
"""Stands, in a page's characters, for an inserted space that is no word space (a
noncharacter: no page has it as text); runs drop it."""


@by_fields
@dataclass(frozen=True, slots=True)
class Line:
    """One printed line of a page: its runs, and where and in what size it is set."""

    runs: tuple[blocks.Run, ...]
    size: float
    baseline: float
    """Distance from the top of the page."""
    starts_with_mark: bool
    x: float
    """Where the line starts, from the left edge."""
    rule: bool = False
    """The line is the footnote rule, a row of its own."""
    length: int = 0
    """Its characters, counted once (type sizes are weighed by them)."""

    @property
    def text(self) -> str:
        """The characters of the line, without their styles."""
        return "".join(run.text for run in self.runs)


SHARES = 2
"""Child processes a long PDF's pages are shared between, at most (one on a machine of one
core): each child parses the whole file again, so each child added gains less than the
last."""
SHARED_FROM = 200_000
"""PDFs smaller than this (bytes: a few pages) are read by one child: a second would cost
more to start than it saves."""
MAX_PAGES = 5000
"""More pages than this (a resolution has at most a few hundred) are refused."""
MAX_CHARACTERS = 20_000_000
"""More characters than this in all (some ten thousand pages of text) are refused."""
MAX_PAGE_CHARACTERS = 100_000
"""More characters than this on one page (a printed page holds some 5,000) are refused."""
MAX_PAGE_OBJECTS = 10_000
MAX_OBJECTS = 1_000_000
"""More objects than these on one page, or in all, are refused (a page of a UN resolution
has a few hundred; a content stream shared by thousands of pages is parsed for each)."""


def read_pdf(data: bytes, *, source: str, lang: Language | None = None) -> Document:
    """A Document from the bytes of a PDF file; PDFium's work runs isolated, within memory
    and time limits (see `isolated`)."""
    import pypdfium2.raw  # noqa: F401  (loaded before the fork: the child finds it loaded)

    shared = len(data) >= SHARED_FROM and (os.cpu_count() or 1) > 1 and not kept()
    shares = SHARES if shared else 1
    parts = run_isolated_each(
        [partial(_pages, data, source, share, shares) for share in range(shares)],
        source=source,
    )
    pages = [lines for _, lines in sorted(page for part in parts for page in part)]
    if not any(pages):
        raise ReadError(f"{source}: the PDF has no text (a scan? run OCR first)")
    printed, heads = _printed(pages)
    return parse_printed(printed, source=source, lang=lang, furniture=heads)


def _pages(
    data: bytes, source: str, share: int = 0, shares: int = 1
) -> list[tuple[int, list[Line]]]:
    """The lines of every page whose index leaves `share` divided by `shares` (all of
    them by default), by page index; the limits on characters and objects in all are
    each share's part of them."""
    import pypdfium2  # imported here: reading text files never pays for it
    import pypdfium2.raw

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise ReadError(f"{source}: not a readable PDF (corrupt or truncated: {error})") from None
    try:
        if len(pdf) > MAX_PAGES:
            raise ReadError(f"{source}: refused: {len(pdf):,} pages, over {MAX_PAGES:,}")
        pages: list[tuple[int, list[Line]]] = []
        characters, objects = 0, 0
        for index in range(share, len(pdf), shares):
            page, number = pdf[index], index + 1
            count = pypdfium2.raw.FPDFPage_CountObjects(page.raw)
            objects += count
            if count > MAX_PAGE_OBJECTS or objects > MAX_OBJECTS // shares:
                raise ReadError(
                    f"{source}: refused: page {number} brings the drawing objects to "
                    f"{objects * shares:,} (over {MAX_PAGE_OBJECTS:,} a page or "
                    f"{MAX_OBJECTS:,} in all)"
                )
            pages.append((index, _lines(_runs(page, number, source))))
            page.close()
            characters += sum(line.length for line in pages[-1][1])
            if characters > MAX_CHARACTERS // shares:
                raise ReadError(f"{source}: refused: over {MAX_CHARACTERS:,} characters of text")
    finally:
        pdf.close()
    return pages


@dataclass(slots=True)
class Run:
    """Characters set one after another on one baseline in one size: a word, or the words
    of one text object, single-spaced."""

    text: str
    size: float
    x: float
    end: float
    """Where the run's last character starts (`spaced` says what the gap before a run is,
    so no run needs a width)."""
    y: float
    italic: bool = False
    spaced: bool = False
    """Whether white space (real or inserted by PDFium at a gap) came before the run."""


_WORD = re.compile(r"\S+")
"""A stretch of characters between white space (`\\s` is `str.isspace`)."""
_INNER_SPACE = re.compile(r"(?<=\S) (?=\S)")
"""A single space between two characters of one line."""


def _stretch(start: int, end: int, key: int, object_at: Callable[[int], int]) -> int:
    """Where the characters from `start` stop belonging to text object `key` (`end` at
    most). A text object's characters stand together in PDFium's text page, so the end is
    found by galloping and halving: a few calls for a word, not one a character."""
    last = end - 1
    if last == start or object_at(last) == key:
        return end
    low, step = start, 1  # object_at(low) == key; object_at(last) != key
    while low + step < last and object_at(low + step) == key:
        low, step = low + step, step * 2
    high = min(low + step, last)
    while high - low > 1:
        middle = (low + high) // 2
        if object_at(middle) == key:
            low = middle
        else:
            high = middle
    return high


@cache
def _per_character() -> tuple[Any, Any, Any, Any, Any]:
    """PDFium's per-character calls (text object, origin, font, size, whether generated),
    declared with plain addresses for arguments and result: pypdfium2's declarations wrap
    every pointer in a new ctypes object, which cost two thirds of the reading time of a
    long resolution."""
    import pypdfium2.raw as pdfium

    def plain(function: Any, result: Any, *arguments: Any) -> Any:
        pointer = ctypes.cast(function, ctypes.c_void_p).value
        if pointer is None:  # never so in a PDFium that loaded; a null call would crash
            raise ImportError(f"PDFium has no {function.__name__}")
        return ctypes.CFUNCTYPE(result, *arguments)(pointer)

    address, number = ctypes.c_void_p, ctypes.c_int
    return (
        plain(pdfium.FPDFText_GetTextObject, address, address, number),
        plain(pdfium.FPDFText_GetCharOrigin, number, address, number, address, address),
        plain(pdfium.FPDFText_GetFontInfo, ctypes.c_ulong, address, number, address,
              ctypes.c_ulong, address),
        plain(pdfium.FPDFText_GetFontSize, ctypes.c_double, address, number),
        plain(pdfium.FPDFText_IsGenerated, number, address, number),
    )  # fmt: skip


@lru_cache(maxsize=256)
def _is_italic(font: bytes, flags: int) -> bool:
    return bool(flags & ITALIC_FLAG) or ITALIC_NAME.search(font) is not None


def _runs(page, number: int, source: str) -> list[Run]:  # type: ignore[no-untyped-def]
    """The page's characters as runs, in content order: the words one text object sets
    one after another on its baseline make one run, found with a few calls to PDFium for a
    line, not several a word; a footnote marker, or a word that spans text objects, is
    taken on its own."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count > MAX_PAGE_CHARACTERS:
            raise ReadError(
                f"{source}: refused: page {number} has {count:,} characters, over "
                f"{MAX_PAGE_CHARACTERS:,}"
            )
        chars = (textpage.get_text_range(0, count) if count else "")[:count]
        return _Characters(textpage.raw, chars).runs()
    finally:
        textpage.close()


class _Characters:
    """One page's characters, and what PDFium says of them: text object, position, style."""

    def __init__(self, raw: Any, chars: str) -> None:
        (self.text_object, self.char_origin, self.font_info, self.font_size, self.generated) = (
            _per_character()
        )
        self.handle = ctypes.cast(raw, ctypes.c_void_p).value
        self.x, self.y, self.flags = ctypes.c_double(), ctypes.c_double(), ctypes.c_int()
        self.at_x, self.at_y = ctypes.addressof(self.x), ctypes.addressof(self.y)
        self.font = ctypes.create_string_buffer(128)
        self.styles: dict[int, tuple[float, bool]] = {}
        self.chars = self.joined(chars.replace(JOINED, ""))
        self.words = [word.span() for word in _WORD.finditer(self.chars)]

    def joined(self, chars: str) -> str:
        """`chars` with each space PDFium inserted inside a word (a kerning gap narrower
        than `KERNING_GAP`, on one baseline) marked `JOINED`: PDFium places an inserted
        space where the character before it ends, so the gap is the next one's distance
        from it."""
        narrow = []
        for found in _INNER_SPACE.finditer(chars):
            at = found.start()
            if not self.generated(self.handle, at):
                continue
            x, y = self.origin(at)
            next_x, next_y = self.origin(at + 1)
            if next_y == y and next_x - x < KERNING_GAP * self.font_size(self.handle, at - 1):
                narrow.append(at)
        if not narrow:
            return chars
        pieces = list(chars)
        for at in narrow:
            pieces[at] = JOINED
        return "".join(pieces)

    def object_at(self, index: int) -> int:
        return self.text_object(self.handle, index) or 0

    def origin(self, index: int) -> tuple[float, float]:
        """Where character `index` starts: x, and its baseline rounded as runs keep it."""
        self.char_origin(self.handle, index, self.at_x, self.at_y)
        return self.x.value, round(self.y.value, 1)

    def style(self, key: int, index: int) -> tuple[float, bool]:
        """Size and slant, asked once per text object (all its characters share them)."""
        style = self.styles.get(key)
        if style is None:
            font, flags = self.font, self.flags
            self.font_info(self.handle, index, font, 128, ctypes.addressof(flags))
            size = round(self.font_size(self.handle, index), 1)
            style = self.styles[key] = (size, _is_italic(font.value, flags.value))
        return style

    def is_mark(self, word: int) -> bool:
        start, end = self.words[word]
        return self.chars[start].isdecimal() and CALL.fullmatch(self.chars, start, end) is not None

    def runs(self) -> list[Run]:
        words, runs = self.words, []
        marks = [word for word in range(len(words)) if self.is_mark(word)]
        word, position = 0, 0
        while word < len(words):
            start, end = words[word]
            key = self.object_at(start)
            spaced = start > position
            next_mark = bisect_left(marks, word)
            limit = marks[next_mark] if next_mark < len(marks) else len(words)
            stop = word + 1
            if limit != word and self.object_at(end - 1) == key:  # not a marker, one object
                stop = _stretch(word, limit, key, lambda w: self.object_at(words[w][1] - 1))
            if stop - word > 1 and (run := self.object_run(word, stop, key, spaced)):
                runs.append(run)
            else:
                runs += self.word_runs(start, end, spaced)
                stop = word + 1
            position, word = words[stop - 1][1], stop
        return runs

    def object_run(self, first: int, stop: int, key: int, spaced: bool) -> Run | None:
        """Words `first` to `stop` (all in text object `key`) as one run; None where they
        do not stand left to right on one baseline (turned text), to be taken word by word."""
        start, end = self.words[first][0], self.words[stop - 1][1]
        left, baseline = self.origin(start)
        right, last_baseline = self.origin(end - 1)
        if last_baseline != baseline or right < left:
            return None
        size, italic = self.style(key, start)
        text = " ".join(self.chars[start:end].replace(JOINED, "").split())
        return Run(text, size, left, right, baseline, italic, spaced)

    def word_runs(self, start: int, end: int, spaced: bool) -> list[Run]:
        """One word as runs, a run for each stretch of it in one text object (a stretch
        joins the one before on its baseline, in its style, to its right)."""
        runs: list[Run] = []
        current: Run | None = None
        while start < end:
            if self.chars[start] == JOINED:
                start += 1
                continue
            key = self.object_at(start)
            stop = _stretch(start, end, key, self.object_at)
            size, italic = self.style(key, start)
            left, baseline = self.origin(start)
            if (
                current is not None
                and (current.size, current.italic) == (size, italic)
                and current.y == baseline
                and left > current.end
            ):
                current.text += self.chars[start]
                current.end = left
            else:
                current = Run(self.chars[start], size, left, left, baseline, italic, spaced)
                runs.append(current)
            if stop - start > 1:  # the rest of the stretch: one text object, left to right
                current.text += self.chars[start + 1 : stop].replace(JOINED, "")
                current.end = self.origin(stop - 1)[0]
            spaced = False
            start = stop
        return runs


def _lines(runs: list[Run]) -> list[Line]:
    """The runs gathered into lines, top down. Only the last three rows can take a run;
    a run on the baseline and in the size of the run before it (the next word of the line,
    mostly) goes where that one went: no row before that one took its like."""
    rows: list[_Row] = []
    last, placed = None, 0
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        if (run.y, run.size) == last:
            rows[placed].runs.append(run)
            continue
        rule = RULE.match(run.text) is not None  # the footnote rule is a line of its own
        for placed in range(max(0, len(rows) - 3), len(rows)):
            if not rule and not rows[placed].rule and rows[placed].takes(run):
                rows[placed].add(run)
                break
        else:
            rows.append(_Row([run], run.size, run.y, rule))
            placed = len(rows) - 1
        last = (run.y, run.size)
    return [_line(sorted(row.runs, key=lambda r: r.x), row.rule) for row in rows]


@dataclass
class _Row:
    """Runs gathered into one printed line, as the page is read top down."""

    runs: list[Run]
    size: float
    """The largest type on the row so far."""
    baseline: float
    """The baseline of that type."""
    rule: bool = False
    """The row is the footnote rule, which takes no text."""

    def takes(self, run: Run) -> bool:
        """On the row's baseline, or raised above it in smaller type (or the row so far is
        only such raised type and `run` is the line it sits on)."""
        if abs(run.y - self.baseline) <= 0.3 * max(self.size, run.size):
            return True
        if run.size < RAISED * self.size and 0 < run.y - self.baseline <= 0.7 * self.size:
            return True
        return self.size < RAISED * run.size and 0 < self.baseline - run.y <= 0.7 * run.size

    def add(self, run: Run) -> None:
        self.runs.append(run)
        if run.size > self.size:
            self.size, self.baseline = run.size, run.y


def _line(runs: list[Run], rule: bool) -> Line:
    sizes: Counter[float] = Counter()
    for run in runs:
        sizes[run.size] += len(run.text) - run.text.count(" ")
    size = sizes.most_common(1)[0][0]
    styled = _LineRuns()
    previous: Run | None = None
    after_mark = False
    for run in runs:
        small = run.size < RAISED * size
        mark = small and CALL.fullmatch(run.text) is not None
        if not mark:
            # PDFium puts a space wherever the baseline changes; after a raised marker,
            # only a real gap is one ("Sostenible¹," but "Crime,² the").
            spaced = run.spaced
            if after_mark and previous is not None:  # digits are half an em wide
                spaced = run.x - (previous.end + previous.size / 2) > 0.15 * size
            if previous is not None and spaced:
                styled.add(" ", False, previous.italic and run.italic)
        styled.add(run.text, small, run.italic)
        after_mark = mark
        previous = run
    first = runs[0]
    starts_with_mark = first.size < RAISED * size and CALL.fullmatch(first.text) is not None
    baseline = min(run.y for run in runs if run.size == size)
    done, length = styled.done()
    return Line(done, size, -baseline, starts_with_mark, first.x, rule, length)


class _LineRuns:
    """A line's runs as handed over: words set alike in the line's type joined into one
    run (a few runs a line cross to the reading process, not one a word); each raised
    run kept apart."""

    def __init__(self) -> None:
        self.runs: list[blocks.Run] = []
        self.texts: list[str] = []
        self.style = (False, False)
        self.length = 0

    def add(self, text: str, raised: bool, italic: bool) -> None:
        if raised or (raised, italic) != self.style:
            self._close()
            self.style = (raised, italic)
        self.texts.append(text)
        self.length += len(text)

    def done(self) -> tuple[tuple[blocks.Run, ...], int]:
        """The runs, and how many characters they hold."""
        self._close()
        return tuple(self.runs), self.length

    def _close(self) -> None:
        if self.texts:
            self.runs.append(blocks.Run("".join(self.texts), *self.style))
            self.texts = []


def _printed(pages: list[list[Line]]) -> tuple[list[list[Printed]], list[Printed]]:
    """Each page's lines, placed (where a block may open), and the
    running heads: the lines in smaller type above the body of every page after the first
    (the title, the symbol), which are furniture however many lines they take, not text to
    be told apart later."""
    sizes: Counter[float] = Counter()
    for line in (line for page in pages for line in page):
        sizes[line.size] += line.length
    body_size = sizes.most_common(1)[0][0]
    parts = [_Page.split(page, body_size) for page in pages]
    pitches = [
        b.baseline - a.baseline
        for part in parts
        for a, b in pairwise(part.body)
        if a.size == b.size and b.baseline > a.baseline
    ]
    pitch = statistics.median(pitches) if pitches else body_size * 1.2
    margin = Counter(round(line.x) for part in parts for line in part.body).most_common(1)
    left = margin[0][0] if margin else 0
    heads = [Printed(line.runs, False) for part in parts[1:] for line in part.head]
    for part in parts[1:]:
        part.head = []
    for before, after in pairwise(parts):
        before.carry_over(after, left, body_size)
    return [part.printed(pitch) for part in parts], heads


@dataclass
class _Page:
    """One page's lines: small lines above the body (running heads), the body, the notes."""

    head: list[Line]
    body: list[Line]
    notes: list[Line]

    @classmethod
    def split(cls, lines: list[Line], body_size: float) -> _Page:
        is_body = [line.size >= SMALL * body_size for line in lines]
        first = is_body.index(True) if True in is_body else len(lines)
        last = len(lines) - 1 - is_body[::-1].index(True) if True in is_body else -1
        rule = next((i for i in range(first, last + 1) if lines[i].rule), None)
        if rule is not None:  # the footnote rule and all below it are the notes
            last = rule - 1
        return cls(lines[:first], lines[first : last + 1], lines[last + 1 :])

    def carry_over(self, following: _Page, margin: float, size: float) -> None:
        """Pull the lines that finish this page's last paragraph back from the next page:
        the next page opens at the margin, where a new paragraph would be indented."""
        if not self.body or not following.body or following.body[0].x > margin + size / 2:
            return
        if following.body[0].starts_with_mark:
            return
        count = 1
        pitch = size * 1.6
        while count < len(following.body):
            line, previous = following.body[count], following.body[count - 1]
            if line.x > margin + size / 2 or line.baseline - previous.baseline > pitch:
                break
            count += 1
        self.body += following.body[:count]
        following.body = following.body[count:]

    def printed(self, pitch: float) -> list[Printed]:
        """The page's lines, each with where a block may open: the body's first line and
        each after a gap wider than a paragraph's line pitch or a change of type size; the
        notes' first line, the rule and each footnote's number."""
        out = [Printed(line.runs, False) for line in self.head]
        previous: Line | None = None
        for line in self.body:
            opens = previous is None or (
                line.baseline - previous.baseline > PARAGRAPH_PITCH * pitch
                or line.size != previous.size
            )
            out.append(Printed(line.runs, opens))
            previous = line
        for line in self.notes:
            opens = line.starts_with_mark or line is self.notes[0] or line.rule
            out.append(Printed(line.runs, opens, line.rule))
        return out
