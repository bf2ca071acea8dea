"""The .docx, .pdf and .html readers: the seeds written in each format (by the builders
in tests/fixtures) read back to exactly what the text reader gives; hostile and broken
files get one line and exit code 2."""

from __future__ import annotations

import dataclasses
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resalign.align import Document, ReadError, align, read_document
from resalign.align.model import FootnoteRef
from resalign.align.read.docx import read_docx
from resalign.align.read.html import read_html
from resalign.align.read.pdf import read_pdf
from resalign.cli import main
from tests.conftest import EN, ES, noncharacters
from tests.fixtures.docx_builder import docx_bytes
from tests.fixtures.html_builder import html_bytes
from tests.fixtures.pdf_builder import ITALIC, pdf_bytes
from tests.test_read_languages import CORPUS, Case

READERS = {"docx": read_docx, "pdf": read_pdf, "html": read_html}
BUILDERS = {"docx": docx_bytes, "pdf": pdf_bytes, "html": html_bytes}


def header_lines(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    start = raw.index("\n\n", raw.index("Distr.")) if "Distr." in raw else 0
    head = raw[start : raw.index("72/195. ")]
    return [line.strip() for line in head.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def built(es: Document, en: Document) -> dict[tuple[str, str], bytes]:
    return {
        (name, language): build(document, header_lines(path))
        for name, build in BUILDERS.items()
        for language, document, path in (("es", es, ES), ("en", en, EN))
    }


def facts(document: Document) -> tuple[object, ...]:
    return (
        document.symbol,
        document.language,
        document.session,
        document.agenda_item,
        document.adopted,
        document.report,
        document.title,
        document.opening,
        document.closing,
        [(p.key, p.kind, p.label, p.lead, p.text, p.refs, p.parent) for p in document.paragraphs],
        [(f.key, f.marker, f.text) for f in document.footnotes],
    )


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("name", sorted(READERS))
def test_reads_back_what_the_text_reader_gives(
    name: str, language: str, built: dict[tuple[str, str], bytes], es: Document, en: Document
) -> None:
    expected = es if language == "es" else en
    document = READERS[name](built[name, language], source=f"seed.{name}")
    assert facts(document) == facts(expected)


def test_pdf_fixture_has_what_a_un_pdf_has(built: dict[tuple[str, str], bytes]) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(built["pdf", "es"])
    pages = [page.get_textpage().get_text_range() for page in pdf]
    assert len(pages) == 7
    assert "17-22858 (S)" in pages[0] and "*1722858*" in pages[0] and "1/7" in pages[0]
    assert all(page.lstrip().startswith("A/RES/72/195") for page in pages[1:])
    assert "y procesar a los autores," in pages[1].split("\n")[2]  # PP8(d) runs on from page 1


def test_format_comes_from_content_not_extension(
    tmp_path: Path, built: dict[tuple[str, str], bytes], es: Document
) -> None:
    for name in READERS:
        misnamed = tmp_path / f"resolution-{name}.txt"
        misnamed.write_bytes(built[name, "es"])
        assert facts(read_document(misnamed)) == facts(es)


def test_formats_align_across_languages(built: dict[tuple[str, str], bytes]) -> None:
    left = read_pdf(built["pdf", "es"], source="es.pdf")
    right = read_docx(built["docx", "en"], source="en.docx")
    alignment = align(left, right)
    assert all(pair.left == pair.right for pair in alignment.pairs)
    assert alignment.findings == ()


# safety -----------------------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"word/document.xml": b"\0" * 20_000_000}, "expands"),
        ({"../../etc/evil.xml": b"x", "word/document.xml": b"<x/>"}, "escapes the package"),
        ({f"part{n}.xml": b"x" for n in range(2001)}, "2001 entries"),
        ({"word/document.xml": b"<w:document><unclosed>"}, "not well-formed XML"),
        ({"xl/workbook.xml": b"<x/>"}, "not a Word document"),
    ],
    ids=["zip bomb", "path escape", "too many entries", "broken xml", "a spreadsheet"],
)
def test_hostile_docx_refused(entries: dict[str, bytes], message: str) -> None:
    with pytest.raises(ReadError, match=message):
        read_docx(_zip(entries), source="bad.docx")


@pytest.mark.parametrize("name", sorted(READERS))
def test_truncated_file_one_line_exit_2(
    name: str,
    tmp_path: Path,
    built: dict[tuple[str, str], bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = built[name, "es"]
    broken = tmp_path / f"broken.{name}"
    broken.write_bytes(data[: len(data) // 3] if name != "html" else b"<html><body>\x00\x01</body")
    assert main(["parse", str(broken)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("resalign: ") and err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["docx", "html"])
@pytest.mark.parametrize("case", CORPUS, ids=[case.lang for case in CORPUS])
def test_every_language_round_trips(name: str, case: Case) -> None:
    from resalign.align import parse_text

    expected = parse_text(case.text)
    head = case.text[: case.text.index("72/195")]
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    document = READERS[name](BUILDERS[name](expected, lines), source=f"case.{name}")
    assert facts(document) == facts(expected)


LITERAL = "covering 300 km² and 2 m³ of CO2 (see A/72/100*, a 5 * 3 grid, *rated*) as"
"""Text that looks like the marks readers use between themselves (a superscript, an
asterisk, a word between asterisks) or like a call extracted text writes as a plain digit
(`CO2`, where the document has a footnote 2) but is the document's own."""


@pytest.fixture(scope="module")
def literal(en: Document) -> Document:
    """The English seed with `LITERAL` in PP1 (a paragraph that cites no footnote)."""
    first = en.paragraphs[0]
    assert first.refs == ()
    text = first.text.replace(" which constitutes", f" {LITERAL} which constitutes", 1)
    paragraphs = (dataclasses.replace(first, text=text), *en.paragraphs[1:])
    return dataclasses.replace(en, paragraphs=paragraphs)


@pytest.mark.parametrize("name", sorted(READERS))
def test_literal_superscripts_and_asterisks_stay_text(
    name: str, literal: Document, en: Document
) -> None:
    """A superscript the document prints as a character is no footnote call, and an
    asterisk it prints stays: each reader gives them back as they are."""
    document = READERS[name](BUILDERS[name](literal, header_lines(EN)), source=f"x.{name}")
    assert document.paragraphs[0].text == literal.paragraphs[0].text
    assert document.paragraphs[0].refs == ()
    assert facts(document) == facts(literal)


def test_a_raised_digit_after_a_number_of_metres_is_its_power(en: Document) -> None:
    """Word sets `km²` as `km` and a raised 2, which a PDF prints as it prints a footnote
    call; after a number of metres it is the unit's power, though the document has a
    footnote 2 (cited in PP5 and OP1)."""
    first = en.paragraphs[0]
    at = first.text.index(" which constitutes")
    unit = " over 300 km"
    text = f"{first.text[:at]}{unit}{first.text[at:]}"
    raised = dataclasses.replace(first, text=text, refs=(FootnoteRef("FN2", at + len(unit)),))
    built = dataclasses.replace(en, paragraphs=(raised, *en.paragraphs[1:]))
    document = read_pdf(pdf_bytes(built, header_lines(EN)), source="x.pdf")
    assert document.paragraphs[0].text == text.replace(" 300 km", " 300 km²")
    assert document.paragraphs[0].refs == ()
    assert facts(document)[10:] == facts(en)[10:]
    assert [p.refs for p in document.paragraphs[1:]] == [p.refs for p in en.paragraphs[1:]]


def test_running_heads_are_furniture_as_printed(en: Document) -> None:
    """A running title in italics, with a superscript of its own: the furniture the PDF
    reader drops holds it as the page prints it, and no mark of the readers' own."""
    title = "Improving the coordination of efforts over 300 km²"
    built = dataclasses.replace(en, title=title)
    document = read_pdf(pdf_bytes(built, header_lines(EN), head_font=ITALIC), source="x.pdf")
    assert document.furniture.count(f"A/RES/72/195 {title}") == 5  # pages 2 to 6
    assert noncharacters(document) == []


TOKENS = st.sampled_from(
    ["km²", "m³", "x²", "¹", "A/79/L.5*", "5 * 3", "*", "**", "(*)", "CO2", "1,5", "10.5",
     "30%", "«quoted»", "“q”", "–", "—", "i.e.,", "Art. 2", "1st", "12th", "1er", "(a)", "a)",
     "[sic]", "&", "<b>", "&amp;", "O'Neil", "don’t", "§ 3", "°C", "±", "½", "#1", "$5",
     "…", "'", '"', "__init__", "~", "^", "|", "\\", "@", "https://un.org", "x+y=z"]
)  # fmt: skip
"""Words and signs a paragraph may print (not `€`: the PDF fixture's built-in Times-Roman
has no widths of its own, and PDFium sets the euro wider than reportlab measured it)."""


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, min_size=1, max_size=6).map(" ".join))
def test_any_words_come_back_from_every_format(en: Document, words: str) -> None:
    """Whatever a paragraph prints, each format written by the fixtures reads back to it,
    with no call nobody made."""
    first = en.paragraphs[0]
    text = first.text.replace(" which constitutes", f" {words} which constitutes", 1)
    built = dataclasses.replace(
        en, paragraphs=(dataclasses.replace(first, text=text), *en.paragraphs[1:])
    )
    for name, read in READERS.items():
        document = read(BUILDERS[name](built, header_lines(EN)), source=f"x.{name}")
        assert (name, document.paragraphs[0].text) == (name, text)
        assert (name, document.paragraphs[0].refs) == (name, ())
        assert facts(document)[9:] == facts(built)[9:]


@pytest.mark.parametrize("name", ["docx", "html"])
def test_a_decomposed_accent_reads_as_the_composed_letter(name: str, en: Document) -> None:
    """`é` written as `e` and a combining accent (a Mac's file names, a copy from some
    PDFs) is the `é` every other file has: a comparison shows no change where none shows.
    (The PDF path composes its text as extracted text does; the PDF fixture's built-in
    font has no combining accent to draw.)"""
    first = en.paragraphs[0]
    composed = first.text.replace(" which constitutes", " under the résolution which constitutes")
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    built = dataclasses.replace(
        en, paragraphs=(dataclasses.replace(first, text=decomposed), *en.paragraphs[1:])
    )
    document = READERS[name](BUILDERS[name](built, header_lines(EN)), source=f"x.{name}")
    assert document.paragraphs[0].text == composed
