"""The carry review UI, driven as a translator does: next unit to do, accept, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from align import Document
from align.carry import Carry, carry
from align.read import parse_text, read_document
from tests.carry_fixtures import modeled_new_english
from tests.conftest import SEEDS
from tui.carry import CarryApp, CarryRow


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
