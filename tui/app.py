"""The review app: wires keys to the session and the session to the widgets.

No resolution logic lives here: the session asks `align`, the widgets draw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer
from textual.worker import get_current_worker

from resalign.align.comparison import Comparison
from resalign.align.errors import ResalignError
from resalign.tui.export import ask_and_export
from resalign.tui.messages import AlignmentFailed, AlignmentReady
from resalign.tui.screens.help import HelpScreen
from resalign.tui.screens.link import NO_COUNTERPART, UNLINK, LinkScreen
from resalign.tui.screens.prompt import PromptScreen
from resalign.tui.session import Session
from resalign.tui.widgets.header import DocumentsHeader
from resalign.tui.widgets.moves import PairChosen
from resalign.tui.widgets.navigator import Navigator
from resalign.tui.widgets.pairs import PairsView

WIDE = 100
"""Columns from which the navigator is shown beside the pairs (below: `v` shows it)."""


class ReviewApp(App[None]):
    """Side-by-side review of two resolutions."""

    CSS_PATH = "resalign.tcss"
    TITLE = "resalign"
    ENABLE_COMMAND_PALETTE = False  # its key would take the footer's room from Quit
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("n", "jump(True)", "Next"),
        Binding("N", "jump(False)", "Previous", key_display="N", show=False),
        Binding("f", "filter", "Filter"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("s", "swap", "Swap", show=False),
        Binding("u", "switch_view('unified')", "Unified", show=False),
        Binding("t", "switch_view('footnotes')", "Notes", show=False),
        Binding("v", "navigator", "List", show=False),
        Binding("r", "reviewed", "Reviewed"),
        Binding("l", "link", "Link"),
        Binding("ctrl+z", "undo_link", "Undo link", show=False),
        Binding("e", "export", "Export"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, session: Session, compute: Callable[[], Comparison] | None = None) -> None:
        super().__init__()
        self.session = session
        self.compute = compute or session.compute_here
        """Computes the session's comparison as it stands, in the worker thread (the
        front end gives one that takes what `tui.ahead` computed first)."""
        self.navigator_wanted: bool | None = None
        """Shown or hidden by the `v` key; None: as the screen's width says."""

    def compose(self) -> ComposeResult:
        yield DocumentsHeader(self.session)
        with Horizontal(id="body"):
            yield Navigator(self.session)
            yield PairsView(self.session)
        yield Footer()

    def on_mount(self) -> None:
        for warning in self.session.warnings:
            self.notify(warning, severity="warning", timeout=10)
        self.query_one(PairsView).focus()
        if self.session.comparison is None:
            self.realign()
        else:  # taken before the app started (`Ahead.take`)
            self.redraw()

    def realign(self) -> None:
        """Align and diff off the UI thread; the screen shows progress meanwhile."""
        self.session.begin()
        self.redraw()
        self.run_worker(self._compute, thread=True, exclusive=True, group="align")

    def _compute(self) -> None:
        """Post what the session computed, unless a newer request or the app's end
        cancelled this one meanwhile."""
        worker = get_current_worker()
        message: AlignmentReady | AlignmentFailed
        try:
            message = AlignmentReady(self.compute())
        except ResalignError as error:
            message = AlignmentFailed(str(error))
        except Exception as error:  # a bug: end the app with one line and a failing code
            if not worker.is_cancelled:
                self.call_from_thread(self.exit, None, 1, f"resalign: internal error: {error!r}")
            return
        if not worker.is_cancelled:
            self.post_message(message)

    def on_alignment_ready(self, message: AlignmentReady) -> None:
        self.session.show(message.comparison)
        self.redraw()

    def on_alignment_failed(self, message: AlignmentFailed) -> None:
        self.notify(message.reason, severity="error", timeout=10)

    def _say_problem(self) -> None:
        if self.session.problem:  # a mark or link that could not be saved
            self.notify(self.session.problem, severity="error", timeout=10)

    def redraw(self) -> None:
        self.query_one(DocumentsHeader).refresh_header()
        self.query_one(Navigator).rebuild()
        self.query_one(PairsView).rebuild()

    def select(self, position: int) -> None:
        self.session.selected = position
        self.query_one(Navigator).sync()
        self.query_one(PairsView).reselect()

    def on_pair_chosen(self, event: PairChosen) -> None:
        self.select(event.position)

    def action_move(self, step: int) -> None:
        self.session.move(step)
        self.select(self.session.selected)

    def action_jump(self, forward: bool) -> None:
        if self.session.jump(forward):
            self.select(self.session.selected)
        else:
            self.notify("no more " + ("search hits" if self.session.query else "changes"))

    def action_filter(self) -> None:
        shown = self.session.cycle_filter()
        self.redraw()
        if not self.query_one(DocumentsHeader).shows_filter:  # a narrow screen cuts it off
            self.notify(f"showing {shown if shown != 'all' else 'all pairs'}", timeout=2)

    def action_search(self) -> None:
        def done(query: str | None) -> None:
            if query is not None:
                hits = self.session.search(query)
                self.redraw()
                if query.strip():
                    held = "1 pair holds" if hits == 1 else f"{hits} pairs hold"
                    self.notify(f"{held} {query.strip()!r}", timeout=3)

        self.push_screen(PromptScreen("Search both sides (empty: show all):", ""), done)

    def action_swap(self) -> None:
        self.session.swap()
        self.realign()

    def action_switch_view(self, view: str) -> None:
        """Turn the unified view or the footnotes (`view`) on or off. (Not `toggle`:
        that is Textual's own action, for any boolean attribute.)"""
        pairs = self.query_one(PairsView)
        setattr(pairs, view, not getattr(pairs, view))
        pairs.rebuild()

    def action_reviewed(self) -> None:
        if self.session.comparison is not None and self.session.visible:
            self.session.toggle_reviewed()
            self._say_problem()
            self.query_one(DocumentsHeader).refresh_header()
            self.query_one(Navigator).refresh_selected()
            self.query_one(PairsView).reselect()

    def action_link(self) -> None:
        keys = self.session.selected_keys()
        if keys is None or keys[0] is None:
            self.notify("select a pair with a left paragraph to link", severity="warning")
            return
        _, right = self.session.documents()
        units = right.footnotes if keys[0].startswith("FN") else right.paragraphs
        choices = [(unit.key, unit.text) for unit in units]
        overrides = self.session.oriented_review().overrides
        linked = keys[0] in overrides.left_only or any(a == keys[0] for a, _ in overrides.pairs)
        current, partners = self.session.partners(keys[0])

        def done(choice: str | None) -> None:
            if choice is None or choice in current:  # its partner already: nothing to do
                return
            if choice == NO_COUNTERPART:
                self.session.mark_unpaired()
            else:
                self.session.link(None if choice == UNLINK else choice)
            self._say_problem()
            self.realign()

        self.push_screen(LinkScreen(keys[0], choices, linked, current, partners), done)

    def action_undo_link(self) -> None:
        """Take back the last link (or unlink, or no-counterpart mark) made here."""
        if self.session.undo_link():
            self._say_problem()
            self.realign()
        else:
            self.notify("no link to undo", severity="warning")

    async def action_quit(self) -> None:
        """Quit where the review reopens next time: on the pair selected now."""
        self.session.remember_place()
        self.exit()

    def action_export(self) -> None:
        ask_and_export(self, self.session)

    def action_navigator(self) -> None:
        """Show or hide the navigator (hidden at first on a screen under 100 columns)."""
        self.navigator_wanted = not self.query_one(Navigator).display
        self._place_navigator()

    def on_resize(self) -> None:
        self._place_navigator()

    def _place_navigator(self) -> None:
        navigator = self.query_one(Navigator)
        wanted = self.navigator_wanted
        navigator.display = self.size.width >= WIDE if wanted is None else wanted

    def action_help(self) -> None:
        self.push_screen(HelpScreen())
