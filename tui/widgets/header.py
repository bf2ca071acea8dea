"""The header: both documents (symbol, language, adoption date), the mode and the view."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from align.model import Document
from align.render.labels import renumbered_list
from tui.session import Session


class DocumentsHeader(Static):
    def __init__(self, session: Session, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session

    def refresh_header(self) -> None:
        left, right = self.session.documents()
        comparison = self.session.comparison
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(_describe(left), "bold")
        text.append("  ↔  ")
        text.append(_describe(right), "bold")
        mode = comparison.alignment.mode if comparison else "aligning…"
        text.append(f"   {mode} mode", "italic")
        if comparison:
            text.append(f" · {len(self.session.visible)}/{len(comparison.views)} pairs", "dim")
            text.append(f" · {self.session.reviewed_count()} reviewed", "green")
        if self.session.view_filter != "all":
            text.append(f" · filter: {self.session.view_filter} only", "yellow")
        if self.session.query:
            text.append(f" · search: {self.session.query!r}", "magenta")
        if comparison and (renumbered := comparison.alignment.renumbered()):
            text.append(f"\nrenumbered: {renumbered_list(renumbered)}", "cyan")
        if comparison and comparison.alignment.warnings:
            text.append(f"\n⚠ {comparison.alignment.warnings[0]}", "yellow")
        self.update(text)


def _describe(document: Document) -> str:
    parts = [document.symbol or document.source, f"[{document.language}]"]
    if document.adopted:
        parts.append(document.adopted)
    return " ".join(parts)
