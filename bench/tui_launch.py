"""One launch of the review UI on two files, headless, as `resalign tui OLD NEW` makes
it: prints seconds from the process's start to the first screen of pairs (imports, reading
both files, aligning, diffing, drawing), the cost of keys, and peak memory. Run by
bench/run.py in a fresh process per measurement."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

START = time.perf_counter()
os.environ["TEXTUAL_ANIMATIONS"] = "none"  # measure drawing, not the smooth-scroll animation

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import resalign  # noqa: E402

resalign.start()  # as the command starts: inspect deferred, the collector off while importing

from bench.memory import peak_megabytes  # noqa: E402
from resalign.align.read import read_document  # noqa: E402
from resalign.tui.ahead import opened_ahead, review_app  # noqa: E402
from resalign.tui.session import Session  # noqa: E402


async def launch(left: Path, right: Path, state: Path) -> None:
    session = opened_ahead(
        lambda: read_document(left),
        lambda: read_document(right),
        lambda left, right: Session.open(left, right, state),
    )
    try:
        await _measure(session)
    finally:
        session.close()


async def _measure(session: Session) -> None:
    """As `resalign tui` does: Textual imported (and the comparison taken, if it comes
    soon) only once the session computes ahead."""
    app = resalign.quietly(lambda: review_app(session))
    from resalign.tui.widgets.pairs import PairsView

    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = time.perf_counter() - START
        view = app.query_one(PairsView)
        assert view.text_lines(), "no pairs on screen"
        scroll_start = time.perf_counter()
        for _ in range(20):
            await pilot.press("pagedown")
        await pilot.pause()
        scrolled = (time.perf_counter() - scroll_start) / 20
        move_start = time.perf_counter()
        for _ in range(20):
            await pilot.press("j")
        await pilot.pause()
        moved = (time.perf_counter() - move_start) / 20
        handle_start = time.perf_counter()
        for _ in range(20):  # the app's own work for a key: the action and the screen's lines
            app.action_move(1)
            for y in range(view.size.height):
                view.render_line(y)
        handled = (time.perf_counter() - handle_start) / 20
        own = {}
        for key, action in (("n", lambda: app.action_jump(True)), ("f", app.action_filter)):
            start = time.perf_counter()
            for _ in range(8):  # the app's own work: the action and the screen's lines
                action()
                for y in range(view.size.height):
                    view.render_line(y)
            own[key] = (time.perf_counter() - start) / 8
        filter_start = time.perf_counter()
        for _ in range(8):
            await pilot.press("f")
        await pilot.pause()
        filtered = (time.perf_counter() - filter_start) / 8
        draw_start = time.perf_counter()
        for step in range(20):  # a full screen at 20 places, nothing cached: what a jump costs
            view.forget_drawn()
            view.scroll_to(y=view.total_lines * step // 20, animate=False)
            for y in range(view.size.height):
                view.render_line(y)
        drawn = (time.perf_counter() - draw_start) / 20
    peak = peak_megabytes()
    floor = await _pilot_floor()
    print(
        f"{shown:.3f} {scrolled * 1000:.1f} {moved * 1000:.1f} {drawn * 1000:.2f} {peak:.0f} "
        f"{handled * 1000:.2f} {own['n'] * 1000:.2f} {own['f'] * 1000:.2f} {filtered * 1000:.1f} "
        f"{floor * 1000:.1f}"
    )


async def _pilot_floor() -> float:
    """A key's round trip through Pilot in a Textual app that does nothing with it: what
    every round trip above costs before the app does any work."""
    from textual.app import App
    from textual.widgets import Static

    class Empty(App[None]):
        BINDINGS = [("j", "nothing", "")]  # noqa: RUF012 - Textual's own declaration

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("nothing")

        def action_nothing(self) -> None:
            pass

    async with Empty().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        for _ in range(20):
            await pilot.press("j")
        await pilot.pause()
        return (time.perf_counter() - start) / 20


if __name__ == "__main__":
    asyncio.run(launch(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
