"""The carry review UI, driven as a translator does: next unit to do, accept, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from resalign.align import Document
from resalign.align.carry import Carry, carry
from resalign.align.read import parse_text, read_document
from resalign.tui.carry import CarryApp, CarryRow
from tests.carry_fixtures import modeled_new_english
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def carried(en: Document, es: Document) -> Carry:
    text = modeled_new_english((SEEDS / "A_RES_72_195.en.txt").read_text(encoding="utf-8"))
    return carry(en, es, parse_text(text, source="A_RES_74_176.en.txt"))


def _current(app: CarryApp) -> str:
    return app.query_one("CarryRow.current", CarryRow).unit.key


async def test_next_goes_through_the_units_that_need_work(carried: Carry, tmp_path: Path) -> None:
    app = CarryApp(carried, tmp_path / "out.docx")
    async with app.run_test(size=(140, 45)) as pilot:
        assert _current(app) == "SYMBOL"
        summary = str(app.query_one("#summary").render())
        assert summary.startswith("A/RES/72/195 [es] → A/RES/74/176 [en]")  # not markup
        visited = []
        for _ in range(5):
            await pilot.press("n")
            visited.append(_current(app))
        assert visited == ["PP9", "PP12", "OP3", "OP9", "FN8"]
        await pilot.press("n")
        assert _current(app) == "PP9"  # round again
        await pilot.press("N")
        assert _current(app) == "FN8"


async def test_accept_takes_a_unit_off_the_list_and_export_writes_it(
    carried: Carry, tmp_path: Path
) -> None:
    out = tmp_path / "A_RES_74_176.carried.es.docx"
    app = CarryApp(carried, out)
    async with app.run_test(size=(140, 45)) as pilot:
        for key in ("n", "a"):  # PP9: accepted
            await pilot.press(key)
        row = app.query_one("CarryRow.current", CarryRow)
        assert (row.unit.key, row.unit.accepted) == ("PP9", True)
        await pilot.press("e")
        await pilot.pause()
        back = read_document(out)
        assert back.paragraph("PP9").text == carried.unit("PP9").target
        await pilot.press("e")  # never over the file just written
        await pilot.pause()
        assert any("exists" in n.message for n in app._notifications)
    from zipfile import ZipFile

    comments = ZipFile(out).read("word/comments.xml").decode()
    assert "reworded" in comments  # OP9 still flagged
    # PP9 accepted as it stands, though the new English added to it: the Word file keeps
    # it highlighted and says what last year's Spanish lacks
    assert "accepted as it stands: check what the source added" in comments
    assert "and 72/195 of 19 December 2017" in comments
    document = ZipFile(out).read("word/document.xml").decode()
    pp9 = carried.unit("PP9").target[len(carried.unit("PP9").lead) :]
    assert f'<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">{pp9[:30]}' in document


async def test_edit_in_place_makes_a_unit_final_and_undo_takes_it_back(
    carried: Carry, tmp_path: Path
) -> None:
    """PP9 is fuzzy: the new English adds “and 72/195 of 19 December 2017”. The translator
    adds it to last year's Spanish in place; the unit is done, its note call kept."""
    from zipfile import ZipFile

    from textual.widgets import TextArea

    from resalign.align.carry import editable
    from resalign.tui.screens.edit import EditScreen

    out = tmp_path / "edited.docx"
    app = CarryApp(carried, out)
    before = carried.unit("PP9")
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("n", "enter")
        assert isinstance(app.screen, EditScreen)
        area = app.screen.query_one(TextArea)
        assert area.text == editable(before) and area.text.endswith("trata de personas{FN6},")
        added = "y 70/179, de 17 de diciembre de 2015, y 72/195, de 19 de diciembre de 2017,"
        area.text = area.text.replace("y 70/179, de 17 de diciembre de 2015,", added)
        await pilot.press("ctrl+s")
        await pilot.pause()
        row = app.query_one("CarryRow.current", CarryRow)
        assert (row.unit.key, row.unit.edited, row.unit.needs_work) == ("PP9", True, False)
        assert "72/195, de 19 de diciembre de 2017" in row.unit.target
        assert [c.key for c in row.unit.target_calls] == ["FN6"]
        assert row.unit.target[row.unit.target_calls[0].offset - 17 :].startswith(
            "trata de personas,"
        )
        await pilot.press("n")
        assert _current(app) == "PP12"  # PP9 is done
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _current(app) == "PP9" and app.query_one("CarryRow.current", CarryRow).unit == before
        await pilot.press("ctrl+z")  # nothing more to take back
        await pilot.pause()
        assert any("Nothing to take back" in n.message for n in app._notifications)
    back = read_document(out)
    assert "72/195, de 19 de diciembre de 2017" in back.paragraph("PP9").text
    assert back.paragraph("PP9").footnotes == ("FN6",)
    document = ZipFile(out).read("word/document.xml").decode()
    assert document.count("y 72/195, de 19 de diciembre de 2017") == 1
    at = document.index("y 72/195, de 19 de diciembre de 2017")
    assert "<w:highlight" not in document[document.rindex("<w:r>", 0, at) : at]


async def test_escape_leaves_a_unit_as_it_was_and_accept_can_be_undone(
    carried: Carry, tmp_path: Path
) -> None:
    app = CarryApp(carried, tmp_path / "out.docx")
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("n", "enter", "x", "escape")
        await pilot.pause()
        assert app.query_one("CarryRow.current", CarryRow).unit == carried.unit("PP9")
        assert app.undo == []
        await pilot.press("a")
        assert app.query_one("CarryRow.current", CarryRow).unit.accepted
        await pilot.press("ctrl+z")
        assert app.query_one("CarryRow.current", CarryRow).unit == carried.unit("PP9")


async def test_help_lists_the_carry_keys(carried: Carry, tmp_path: Path) -> None:
    from resalign.tui.screens.help import HelpScreen

    app = CarryApp(carried, tmp_path / "out.docx")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "edit the translation in place" in shown and "to translate" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("size", [(140, 45), (80, 24)], ids=["140x45", "80x24"])
def test_carry_screen_snapshot(snap_compare, carried: Carry, tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    """The unit selected stands out; the footer names the keys."""

    async def second_to_do(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("n", "n")
        await pilot.pause()

    app = CarryApp(carried, tmp_path / "out.docx")
    assert snap_compare(app, terminal_size=size, run_before=second_to_do)


def test_carry_help_snapshot(snap_compare, carried: Carry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = CarryApp(carried, tmp_path / "out.docx")
    assert snap_compare(app, terminal_size=(100, 30), press=["question_mark"])


def test_hidden_characters_are_shown_in_the_rows(carried: Carry) -> None:
    """A right-to-left override in a source or a translation is written visibly, as the
    review UI writes it: it could make the row read other than it is."""
    from dataclasses import replace

    from resalign.tui.carry import source_text, target_text

    unit = replace(
        carried.unit("PP9"), source="Recalling \u202e91/27", target="Recordando \u202e91/27"
    )
    assert "\u202e" not in source_text(replace(unit, changes=())).plain
    assert target_text(unit).plain.startswith("Recordando ⟨U+202E⟩91/27")
