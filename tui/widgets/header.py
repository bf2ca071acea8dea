"""The header: both documents (symbol, language, adoption date), the mode and the view."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from resalign.align.comparison import Comparison
from resalign.align.model import Document
from resalign.align.render.labels import renumbered_ranges
from resalign.tui.session import Session

SHOWN_RENUMBERED = 12
"""Ranges of renumbered paragraphs the header lists (it has one line for them; the rest are
counted): a long document renumbers thousands, too many to lay out at every key."""


class DocumentsHeader(Static):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._renumbered: tuple[object, str] = (None, "")
        self.shows_filter = True
        """Whether the header's first line, which ends with the filter, fits on the screen
        (a filter of all pairs is said by saying none)."""

    def on_resize(self) -> None:
        """A narrow screen puts the counts on a line of their own: lay out again."""
        self.refresh_header()

    def refresh_header(self) -> None:
        left, right = self.session.documents()
        comparison = self.session.comparison
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(_describe(left), "bold")
        text.append("  ↔  ")
        text.append(_describe(right), "bold")
        status = Text()
        mode = comparison.alignment.mode if comparison else "aligning…"
        status.append(f"{mode} mode", "italic")
        if comparison:
            status.append(f" · {len(self.session.visible)}/{len(comparison.views)} pairs", "dim")
            status.append(f" · {self.session.reviewed_count()} reviewed", "green")
        if self.session.view_filter != "all":
            status.append(f" · filter: {self.session.view_filter} only", "yellow")
        if self.session.query:
            status.append(f" · search: {self.session.query!r}", "magenta")
        width = self.content_size.width
        if width and cell_len(text.plain) + 3 + cell_len(status.plain) > width:
            text.append("\n")  # a narrow screen: the counts and filter on a line of their own
        else:
            text.append("   ")
        text.append_text(status)
        self.shows_filter = cell_len(status.plain) <= width if width else True
        if comparison and (renumbered := self._renumbered_line(comparison)):
            text.append(f"\nrenumbered: {renumbered}", "cyan")
        if comparison and comparison.alignment.warnings:
            text.append(f"\n⚠ {comparison.alignment.warnings[0]}", "yellow")
        self.update(text)

    def _renumbered_line(self, comparison: Comparison) -> str:
        """The renumbered pairs as the header lists them, worked out once a comparison."""
        if self._renumbered[0] is not comparison:
            pairs = comparison.alignment.renumbered()
            ranges = [text for _, text in renumbered_ranges(pairs)]
            line = ", ".join(ranges[:SHOWN_RENUMBERED])
            if len(ranges) > SHOWN_RENUMBERED:
                line += f", … ({len(pairs):,} paragraphs in all)"
            self._renumbered = (comparison, line)
        return self._renumbered[1]


def _describe(document: Document) -> str:
    parts = [document.symbol or document.source, f"[{document.language}]"]
    if document.adopted:
        parts.append(document.adopted)
    return " ".join(parts)
