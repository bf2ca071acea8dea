"""The link picker: choose the right-hand paragraph a left paragraph belongs with, or say
it has none. Typing filters the choices by key (`OP9`) or by words of the text. It names
the current partner and starts on it (so an early Enter changes nothing), and says which
pair a choice will break before it is made."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

UNLINK = "\x00unlink"
NO_COUNTERPART = "\x00none"


class LinkScreen(ModalScreen[str | None]):
    """Pick a right key, no counterpart, or unlink; escape gives None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "choices", "Choices", show=False),
    ]

    def __init__(
        self,
        left_key: str,
        choices: list[tuple[str, str]],
        linked: bool,
        current: tuple[str, ...] = (),
        partners: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        """`current`: the right keys `left_key` is paired with now; `partners`: for each
        right key, the left keys it is paired with now."""
        super().__init__()
        self.left_key = left_key
        self.choices = choices
        self.linked = linked
        self.current = current
        self.partners = partners or {}

    def compose(self) -> ComposeResult:
        now = f"now paired with {'+'.join(self.current)}" if self.current else "now unpaired"
        with Vertical(classes="dialog wide"):
            yield Label(f"Link {self.left_key} ({now}) to which paragraph on the right?")
            yield Input(placeholder="type a key (OP9) or words to filter", id="link-filter")
            yield OptionList(*self._options(""), id="link-choices")
            yield Label("", id="link-breaks")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        ids = [option.id for option in choices.options]
        if self.current and self.current[0] in ids:
            choices.highlighted = ids.index(self.current[0])

    def breaks(self, choice: str | None) -> str:
        """What choosing `choice` breaks: the pair its right paragraph is in now."""
        if choice is None or choice.startswith("\x00") or choice in self.current:
            return ""
        others = [key for key in self.partners.get(choice, ()) if key != self.left_key]
        if not others:
            return ""
        return (
            f"⚠ breaks {'+'.join(others)} → {choice}: {'+'.join(others)} will be left "
            f"without {choice} (ctrl+z undoes the link)"
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#link-breaks", Label).update(self.breaks(event.option.id))

    def _fixed(self) -> list[Option]:
        fixed = [
            Option(f"— no counterpart: {self.left_key} has none on the right", id=NO_COUNTERPART)
        ]
        if self.linked:
            fixed.insert(0, Option("— unlink: let the aligner decide again", id=UNLINK))
        return fixed

    def _options(self, typed: str) -> list[Option]:
        needle = typed.strip().casefold()
        matching = [
            Option(f"{key:<8} {text[:70]}", id=key)
            for key, text in self.choices
            if not needle or key.casefold().startswith(needle) or needle in text.casefold()
        ]
        return self._fixed() + matching

    def on_input_changed(self, event: Input.Changed) -> None:
        choices = self.query_one(OptionList)
        choices.clear_options()
        options = self._options(event.value)
        choices.add_options(options)
        ids = [option.id for option in options]
        if self.current and self.current[0] in ids:
            choices.highlighted = ids.index(self.current[0])
        else:
            choices.highlighted = len(self._fixed()) if len(options) > len(self._fixed()) else 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        choices = self.query_one(OptionList)
        if choices.highlighted is not None:
            self.dismiss(choices.get_option_at_index(choices.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choices(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
