"""Every word and number as printed: each official PDF in tests/data/real is read and set
against PyMuPDF's text of it (an independent extractor, beside each PDF), which has the
words whole and the decimals as printed. Counted over every real PDF in the project, so a
document added there is checked too."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from align import Document
from align.read import read_document

REAL = Path(__file__).parent / "data" / "real"
PDFS = sorted(path.stem for path in REAL.glob("*.pdf"))
DECIMAL = re.compile(r"(?<![\w/.,-])(\d{1,4}\.\d{1,3})(?=[ \u00a0]+(?:[a-z]|%|°))")
"""A mid-sentence decimal (`1.5 degrees`, `0.7 per cent`), not a paragraph number."""
WORD = re.compile(r"[^\W\d_]+")
SPACED_HYPHEN = re.compile(r"([^\W\d_]+) -([^\W\d_]+)")
UNREADABLE = {"A_80_L.38"}
"""Read in its own test (an amendment to a draft in another document's annex)."""


@cache
def document(stem: str) -> Document:
    return read_document(REAL / f"{stem}.pdf")


@cache
def printed(stem: str) -> str:
    """PyMuPDF's text, white space folded."""
    text = (REAL / f"{stem}.pymupdf.txt").read_text(encoding="utf-8")
    return " ".join(unicodedata.normalize("NFC", text).split())


def units(doc: Document) -> list[str]:
    return [" ".join(u.text.split()) for u in (*doc.paragraphs, *doc.footnotes)]


READABLE = [stem for stem in PDFS if stem not in UNREADABLE]


@pytest.mark.parametrize("stem", READABLE)
def test_every_decimal_is_kept(stem: str) -> None:
    body = " ".join(units(document(stem)))
    decimals = set(DECIMAL.findall(printed(stem)))
    lost = {d for d in decimals if not re.search(rf"(?<![\d.]){re.escape(d)}(?!\d)", body)}
    assert lost == set()


@pytest.mark.parametrize("stem", READABLE)
def test_no_call_after_a_decimal_point(stem: str) -> None:
    """A footnote call is what the page prints raised: never the digits of `1.5`."""
    doc = document(stem)
    glued = [
        (p.key, p.text[max(0, r.offset - 12) : r.offset])
        for p in doc.paragraphs
        for r in p.refs
        if re.search(r"\d\.$", p.text[: r.offset])
    ]
    assert glued == []


@pytest.mark.parametrize("stem", READABLE)
def test_no_word_is_cut(stem: str) -> None:
    """No space inside a word (`Cou ncil`) nor before a hyphen (`public -private`) that
    the printed text does not have."""
    text = printed(stem)
    whole = set(WORD.findall(text))
    cut = []
    for unit in units(document(stem)):
        words = WORD.findall(unit)
        for a, b in pairwise(words):
            if a + b in whole and f"{a} {b}" in unit and f"{a} {b}" not in text:
                cut.append(f"{a} {b}")
        for match in SPACED_HYPHEN.finditer(unit):
            if match.group() not in text:
                cut.append(match.group())
    assert cut == []


@pytest.mark.parametrize("stem", PDFS)
def test_no_noncharacter_in_a_document(stem: str) -> None:
    """PDFium's mark for a hyphen (U+FFFE) and every other noncharacter stay out."""
    if stem in UNREADABLE:
        pytest.skip("read in its own test")
    doc = document(stem)
    texts = [*units(doc), doc.title or "", doc.opening or "", doc.closing or ""]
    bad = [
        t[max(0, i - 10) : i + 10]
        for t in texts
        for i, c in enumerate(t)
        if 0xFDD0 <= ord(c) <= 0xFDEF or (ord(c) & 0xFFFE) == 0xFFFE
    ]
    assert bad == []


RUNNING_TITLE = {
    "A_RES_78_216": "Implementing the Declaration on the Right and Responsibility",
    "A_RES_78_7": "Necessity of ending the economic, commercial and financial embargo",
    "A_RES_78_182": "Follow-up to the Fourth World Conference on Women",
    "A_RES_80_193": "A global call for concrete action for the elimination of racism",
}


@pytest.mark.parametrize("reading", ["pdf", "pymupdf.txt"])
@pytest.mark.parametrize("stem", sorted(RUNNING_TITLE))
def test_the_running_title_is_furniture(stem: str, reading: str) -> None:
    """The title a page repeats above its body (over two to four lines, the symbol beside
    it) is in no paragraph, and is kept among the furniture; a paragraph that quotes the
    title (`the item entitled “…”`) keeps it."""
    doc = read_document(REAL / f"{stem}.{reading}")
    head = RUNNING_TITLE[stem]
    inside = [
        p.key
        for p in doc.paragraphs
        if (text := " ".join(p.text.split())).count(head) > text.count(f"“{head}")
    ]
    assert inside == []
    assert any(head.split()[0] in line for line in doc.furniture)


@pytest.mark.parametrize(
    ("stem", "title", "first"),
    [
        (
            "A_RES_78_45",
            "Implementation of the Convention on the Prohibition of the Use, Stockpiling, "
            "Production and Transfer of Anti-Personnel Mines and on Their Destruction",
            "Recalling its resolutions 54/54 B of 1 December 1999,",
        ),
        (
            "A_RES_80_193",
            "A global call for concrete action for the elimination of racism, racial "
            "discrimination, xenophobia and related intolerance and the comprehensive "
            "implementation of and follow-up to the Durban Declaration and Programme of Action",
            "Recalling all its previous resolutions on the comprehensive follow-up",
        ),
    ],
)
@pytest.mark.parametrize("reading", ["pdf", "pymupdf.txt"])
def test_a_title_over_several_lines_is_whole(
    stem: str, title: str, first: str, reading: str
) -> None:
    doc = read_document(REAL / f"{stem}.{reading}")
    assert (doc.title, doc.opening) == (title, "The General Assembly,")
    assert doc.paragraphs[0].key == "PP1"
    assert doc.paragraphs[0].text.startswith(first)
