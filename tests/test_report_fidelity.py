"""The HTML report shows each pair's two texts as the documents have them, every footnote
call where it stands: read back from the page, cell by cell (a word cut or added, or a
call under the wrong word, would be a difference the documents do not have)."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resalign.align import Document, align, read_document
from resalign.align.comparison import Comparison, compare
from resalign.align.render import render
from tests.test_redline import generated_pair

REAL = Path(__file__).parent / "data" / "real"
CALL = re.compile("\ue100(.*?)\ue101")


def _cells(comparison: Comparison) -> list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]]:
    page = lxml.html.fromstring(render(comparison, "html"))
    rows = page.xpath("//table[@class='pairs']/tbody/tr")
    assert len(rows) == len(comparison.views)
    return [(row.xpath("./td")[1], row.xpath("./td")[3]) for row in rows]


def _read_back(cell: lxml.html.HtmlElement) -> tuple[str, list[tuple[int, str]]]:
    """The cell's text without its calls, and each call's number with its offset there."""
    for sup in cell.xpath(".//sup[@class='call']"):
        number = sup.text_content()
        for child in list(sup):
            sup.remove(child)
        sup.text = f"\ue100{number}\ue101"
    for br in cell.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    marked = cell.text_content()
    calls, removed = [], 0
    for match in CALL.finditer(marked):
        calls.append((match.start() - removed, match[1]))
        removed += len(match[0])
    return CALL.sub("", marked), calls


def _calls(document: Document, keys: tuple[str, ...]) -> list[tuple[int, str]] | None:
    """The calls of the paragraphs `keys`, at their offsets in the side's text (one
    paragraph a line); None for a side that is no paragraph (a header fact, a note)."""
    paragraphs = {p.key: p for p in document.paragraphs}
    calls, base = [], 0
    for key in keys:
        if key not in paragraphs:
            return None
        paragraph = paragraphs[key]
        calls += [(base + ref.offset, ref.key.removeprefix("FN")) for ref in paragraph.refs]
        base += len(paragraph.text) + 1
    return calls


def _assert_faithful(comparison: Comparison) -> None:
    for view, cells in zip(comparison.views, _cells(comparison), strict=True):
        sides = ((comparison.left, view.pair.lefts, view.left_text),
                 (comparison.right, view.pair.rights, view.right_text))  # fmt: skip
        for cell, (document, keys, text) in zip(cells, sides, strict=True):
            shown, calls = _read_back(cell)
            assert shown == (text or ""), view.pair
            expected = _calls(document, keys)
            if expected is not None:
                assert calls == expected, view.pair


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32))
def test_generated_pairs_read_back_from_the_report(seed: int) -> None:
    left, right = generated_pair(seed)
    _assert_faithful(compare(left, right, align(left, right)))


@pytest.mark.parametrize(
    ("old", "new"),
    [("A_RES_78_228", "A_RES_80_228"), ("A_C.3_80_L.4", "A_RES_80_228"),
     ("A_RES_78_187", "A_RES_80_190"), ("A_RES_79_144", "A_RES_78_168")],
)  # fmt: skip
def test_real_pairs_read_back_from_the_report(old: str, new: str) -> None:
    left, right = read_document(REAL / f"{old}.pdf"), read_document(REAL / f"{new}.pdf")
    comparison = compare(left, right, align(left, right))
    assert any(view.pair.status != "same" for view in comparison.views)
    assert any(ref for p in left.paragraphs for ref in p.refs)
    _assert_faithful(comparison)
