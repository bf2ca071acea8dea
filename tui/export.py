"""Exporting a report from the review UI: ask for a file, never overwrite without a yes."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from resalign.align.comparison import with_reviewed
from resalign.align.errors import ResalignError
from resalign.align.output import write_output
from resalign.align.render import extensions, format_for, render
from resalign.tui.screens.prompt import ConfirmScreen, PromptScreen
from resalign.tui.session import Session


def ask_and_export(app: App[None], session: Session) -> None:
    """Prompt for the report's file (HTML beside nothing of the user's by default) and
    write it; the format comes from the extension."""
    default = f"{Path(session.right.source).stem}.report.html"
    app.push_screen(
        PromptScreen(f"Export the report to ({extensions()}):", default),
        lambda target: export(app, session, target),
    )


def export(app: App[None], session: Session, target: str | None, force: bool = False) -> None:
    if not target or session.comparison is None:
        return
    report_format = format_for(target)
    if report_format is None:
        app.notify(f"unknown report format for {target!r}", severity="error")
        return
    if Path(target).exists() and not force:
        app.push_screen(
            ConfirmScreen(f"{target} exists. Overwrite it?"),
            lambda yes: export(app, session, target, force=True) if yes else None,
        )
        return
    marked = with_reviewed(session.comparison, session.oriented_review().reviewed)
    try:
        write_output(target, render(marked, report_format), force=force)
    except ResalignError as error:
        app.notify(str(error), severity="error")
    else:
        app.notify(f"wrote {target}")
