"""Snapshots of the review screens (pytest-textual-snapshot; update with --snapshot-update
after checking the new picture by eye)."""

from __future__ import annotations

from pathlib import Path

from align import Document
from tests.tui_helpers import ready, review_app


def test_version_mode_120x40(snap_compare, es: Document, modeled: Document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = review_app(es, modeled, tmp_path / "state.toml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_version_mode_80x24(snap_compare, es: Document, modeled: Document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = review_app(es, modeled, tmp_path / "state.toml")

    async def next_change(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=next_change)


def test_language_mode(snap_compare, es: Document, en: Document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = review_app(es, en, tmp_path / "state.toml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=ready)


def test_help_screen(snap_compare, es: Document, modeled: Document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = review_app(es, modeled, tmp_path / "state.toml")

    async def help_open(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=help_open)


def test_changes_only_filter(snap_compare, es: Document, modeled: Document, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = review_app(es, modeled, tmp_path / "state.toml")

    async def changes_only(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("f")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=changes_only)
