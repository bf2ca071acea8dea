"""The navigator: one line per visible pair, with a status mark, colour and score.

A Line API widget: it draws only the lines on screen. (An OptionList measures every one of
its options at each change, before the first screen and at every filter.) It looks and
answers as the OptionList it replaces did.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from resalign.align.comparison import Comparison
from resalign.tui.session import Session
from resalign.tui.styles import (
    FINDING,
    FINDING_MARK,
    MARKS,
    REVIEWED_MARK,
    STALE_MARK,
    STATUS_STYLES,
)
from resalign.tui.widgets.moves import MOVES, PairChosen


class Navigator(ScrollView, can_focus=True):
    """Every pair the session shows; clicking one, or moving to it, selects it."""

    DEFAULT_CSS = """
    Navigator {
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .navigator--hover {
            background: $block-hover-background;
        }
        & > .navigator--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .navigator--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"navigator--highlighted", "navigator--hover"}
    BINDINGS: ClassVar[list[BindingType]] = MOVES

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._prompts: dict[int, Text] = {}
        """Each pair's line by view index, kept while the comparison stays: a filter or
        search then shows lines already made instead of making them all again."""
        self._prompts_for: Comparison | None = None
        self.highlighted: int | None = None
        """The position drawn highlighted: the session's selection, once shown."""
        self._hovered: int | None = None
        """The position under the mouse."""
        self._style = Style()
        """The widget's own style, as drawn this frame."""

    @property
    def count(self) -> int:
        """How many pairs the navigator lists."""
        return len(self.session.visible) if self.session.comparison is not None else 0

    def rebuild(self) -> None:
        comparison = self.session.comparison
        if comparison is not self._prompts_for:
            self._prompts, self._prompts_for = {}, comparison
        self.virtual_size = Size(self.scrollable_content_region.width, self.count)
        self.refresh()
        self.sync()

    def refresh_selected(self) -> None:
        """Draw the selected pair's line again (its reviewed mark changed)."""
        if self.count:
            self._prompts.pop(self.session.visible[self.session.selected], None)
            self.refresh_line(self.session.selected)

    def sync(self) -> None:
        """Highlight the session's selected pair and keep it in view."""
        previous, self.highlighted = self.highlighted, self.session.selected if self.count else None
        for position in {previous, self.highlighted}:
            if position is not None:
                self.refresh_line(position)
        if self.highlighted is None:
            return
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        if self.highlighted < top:
            self.scroll_to(y=self.highlighted, animate=False)
        elif height and self.highlighted >= top + height:
            self.scroll_to(y=self.highlighted - height + 1, animate=False)

    def lines(self) -> list[str]:
        """The text of every pair's line, on screen or not."""
        return [self._prompt(position).plain for position in range(self.count)]

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        self._select(self.session.selected + direction * step)

    def action_edge(self, which: int) -> None:
        if self.count:
            self._select(range(self.count)[which])

    def _select(self, position: int) -> None:
        if self.count:
            self.post_message(PairChosen(max(0, min(self.count - 1, position))))

    def on_click(self, event: events.Click) -> None:
        position = self._position_at(event)
        if position is not None:
            self.post_message(PairChosen(position))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._position_at(event))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, position: int | None) -> None:
        previous, self._hovered = self._hovered, position
        for line in {previous, position}:
            if line is not None:
                self.refresh_line(line)

    def _position_at(self, event: events.MouseEvent) -> int | None:
        """The pair's position under the mouse; None on the border or past the last."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        position = round(self.scroll_y) + offset.y
        return position if 0 <= position < self.count else None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = self.rich_style  # once a frame: it walks the widget's ancestors
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = round(self.scroll_y) + y
        if not 0 <= position < self.count:
            return Strip.blank(width, self._style)
        if position == self.highlighted:
            style = self.get_component_rich_style("navigator--highlighted")
        elif position == self._hovered:
            style = self.get_component_rich_style("navigator--hover")
        else:
            style = self._style
        line = self._prompt(position).copy()
        line.truncate(width, overflow="ellipsis", pad=True)
        return Strip(line.render(self.app.console)).apply_style(style)

    def _prompt(self, position: int) -> Text:
        assert self.session.comparison is not None
        index = self.session.visible[position]
        if index not in self._prompts:
            pair = self.session.comparison.views[index].pair
            mark = FINDING_MARK if pair.findings else MARKS[pair.status]
            reviewed = {"reviewed": REVIEWED_MARK, "stale": STALE_MARK}.get(
                self.session.mark((pair.left, pair.right)) or "", " "
            )
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"{mark}", FINDING if pair.findings else STATUS_STYLES[pair.status])
            line.append(f"{reviewed}{_name(pair.lefts):>7} → {_name(pair.rights):<7}")
            line.append(f" {pair.score:.2f}", "dim")
            self._prompts[index] = line
        return self._prompts[index]


def _name(keys: tuple[str, ...]) -> str:
    """One side of a pair in the navigator's narrow column: `PP25+26` for `PP25+PP26`,
    `PP8(a)+(b)` for `PP8(a)+PP8(b)` (the later keys without what they share with the
    first)."""
    if not keys:
        return "—"
    letter = keys[0][: keys[0].rfind("(")] if "(" in keys[0] else ""
    number = _PREFIX.match(keys[0])
    for prefix in (letter, number.group() if number else ""):
        if prefix and all(key.startswith(prefix) for key in keys[1:]):
            return "+".join([keys[0], *(key.removeprefix(prefix) for key in keys[1:])])
    return "+".join(keys)


_PREFIX = re.compile(r"^(?:ANX\.)?[A-Z]+(?=\d)")
"""What a key's number comes after: `OP` of `OP10`, `ANX.PP` of `ANX.PP3`."""
