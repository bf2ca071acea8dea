"""Every word and number as printed: each official PDF in tests/data/real is read and set
against PyMuPDF's text of it (an independent extractor, beside each PDF), which has the
words whole and the decimals as printed. Counted over every real PDF in the project, so a
document added there is checked too."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise

import pytest

from resalign.align import Document
from resalign.align.read import read_document
from tests.conftest import noncharacters
from tests.test_real_documents import REAL
from tests.test_real_documents import pdf as document

PDFS = sorted(path.stem for path in REAL.glob("*.pdf"))
DECIMAL = re.compile(r"(?<![\w/.,-])(\d{1,4}\.\d{1,3})(?=[ \u00a0]+(?:[a-z]|%|°))")
"""A mid-sentence decimal (`1.5 degrees`, `0.7 per cent`), not a paragraph number."""
WORD = re.compile(r"[^\W\d_]+")
SPACED_HYPHEN = re.compile(r"([^\W\d_]+) -([^\W\d_]+)")


@cache
def printed(stem: str) -> str:
    """PyMuPDF's text, white space folded."""
    text = (REAL / f"{stem}.pymupdf.txt").read_text(encoding="utf-8")
    return " ".join(unicodedata.normalize("NFC", text).split())


def units(doc: Document) -> list[str]:
    return [" ".join(u.text.split()) for u in (*doc.paragraphs, *doc.footnotes)]


@pytest.mark.parametrize("stem", PDFS)
def test_every_decimal_is_kept(stem: str) -> None:
    body = " ".join(units(document(stem)))
    decimals = set(DECIMAL.findall(printed(stem)))
    lost = {d for d in decimals if not re.search(rf"(?<![\d.]){re.escape(d)}(?!\d)", body)}
    assert lost == set()


@pytest.mark.parametrize("stem", PDFS)
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


@pytest.mark.parametrize("stem", PDFS)
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
    """PDFium's mark for a hyphen (U+FFFE), the readers' own marks and every other
    noncharacter stay out of every text of the Document."""
    assert noncharacters(document(stem)) == []


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


PYMUPDF_AT_FAULT = {
    "A_RES_79_146": "PyMuPDF's text keeps no indent: PP19 goes on over a page end with "
    "“Agenda 2063 adopted by …”, which it cannot tell from a new paragraph (the PDF reader "
    "sees the next page open at the margin)",
}


@pytest.mark.parametrize(
    "stem",
    [
        pytest.param(s, marks=pytest.mark.xfail(reason=PYMUPDF_AT_FAULT[s], strict=True))
        if s in PYMUPDF_AT_FAULT
        else s
        for s in PDFS
    ],
)
def test_pdf_and_its_text_read_to_one_document(stem: str) -> None:
    """Keys, texts (white space folded) and header facts: a reader that is right twice
    agrees with itself."""
    a, b = document(stem), read_document(REAL / f"{stem}.pymupdf.txt")
    facts = ("symbol", "session", "adopted", "agenda_item", "report", "title", "opening", "closing")
    assert [getattr(b, f) for f in facts] == [getattr(a, f) for f in facts]
    assert [(p.key, " ".join(p.text.split())) for p in b.paragraphs] == [
        (p.key, " ".join(p.text.split())) for p in a.paragraphs
    ]
    assert [(f.key, " ".join(f.text.split())) for f in b.footnotes] == [
        (f.key, " ".join(f.text.split())) for f in a.footnotes
    ]


ADOPTED = {"A_RES_78_19": "2023-12-04", "A_RES_80_235": "2025-12-30", "A_RES_78_48": "2023-12-04"}


@pytest.mark.parametrize("stem", sorted(ADOPTED))
def test_the_adoption_date_is_read_from_the_pdf(stem: str) -> None:
    """`Resolution adopted by the General Assembly` / `on 4 December 2023` (a blank
    between), or `… on 4 December` / `2023`."""
    assert document(stem).adopted == ADOPTED[stem]


def test_a_separator_is_no_paragraph() -> None:
    """A/RES/78/149 sets `* * *` between PP12 and PP13; the line `Countries in special
    situations` above PP10 (a heading without a numeral, read as a paragraph of its own)
    no longer swallows it."""
    doc = document("A_RES_78_149")
    assert all(p.text.strip("* ") for p in doc.paragraphs)
    assert [p.key for p in doc.paragraphs if p.kind == "preambular"][-1] == "PP17"
    assert doc.paragraph("PP13").text.startswith("Recognizing the important role of energy")
    assert doc.paragraph("PP9").text == "Countries in special situations"
    assert doc.paragraph("PP10").text.startswith("Underlining that, without stable")


def test_a_continuation_that_opens_with_a_number_is_rejoined() -> None:
    """A/RES/79/227 PP60 runs over a page end: `…the Woman Farmer,` / `2026, the …`."""
    doc = read_document(REAL / "A_RES_79_227.pymupdf.txt")
    (pp60,) = [p for p in doc.paragraphs if p.key == "PP60"]
    assert "the Woman Farmer, 2026, the International Year of Rangelands" in pp60.text
    assert pp60.text.endswith("on international years and anniversaries,")


def test_sub_items_past_z() -> None:
    """A/RES/80/184 OP2 has (a) to (z), then (aa) to (qq): 43 sub-items, none folded into
    (z)."""
    doc = document("A_RES_80_184")
    items = [p.key for p in doc.paragraphs if p.parent == "OP2"]
    assert len(items) == 43
    assert items[25:28] == ["OP2(z)", "OP2(aa)", "OP2(bb)"]
    assert items[-1] == "OP2(qq)"
    (ii,) = [p for p in doc.paragraphs if p.key == "OP2(ii)"]
    assert ii.text.startswith("Considering the adoption, where appropriate, of national")
    assert doc.warnings == ()


@pytest.mark.parametrize("reading", ["pdf", "pymupdf.txt"])
def test_a_plenary_amendment_to_a_committee_draft(reading: str) -> None:
    """A/80/L.38 amends draft resolution 4 of the Second Committee's report A/80/555, which
    it names over three lines; one instruction deletes four paragraphs."""
    doc = read_document(REAL / f"A_80_L.38.{reading}")
    assert (doc.kind, doc.symbol, doc.amends, doc.title, len(doc.sponsors)) == (
        "amendment",
        "A/80/L.38",
        "A/80/555, draft resolution 4",
        "International trade and development",
        28,
    )
    assert doc.sponsors[-1] == "Sweden"
    assert [(a.target, a.action) for a in doc.amendments] == [
        ("PP21", "delete"),
        ("OP35", "delete"),
        ("OP38", "delete"),
        ("OP39", "delete"),
    ]
    assert [p.key for p in doc.paragraphs] == ["AM1"]
    assert [(f.marker, f.text[:28]) for f in doc.footnotes] == [
        ("*", "Any changes to the list of s")
    ]
    assert doc.warnings == ()
