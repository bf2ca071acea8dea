"""The main view: every visible pair as a row of two columns that never fall out of step.

A Line API widget: it lays out pairs for the current width once, keeps the resulting
strips, and draws only the lines on screen, so two thousand pairs scroll as lightly as
twenty.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate, pairwise
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from resalign.align.comparison import Comparison, PairView
from resalign.align.diff import DELETE, EQUAL, INSERT, Span
from resalign.align.model import FootnoteRef
from resalign.align.render.labels import what_happened
from resalign.align.render.text import found_values, shown, with_marks
from resalign.align.units import JOIN, Calls
from resalign.tui.layout import Chunk, full_width, line_count, side_by_side, wrap_chunks
from resalign.tui.session import Session
from resalign.tui.styles import (
    CALL,
    DELETED,
    DIM,
    FINDING,
    FINDING_MARK,
    HIGHLIGHT,
    INSERTED,
    MARKS,
    PART_LABEL,
    REVIEWED_MARK,
    SEARCH_HIT,
    SELECTED,
    STALE_MARK,
    STATUS_STYLES,
)
from resalign.tui.widgets.moves import MOVES, PairChosen

RTL = {"ar"}
CACHED_ROWS = 300
"""Pairs whose drawn lines are kept; the rest are drawn again when scrolled to."""


@dataclass(frozen=True)
class Options:
    """What changes the layout."""

    width: int
    footnotes: bool
    unified: bool


class PairsView(ScrollView, can_focus=True):
    """Side-by-side rows of the pairs the session shows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *MOVES,
        Binding("space", "page(1)", "Page down", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.footnotes = False
        self.unified = False
        self._options = Options(20, False, False)
        self._heights: list[int] = []
        self._starts: list[int] = []
        self._cache: dict[int, list[Strip]] = {}
        self._shown = 0
        self._called: tuple[Comparison, Calls, Calls] | None = None
        self._measured: dict[int, int] = {}
        """Heights by view index, for the comparison and options in `_measured_for`."""
        self._guessed: set[int] = set()
        """Positions whose height is an estimate: measured when they come on screen."""
        self._measured_for: tuple[Comparison | None, Options] | None = None

    def rebuild(self) -> None:
        """Lay out the visible pairs: the selected one measured, the others measured once
        seen for this comparison and these options, or else estimated from the length of
        their texts and measured when they come on screen (`render_line`). Measuring two
        thousand pairs took half a second before the first screen could show."""
        self._options = Options(self._width(), self.footnotes, self.unified)
        self._shown = self.session.selected
        self._cache = {}
        if self._measured_for != (self.session.comparison, self._options):
            self._measured_for = (self.session.comparison, self._options)
            self._measured = {}
        count = len(self.session.visible) if self.session.comparison else 0
        self._guessed = set()
        self._heights = [self._known_or_guessed(position) for position in range(count)]
        if count:
            self._heights[self.session.selected] = self._measure(self.session.selected)
            self._guessed.discard(self.session.selected)
        self._reflow()

    def _known_or_guessed(self, position: int) -> int:
        index = self.session.visible[position]
        if index in self._measured:
            return self._measured[index]
        self._guessed.add(position)
        assert self.session.comparison is not None
        return _estimate(self.session.comparison.views[index], self._options)

    def _measure_shown(self) -> None:
        """Measure the pairs on screen whose height is still an estimate (the pairs below
        move by the difference; those above, and so what is on screen, stay)."""
        top = round(self.scroll_y)
        while self._guessed:
            first = max(0, bisect.bisect_right(self._starts, top) - 1)
            last = bisect.bisect_left(self._starts, top + self.size.height)
            guessed = [p for p in range(first, last) if p in self._guessed]
            if not guessed:
                return
            for position in guessed:
                self._heights[position] = self._measure(position)
                self._guessed.discard(position)
            self._place()

    def _measure(self, position: int) -> int:
        if position == self.session.selected and self._options.unified:
            return _height(self._layout(position))  # only the selected pair is unified
        index = self.session.visible[position]
        if index not in self._measured:
            self._measured[index] = _height(self._layout(position))
        return self._measured[index]

    def reselect(self) -> None:
        """Redraw only the pairs that lose and gain the selection (or whose mark changed)."""
        if not self._heights or self._options.width != self._width():
            self.rebuild()
            return
        positions = {self._shown, self.session.selected}
        heights = [self._heights[position] for position in positions]
        for position in positions:
            self._cache.pop(position, None)
            self._heights[position] = self._measure(position)
            self._guessed.discard(position)
        self._shown = self.session.selected
        if heights != [self._heights[position] for position in positions]:
            self._reflow()
            return
        for position in positions:  # the rest of the screen stays as drawn
            self.refresh_lines(self._starts[position], self._heights[position])
        self.scroll_to_selected()

    def _width(self) -> int:
        """Room for text, always leaving the scrollbar's: the layout must not depend on
        whether the pairs, once laid out, need one."""
        return max(self.size.width - self.styles.scrollbar_size_vertical - 1, 20)

    def _reflow(self) -> None:
        self._place()
        self.refresh()
        self.scroll_to_selected()

    def _place(self) -> None:
        """Where each pair starts, and the lines they take, from their heights."""
        self._starts = list(accumulate(self._heights, initial=0))[:-1]
        self.virtual_size = Size(self._options.width, sum(self._heights))

    def action_page(self, direction: int) -> None:
        """A screen on or back: the selection goes to the pair a screen away, so that what
        is selected is what is shown."""
        if not self._starts:
            return
        target = self._starts[self.session.selected] + direction * max(1, self.size.height - 2)
        position = bisect.bisect_right(self._starts, max(0, target)) - 1
        if position == self.session.selected:
            position += direction
        self.post_message(PairChosen(max(0, min(len(self._starts) - 1, position))))

    def action_edge(self, which: int) -> None:
        """The first pair (`0`) or the last (`-1`), selected."""
        if self._starts:
            self.post_message(PairChosen(range(len(self._starts))[which]))

    def scroll_to_selected(self) -> None:
        if not self._starts:
            return
        self._measure_shown()  # so that what is judged on screen is what will be drawn
        start = self._starts[self.session.selected]
        end = start + self._heights[self.session.selected]
        top, height = round(self.scroll_y), self.size.height
        if start < top or end > top + height:
            self.scroll_to(y=start, animate=False)

    def forget_drawn(self) -> None:
        """Drop the drawn lines kept for pairs; they are drawn again when shown."""
        self._cache.clear()

    @property
    def total_lines(self) -> int:
        """Lines the visible pairs take as laid out (estimated for pairs not yet shown)."""
        return sum(self._heights)

    def text_lines(self) -> list[str]:
        """The laid-out text of every visible pair, on screen or not."""
        return [
            strip.text for position in range(len(self._heights)) for strip in self._row(position)
        ]

    def render_line(self, y: int) -> Strip:
        if self.session.comparison is None:
            return _waiting(self.session, y, self.size.width)
        if not self.session.visible:
            return _nothing_shown(self.session, y, self.size.width)
        self._measure_shown()  # a no-op once the pairs on screen are measured
        line = round(self.scroll_y) + y
        position = bisect.bisect_right(self._starts, line) - 1
        if position < 0 or line - self._starts[position] >= self._heights[position]:
            return Strip.blank(self.size.width)
        strip = self._row(position)[line - self._starts[position]]
        return strip.crop(0, self.size.width).extend_cell_length(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self.rebuild()

    def on_click(self, event: events.Click) -> None:
        line = round(self.scroll_y) + event.y
        position = bisect.bisect_right(self._starts, line) - 1
        if 0 <= position < len(self._heights):
            self.post_message(PairChosen(position))

    # one pair ----------------------------------------------------------------------------
    def _row(self, position: int) -> list[Strip]:
        if position not in self._cache:
            if len(self._cache) > CACHED_ROWS:
                self._cache.clear()
            self._cache[position] = _strips(self._layout(position))
        return self._cache[position]

    def _layout(self, position: int) -> Layout:
        """What one pair shows, as styled chunks, before it is broken into lines."""
        session = self.session
        assert session.comparison is not None
        view = session.comparison.views[session.visible[position]]
        alignment = session.comparison.alignment
        languages = (alignment.left.language, alignment.right.language)
        options = self._options
        selected = position == session.selected
        left, right = self._texts(view, languages)
        rtl = (languages[0] in RTL, languages[1] in RTL)
        unified = None
        if selected and options.unified:  # one language's diff inline, or two one above the other
            unified = (
                ((self._inline(view), rtl[0]),)
                if view.spans is not None
                else ((left, rtl[0]), (right, rtl[1]))
            )
        return Layout(
            header=self._header(view, selected, options.width),
            left=left,
            right=right,
            unified=unified,
            findings=[[(f"{FINDING_MARK} {f.message}", FINDING)] for f in view.pair.findings],
            footnotes=self._footnotes(view) if options.footnotes else None,
            width=options.width,
            rtl=rtl,
        )

    def _header(self, view: PairView, selected: bool, width: int) -> Strip:
        pair = view.pair
        mark = FINDING_MARK if pair.findings else MARKS[pair.status]
        text = f" {mark} {pair.keys}  {what_happened(pair)}  {pair.score:.2f}"
        if view.spans is not None and (view.stats.added or view.stats.removed):
            text += f"  +{view.stats.added} −{view.stats.removed} words"
        review = self.session.mark((pair.left, pair.right))
        if review == "reviewed":
            text += f"  {REVIEWED_MARK} reviewed"
        elif review == "stale":
            text += f"  {STALE_MARK} changed since review"
        style = STATUS_STYLES[pair.status] + Style(bold=True)
        if selected:
            style += SELECTED
            text += " " * max(0, width - cell_len(text))
        return Strip([Segment(text, style)])

    def _texts(self, view: PairView, languages: tuple[str, str]) -> tuple[list[Chunk], list[Chunk]]:
        if view.spans is not None:
            left = [
                (s.text, DELETED if s.op == DELETE else None)
                for s in view.spans
                if s.op in (EQUAL, DELETE)
            ]
            right = [
                (s.text, INSERTED if s.op == INSERT else None)
                for s in view.spans
                if s.op in (EQUAL, INSERT)
            ]
        else:
            left = _with_findings(view.left_text or "—", view, "left", languages[0])
            right = _with_findings(view.right_text or "—", view, "right", languages[1])
        left_calls, right_calls = self._calls()
        pair = view.pair
        left = with_marks(left, _side_marks(left_calls.at(pair.lefts), view.left_text, pair.lefts))
        right = with_marks(
            right, _side_marks(right_calls.at(pair.rights), view.right_text, pair.rights)
        )
        if self.session.query:
            left, right = _searched(left, self.session.query), _searched(right, self.session.query)
        return _shown(left), _shown(right)

    def _inline(self, view: PairView) -> list[Chunk]:
        """The unified view's text: the diff inline, with the footnote calls of each side
        where they stand (the new text's in what it kept or put in, the old one's in what
        it lost) and the search hits marked."""
        assert view.spans is not None
        left_calls, right_calls = self._calls()
        chunks = inline_diff(view.spans)
        marks = _inline_marks(
            view.spans, left_calls.at(view.pair.lefts), right_calls.at(view.pair.rights)
        )
        chunks = with_marks(chunks, marks)
        return _shown(_searched(chunks, self.session.query) if self.session.query else chunks)

    def _calls(self) -> tuple[Calls, Calls]:
        """Where each side's footnotes are called, worked out once per comparison."""
        comparison = self.session.comparison
        assert comparison is not None
        if self._called is None or self._called[0] is not comparison:
            self._called = (comparison, Calls.of(comparison.left), Calls.of(comparison.right))
        return self._called[1], self._called[2]

    def _footnotes(self, view: PairView) -> tuple[list[Chunk], list[Chunk]] | None:
        comparison = self.session.comparison
        assert comparison is not None
        sides = []
        for document, keys in (
            (comparison.left, view.pair.lefts),
            (comparison.right, view.pair.rights),
        ):
            cited = [ref.key for p in document.paragraphs if p.key in keys for ref in p.refs]
            chunks: list[Chunk] = []
            for footnote_key in dict.fromkeys(cited):
                chunks += [
                    (f"{footnote_key} ", DIM),
                    (shown(document.footnote(footnote_key).text) + "  ", DIM),
                ]
            sides.append(chunks)
        return (sides[0], sides[1]) if sides[0] or sides[1] else None


@dataclass(frozen=True)
class Layout:
    """One pair's content as styled chunks, and the room it has."""

    header: Strip
    left: list[Chunk]
    right: list[Chunk]
    unified: tuple[tuple[list[Chunk], bool], ...] | None
    """The selected pair in the unified view: its blocks (the inline diff; or each
    language's text), each with whether it reads right to left."""
    findings: list[list[Chunk]]
    footnotes: tuple[list[Chunk], list[Chunk]] | None
    width: int
    rtl: tuple[bool, bool]

    @property
    def column(self) -> int:
        return (self.width - 4) // 2


def _strips(layout: Layout) -> list[Strip]:
    strips = [layout.header]
    column = layout.column
    if layout.unified is not None:
        for chunks, rtl in layout.unified:
            strips += full_width(
                wrap_chunks(chunks, layout.width - 2), rtl=rtl, width=layout.width - 2
            )
    else:
        strips += side_by_side(
            wrap_chunks(layout.left, column), wrap_chunks(layout.right, column), column, layout.rtl
        )
    for finding in layout.findings:
        strips += full_width(wrap_chunks(finding, layout.width - 4), indent=3)
    if layout.footnotes is not None:
        left, right = layout.footnotes
        strips += side_by_side(
            wrap_chunks(left, column) if left else [],
            wrap_chunks(right, column) if right else [],
            column,
            layout.rtl,
        )
    strips.append(Strip.blank(layout.width))
    return strips


def _estimate(view: PairView, options: Options) -> int:
    """A pair's height guessed from its texts' lengths: the header, the longer side
    wrapped with three columns a line lost to word breaks (what the seed pairs lose on
    average at 80 and 140 columns: the guesses then total within 2% of the heights), one
    line a finding, the blank after."""
    column = max(1, (options.width - 4) // 2 - 3)
    longest = max(len(view.left_text or "—"), len(view.right_text or "—"))
    return 2 + -(-longest // column) + len(view.pair.findings)


def _height(layout: Layout) -> int:
    """The number of strips `_strips` makes of a layout, counted without drawing them."""
    column = layout.column
    if layout.unified is not None:
        body = sum(line_count(_plain(chunks), layout.width - 2) for chunks, _ in layout.unified)
    else:
        body = max(
            line_count(_plain(layout.left), column), line_count(_plain(layout.right), column)
        )
    findings = sum(line_count(_plain(finding), layout.width - 4) for finding in layout.findings)
    notes = 0
    if layout.footnotes is not None:
        notes = max(line_count(_plain(side), column) if side else 0 for side in layout.footnotes)
    return 2 + body + findings + notes


def _plain(chunks: list[Chunk]) -> str:
    return "".join(text for text, _ in chunks)


def _waiting(session: Session, y: int, width: int) -> Strip:
    """What the main view says while the worker aligns."""
    if y != 1:
        return Strip.blank(width)
    left, right = session.documents()
    count = len(left.paragraphs) + len(right.paragraphs)
    return Strip([Segment(f"  Aligning {count} paragraphs…", DIM)]).extend_cell_length(width)


def _nothing_shown(session: Session, y: int, width: int) -> Strip:
    """What the main view says when the filter or the search keeps no pair."""
    if y != 1:
        return Strip.blank(width)
    if session.query:
        said = f"  No pair holds {session.query!r}  (/ and an empty search: show all)"
    else:
        what = {"changes": "changes", "findings": "QA findings", "unpaired": "unpaired paragraphs"}
        said = f"  No {what.get(session.view_filter, 'pairs')} here  (f: the next filter)"
    return Strip([Segment(said, DIM)]).extend_cell_length(width)


def inline_diff(spans: tuple[Span, ...]) -> list[Chunk]:
    """The diff in one text, deletions and insertions styled; a space keeps a deletion and
    the insertion after it apart."""
    styles = {DELETE: DELETED, INSERT: INSERTED, EQUAL: None}
    chunks: list[Chunk] = []
    for before, span in zip((None, *spans), spans, strict=False):
        if _spaced(before, span):
            chunks.append((" ", None))
        chunks.append((span.text, styles[span.op]))
    return chunks


def _spaced(before: Span | None, span: Span) -> bool:
    """A deletion and the insertion after it touch: the inline diff sets a space between."""
    return (
        before is not None
        and (before.op, span.op) == (DELETE, INSERT)
        and not before.text[-1:].isspace()
        and not span.text[:1].isspace()
    )


def _inline_marks(
    spans: tuple[Span, ...], left: tuple[FootnoteRef, ...], right: tuple[FootnoteRef, ...]
) -> list[tuple[int, Chunk]]:
    """The calls of both sides as marks at their offsets into `inline_diff`'s text: the
    new text's calls in what it kept or put in, the old text's in what it lost."""
    marks: list[tuple[int, Chunk]] = []
    inline = old = new = 0
    for before, span in zip((None, *spans), spans, strict=False):
        inline += _spaced(before, span)
        size = len(span.text)
        if span.op == DELETE:
            marks += _within(left, old, size, inline)
            old += size
        else:
            marks += _within(right, new, size, inline)
            new += size
            old += size if span.op == EQUAL else 0
        inline += size
    marks += [(inline, _call_mark(ref)) for ref in right if ref.offset >= new]  # at the end
    return sorted(marks, key=lambda item: item[0])


def _within(
    calls: tuple[FootnoteRef, ...], start: int, size: int, inline: int
) -> list[tuple[int, Chunk]]:
    """The marks of the calls that stand in a span from `start` (in its side's text) that
    the inline text has at `inline`."""
    return [
        (inline + ref.offset - start, _call_mark(ref))
        for ref in calls
        if start <= ref.offset < start + size
    ]


def _with_findings(text: str, view: PairView, side: str, code: str) -> list[Chunk]:
    """The text with the values its pair's QA findings name highlighted."""
    chunks: list[Chunk] = []
    position = 0
    for start, end in found_values(text, view.pair.findings, side, code):
        chunks += [(text[position:start], None), (text[start:end], HIGHLIGHT)]
        position = end
    chunks.append((text[position:], None))
    return [chunk for chunk in chunks if chunk[0]]


def _shown(chunks: list[Chunk]) -> list[Chunk]:
    """The chunks with each character that would act on the terminal written visibly
    (`⟨U+202E⟩`): last, once calls and search hits stand where the text has them."""
    return [(shown(text), style) for text, style in chunks]


def _part_marks(text: str | None, keys: tuple[str, ...]) -> list[tuple[int, Chunk]]:
    """Each part of a split's or merge's side labelled with its key where it starts (the
    parts are joined by `JOIN`): `OP10 …` / `OP11 …`."""
    if text is None or len(keys) < 2:
        return []
    marks: list[tuple[int, Chunk]] = []
    start = 0
    for key, part in zip(keys, text.split(JOIN), strict=False):
        marks.append((start, (f"{key} ", PART_LABEL)))
        start += len(part) + len(JOIN)
    return marks


def _side_marks(
    calls: tuple[FootnoteRef, ...], text: str | None, keys: tuple[str, ...]
) -> list[tuple[int, Chunk]]:
    """One side's footnote calls and part labels, in the order they stand in its text."""
    return sorted(_call_marks(calls) + _part_marks(text, keys), key=lambda mark: mark[0])


def _call_marks(calls: tuple[FootnoteRef, ...]) -> list[tuple[int, Chunk]]:
    """Footnote calls as marks in the text (`[14]` where footnote 14 is called)."""
    return [(ref.offset, _call_mark(ref)) for ref in calls]


def _call_mark(ref: FootnoteRef) -> Chunk:
    return (f"[{ref.key.removeprefix('FN')}]", CALL)


def _searched(chunks: list[Chunk], query: str) -> list[Chunk]:
    """The chunks with each hit of `query` marked, found in their joined text without the
    footnote calls shown in it: a hit that runs from an inserted word into kept ones, or
    over a call, is marked whole, in each of its styles."""
    words = [(piece, style) for piece, style in chunks if style is not CALL]
    text = "".join(piece for piece, _ in words)
    hits = [match.span() for match in re.finditer(re.escape(query), text, re.IGNORECASE)]
    if not hits:
        return chunks
    out: list[Chunk] = []
    position = 0
    for piece, style in chunks:
        if style is CALL:
            out.append((piece, style))
            continue
        end = position + len(piece)
        cuts = sorted({position, end} | {x for hit in hits for x in hit if position < x < end})
        for start, stop in pairwise(cuts):
            hit = any(a <= start and stop <= b for a, b in hits)
            out.append((text[start:stop], (style or Style()) + SEARCH_HIT if hit else style))
        position = end
    return [chunk for chunk in out if chunk[0]]
