"""The carry review: three columns — the new source (with its changes against the old
source), the proposed translation, the status — one row per unit of the new text.

`n`/`N` go to the next or previous unit that still needs work, `a` accepts the current
one as it stands (toggles), `e` writes the prefilled Word document with the accepted units
no longer flagged. Nothing here computes: `align.carry` did, the writers write.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from align.carry import CarriedUnit, Carry, with_accepted
from align.errors import ResalignError
from align.output import write_output
from align.render.carried import render_carry
from align.render.carried.notes import comment_text
from align.render.carried.summary import carry_summary
from tui.styles import CARRY_STYLES
from tui.widgets.pairs import inline_diff

CSS = """
CarryRow { height: auto; border-bottom: solid $panel; }
CarryRow.current { background: $boost; }
CarryRow > Static { width: 1fr; padding: 0 1; }
CarryRow > .status { width: 28; }
#summary { height: auto; padding: 0 1; background: $panel; }
"""


def source_text(unit: CarriedUnit) -> Text:
    """The new source, its words new since last year in green, those gone struck in red
    (as the review UI's inline diff shows them)."""
    text = Text(f"{unit.key}  ", style="bold")
    for piece, style in inline_diff(unit.changes) if unit.changes else [(unit.source, None)]:
        text.append(piece, style=style)
    return text


def status_text(unit: CarriedUnit) -> Text:
    if unit.accepted:
        return Text("accepted", style="bold green")
    return Text(comment_text(unit) or unit.status, style=CARRY_STYLES[unit.status])


class CarryRow(Horizontal):
    """One unit: source, proposed translation, status."""

    def __init__(self, unit: CarriedUnit) -> None:
        super().__init__()
        self.unit = unit

    def compose(self) -> ComposeResult:
        yield Static(source_text(self.unit), classes="source")
        label = f"{self.unit.label} " if self.unit.label else ""
        yield Static(Text(label + self.unit.target), classes="target")
        yield Static(status_text(self.unit), classes="status")

    def show(self, unit: CarriedUnit) -> None:
        self.unit = unit
        self.query_one(".status", Static).update(status_text(unit))


class CarryApp(App[int]):
    """Review a carried-forward translation before writing it."""

    TITLE = "resalign carry"
    CSS = CSS
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "jump(1)", "Next to do"),
        Binding("N", "jump(-1)", "Previous", key_display="N", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("a", "accept", "Accept"),
        Binding("e", "export", "Export"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, carried: Carry, export_to: Path) -> None:
        super().__init__()
        self.carried = carried
        self.export_to = export_to
        self.accepted: set[str] = set()
        self.current = 0

    def compose(self) -> ComposeResult:
        yield Static(Text(carry_summary(self.carried, everything=False).rstrip()), id="summary")
        with VerticalScroll(id="units"):
            yield from (CarryRow(unit) for unit in self.carried.units)
        yield Footer()

    def on_mount(self) -> None:
        self._go(0)

    @property
    def rows(self) -> list[CarryRow]:
        return list(self.query(CarryRow))

    def _go(self, index: int) -> None:
        rows = self.rows
        rows[self.current].remove_class("current")
        self.current = max(0, min(index, len(rows) - 1))
        rows[self.current].add_class("current")
        self.query_one("#units", VerticalScroll).scroll_to_widget(rows[self.current], animate=False)

    def action_move(self, step: int) -> None:
        self._go(self.current + step)

    def action_jump(self, step: int) -> None:
        """The next (or previous) unit that still needs work, wrapping around."""
        rows = self.rows
        for distance in range(1, len(rows) + 1):
            index = (self.current + step * distance) % len(rows)
            if rows[index].unit.needs_work:
                self._go(index)
                return
        self.notify("Nothing left to do: every unit is exact, updated or accepted.")

    def action_accept(self) -> None:
        row = self.rows[self.current]
        key = row.unit.key
        self.accepted.symmetric_difference_update({key})
        row.show(replace(row.unit, accepted=key in self.accepted))

    def action_export(self) -> None:
        carried = with_accepted(self.carried, frozenset(self.accepted))
        try:
            path = write_output(self.export_to, render_carry(carried, "docx"))
        except ResalignError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(f"wrote {path}")
