"""The navigator: one line per visible pair, with a status mark, colour and score."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from align.comparison import Comparison
from tui.session import Session
from tui.styles import FINDING, FINDING_MARK, MARKS, REVIEWED_MARK, STATUS_STYLES


class Navigator(OptionList):
    """Every pair the session shows; highlighting one selects it."""

    def __init__(self, session: Session, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.session = session
        self._prompts: dict[int, Option] = {}
        """Each pair's line by view index, kept while the comparison stays: a filter or
        search then shows lines already drawn instead of drawing them all again."""
        self._prompts_for: Comparison | None = None

    def rebuild(self) -> None:
        comparison = self.session.comparison
        if comparison is None:  # being aligned: the main view says so
            self.clear_options()
            return
        if comparison is not self._prompts_for:
            self._prompts, self._prompts_for = {}, comparison
        options = []
        for position, index in enumerate(self.session.visible):
            if index not in self._prompts:
                self._prompts[index] = Option(self._prompt(position))
            options.append(self._prompts[index])
        self.set_options(options)
        self.sync()

    def refresh_selected(self) -> None:
        """Draw the selected pair's line again (its reviewed mark changed)."""
        if self.option_count:
            self.replace_option_prompt_at_index(
                self.session.selected, self._prompt(self.session.selected)
            )

    def _prompt(self, position: int) -> Text:
        assert self.session.comparison is not None
        pair = self.session.comparison.views[self.session.visible[position]].pair
        mark = FINDING_MARK if pair.findings else MARKS[pair.status]
        reviewed = REVIEWED_MARK if self.session.is_reviewed((pair.left, pair.right)) else " "
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{mark}", FINDING if pair.findings else STATUS_STYLES[pair.status])
        line.append(f"{reviewed}{_name(pair.lefts):>7} → {_name(pair.rights):<7}")
        line.append(f" {pair.score:.2f}", "dim")
        return line

    def sync(self) -> None:
        """Highlight the session's selected pair without echoing it back as a choice."""
        if self.option_count:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = self.session.selected


def _name(keys: tuple[str, ...]) -> str:
    """One side of a pair in the navigator's narrow column: `PP25+` for `PP25+PP26`."""
    return keys[0] + ("+" if len(keys) > 1 else "") if keys else "—"
