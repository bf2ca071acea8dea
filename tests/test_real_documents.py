"""Official UN PDFs (tests/data/real, provenance in its README), read as their users get them.

Every count below was checked against the printed document: the last printed operative
number, the preambular paragraphs (an italic title that happens to open a line is no
paragraph), the section numerals, the footnotes. The same Document must come out of the
PDF, out of PyMuPDF's text of it, and out of `pdftotext -layout` (made here, unedited).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from resalign.align import Document
from resalign.align.read import read_document

REAL = Path(__file__).parent / "data" / "real"


@dataclass(frozen=True)
class Expect:
    kind: str
    symbol: str
    agenda_item: str
    adopted: str | None
    report: str | None
    report_paragraph: str | None
    draft: str | None
    counts: tuple[int, int, int, int, int, int]
    """preambular, operative, sub-items, headings, footnotes, annex paragraphs."""
    closing: str | None
    sponsors: int
    title: str


EXPECTED = {
    "A_80_L.8": Expect("draft", "A/80/L.8", "107", None, None, None, None, (0, 1, 0, 0, 15, 44), None, 1, "2025 Political Declaration on the Implem"),
    "A_C.3_80_L.20": Expect("draft", "A/C.3/80/L.20", "67", None, None, None, None, (51, 57, 7, 0, 40, 0), None, 66, "Rights of the child"),
    "A_C.3_80_L.4": Expect("draft", "A/C.3/80/L.4", "107", None, None, None, None, (49, 38, 6, 0, 35, 0), None, 4, "Improving the coordination of efforts ag"),
    "A_C.3_80_L.63": Expect("amendment", "A/C.3/80/L.63", "67", None, None, None, None, (0, 1, 0, 0, 0, 0), None, 1, "Rights of the child"),
    "A_RES_78_10": Expect("resolution", "A/RES/78/10", "11", "2023-11-21", None, None, "A/78/L.9", (31, 9, 0, 0, 6, 0), "38th plenary meeting 21 November 2023", 0, "Building a peaceful and better world thr"),
    "A_RES_78_187": Expect("resolution", "A/RES/78/187", "67", "2023-12-19", "A/78/476", "19", None, (54, 66, 7, 0, 42, 0), "50th plenary meeting 19 December 2023", 0, "Rights of the child"),
    "A_RES_78_228": Expect("resolution", "A/RES/78/228", "107", "2023-12-19", "A/78/482", "29", None, (48, 33, 6, 0, 34, 0), "50th plenary meeting 19 December 2023", 0, "Improving the coordination of efforts ag"),
    "A_RES_79_144": Expect("resolution", "A/RES/79/144", "75 (a)", "2024-12-12", None, None, "A/79/L.37", (38, 381, 4, 16, 170, 3), "52nd plenary meeting 12 December 2024", 0, "Oceans and the law of the sea"),
    "A_RES_79_179": Expect("resolution", "A/RES/79/179", "71 (b)", "2024-12-17", "A/79/458/Add.2", "99", None, (19, 14, 11, 0, 12, 0), "53rd plenary meeting 17 December 2024", 0, "Moratorium on the use of the death penal"),
    "A_RES_79_248": Expect("resolution", "A/RES/79/248", "142", "2024-12-24", "A/79/643", "6", None, (7, 130, 3, 5, 6, 0), "55th (resumed) plenary meeting 24 December 2024", 0, "Pattern of conferences"),
    "A_RES_80_190": Expect("resolution", "A/RES/80/190", "67", "2025-12-15", "A/80/545", "5", None, (52, 58, 7, 0, 40, 0), "62nd plenary meeting 15 December 2025", 0, "Rights of the child"),
    "A_RES_80_228": Expect("resolution", "A/RES/80/228", "107", "2025-12-18", "A/80/545", "5", None, (49, 38, 6, 0, 35, 0), "69th plenary meeting 18 December 2025", 0, "Improving the coordination of efforts ag"),
    "A_RES_80_9": Expect("resolution", "A/RES/80/9", "107", "2025-11-24", None, None, "A/80/L.8", (0, 1, 0, 0, 15, 44), "48th plenary meeting 24 November 2025", 0, "2025 Political Declaration on the Implem"),
}  # fmt: skip
NAMES = sorted(EXPECTED)
FURNITURE = re.compile(r"\b\d{2}-\d{5}\b|_{5,}|\*\d{7}\*|A/RES/\d+/\d+ [A-Z][a-z]+ [a-z]")
"""Job numbers (alone or beside a page number), footnote rules, barcodes, running heads."""


@cache
def pdf(name: str) -> Document:
    return read_document(REAL / f"{name}.pdf")


@cache
def pymupdf(name: str) -> Document:
    return read_document(REAL / f"{name}.pymupdf.txt")


def pdftotext(name: str, tmp: Path, *options: str) -> Document:
    text = tmp / f"{name}.txt"
    subprocess.run(["pdftotext", *options, str(REAL / f"{name}.pdf"), str(text)], check=True)
    return read_document(text)


PLAIN_PDFTOTEXT_ORDER = {
    "A_RES_79_144": "pdftotext writes OP62's first symbol after the paragraph, runs the annex "
    "title into its first paragraph, and sets three sentences under two footnote numbers",
    "A_RES_79_248": "pdftotext writes the last word of OP92 before the rest of it",
}
"""Where plain `pdftotext` puts text out of its printed order (read in its output)."""


def facts(document: Document) -> Expect:
    annexed = sum(1 for p in document.paragraphs if p.part is not None and p.kind != "heading")
    counts = tuple(document.count(k) for k in ("preambular", "operative", "subitem", "heading"))
    return Expect(
        document.kind,
        document.symbol or "",
        document.agenda_item or "",
        document.adopted,
        document.report,
        document.report_paragraph,
        document.draft,
        (*counts, len(document.footnotes), annexed),  # type: ignore[arg-type]
        document.closing,
        len(document.sponsors),
        (document.title or "")[:40],
    )


@pytest.mark.parametrize("name", NAMES)
def test_pdf_reads_right(name: str) -> None:
    document = pdf(name)
    assert facts(document) == EXPECTED[name]
    assert document.warnings == ()


@pytest.mark.parametrize("name", NAMES)
def test_no_page_furniture_in_any_unit(name: str) -> None:
    document = pdf(name)
    for unit in (*document.paragraphs, *document.footnotes):
        assert not FURNITURE.search(unit.text), (unit.key, FURNITURE.search(unit.text))
    assert document.furniture, "the dropped furniture is kept for --furniture"


@pytest.mark.parametrize("name", NAMES)
def test_pymupdf_text_gives_the_same_document(name: str) -> None:
    assert_same(pymupdf(name), pdf(name))


NEEDS_PDFTOTEXT = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"
)


@NEEDS_PDFTOTEXT
@pytest.mark.parametrize("name", NAMES)
def test_pdftotext_layout_gives_the_same_document(name: str, tmp_path: Path) -> None:
    assert_same(pdftotext(name, tmp_path, "-layout"), pdf(name))


@NEEDS_PDFTOTEXT
@pytest.mark.parametrize("name", NAMES)
def test_plain_pdftotext_gives_the_same_document(name: str, tmp_path: Path) -> None:
    """Raised footnote numbers written apart from their text, no blank lines at all."""
    if name in PLAIN_PDFTOTEXT_ORDER:
        pytest.xfail(PLAIN_PDFTOTEXT_ORDER[name])
    assert_same(pdftotext(name, tmp_path), pdf(name))


def assert_same(other: Document, reference: Document) -> None:
    """Same keys, citations and clean text (apart from white space and hyphens, which
    extractors place differently)."""
    assert [p.key for p in other.paragraphs] == [p.key for p in reference.paragraphs]
    assert [p.footnotes for p in other.paragraphs] == [p.footnotes for p in reference.paragraphs]
    assert [f.key for f in other.footnotes] == [f.key for f in reference.footnotes]
    for mine, theirs in zip(other.paragraphs, reference.paragraphs, strict=True):
        assert squeeze(mine.text) == squeeze(theirs.text), mine.key
    for mine, theirs in zip(other.footnotes, reference.footnotes, strict=True):
        assert squeeze(mine.text) == squeeze(theirs.text), mine.key
    assert facts(other) == facts(reference)


@pytest.mark.parametrize("name", NAMES)
def test_every_word_ends_up_in_the_document(name: str) -> None:
    """Nothing is lost: each word of the extracted text is in a unit, a footnote, the
    header, the opening, closing or title, a label, or the furniture set aside."""
    document = pymupdf(name)
    word = re.compile(r"[^\W\d_]{2,}")
    kept = " ".join(
        [
            *document.header,
            *(f"{p.label or ''} {p.text}" for p in document.paragraphs),
            *(f.text for f in document.footnotes),
            *document.furniture,
            document.title or "",
            document.opening or "",
            document.closing or "",
        ]
    )
    extracted = Counter(word.findall((REAL / f"{name}.pymupdf.txt").read_text(encoding="utf-8")))
    assert extracted - Counter(word.findall(kept)) == Counter()


def squeeze(text: str) -> str:
    return re.sub(r"[\s\-‑\ufffe\u00ad]", "", text)


def test_sub_items_run_across_a_footnote_block() -> None:
    document = pdf("A_RES_78_228")
    assert [p.key for p in document.paragraphs if p.parent == "PP9"] == [
        f"PP9({c})" for c in "abcdef"
    ]
    assert document.paragraph("PP9(f)").text.startswith("To foster cooperation")


def test_section_headings_are_units_of_their_own() -> None:
    document = pdf("A_RES_79_144")
    headings = [p for p in document.paragraphs if p.kind == "heading" and p.part is None]
    assert [(h.key, h.label) for h in headings[:3]] == [("H1", "I"), ("H2", "II"), ("H3", "III")]
    assert (
        headings[0].text
        == "Implementation of the Convention and related agreements and instruments"
    )
    assert headings[-1].label == "XVI"
    following = document.paragraphs[document.paragraphs.index(headings[1]) + 1]
    assert (following.key, following.text[:10]) == ("OP10", "Recognizes")
    assert document.paragraph("OP381").text  # nothing lost after a closing-like paragraph


def test_annex_keeps_its_own_numbering() -> None:
    document = pdf("A_RES_80_9")
    assert document.paragraph("OP1").text.startswith("Adopts the 2025 Political Declaration")
    annex = document.paragraph("ANX")
    assert (annex.kind, annex.label) == ("heading", "Annex")
    assert annex.text.startswith("2025 Political Declaration")
    assert document.paragraph("ANX.OP1").text.startswith("We, the States Members")
    assert document.paragraph("ANX.OP31").part == "Annex"
    assert document.paragraph("ANX.OP2").footnotes == ("FN4",)


def test_draft_sponsors_and_revision() -> None:
    document = pdf("A_C.3_80_L.4")
    assert document.sponsors == (
        "Belarus",
        "Democratic People’s Republic of Korea",
        "Russian Federation",
        "Venezuela (Bolivarian Republic of)",
    )
    assert (document.kind, document.revision, document.session) == ("draft", None, 80)
    assert pdf("A_80_L.8").sponsors == ("the President of the General Assembly",)


def test_amendment_instructions() -> None:
    document = pdf("A_C.3_80_L.63")
    assert (document.kind, document.amends) == ("amendment", "A/C.3/80/L.20/Rev.1")
    (amendment,) = document.amendments
    assert (amendment.target, amendment.action) == ("PP13", "replace")
    assert amendment.old == (
        "the fourth Global Conference on the Sustained Eradication of Child Labour, held in "
        "Buenos Aires from 14 to 16 November 2017"
    )
    assert amendment.new == (
        "the fifth Global Conference on the Elimination of Child Labour, held in Durban, "
        "South Africa, from 15 to 20 May 2022"
    )


def test_plain_digit_calls_from_pymupdf() -> None:
    """PyMuPDF writes calls as plain digits, glued to years too (`20172`)."""
    document = pymupdf("A_80_L.8")
    assert document.paragraph("ANX.OP1").footnotes == ("FN1", "FN2", "FN3")
    assert "Declarations of 2017 and 2021," in document.paragraph("ANX.OP1").text
    pp8 = pymupdf("A_RES_78_228").paragraph("PP8")
    assert "resolution 64/293 of 30 July 2010" in pp8.text
    assert pp8.footnotes == ()


def test_headings_and_annex_pair_by_key_in_language_mode() -> None:
    """Section headings pair by their numeral, annex paragraphs under the annex's key."""
    from resalign.align import align

    alignment = align(pdf("A_RES_79_144"), pymupdf("A_RES_79_144"), mode="language")
    assert [(p.left, p.right) for p in alignment.body] == [
        (p.key, p.key) for p in (*pdf("A_RES_79_144").paragraphs, *pdf("A_RES_79_144").footnotes)
    ]
    assert alignment.findings == ()
