"""What the two lists of pairs, the navigator and the main view, share: the keys that move
the selection there and the message they send the app when a pair is chosen."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.message import Message

MOVES: list[BindingType] = [  # arrows move between pairs, not line by line
    Binding("down,j", "app.move(1)", "Down", show=False),
    Binding("up,k", "app.move(-1)", "Up", show=False),
    Binding("pagedown", "page(1)", "Page down", show=False),
    Binding("pageup", "page(-1)", "Page up", show=False),
    Binding("home", "edge(0)", "First", show=False),
    Binding("end", "edge(-1)", "Last", show=False),
]
"""The widget gives the `page` (a screen on or back) and `edge` (first or last) actions."""


class PairChosen(Message):
    """A pair was clicked, or moved to a screen or the list's end away: `position` in the
    session's visible pairs. The app selects it, in every view."""

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position
