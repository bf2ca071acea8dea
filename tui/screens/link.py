"""The link picker: choose the right-hand paragraph a left paragraph belongs with."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

UNLINK = "\x00unlink"


class LinkScreen(ModalScreen[str | None]):
    """Pick a right key (or unlink); escape gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, left_key: str, choices: list[tuple[str, str]], linked: bool) -> None:
        super().__init__()
        self.left_key = left_key
        self.choices = choices
        self.linked = linked

    def compose(self) -> ComposeResult:
        options = [Option(f"{key:<8} {text[:70]}", id=key) for key, text in self.choices]
        if self.linked:
            options.insert(0, Option("— unlink: let the aligner decide again", id=UNLINK))
        with Vertical(classes="dialog wide"):
            yield Label(f"Link {self.left_key} to which paragraph on the right?")
            yield OptionList(*options, id="link-choices")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
