"""The review UI driven through Pilot: every binding, asserting the state it changes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from resalign.align import Document, parse_text
from resalign.align.marks import seal
from resalign.tui.screens.help import HelpScreen
from resalign.tui.screens.link import LinkScreen
from resalign.tui.screens.prompt import ConfirmScreen, PromptScreen
from resalign.tui.widgets.header import DocumentsHeader
from resalign.tui.widgets.navigator import Navigator
from resalign.tui.widgets.pairs import PairsView
from tests.conftest import EN
from tests.tui_helpers import ready, review_app, screen_text

HEADER = 7
"""Rows of header facts above PP1 in the seeds' comparisons."""
TO_PP4 = ["n"] * 5
"""From the symbol to PP4, the first changed paragraph: past session, agenda, report, date."""


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "review.toml"


async def test_opens_on_first_pair_with_every_pair_listed(
    es: Document, modeled: Document, state: Path
) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.session.selected_keys() == ("SYMBOL", "SYMBOL")  # the header comes first
        assert app.query_one(Navigator).count == 86
        assert "AGENDA → AGENDA  changed" in screen_text(app)
        assert screen_text(app).count("< PP24 → PP21+PP22  split") == 1
        assert "↕ OP12 → OP20  moved: was after OP11, now after OP19" in screen_text(app)
        header = str(app.query_one(DocumentsHeader).render())
        renumbered = app.session.comparison.alignment.renumbered()
        assert len(renumbered) == 14
        assert header.splitlines()[1] == (  # as ranges
            "renumbered: OP5–OP8 → OP6–OP9, OP13–OP21 → OP11–OP19, OP22 → OP21"
        )
        assert not state.exists()  # nothing written until the reviewer does something


async def test_moving_with_arrows_and_vi_keys(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*["down"] * HEADER, "down", "down", "j")
        assert app.session.selected_keys() == ("PP4", "PP4")
        await pilot.press("k", "up")
        assert app.session.selected_keys() == ("PP2", "PP2")
        assert app.query_one(Navigator).highlighted == HEADER + 1
        await pilot.press(*["up"] * (HEADER + 3))
        assert app.session.selected_keys() == ("SYMBOL", "SYMBOL")


async def test_next_and_previous_change(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        assert app.session.selected_keys() == ("SESSION", "SESSION")
        await pilot.press("n", "n", "n", "n")
        assert app.session.selected_keys() == ("PP4", "PP4")
        await pilot.press("n", "n", "n")
        assert app.session.selected_keys() == ("PP10", "PP10")
        await pilot.press("n")
        assert app.session.selected_keys() == ("PP11", None)
        await pilot.press("N")
        assert app.session.selected_keys() == ("PP10", "PP10")


async def test_findings_are_the_changes_in_language_mode(es: Document, state: Path) -> None:
    en = parse_text(EN.read_text(encoding="utf-8").replace("30 July 2010", "30 July 2011"))
    app = review_app(es, en, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("n")
        assert app.session.selected_keys() == ("PP7", "PP7")
        assert "! date: PP7 (es) has 2010-07-30, PP7 (en) has 2011-07-30" in screen_text(app)


async def test_filter_cycles(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        counts = []
        for _ in range(4):
            await pilot.press("f")
            counts.append((app.session.view_filter, app.query_one(Navigator).count))
        assert counts == [("changes", 32), ("findings", 0), ("unpaired", 13), ("all", 86)]


@pytest.mark.parametrize(
    ("width", "told"), [(160, []), (80, []), (50, ["showing changes", "showing findings"])]
)
async def test_a_filter_is_told_by_toast_only_where_the_header_cannot_say_it(
    es: Document, modeled: Document, state: Path, width: int, told: list[str]
) -> None:
    app = review_app(es, modeled, state)
    toasts: list[str] = []
    async with app.run_test(size=(width, 40)) as pilot:
        await ready(pilot)
        app.notify = lambda message, **_: toasts.append(message)  # type: ignore[method-assign]
        for _ in range(2):
            await pilot.press("f")
        assert toasts == told
        header = app.query_one(DocumentsHeader)
        assert header.shows_filter == (not told)
        if not told:  # at 80 columns, on a line of its own with the counts
            lines = str(header.render()).splitlines()
            assert "filter: findings only" in lines[1 if width == 80 else 0]
            assert "0/86 pairs · 0 reviewed" in str(header.render())


async def test_search_both_sides_and_hits(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"Jartum", "enter")
        assert app.session.query == "Jartum"
        assert app.query_one(Navigator).count == 1
        assert app.session.selected_keys() == ("PP28", "PP26")
        await pilot.press("slash")
        assert app.screen.query_one(Input).value == ""  # a new search starts empty
        app.screen.query_one(Input).value = "Grupo Interinstitucional"
        await pilot.press("enter")
        hits = [app.session.comparison.views[i].pair.left for i in app.session.visible]
        assert hits[:3] == ["PP15", "PP16", "PP17"]
        await pilot.press("n", "n")
        assert app.session.selected_keys()[0] == "PP17"
        await pilot.press("N")
        assert app.session.selected_keys()[0] == "PP16"
        await pilot.press("slash")
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        assert app.query_one(Navigator).count == 86
        assert app.session.selected_keys()[0] == "PP16"


async def test_swap_sides(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await ready(pilot)
        left, right = app.session.documents()
        assert (left.symbol, right.symbol) == ("A/RES/70/179", "A/RES/72/195")
        alignment = app.session.comparison.alignment
        assert alignment.left.symbol == "A/RES/70/179"
        assert alignment.pair_for(left="OP6")[0].right == "OP5"
        await pilot.press("s")
        await ready(pilot)
        assert app.session.documents()[0].symbol == "A/RES/72/195"


async def test_unified_view_and_footnotes(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4)  # PP4: a long insertion
        view = app.query_one(PairsView)
        side_by_side = screen_text(app)
        await pilot.press("u")
        assert view.unified
        unified = screen_text(app)
        assert unified != side_by_side
        pp4 = " ".join(unified.split("~ PP4 → PP4")[1].split("~ PP5")[0].split())
        assert "│" not in pp4
        assert "Estados Miembros de y recordando también las metas" in pp4
        assert "Sostenible[1]," in side_by_side.split()  # the footnote call, where it stands
        await pilot.press("u", "t")
        assert not view.unified and view.footnotes
        assert "FN1 Resolución 70/1." in screen_text(app)
        await pilot.press("t")
        assert "FN1 Resolución 70/1." not in screen_text(app).split("FN1 → FN1")[0]


async def test_reviewed_marks_are_saved(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4, "r", "n", "r")
        data = tomllib.loads(state.read_text(encoding="utf-8"))
        assert [mark[:2] for mark in data["reviewed"]] == [["PP4", "PP4"], ["PP5", "PP5"]]
        pp4 = app.session.comparison.alignment.pair_for(left="PP4")[0]
        (view,) = [v for v in app.session.comparison.views if v.pair is pp4]
        assert data["reviewed"][0][2:] == list(seal(view.left_text, view.right_text))
        assert "✓ reviewed" in screen_text(app)
        await pilot.press("r")
        marks = tomllib.loads(state.read_text(encoding="utf-8"))["reviewed"]
        assert [mark[:2] for mark in marks] == [["PP4", "PP4"]]


async def test_link_and_unlink(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for _ in range(HEADER + 16):  # to PP11, which the aligner leaves without counterpart
            await pilot.press("j")
        assert app.session.selected_keys() == ("PP11", None)
        await pilot.press("l")
        assert isinstance(app.screen, LinkScreen)
        choices = app.screen.query_one(OptionList)
        choices.highlighted = [o.id for o in choices.options].index("PP10")
        await pilot.press("enter")
        await ready(pilot)
        (linked,) = app.session.comparison.alignment.pair_for(left="PP11")
        assert (linked.right, linked.method) == ("PP10", "manual")
        assert tomllib.loads(state.read_text(encoding="utf-8"))["pairs"] == [["PP11", "PP10"]]
        assert app.session.selected_keys() == ("PP11", "PP10")
        await pilot.press("l")
        choices = app.screen.query_one(OptionList)
        assert choices.options[0].id == "\x00unlink"
        choices.highlighted = 0
        await pilot.press("enter")
        await ready(pilot)
        assert app.session.comparison.alignment.pair_for(left="PP11")[0].right is None
        assert tomllib.loads(state.read_text(encoding="utf-8"))["pairs"] == []


async def test_export_refuses_to_overwrite_unless_confirmed(
    es: Document, modeled: Document, state: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# A/RES/72/195 (es) ↔ A/RES/70/179")
        target.write_text("mine")
        await pilot.press("e")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text() == "mine"
        await pilot.press("e")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# A/RES/72/195")


async def test_help_and_quit(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_the_navigator_line_under_the_mouse_is_marked(
    es: Document, modeled: Document, state: Path
) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        navigator = app.query_one(Navigator)
        plain = list(navigator.render_line(4))[-1].style
        await pilot.hover(Navigator, offset=(10, 5))  # the border, then line 4
        await pilot.pause()
        hovered = list(navigator.render_line(4))[-1].style
        assert hovered is not None and plain is not None and hovered.bgcolor != plain.bgcolor
        await pilot.hover(PairsView, offset=(10, 5))
        await pilot.pause()
        assert list(navigator.render_line(4))[-1].style == plain
        assert app.session.selected == 0  # hovering selects nothing


async def test_mouse_selects(es: Document, modeled: Document, state: Path) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.click(Navigator, offset=(10, HEADER + 4))  # below the border
        await pilot.pause()
        assert app.session.selected_keys() == ("PP4", "PP4")
        await pilot.click(PairsView, offset=(10, 0))
        await pilot.pause()
        assert app.session.selected_keys() is not None


async def test_reopening_restores_marks_and_links(
    es: Document, modeled: Document, state: Path
) -> None:
    first = review_app(es, modeled, state)
    async with first.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4, "r")
        first.session.selected = HEADER + 16
        first.session.link("PP10")
        first.realign()
        await ready(pilot)
    second = review_app(es, modeled, state)
    async with second.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert second.session.is_reviewed(("PP4", "PP4"))
        assert second.session.comparison.alignment.pair_for(left="PP11")[0].right == "PP10"
    from resalign.align import load_overrides

    assert load_overrides(state).pairs == (("PP11", "PP10"),)  # resalign align --pairs reads it


async def test_corrupt_state_is_set_aside(es: Document, modeled: Document, state: Path) -> None:
    state.write_text("reviewed = [[[", encoding="utf-8")
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.session.review.reviewed == {}
        assert any("set aside" in w for w in app.session.warnings)
    aside = [p for p in state.parent.iterdir() if p.name.startswith("review.toml.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text() == "reviewed = [[["
    assert not state.exists()


async def test_heights_once_shown_match_drawn_lines(
    es: Document, en: Document, state: Path
) -> None:
    """A pair's height is estimated until the pair comes on screen, and measured then: once
    every pair has been shown, the lines laid out are the lines drawn (in each layout)."""
    app = review_app(es, en, state)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.query_one(PairsView)
        for keys in ("", "t", "n", "u", "t"):
            if keys:
                await pilot.press(keys)
            top = 0
            while top < view.total_lines:
                view.scroll_to(y=top, animate=False)
                await pilot.pause()
                top += view.size.height
            assert view.total_lines == len(view.text_lines())


@pytest.mark.parametrize("code", ["zh", "ar"])
async def test_wide_and_right_to_left_text_keep_the_layout(code: str, state: Path) -> None:
    from rich.cells import cell_len

    from tests.test_read_languages import CORPUS

    english = parse_text(next(c.text for c in CORPUS if c.lang == "en"))
    other = parse_text(next(c.text for c in CORPUS if c.lang == code))
    app = review_app(english, other, state)
    async with app.run_test(size=(90, 30)) as pilot:
        await ready(pilot)
        view = app.query_one(PairsView)
        lines = view.text_lines()
        assert len(lines) == view.total_lines
        widths = {cell_len(line.rstrip()) for line in lines}
        assert max(widths) <= view.size.width
        separators = [line.index("│") for line in lines if "│" in line]
        assert (
            len(
                {
                    cell_len(line[:i])
                    for line, i in zip(
                        [line for line in lines if "│" in line], separators, strict=True
                    )
                }
            )
            == 1
        )


def test_pairs_file_given_on_the_command_line_replaces_saved_links(
    es: Document, modeled: Document, state: Path
) -> None:
    from resalign.align import Overrides
    from resalign.align.review import Review, save_review
    from resalign.tui.session import Session

    saved = Review({("PP1", "PP1"): ("a1", "b2")}, Overrides(pairs=(("PP11", "PP10"),)))
    save_review(state, saved, left="l.txt", right="r.txt")
    session = Session.open(es, modeled, state, overrides=Overrides(left_only=("PP3",)))
    assert session.review.reviewed == {("PP1", "PP1"): ("a1", "b2")}
    assert session.review.overrides == Overrides(left_only=("PP3",))
    assert Session.open(es, modeled, state).review == saved


async def test_a_bug_in_the_worker_ends_the_app_with_exit_code_1(
    es: Document, modeled: Document, state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never exit 0 after an unexpected error: the app ends with one line and code 1."""
    from resalign.tui.session import Session

    def broken(self: Session) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Session, "compute_here", broken)
    app = review_app(modeled, es, state)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):  # the worker's exit cancels it: wait for the code, not for it
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 1


async def test_document_warnings_are_shown(modeled: Document, state: Path) -> None:
    from dataclasses import replace

    warned = replace(modeled, warnings=("operative numbers jump from 4 to 6",))
    app = review_app(warned, warned, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        messages = [n.message for n in app._notifications]
    assert any("operative numbers jump from 4 to 6" in m for m in messages)


def test_two_sessions_on_one_review_file_keep_each_others_marks(
    es: Document, modeled: Document, state: Path
) -> None:
    from resalign.align.aligner import align as align_pair
    from resalign.align.comparison import compare
    from resalign.tui.session import Session

    first, second = (Session.open(modeled, es, state) for _ in range(2))
    for session, index in ((first, 0), (second, 1)):
        session.show(compare(modeled, es, align_pair(modeled, es)))
        session.selected = index
        session.toggle_reviewed()
    first.selected = 2
    first.toggle_reviewed()
    saved = tomllib.loads(state.read_text())["reviewed"]
    assert len(saved) == 3  # the second session's mark survived the first's save


def test_a_review_that_cannot_be_saved_stays_in_memory_and_is_said(
    es: Document, modeled: Document, tmp_path: Path
) -> None:
    from resalign.align.aligner import align as align_pair
    from resalign.align.comparison import compare
    from resalign.tui.session import Session

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    session = Session.open(modeled, es, blocker / "review.toml")
    session.show(compare(modeled, es, align_pair(modeled, es)))
    session.selected = 0
    assert session.toggle_reviewed() is True
    assert session.problem is not None and "your marks are kept until you quit" in session.problem


def test_a_read_only_review_file_is_not_replaced(
    es: Document, modeled: Document, state: Path
) -> None:
    from resalign.align.aligner import align as align_pair
    from resalign.align.comparison import compare
    from resalign.tui.session import Session

    state.write_text("reviewed = []\npairs = []\nleft_only = []\nright_only = []\n")
    state.chmod(0o444)
    session = Session.open(modeled, es, state)
    session.show(compare(modeled, es, align_pair(modeled, es)))
    session.selected = 0
    session.toggle_reviewed()
    assert session.problem == (
        f"{state}: is read-only; the review is not saved there; your marks are kept until you quit"
    )
    assert tomllib.loads(state.read_text())["reviewed"] == []


def test_corrupt_review_files_set_aside_in_one_second_keep_distinct_names(state: Path) -> None:
    from resalign.align.review import load_review

    for _ in range(3):
        state.write_text("not = [toml")
        _, warning = load_review(state)
        assert warning is not None
    assert len(list(state.parent.glob(f"{state.name}.corrupt-*"))) == 3


def test_the_default_review_file_lives_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, es: Document, modeled: Document
) -> None:
    """Found by the documents, not their paths: a copy moved to another folder, or the
    same resolution corrected since, opens the same review; another pair, or the same one
    the other way round, does not; a text without a symbol is known by its contents."""
    from dataclasses import replace

    from resalign.align.review import review_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = review_path(modeled, es)
    assert path == tmp_path / "data" / "resalign" / "reviews" / (
        "A_RES_70_179.es--A_RES_72_195.es.toml"
    )
    moved = replace(es, source=str(tmp_path / "elsewhere" / "copy.txt"))
    assert review_path(modeled, moved) == path
    assert review_path(modeled, replace(es, paragraphs=es.paragraphs[1:])) == path
    assert review_path(es, modeled) != path
    nameless = replace(es, symbol=None)
    assert review_path(modeled, nameless).name.startswith("A_RES_70_179.es--A_RES_72_195.es.es.")
    assert review_path(modeled, replace(nameless, source="/x/A_RES_72_195.es.txt")) == (
        review_path(modeled, nameless)
    )
    assert review_path(modeled, replace(nameless, paragraphs=es.paragraphs[1:])) != (
        review_path(modeled, nameless)
    )


def test_the_first_mark_makes_the_data_folder(
    es: Document, modeled: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resalign.align.aligner import align as align_pair
    from resalign.align.comparison import compare
    from resalign.align.review import review_path
    from resalign.tui.session import Session

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    state = review_path(modeled, es)
    session = Session.open(modeled, es, state)
    session.show(compare(modeled, es, align_pair(modeled, es)))
    session.toggle_reviewed()
    assert session.problem is None
    assert [mark[:2] for mark in tomllib.loads(state.read_text())["reviewed"]] == [
        ["SYMBOL", "SYMBOL"]
    ]


async def test_help_has_the_legend_and_an_empty_filter_says_so(
    es: Document, modeled: Document, state: Path
) -> None:
    from resalign.tui.screens.help import legend

    assert str(legend()).splitlines() == [
        "marks: = same  ~ changed  ↕ moved  < split  > merged  + added  − removed  ",
        "       · paired  ∅ unpaired  ! QA finding  ✓ reviewed  ≠ changed since review",
    ]
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f", "f")  # findings only: the seed pair has none
        assert app.session.view_filter == "findings"
        view = app.query_one(PairsView)
        assert view.render_line(1).text.strip() == "No QA findings here  (f: the next filter)"


async def test_reviewed_progress_in_the_header(
    es: Document, modeled: Document, state: Path
) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        header = app.query_one(DocumentsHeader)
        assert "· 0 reviewed" in str(header.render())
        await pilot.press("r", "j", "r")
        assert "86/86 pairs · 2 reviewed" in str(header.render())


async def test_page_keys_and_swap_keep_selection_and_view_in_step(
    es: Document, modeled: Document, state: Path
) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view, navigator = app.query_one(PairsView), app.query_one(Navigator)
        await pilot.press("pagedown")
        first_page = app.session.selected
        assert first_page > 1 and navigator.highlighted == first_page
        top = round(view.scroll_y)
        assert top <= view._starts[first_page] < top + view.size.height  # the selection shows
        await pilot.press("end")
        assert app.session.selected_keys() == ("FN14", "FN13")
        assert navigator.highlighted == len(app.session.visible) - 1
        await pilot.pause()
        bottom = navigator.scrollable_content_region.height - 1  # the navigator followed
        assert navigator.render_line(bottom).text.startswith("=    FN14 → FN13    1.00")
        await pilot.press("pageup")
        assert app.session.selected < len(app.session.visible) - 1
        await pilot.press("home")
        assert app.session.selected_keys() == ("SYMBOL", "SYMBOL")
        for _ in range(HEADER + 18):  # past PP8's six sub-items and the removed PP11, PP12
            await pilot.press("j")
        assert app.session.selected_keys() == ("PP13", "PP11")
        await pilot.press("s")
        await ready(pilot)
        assert app.session.selected_keys() == ("PP11", "PP13")  # the same pair, turned round
        assert navigator.highlighted == app.session.selected


async def test_at_80_columns_the_text_has_room(
    es: Document, modeled: Document, state: Path
) -> None:
    """Under 100 columns the navigator starts hidden, so each text column has 30 cells or
    more; `v` shows it and hides it again; the footer keeps the keys a reviewer needs."""
    app = review_app(es, modeled, state)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        navigator, view = app.query_one(Navigator), app.query_one(PairsView)
        assert not navigator.display
        assert (view._options.width - 4) // 2 >= 30
        await pilot.press("v")
        await pilot.pause()
        assert navigator.display
        await pilot.press("v")
        await pilot.pause()
        assert not navigator.display
        shown = [key for key, b in app.active_bindings.items() if b.binding.show]
        assert {"r", "l", "e", "question_mark", "q"} <= set(shown)


async def test_link_picker_filters_and_says_no_counterpart(
    es: Document, modeled: Document, state: Path
) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for _ in range(HEADER + 16):  # PP11, left without counterpart
            await pilot.press("j")
        await pilot.press("l")
        await pilot.press(*"OP9", "enter")  # typed, the first match taken
        await ready(pilot)
        (linked,) = app.session.comparison.alignment.pair_for(left="PP11")
        assert (linked.right, linked.method) == ("OP9", "manual")
        assert linked.note == "linked by hand; preambular → operative: Recordando además → Alienta"
        assert "linked by hand" in screen_text(app)
        await pilot.press("l")
        choices = app.screen.query_one(OptionList)
        assert [o.id for o in choices.options[:2]] == ["\x00unlink", "\x00none"]
        await pilot.press(*"Jartum")  # words of the text filter too
        assert [o.id for o in choices.options[2:]] == ["PP26"]
        choices.highlighted = 1
        choices.focus()
        await pilot.press("enter")
        await ready(pilot)
        (alone,) = app.session.comparison.alignment.pair_for(left="PP11")
        assert (alone.right, alone.note) == (None, "no counterpart, by hand")
        saved = tomllib.loads(state.read_text(encoding="utf-8"))
        assert (saved["pairs"], saved["left_only"]) == ([], ["PP11"])


async def test_exports_carry_reviewed_marks_and_manual_links(
    es: Document, modeled: Document, state: Path, tmp_path: Path
) -> None:
    """The CSV report and the Word redline the UI exports say what was marked and linked."""
    import csv
    import zipfile

    app = review_app(es, modeled, state)
    marks, redline = tmp_path / "marks.csv", tmp_path / "changes.docx"
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4, "r")
        app.session.selected = HEADER + 16
        app.session.link("PP10")
        app.realign()
        await ready(pilot)
        for target in (marks, redline):
            await pilot.press("e")
            app.screen.query_one(Input).value = str(target)
            await pilot.press("enter")
            await pilot.pause()
    rows = {r["left_key"]: r for r in csv.DictReader(marks.open(encoding="utf-8-sig"))}
    assert rows["PP4"]["reviewed"] == "yes" and rows["PP5"]["reviewed"] == ""
    assert (rows["PP11"]["right_key"], rows["PP11"]["note"]) == ("PP10", "linked by hand")
    package = zipfile.ZipFile(redline)
    comments = package.read("word/comments.xml").decode()
    assert comments.count("✓ reviewed") == 1 and "PP11 → PP10" in comments
    assert b"<w:del " in package.read("word/document.xml")


async def test_unified_view_in_language_mode_keeps_the_languages_apart(state: Path) -> None:
    """`u` between languages: each text a block of its own, Arabic reordered and flush
    right, not the two run together."""
    from tests.test_read_languages import CORPUS

    english = parse_text(next(c.text for c in CORPUS if c.lang == "en"))
    arabic = parse_text(next(c.text for c in CORPUS if c.lang == "ar"))
    app = review_app(english, arabic, state)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        while app.session.selected_keys() != ("PP1", "PP1"):
            await pilot.press("j")
        await pilot.press("u")
        lines = [line.rstrip() for line in screen_text(app).splitlines()]
        at = next(i for i, line in enumerate(lines) if "PP1 → PP1" in line)
        english_line = lines[at + 1]
        arabic_line = next(line for line in lines[at:] if "\u0600" <= line.strip()[:1] <= "\u06ff")
        assert english_line.strip().startswith("Recalling also the United Nations")
        assert "‖" not in english_line and "│" not in english_line
        assert len(arabic_line) - len(arabic_line.lstrip()) > 10  # flush right
        assert "ديعت ذإ" in arabic_line  # reordered for the terminal: إذ تعيد reads right to left


async def test_navigator_lines_kept_across_filters_show_new_marks(
    es: Document, modeled: Document, state: Path
) -> None:
    """The navigator keeps each pair's line while the comparison stays; a reviewed mark
    made meanwhile is on it when a filter brings the pair back."""
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4, "r", "f", "f", "f", "f")
        assert app.session.view_filter == "all"
        navigator = app.query_one(Navigator)
        lines = navigator.lines()
        assert "~✓    PP4 → PP4     0.50" in lines


def test_the_reviewed_count_is_of_the_pairs_shown_either_way_round(
    es: Document, modeled: Document, state: Path
) -> None:
    """Two pairs marked and a mark left from another alignment (`PP90 → PP90`): two are
    counted, and still two once the sides are swapped."""
    from resalign.align.review import Review, save_review
    from resalign.tui.session import Session

    compared = Session.open(es, modeled, state).compute_here()
    texts = {(v.pair.left, v.pair.right): (v.left_text, v.right_text) for v in compared.views}
    marks = {keys: seal(*texts[keys]) for keys in (("PP1", "PP1"), ("PP24", "PP21"))}
    marks["PP90", "PP90"] = ("", "")
    save_review(state, Review(marks), left="l.txt", right="r.txt")
    session = Session.open(es, modeled, state)
    session.show(session.compute_here())
    assert session.reviewed_count() == 2
    session.swap()
    session.show(session.compute_here())
    assert session.reviewed_count() == 2
    assert session.is_reviewed(("PP21", "PP24"))


async def test_linking_by_hand_says_what_it_breaks_and_can_be_undone(
    es: Document, modeled: Document, state: Path
) -> None:
    """`l` on PP4: the picker names PP4's partner and starts on it (an early Enter changes
    nothing); choosing PP5 says it breaks PP5 → PP5 before it does; ctrl+z takes the link
    back."""
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4)
        assert app.session.selected_keys() == ("PP4", "PP4")
        await pilot.press("l")
        assert isinstance(app.screen, LinkScreen)
        assert "Link PP4 (now paired with PP4)" in _dialog_text(app)
        choices = app.screen.query_one(OptionList)
        assert choices.get_option_at_index(choices.highlighted).id == "PP4"
        await pilot.press("enter")  # its partner already
        await ready(pilot)
        assert not state.exists() and app.session.review.overrides.pairs == ()
        await pilot.press("l")
        choices = app.screen.query_one(OptionList)
        choices.highlighted = [o.id for o in choices.options].index("PP5")
        await pilot.pause()
        assert "⚠ breaks PP5 → PP5: PP5 will be left without PP5" in _dialog_text(app)
        await pilot.press("enter")
        await ready(pilot)
        alignment = app.session.comparison.alignment
        assert alignment.pair_for(left="PP4")[0].right == "PP5"
        assert alignment.pair_for(left="PP5")[0].right != "PP5"
        await pilot.press("ctrl+z")
        await ready(pilot)
        alignment = app.session.comparison.alignment
        assert alignment.pair_for(left="PP4")[0].right == "PP4"
        assert alignment.pair_for(left="PP5")[0].right == "PP5"
        assert tomllib.loads(state.read_text(encoding="utf-8"))["pairs"] == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "no link to undo" in [n.message for n in app._notifications]


def _dialog_text(app) -> str:  # type: ignore[no-untyped-def]
    from textual.widgets import Label

    return "\n".join(str(label.render()) for label in app.screen.query(Label))


async def test_the_unified_view_keeps_footnote_calls_and_marks_search_hits(
    es: Document, modeled: Document, state: Path
) -> None:
    """PP4 in the unified view shows its calls (`[1]` …) as the side-by-side view does,
    and a search hit inside an inserted passage, or running from one into kept words, is
    marked whole."""
    from resalign.tui.widgets.pairs import PairsView

    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4, "u")
        pairs = app.query_one(PairsView)
        layout = pairs._layout(app.session.selected)
        assert layout.unified is not None
        ((chunks, _),) = layout.unified
        text = "".join(piece for piece, _ in chunks)
        assert text.count("[1]") == 1 and "[2]" in text and "[3]" in text
        app.session.query = "Objetivos de Desarrollo Sostenible relativas"  # inserted words
        pairs.rebuild()
        ((chunks, _),) = pairs._layout(app.session.selected).unified
        hits = "".join(piece for piece, style in chunks if style and style.reverse)
        assert hits == "Objetivos de Desarrollo Sostenible relativas"
        spans = app.session.comparison.views[app.session.visible[app.session.selected]].spans
        at = next(i for i, s in enumerate(spans) if s.op == 1 and spans[i + 1].op == 0)
        across = spans[at].text[-12:] + spans[at + 1].text[:12]  # inserted, then kept
        app.session.query = across
        pairs.rebuild()
        ((chunks, _),) = pairs._layout(app.session.selected).unified
        hits = "".join(piece for piece, style in chunks if style and style.reverse)
        assert hits == across


async def test_a_split_is_named_whole_and_each_part_labelled(
    es: Document, modeled: Document, state: Path
) -> None:
    """PP24 → PP21+PP22: the navigator names both parts (`PP21+22`, not `PP21+`), and the
    pair labels each part of the right side where it starts."""
    from resalign.tui.styles import PART_LABEL
    from resalign.tui.widgets.navigator import Navigator
    from resalign.tui.widgets.pairs import PairsView

    app = review_app(es, modeled, state)
    async with app.run_test(size=(140, 45)) as pilot:
        await ready(pilot)
        assert any("PP24 → PP21+22" in line for line in app.query_one(Navigator).lines())
        pairs = app.query_one(PairsView)
        position = next(
            p
            for p, index in enumerate(app.session.visible)
            if app.session.comparison.views[index].pair.lefts == ("PP24",)
        )
        layout = pairs._layout(position)
        labels = [piece for piece, style in layout.right if style is PART_LABEL]
        assert labels == ["PP21 ", "PP22 "]
        right = "".join(piece for piece, _ in layout.right)
        assert right.startswith("PP21 ") and "\nPP22 " in right


async def test_at_80_by_24_the_help_scrolls_to_its_legend(
    es: Document, modeled: Document, state: Path
) -> None:
    from textual.containers import VerticalScroll

    app = review_app(es, modeled, state)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_view = app.screen.query_one(VerticalScroll)
        assert help_view.max_scroll_y > 0 and help_view.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert help_view.scroll_y == help_view.max_scroll_y
        legend = app.screen.query_one("#help-legend")
        assert (
            legend.region.y + legend.region.height <= help_view.region.y + help_view.region.height
        )


async def test_the_review_reopens_where_the_reviewer_left_off(
    es: Document, modeled: Document, state: Path
) -> None:
    first = review_app(es, modeled, state)
    async with first.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*TO_PP4, "r", "n", "n")
        left_on = first.session.selected_keys()
        assert left_on not in (None, ("PP4", "PP4"))
        await pilot.press("q")
    assert tomllib.loads(state.read_text(encoding="utf-8"))["last"] == list(left_on)
    second = review_app(es, modeled, state)
    async with second.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert second.session.selected_keys() == left_on


async def test_browsing_alone_writes_no_review(
    es: Document, modeled: Document, state: Path
) -> None:
    app = review_app(es, modeled, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("n", "n", "q")
    assert not state.exists()


async def test_the_ui_shows_hidden_characters_and_says_the_document_has_them(
    state: Path,
) -> None:
    head = "80/1. Title\n\nThe General Assembly,\n\n"
    left = parse_text(f"{head}Recalling resolution 70/1,\n\n1. Decides to act.\n")
    right = parse_text(f"{head}Recalling \u202eresolution\u202c 70/1,\n\n1. Decides to act.\n")
    app = review_app(left, right, state)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "⟨U+202E⟩resolution⟨U+202C⟩" in text and "\u202e" not in text
        messages = [n.message for n in app._notifications]
        assert any("2 invisible character(s)" in message for message in messages)
