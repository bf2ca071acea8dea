"""Building the review app on the seeds for Pilot and snapshot tests."""

from __future__ import annotations

from pathlib import Path

from resalign.align import Document
from resalign.tui.app import ReviewApp
from resalign.tui.session import Session


def review_app(left: Document, right: Document, state: Path, mode: str | None = None) -> ReviewApp:
    return ReviewApp(Session.open(left, right, state, mode=mode))


async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the alignment worker has finished and the screen has settled: the header
    laid out at its width (it takes a second line on a narrow screen once it knows it;
    a loaded CI machine once drew the snapshot before)."""
    from resalign.tui.widgets.header import DocumentsHeader

    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    header = pilot.app.query_one(DocumentsHeader)
    for _ in range(100):
        if header.content_size.width:
            break
        await pilot.pause(0.01)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def screen_text(app: ReviewApp) -> str:
    """The main view's text as laid out (all pairs, not only those on screen)."""
    from resalign.tui.widgets.pairs import PairsView

    return "\n".join(app.query_one(PairsView).text_lines())
