"""The comparison as a Word redline (.docx): what delegates forward to their capitals.

In version mode it is the new text with its differences from the old as tracked changes,
by the word diff every other report shows: deleted words `w:del`, inserted words `w:ins`,
a moved paragraph a move (`w:moveFrom` where it stood, `w:moveTo` where it stands), a
split or merge an inserted or deleted paragraph mark, and footnotes real footnotes whose
own changes are tracked. Accepting every change gives the new text, rejecting every change
the old. Each pair is commented with its keys, its status, its QA findings and its review
mark. Between languages there is nothing to track: the pairs stand side by side in a
two-column table, findings and review marks as comments.
"""

from __future__ import annotations

import bisect
import itertools
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree

from resalign.align.comparison import Comparison, PairView
from resalign.align.diff import DELETE, EQUAL, INSERT, Span
from resalign.align.model import Document, FootnoteRef
from resalign.align.render.labels import review_label, what_happened
from resalign.align.render.wordml import (
    AUTHOR,
    W_NS,
    XML_SPACE,
    Comments,
    W,
    child,
    commented,
    element,
    footnotes_part,
    package,
    run,
    settings,
    styles,
)
from resalign.align.units import Calls

MOVE_FROM, MOVE_TO = -2, 2
"""Ops of a moved paragraph's text, beside diff-match-patch's DELETE, EQUAL and INSERT."""
TAGS = {INSERT: "ins", DELETE: "del", MOVE_FROM: "moveFrom", MOVE_TO: "moveTo"}
OLD = (EQUAL, DELETE, MOVE_FROM)
"""Ops whose text the old document has."""
NEW = (EQUAL, INSERT, MOVE_TO)
"""Ops whose text the new document has."""
HEADER_LABELS = {"SESSION": "Session ", "AGENDA": "Agenda item ", "REPORT": "Report: "}
"""What stands before a header fact that is a bare value (the adoption date, the symbol,
the title and the opening read as they are)."""


@dataclass(frozen=True, slots=True)
class _Call:
    """A footnote call, with the text of the note it opens."""

    view: PairView | None
    """The footnote's pair (None for a call to a note the document lacks)."""
    spans: tuple[Span, ...]
    marker: str
    keys: tuple[str | None, str | None]
    """The note it calls in the old document and in the new (None where it calls none)."""


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of one paragraph: text or a footnote call, with the op it is shown with."""

    op: int
    text: str = ""
    call: _Call | None = None


@dataclass(slots=True)
class _Paragraph:
    """One Word paragraph of the redline, its pieces and its mark."""

    pieces: list[_Piece] = field(default_factory=list)
    mark: int = EQUAL
    """The op of the paragraph mark: inserted where a split made it, deleted where a merge
    removed it, moved with a moved paragraph."""
    bold: bool = False


@dataclass(frozen=True)
class _Side:
    """What one document gives its pairs: labels, footnote calls and footnote texts."""

    labels: dict[str, str]
    calls: Calls
    notes: dict[str, str]

    @classmethod
    def of(cls, document: Document) -> _Side:
        labels = dict(HEADER_LABELS)
        labels.update((p.key, f"{p.label}\t") for p in document.paragraphs if p.label)
        return cls(labels, Calls.of(document), {f.key: f.text for f in document.footnotes})


class _Notes:
    """The footnote pairs of a comparison, by the key of either side."""

    def __init__(self, views: Sequence[PairView], left: _Side, right: _Side) -> None:
        self.left = {k: v for v in views for k in v.pair.lefts if k in left.notes}
        self.right = {k: v for v in views for k in v.pair.rights if k in right.notes}
        self.sides = (left, right)
        every = (*self.left.values(), *self.right.values())
        self.views = tuple({id(v): v for v in every}.values())
        """The footnote pairs, each once."""

    def kept(self, left: str, right: str) -> _Call | None:
        """The call of a note both documents call at one place, its changes tracked."""
        view = self.left.get(left)
        if view is None or view is not self.right.get(right) or len(view.pair.links) != 1:
            return None
        assert view.right_text is not None
        spans = view.spans or (Span(EQUAL, view.right_text),)
        return _Call(view, spans, right.removeprefix("FN"), (left, right))

    def one_side(self, key: str, old: bool) -> _Call:
        """The call of a note only one document calls here: its text all deleted or all
        inserted with it."""
        side, views = (self.sides[0], self.left) if old else (self.sides[1], self.right)
        view = views.get(key)
        text = side.notes.get(key, "")
        keys = (key, None) if old else (None, key)
        return _Call(view, (Span(DELETE if old else INSERT, text),), key.removeprefix("FN"), keys)


class _Walk:
    """Cuts one pair's word diff into Word paragraphs: at each line break of a split or
    merge a paragraph mark (kept, inserted or deleted), at each footnote call a call, at
    each paragraph's start its label."""

    def __init__(
        self,
        sides: tuple[_Side, _Side],
        notes: _Notes,
        keys: tuple[tuple[str, ...], tuple[str, ...]],
        ops: tuple[int, int] = (DELETE, INSERT),
    ) -> None:
        self.notes = notes
        self.gone, self.come = ops
        self.labels = [
            [side.labels.get(k, "") for k in side_keys]
            for side, side_keys in zip(sides, keys, strict=True)
        ]
        self.calls = (deque(sides[0].calls.at(keys[0])), deque(sides[1].calls.at(keys[1])))
        self.offsets = [0, 0]
        self.starts = [0, 0]
        """Which paragraph of each side the current Word paragraph starts."""
        self.paragraphs = [_Paragraph()]
        self._label(bool(keys[0]), bool(keys[1]))

    def walk(self, spans: Sequence[Span], mark: int) -> list[_Paragraph]:
        for span in spans:
            start = 0
            while start < len(span.text):
                self._calls()
                cut = len(span.text)
                for side, ops in ((0, OLD), (1, NEW)):
                    if span.op in ops and self.calls[side]:
                        cut = min(cut, start + self.calls[side][0].offset - self.offsets[side])
                self._text(span.op, span.text[start:cut])
                for side, ops in ((0, OLD), (1, NEW)):
                    if span.op in ops:
                        self.offsets[side] += cut - start
                start = cut
        self._calls(everything=True)
        self.paragraphs[-1].mark = mark
        return self.paragraphs

    def _add(self, op: int, text: str = "", call: _Call | None = None) -> None:
        self.paragraphs[-1].pieces.append(_Piece(op, text, call))

    def _label(self, old: bool, new: bool) -> None:
        before = self._nth(0, old)
        after = self._nth(1, new)
        if before and before == after:
            self._add(EQUAL, before)
            return
        if before:
            self._add(self.gone, before)
        if after:
            self._add(self.come, after)

    def _nth(self, side: int, starts: bool) -> str:
        labels = self.labels[side]
        return labels[self.starts[side]] if starts and self.starts[side] < len(labels) else ""

    def _text(self, op: int, text: str) -> None:
        for index, part in enumerate(text.split("\n")):
            if index:
                self.paragraphs[-1].mark = op
                self.paragraphs.append(_Paragraph())
                old, new = op in OLD, op in NEW
                self.starts[0] += old
                self.starts[1] += new
                self._label(old, new)
            if part:
                self._add(op, part)

    def _due(self, side: int, everything: bool) -> list[FootnoteRef]:
        due = []
        calls = self.calls[side]
        while calls and (everything or calls[0].offset <= self.offsets[side]):
            due.append(calls.popleft())
        return due

    def _calls(self, everything: bool = False) -> None:
        """The calls due at this point: one both sides make to one note is kept, with the
        note's changes; the others are deleted or inserted with their note."""
        olds = self._due(0, everything)
        for new in self._due(1, everything):
            both = next(
                ((old, c) for old in olds if (c := self.notes.kept(old.key, new.key))), None
            )
            if both is not None:
                olds.remove(both[0])
                self._add(EQUAL, call=both[1])
            else:
                self._add(self.come, call=self.notes.one_side(new.key, old=False))
        for old in olds:
            self._add(self.gone, call=self.notes.one_side(old.key, old=True))


def render_redline(comparison: Comparison) -> bytes:
    language = comparison.right.language
    rtl = language == "ar"
    writer = _Writer(rtl)
    document = etree.Element(f"{W}document", nsmap={"w": W_NS})
    body = child(document, "body")
    if comparison.alignment.mode == "language":
        writer.table(body, comparison)
    else:
        writer.redline(body, comparison)
    return package(
        {
            "document": document,
            "footnotes": writer.notes,
            "comments": writer.comments.root,
            "styles": styles(language, rtl),
            "settings": settings(track=True),
        }
    )


def _entries(comparison: Comparison, notes: _Notes) -> list[tuple[PairView, int]]:
    """The header and paragraph pairs in the order the redline shows them, each with the
    op it shows them with: a moved paragraph twice, moved from where it stood in the old
    text and moved to where it stands in the new. Between two paragraphs both texts keep
    in place stand what only the old text has, in its order, then what only the new text
    has, in its: so that either text, alone, reads in its own order."""
    footnotes = {id(view) for view in notes.views}
    header = [(v, EQUAL) for v in comparison.views if v.pair.method == "header"]
    body = [v for v in comparison.views if v.pair.method != "header" and id(v) not in footnotes]
    old = {p.key: index for index, p in enumerate(comparison.left.paragraphs)}
    new = {p.key: index for index, p in enumerate(comparison.right.paragraphs)}
    paired = sorted(
        (v for v in body if v.pair.lefts and v.pair.rights), key=lambda v: new[v.pair.rights[0]]
    )
    unmoved = [v for v in paired if not v.pair.status.startswith("moved")]
    anchors = _in_order(unmoved, [old[v.pair.lefts[0]] for v in unmoved])
    kept = {id(v) for v in anchors}
    moved = {id(v) for v in paired if id(v) not in kept}
    olds = [(v, EQUAL) for v in body if not v.pair.rights]
    olds += [(v, MOVE_FROM) for v in body if id(v) in moved]
    news = [(v, EQUAL) for v in body if not v.pair.lefts]
    news += [(v, MOVE_TO) for v in body if id(v) in moved]
    slots: list[list[tuple[PairView, int]]] = [[] for _ in range(len(anchors) + 1)]
    places: tuple[Callable[[PairView], int], ...] = (
        lambda view: old[view.pair.lefts[0]],
        lambda view: new[view.pair.rights[0]],
    )
    for items, place in zip((olds, news), places, strict=True):
        starts = sorted(place(view) for view in anchors)
        for view, op in sorted(items, key=lambda item: place(item[0])):
            slots[bisect.bisect_left(starts, place(view))].append((view, op))
    entries = header + slots[0]
    for anchor, slot in zip(anchors, slots[1:], strict=True):
        entries += [(anchor, EQUAL), *slot]
    return entries


def _in_order(views: list[PairView], places: list[int]) -> list[PairView]:
    """The most views whose `places` (in the old text; the views in the new text's order)
    rise: the pairs both texts keep in one order. Any other pair crosses one of them, so
    it is written as a move, whatever its status (a merge the new text also moved, say),
    or one of the two texts would not read in its own order."""
    tails: list[int] = []
    """The place ending the best rising run of each length so far."""
    ends: list[int] = []
    """Which view ends it."""
    before: list[int | None] = []
    for index, place in enumerate(places):
        length = bisect.bisect_left(tails, place)
        before.append(ends[length - 1] if length else None)
        if length == len(tails):
            tails.append(place)
            ends.append(index)
        else:
            tails[length], ends[length] = place, index
    chosen: list[PairView] = []
    at = ends[-1] if ends else None
    while at is not None:
        chosen.append(views[at])
        at = before[at]
    return chosen[::-1]


def _paragraphs(
    view: PairView, op: int, sides: tuple[_Side, _Side], notes: _Notes
) -> list[_Paragraph]:
    """The Word paragraphs of one entry."""
    pair = view.pair
    if op == MOVE_FROM:
        walk = _Walk(sides, notes, (pair.lefts, ()), (MOVE_FROM, MOVE_TO))
        return walk.walk((Span(MOVE_FROM, view.left_text or ""),), MOVE_FROM)
    if op == MOVE_TO:
        walk = _Walk(sides, notes, ((), pair.rights), (MOVE_FROM, MOVE_TO))
        return walk.walk((Span(MOVE_TO, view.right_text or ""),), MOVE_TO)
    mark = EQUAL if pair.lefts and pair.rights else INSERT if pair.rights else DELETE
    spans = view.spans or ()
    paragraphs = _Walk(sides, notes, (pair.lefts, pair.rights)).walk(spans, mark)
    if pair.left == "TITLE" or pair.right == "TITLE":
        for paragraph in paragraphs:
            paragraph.bold = True
    return paragraphs


def _comment(view: PairView, op: int = EQUAL) -> str:
    """What a pair's comment says: keys and status, words, review mark, findings."""
    pair = view.pair
    lines = [f"{pair.keys} · {what_happened(pair)}"]
    renumbered = len(pair.links) == 1 and pair.left and pair.right and pair.left != pair.right
    if renumbered and "renumbered" not in lines[0]:
        lines[0] += ", renumbered"
    if op == MOVE_FROM:
        lines[0] = f"{pair.keys} · moved from here ({what_happened(pair)})"
    counts = view.stats
    if counts.added or counts.removed:
        lines.append(f"words: {counts.added} added, {counts.removed} removed")
    if label := review_label(view.reviewed, view.stale):
        lines.append(label)
    lines += [f"⚠ {finding.message}" for finding in pair.findings]
    return "\n".join(lines)


class _References:
    """Which call of a footnote holds its Word note, and the cross-references of the
    others: a note is called once in Word, and a document may call one note again. A
    note both texts call at one place (kept) serves every call of its footnote; else the
    first call that inserts it and the first that deletes it each hold a note of their
    own."""

    def __init__(self, kept: Iterator[PairView], order: dict[int, int]) -> None:
        self.kept = {id(view) for view in kept}
        self.order = order
        """Each footnote pair's place in the comparison, which names its bookmarks."""
        self.held: set[str] = set()
        self.cited: list[tuple[etree._Element, str]] = []
        """Each cross-reference's shown number, to be filled in with its bookmark's."""

    def _name(self, call: _Call, op: int) -> str:
        """A kept note is its pair's; a deleted or inserted one its side's footnote's."""
        assert call.view is not None
        if id(call.view) in self.kept:
            return f"_Refkept{self.order[id(call.view)]}"
        return f"_Ref{'new' if op in NEW else 'old'}{call.marker}"

    def bookmark(self, call: _Call, op: int) -> str | None:
        """The bookmark to hold a note for this call, or None where another call holds it."""
        assert call.view is not None
        view = call.view
        name = self._name(call, op)
        if name in self.held or (id(view) in self.kept and op != EQUAL):
            return None
        self.held.add(name)
        return name

    def cite(self, parent: etree._Element, call: _Call, op: int) -> etree._Element:
        """A NOTEREF field to the note that holds this footnote, showing its number."""
        deleted = op == DELETE
        first = run(parent)
        child(first, "fldChar", fldCharType="begin")
        instruction = child(run(parent), "delInstrText" if deleted else "instrText")
        instruction.set(XML_SPACE, "preserve")
        name = self._name(call, op)
        instruction.text = f" NOTEREF {name} \\f \\h "
        child(run(parent), "fldChar", fldCharType="separate")
        self.cited.append((run(parent, "?", superscript=True, deleted=deleted), name))
        child(run(parent), "fldChar", fldCharType="end")
        return first

    def number(self, body: etree._Element) -> None:
        """Show in each cross-reference the number Word gives the note it cites: notes
        are numbered in the order of their calls."""
        numbers, count = {}, 0
        for node in body.iter(f"{W}bookmarkStart", f"{W}footnoteReference"):
            if node.tag == f"{W}footnoteReference":
                count += 1
            else:
                numbers[node.get(f"{W}name")] = count + 1
        for result, name in self.cited:
            result[-1].text = str(numbers[name])


class _Writer:
    """Writes paragraphs of pieces as WordprocessingML, numbering every annotation."""

    def __init__(self, rtl: bool) -> None:
        self.ids: Iterator[int] = itertools.count(1)
        self.comments = Comments(self.ids)
        self.notes = footnotes_part()
        self.note_ids = itertools.count(1)
        self.date = self.comments.date  # one moment for every change and comment
        self.rtl = rtl
        self.commented: set[int] = set()
        """The footnote pairs commented so far (on their first call)."""
        self.references = _References(iter(()), {})

    def redline(self, body: etree._Element, comparison: Comparison) -> None:
        sides = (_Side.of(comparison.left), _Side.of(comparison.right))
        notes = _Notes(comparison.views, *sides)
        entries = [
            (view, op, _paragraphs(view, op, sides, notes))
            for view, op in _entries(comparison, notes)
        ]
        _call_the_uncalled(entries, notes)
        kept = (
            piece.call.view
            for _, _, paragraphs in entries
            for paragraph in paragraphs
            for piece in paragraph.pieces
            if piece.op == EQUAL and piece.call is not None and piece.call.view is not None
        )
        order = {id(view): index for index, view in enumerate(comparison.views)}
        self.references = _References(kept, order)
        moves: dict[int, str] = {}
        for view, op, paragraphs in entries:
            written = [self.paragraph(body, paragraph) for paragraph in paragraphs]
            runs = [r for _, rs in written for r in rs]
            if op in (MOVE_FROM, MOVE_TO):
                self._move_range(written, op, moves.setdefault(id(view), f"move{len(moves) + 1}"))
            if runs:
                commented(written[-1][0], self.comments.add(_comment(view, op)), runs)
        self.references.number(body)

    def paragraph(
        self, body: etree._Element, paragraph: _Paragraph
    ) -> tuple[etree._Element, list[etree._Element]]:
        node = child(body, "p")
        properties = child(node, "pPr")
        if self.rtl:
            child(properties, "bidi")
        if paragraph.bold:
            child(properties, "jc", val="center")
        if paragraph.mark != EQUAL:
            child(child(properties, "rPr"), TAGS[paragraph.mark], **self._change())
        if len(properties) == 0:
            node.remove(properties)
        runs = []
        for op, pieces in itertools.groupby(paragraph.pieces, key=lambda piece: piece.op):
            parent = node if op == EQUAL else child(node, TAGS[op], **self._change())
            for piece in pieces:
                runs.append(self._piece(node, parent, piece, bold=paragraph.bold))
        return node, runs

    def _change(self) -> dict[str, str]:
        return {"id": str(next(self.ids)), **self._stamp()}

    def _piece(
        self, paragraph: etree._Element, parent: etree._Element, piece: _Piece, bold: bool
    ) -> etree._Element:
        if piece.call is None:
            return run(parent, piece.text, bold=bold, rtl=self.rtl, deleted=piece.op == DELETE)
        call = piece.call
        deleted = piece.op == DELETE
        if call.view is None:
            return run(parent, call.marker, superscript=True, deleted=deleted)
        bookmark = self.references.bookmark(call, piece.op)
        if bookmark is None:
            return self.references.cite(parent, call, piece.op)
        number = str(next(self.note_ids))
        mark = {"id": str(next(self.ids)), "name": bookmark}
        child(parent, "bookmarkStart", **mark)
        reference = run(parent, superscript=True)
        child(reference, "footnoteReference", id=number)
        child(parent, "bookmarkEnd", id=mark["id"])
        self._note(number, call.spans)
        if id(call.view) not in self.commented:
            self.commented.add(id(call.view))
            commented(paragraph, self.comments.add(_comment(call.view)), [reference])
        return reference

    def _note(self, number: str, spans: Sequence[Span]) -> None:
        note = child(self.notes, "footnote", id=number)
        paragraph = child(note, "p")
        child(run(paragraph, superscript=True), "footnoteRef")
        run(paragraph, " ", rtl=self.rtl)
        for span in spans:
            parent = (
                paragraph if span.op == EQUAL else child(paragraph, TAGS[span.op], **self._change())
            )
            run(parent, span.text, rtl=self.rtl, deleted=span.op == DELETE)

    def _move_range(
        self, written: list[tuple[etree._Element, list[etree._Element]]], op: int, name: str
    ) -> None:
        """Bracket a moved paragraph's text with the range marks that name the move, so
        that Word shows where it went and where it came from."""
        kind = "moveFrom" if op == MOVE_FROM else "moveTo"
        number = str(next(self.ids))
        first, last = written[0][0], written[-1][0]
        start = element(f"{kind}RangeStart", id=number, name=name, **self._stamp())
        properties = first.find(f"{W}pPr")
        if properties is not None:
            properties.addnext(start)
        else:
            first.insert(0, start)
        last.append(element(f"{kind}RangeEnd", id=number))

    def _stamp(self) -> dict[str, str]:
        return {"author": AUTHOR, "date": self.date}

    def table(self, body: etree._Element, comparison: Comparison) -> None:
        """Language mode: each pair a row, the left text beside the right."""
        table = child(body, "tbl")
        properties = child(table, "tblPr")
        child(properties, "tblW", w="5000", type="pct")
        borders = child(properties, "tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            child(borders, edge, val="single", sz="4", space="0", color="auto")
        grid = child(table, "tblGrid")
        for _ in range(2):
            child(grid, "gridCol", w="4819")
        left, right = comparison.left, comparison.right
        row = child(table, "tr")
        for document in (left, right):
            heading = f"{document.symbol or document.source} ({document.language})"
            self._cell(row, [(heading, "key")], document.language)
        calls = (Calls.of(left), Calls.of(right))
        for view in comparison.views:
            row = child(table, "tr")
            cells = []
            sides = (
                (view.pair.lefts, view.left_text, left),
                (view.pair.rights, view.right_text, right),
            )
            for (keys, text, document), side_calls in zip(sides, calls, strict=True):
                cells.append(self._cell(row, _cell_text(keys, text, side_calls), document.language))
            if note := _language_comment(view):
                paragraph, runs = cells[1]
                if runs:
                    commented(paragraph, self.comments.add(note), runs)

    def _cell(
        self, row: etree._Element, parts: list[tuple[str, str]], language: str
    ) -> tuple[etree._Element, list[etree._Element]]:
        """A cell of runs, each `key` (bold), `call` (raised) or `text`."""
        cell = child(row, "tc")
        child(child(cell, "tcPr"), "tcW", w="2500", type="pct")
        paragraph = child(cell, "p")
        rtl = language == "ar"
        if rtl:
            child(child(paragraph, "pPr"), "bidi")
        runs = [
            run(paragraph, text, bold=kind == "key", superscript=kind == "call", rtl=rtl)
            for text, kind in parts
        ]
        return paragraph, runs


def _cell_text(keys: tuple[str, ...], text: str | None, calls: Calls) -> list[tuple[str, str]]:
    """A cell's runs: the keys, the text, each footnote call."""
    if text is None:
        return [("—", "text")]
    parts = [(f"{'+'.join(keys)} ", "key")]
    start = 0
    for call in calls.at(keys):
        parts += [(text[start : call.offset], "text"), (call.key.removeprefix("FN"), "call")]
        start = call.offset
    parts.append((text[start:], "text"))
    return [(part, kind) for part, kind in parts if part]


def _language_comment(view: PairView) -> str:
    """A language pair's comment: its findings and review mark, if any."""
    lines = [f"⚠ {finding.message}" for finding in view.pair.findings]
    if label := review_label(view.reviewed, view.stale):
        lines.append(label)
    if not view.pair.lefts or not view.pair.rights:
        lines.insert(0, f"{view.pair.keys} · {what_happened(view.pair)}")
    return "\n".join(lines)


def _call_the_uncalled(
    entries: list[tuple[PairView, int, list[_Paragraph]]], notes: _Notes
) -> None:
    """Give each footnote a document has but calls from no paragraph a call at the end of
    the title (or of the first paragraph): a Word note needs one, and LibreOffice would
    otherwise hand its number to the next note."""
    called = {
        (side, key)
        for _, _, paragraphs in entries
        for paragraph in paragraphs
        for piece in paragraph.pieces
        if piece.call is not None
        for side, key in enumerate(piece.call.keys)
    }
    if not entries:
        return
    host = next((e for e in entries if e[0].pair.right == "TITLE"), entries[0])[2][-1]
    for view in notes.views:
        olds = [key for key in view.pair.lefts if (0, key) not in called]
        news = [key for key in view.pair.rights if (1, key) not in called]
        kept = notes.kept(olds[0], news[0]) if olds and news else None
        if kept is not None:
            host.pieces.append(_Piece(EQUAL, call=kept))
            continue
        host.pieces += [_Piece(DELETE, call=notes.one_side(k, old=True)) for k in olds]
        host.pieces += [_Piece(INSERT, call=notes.one_side(k, old=False)) for k in news]
