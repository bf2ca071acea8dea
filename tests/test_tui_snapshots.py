"""Snapshots of the review screens at a roomy 140×45 and a small 80×24 terminal
(pytest-textual-snapshot; update with --snapshot-update after checking the new picture by
eye)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resalign.align import Document
from resalign.tui.app import ReviewApp
from tests.tui_helpers import ready, review_app

SIZES = pytest.mark.parametrize("size", [(140, 45), (80, 24)], ids=["140x45", "80x24"])


@pytest.fixture
def versions(es: Document, modeled: Document, tmp_path: Path) -> ReviewApp:
    return review_app(es, modeled, tmp_path / "state.toml")


@pytest.fixture
def languages(es: Document, en: Document, tmp_path: Path) -> ReviewApp:
    return review_app(es, en, tmp_path / "state.toml")


def pressing(*keys: str):  # type: ignore[no-untyped-def]
    """What to do before the snapshot: wait for the alignment, press the keys."""

    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


@SIZES
def test_version_mode(snap_compare, versions: ReviewApp, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(versions, terminal_size=size, run_before=pressing())


@SIZES
def test_a_split_selected(snap_compare, versions: ReviewApp, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(versions, terminal_size=size, run_before=pressing(*["n"] * 12))


@SIZES
def test_language_mode(snap_compare, languages: ReviewApp, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(languages, terminal_size=size, run_before=pressing())


@SIZES
def test_help_screen(snap_compare, versions: ReviewApp, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(versions, terminal_size=size, run_before=pressing("question_mark"))


@SIZES
def test_changes_only_filter(snap_compare, versions: ReviewApp, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(versions, terminal_size=size, run_before=pressing("f"))


def test_navigator_shown_at_80x24(snap_compare, versions: ReviewApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(versions, terminal_size=(80, 24), run_before=pressing("v"))
