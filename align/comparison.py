"""A Comparison: two documents, their alignment and the word diffs of their pairs.

It is the one value every renderer (terminal, HTML, Markdown, JSON, CSV, TMX, XLSX) and
the terminal UI reads; none of them computes a diff of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from align.alignment import Alignment, Pair
from align.diff import EQUAL, DiffStats, Span, stats, word_diff
from align.model import Document


@dataclass(frozen=True, slots=True)
class PairView:
    """One pair with the texts of both sides and, in version mode, their diff."""

    pair: Pair
    left_text: str | None
    right_text: str | None
    spans: tuple[Span, ...] | None
    """Word diff left → right; None in language mode or when a side is missing."""
    stats: DiffStats

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
        total = DiffStats(0, 0, 0)
        for view in self.views:
            total += view.stats
        return total

    def select(self, view_filter: str) -> tuple[int, ...]:
        """Indices of the views a filter keeps: all, changes, findings or unpaired."""
        keep = FILTERS[view_filter]
        return tuple(index for index, view in enumerate(self.views) if keep(view))

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


FILTERS = {
    "all": lambda view: True,
    "changes": lambda view: view.is_change,
    "findings": lambda view: bool(view.pair.findings),
    "unpaired": lambda view: view.pair.left is None or view.pair.right is None,
}
"""The view filters, in the order the terminal UI cycles through them."""


def compare(left: Document, right: Document, alignment: Alignment) -> Comparison:
    """Diff every pair of an alignment of `left` with `right`."""
    left_texts = _texts(left)
    right_texts = _texts(right)
    views = []
    for pair in alignment.pairs:
        left_text = left_texts.get(pair.left) if pair.left else None
        right_text = right_texts.get(pair.right) if pair.right else None
        spans = None
        if alignment.mode == "version":
            spans = _diff(left_text or "", right_text or "")
        views.append(
            PairView(
                pair, left_text, right_text, spans, stats(spans) if spans else DiffStats(0, 0, 0)
            )
        )
    return Comparison(left, right, alignment, tuple(views))


def _diff(left: str, right: str) -> tuple[Span, ...]:
    if left == right:  # most pairs of two versions: no need to ask diff-match-patch
        return (Span(EQUAL, left),) if left else ()
    return word_diff(left, right)


def _texts(document: Document) -> dict[str, str]:
    texts = {p.key: p.text for p in document.paragraphs}
    texts.update({f.key: f.text for f in document.footnotes})
    return texts
