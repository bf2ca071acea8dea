"""The carry review: three columns — the new source (with its changes against the old
source), the proposed translation, the status — one row per unit of the new text.

`n`/`N` go to the next or previous unit that still needs work, `enter` edits the current
unit's translation in place, `a` accepts it as it stands (toggles), `ctrl+z` takes the
last edit or acceptance back, `e` writes the prefilled Word document, `?` lists the keys.
Nothing here computes: `align.carry` did and edits, the writers write.
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

from resalign.align.carry import CarriedUnit, Carry, editable, edited
from resalign.align.errors import ResalignError
from resalign.align.output import write_output
from resalign.align.render.carried import render_carry
from resalign.align.render.carried.notes import comment_text
from resalign.align.render.carried.summary import carry_summary
from resalign.align.render.text import shown
from resalign.tui.screens.edit import EditScreen
from resalign.tui.screens.help import HelpScreen
from resalign.tui.styles import CARRY_STYLES
from resalign.tui.widgets.pairs import inline_diff

CSS = """
CarryRow { height: auto; border-bottom: solid $panel; border-left: blank; }
CarryRow.current { background: $accent 25%; border-left: thick $accent; }
CarryRow > Static { width: 1fr; padding: 0 1; }
CarryRow > .status { width: 28; }
#summary { height: auto; padding: 0 1; background: $panel; }
"""
KEYS = [
    ("n  N", "next / previous unit still to do (fuzzy or new, not edited or accepted)"),
    ("↑ ↓  j k", "move between units"),
    ("enter", "edit the translation in place (ctrl+s saves, escape cancels)"),
    ("a", "accept the translation as it stands (again: take it back)"),
    ("ctrl+z", "take the last edit or acceptance back"),
    ("e", "write the Word file (what is still to do stays highlighted)"),
    ("?", "this help"),
    ("q", "quit"),
]


def legend() -> Text:
    """Each status in its colour, with what it means."""
    text = Text("status: ")
    for status, meaning in (
        ("exact", "carried word for word"),
        ("auto-updated", "values replaced"),
        ("fuzzy", "to revise"),
        ("new", "to translate"),
    ):
        text.append(status, CARRY_STYLES[status])
        text.append(f" {meaning}  ")
    text.append("\n        ")
    text.append("edited", "bold cyan")
    text.append(" your text  ")
    text.append("accepted", "bold green")
    text.append(" as it stands")
    return text


def source_text(unit: CarriedUnit) -> Text:
    """The new source, its words new since last year in green, those gone struck in red
    (as the review UI's inline diff shows them)."""
    text = Text(f"{unit.key}  ", style="bold")
    for piece, style in inline_diff(unit.changes) if unit.changes else [(unit.source, None)]:
        text.append(shown(piece), style=style)
    return text


def target_text(unit: CarriedUnit) -> Text:
    """The proposed translation with its label, footnote calls as `{FN3}` where they stand,
    hidden characters written visibly."""
    label = f"{unit.label} " if unit.label else ""
    return Text(label + shown(editable(unit) if unit.target else ""))


def status_text(unit: CarriedUnit) -> Text:
    if unit.edited:
        return Text("edited", style="bold cyan")
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
        yield Static(target_text(self.unit), classes="target")
        yield Static(status_text(self.unit), classes="status")

    def show(self, unit: CarriedUnit) -> None:
        self.unit = unit
        self.query_one(".target", Static).update(target_text(unit))
        self.query_one(".status", Static).update(status_text(unit))


class CarryApp(App[int]):
    """Review a carried-forward translation before writing it."""

    TITLE = "resalign carry"
    CSS_PATH = "resalign.tcss"
    CSS = CSS
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "jump(1)", "Next to do"),
        Binding("N", "jump(-1)", "Previous", key_display="N", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("enter", "edit", "Edit"),
        Binding("a", "accept", "Accept"),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("e", "export", "Export"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, carried: Carry, export_to: Path) -> None:
        super().__init__()
        self.carried = carried
        self.export_to = export_to
        self.current = 0
        self.undo: list[tuple[int, CarriedUnit]] = []
        """Each unit as it was before an edit or acceptance, by its row."""

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

    def reviewed(self) -> Carry:
        """The carry with the units as edited and accepted here."""
        return replace(self.carried, units=tuple(row.unit for row in self.rows))

    def _go(self, index: int) -> None:
        rows = self.rows
        rows[self.current].remove_class("current")
        self.current = max(0, min(index, len(rows) - 1))
        rows[self.current].add_class("current")
        self.query_one("#units", VerticalScroll).scroll_to_widget(rows[self.current], animate=False)

    def _set(self, index: int, unit: CarriedUnit) -> None:
        """Show a unit changed, its previous state kept for ctrl+z."""
        row = self.rows[index]
        self.undo.append((index, row.unit))
        row.show(unit)

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
        self.notify("Nothing left to do: every unit is exact, updated, edited or accepted.")

    def action_accept(self) -> None:
        unit = self.rows[self.current].unit
        if unit.edited:
            self.notify(f"{unit.key} is your own text: final as it reads (ctrl+z takes it back)")
            return
        self._set(self.current, replace(unit, accepted=not unit.accepted))

    def action_edit(self) -> None:
        index, unit = self.current, self.rows[self.current].unit

        def save(text: str | None) -> None:
            if text is not None and text != editable(unit):
                self._set(index, edited(unit, text))

        self.push_screen(EditScreen(f"{unit.key}: {unit.source}", editable(unit)), save)

    def action_undo(self) -> None:
        if not self.undo:
            self.notify("Nothing to take back.")
            return
        index, unit = self.undo.pop()
        self.rows[index].show(unit)
        self._go(index)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(KEYS, legend()))

    def action_export(self) -> None:
        try:
            path = write_output(self.export_to, render_carry(self.reviewed(), "docx"))
        except ResalignError as error:
            self.notify(str(error), severity="error")
            return
        self.notify(f"wrote {path}")
