"""A Comparison: two documents, their alignment and the word diffs of their pairs.

It is the one value every renderer (terminal, HTML, Markdown, JSON, CSV, TMX, XLSX) and
the terminal UI reads; none of them computes a diff of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from resalign.align.alignment import Alignment, Pair
from resalign.align.diff import EQUAL, DiffStats, Span, stats, word_count, word_diff
from resalign.align.marks import Keys, Seal, seal
from resalign.align.model import Document
from resalign.align.units import JOIN, unit_texts


@dataclass(frozen=True, slots=True)
class PairView:
    """One pair with the texts of both sides and, in version mode, their diff. A side of
    several paragraphs (a split or merge) is their texts one per line."""

    pair: Pair
    left_text: str | None
    right_text: str | None
    spans: tuple[Span, ...] | None
    """Word diff left → right; None in language mode or when a side is missing."""
    stats: DiffStats
    reviewed: bool = False
    """Marked reviewed by a reviewer (in the UI, or in the review file given), and both
    texts read as they did then."""
    stale: bool = False
    """Marked reviewed, but a text has changed since: `changed since review`."""

    @property
    def is_change(self) -> bool:
        """Anything a reviewer should look at: not `same`, not a clean language pair."""
        return self.pair.status not in ("same", "paired") or bool(self.pair.findings)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything a report shows about two documents."""

    left: Document
    right: Document
    alignment: Alignment
    views: tuple[PairView, ...]

    @property
    def totals(self) -> DiffStats:
        """The word counts of the paragraphs and footnotes (not of the header's facts)."""
        total = DiffStats(0, 0, 0)
        for view in self.views:
            if view.pair.method != "header":
                total += view.stats
        return total

    def select(self, view_filter: str) -> tuple[int, ...]:
        """Indices of the views a filter keeps: all, changes, findings or unpaired."""
        keep = FILTERS[view_filter]
        return tuple(index for index, view in enumerate(self.views) if keep(view))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as its documents, alignment, the diffs of the pairs that changed and the
        word counts and review marks of the rest: the texts and views are made again where
        it is loaded, from the documents (a tenth of the bytes, and a process that holds
        the documents can keep them out: `tui.ahead`)."""
        changed: Changed = {}
        counted: dict[int, DiffStats] = {}
        marks: dict[int, tuple[bool, bool]] = {}
        for index, view in enumerate(self.views):
            if view.spans is not None and view.left_text != view.right_text:
                changed[index] = (view.spans, view.stats)
            elif view.stats.unchanged:
                counted[index] = view.stats
            if view.reviewed or view.stale:
                marks[index] = (view.reviewed, view.stale)
        return (_restored, (self.left, self.right, self.alignment, changed, counted, marks))

    def search(self, query: str, among: tuple[int, ...] | None = None) -> tuple[int, ...]:
        """Indices of the views whose left or right text holds `query` (any case)."""
        needle = query.casefold()
        indices = range(len(self.views)) if among is None else among
        return tuple(
            index
            for index in indices
            if needle in (self.views[index].left_text or "").casefold()
            or needle in (self.views[index].right_text or "").casefold()
        )


def with_reviewed(comparison: Comparison, reviewed: Mapping[Keys, Seal]) -> Comparison:
    """The comparison with each pair marked by its (left, right) keys: reviewed where its
    texts read as they did when it was marked, `stale` where they do not."""
    views = []
    for view in comparison.views:
        sealed = reviewed.get((view.pair.left, view.pair.right))
        if sealed is not None:
            holds = sealed == seal(view.left_text, view.right_text)
            view = replace(view, reviewed=holds, stale=not holds)
        views.append(view)
    return replace(comparison, views=tuple(views))


FILTERS: dict[str, Callable[[PairView], bool]] = {
    "all": lambda view: True,
    "changes": lambda view: view.is_change,
    "findings": lambda view: bool(view.pair.findings),
    "unpaired": lambda view: not view.pair.lefts or not view.pair.rights,
}
"""The view filters, in the order the terminal UI cycles through them."""


def compare(left: Document, right: Document, alignment: Alignment) -> Comparison:
    """Diff every pair of an alignment of `left` with `right`: the pairs whose sides differ
    word by word; most pairs of two versions did not change, and their sides are the same
    text, kept as is."""
    return _with_views(left, right, alignment, None, {})


Changed = dict[int, tuple[tuple[Span, ...], DiffStats]]
"""The spans and word counts of each pair whose sides differ, by its place in the
alignment (none in language mode, where nothing is diffed)."""


def _with_views(
    left: Document,
    right: Document,
    alignment: Alignment,
    changed: Changed | None,
    counted: Mapping[int, DiffStats],
) -> Comparison:
    """The comparison's views, each pair's texts joined once: the pairs whose sides differ
    diffed here (`changed` None) or as `changed` has them (a pickled comparison), and the
    one span of a pair that did not change, whose words are counted unless `counted` has
    them."""
    left_texts, right_texts = unit_texts(left), unit_texts(right)
    version = alignment.mode == "version"
    views = []
    for index, pair in enumerate(alignment.pairs):
        left_text = _joined(left_texts, pair.lefts)
        right_text = _joined(right_texts, pair.rights)
        if changed is not None and index in changed:
            spans, counts = changed[index]
        elif changed is None and version and (left_text or "") != (right_text or ""):
            spans = word_diff(left_text or "", right_text or "")
            counts = stats(spans)
        elif version and left_text:
            spans = (Span(EQUAL, left_text),)
            counts = counted.get(index) or DiffStats(0, 0, word_count(left_text))
        else:
            spans, counts = (), DiffStats(0, 0, 0)
        views.append(PairView(pair, left_text, right_text, spans if version else None, counts))
    return Comparison(left, right, alignment, tuple(views))


def _restored(
    left: Document,
    right: Document,
    alignment: Alignment,
    changed: Changed,
    counted: dict[int, DiffStats],
    marks: dict[int, tuple[bool, bool]],
) -> Comparison:
    """A comparison as `Comparison.__reduce__` pickled it."""
    comparison = _with_views(left, right, alignment, changed, counted)
    if not marks:
        return comparison
    views = list(comparison.views)
    for index, (reviewed, stale) in marks.items():
        views[index] = replace(views[index], reviewed=reviewed, stale=stale)
    return replace(comparison, views=tuple(views))


def _joined(texts: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """One side's text; a split's or merge's paragraphs one per line, diffed as one."""
    return JOIN.join(texts[key] for key in keys) if keys else None
