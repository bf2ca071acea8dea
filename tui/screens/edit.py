"""Editing a unit's translation in place: a text area, saved with ctrl+s."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea


class EditScreen(ModalScreen[str | None]):
    """Edit a text; ctrl+s gives it, escape gives None (nothing changed)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="edit"):
            yield Label(self.title_text, markup=False)
            yield TextArea(self.text, soft_wrap=True, id="edit-text")
            yield Label("ctrl+s saves · escape cancels · {FN3} is the call of note 3")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
