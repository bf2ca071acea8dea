"""The help screen: every key binding, with what it does."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from resalign.align.render import FORMATS
from resalign.tui.styles import (
    FINDING,
    FINDING_MARK,
    MARKS,
    REVIEWED_MARK,
    STALE_MARK,
    STATUS_STYLES,
)

KEYS = [
    ("↑ ↓  j k", "move between pairs (mouse: click a pair)"),
    ("n  N", "next / previous change or finding (search hit while searching)"),
    ("f", "filter: all → changes only → findings only → unpaired only"),
    ("/", "search both sides (empty search: show all again)"),
    ("s", "swap the left and right documents"),
    ("u", "unified inline view of the selected pair"),
    ("t", "show the footnotes each paragraph cites"),
    ("v", "show or hide the list of pairs (hidden at first under 100 columns)"),
    ("PgDn PgUp", "a screen on or back, the selection with it (space: on)"),
    ("Home End", "the first or the last pair"),
    ("r", "mark the selected pair reviewed as it reads now (again: unmark)"),
    ("l", "link the selected left paragraph to a right paragraph you pick, or unlink"),
    ("ctrl+z", "take back the last link, unlink or no-counterpart mark"),
    ("e", f"export a report ({', '.join(FORMATS)})"),
    ("?", "this help"),
    ("q", "quit"),
]


def legend() -> Text:
    """Each mark the navigator and the pairs show, in its colour, with its status: version
    mode's on the first line, language mode's and the rest on the second."""
    text = Text("marks: ")
    for status in ("same", "changed", "moved", "split", "merged", "added", "removed"):
        text.append(MARKS[status], STATUS_STYLES[status])
        text.append(f" {status}  ")
    text.append("\n       ")
    for status in ("paired", "unpaired"):
        text.append(MARKS[status], STATUS_STYLES[status])
        text.append(f" {status}  ")
    text.append(FINDING_MARK, FINDING)
    text.append(" QA finding  ")
    text.append(f"{REVIEWED_MARK} reviewed  ", "green")
    text.append(f"{STALE_MARK} changed since review", "yellow")
    return text


class HelpScreen(ModalScreen[None]):
    """All bindings (the review UI's, or those given) and what the marks mean; any of
    escape, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(
        self, keys: list[tuple[str, str]] | None = None, marks: Text | None = None
    ) -> None:
        super().__init__()
        self.keys = keys or KEYS
        self.marks = marks or legend()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()  # ↓ and PgDn scroll it

    def compose(self) -> ComposeResult:
        width = max(len(keys) for keys, _ in self.keys)
        lines = [f"[b]{keys:<{width}}[/b]  {what}" for keys, what in self.keys]
        with VerticalScroll(id="help"):  # scrolls where the screen is short (80×24)
            yield Static("[b]resalign: keys[/b]", id="help-title")
            yield Static("\n".join(lines))
            yield Static(self.marks, id="help-legend")
            yield Static("[dim]escape closes this help[/dim]", id="help-foot")
