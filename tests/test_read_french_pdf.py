"""A French resolution laid out as the UN prints it: footnotes under a rule of underscores
at the foot of the page where they are first cited, one printed though nothing cites it,
and paragraphs whose lines a wrap makes begin with a letter and a bracket (`a) de la
Convention`), which are no sub-items. The PDF must read back to the text it was made from.
"""

from __future__ import annotations

import pypdfium2
import pytest

from resalign.align import Document, parse_text
from resalign.align.read.pdf import read_pdf
from tests.fixtures.pdf_builder import pdf_bytes

HEADER = [
    "Soixante-douzième session",
    "Point 107 de l’ordre du jour",
    "Résolution adoptée par l’Assemblée générale le 19 décembre 2017",
    "[sur la base du rapport de la Troisième Commission (A/72/440)]",
]
FILLER = (
    "en tenant compte des travaux menés par les États Membres, les organismes des Nations "
    "Unies et la société civile, dans le respect des obligations qui leur incombent"
)
LETTERS = ", ".join(
    f"les alinéas {a}), {b}), {c}) et {d}) de l’article {n} de la Convention"
    for n, (a, b, c, d) in enumerate(["abcd", "bcde", "cdef", "abce", "bcdf", "acdf"] * 2, 5)
)


def french_text(filler: str = FILLER) -> str:
    leads = [
        "Rappelant", "Réaffirmant", "Prenant note", "Considérant", "Soulignant",
        "Reconnaissant", "Rappelant également", "Réaffirmant également", "Notant",
        "Préoccupée", "Consciente", "Convaincue", "Rappelant en outre", "Accueillant",
    ]  # fmt: skip
    paragraphs = []
    marks = {2: "¹", 5: "²", 8: "³", 11: "⁵", 13: "⁶"}
    for number, lead in enumerate(leads, 1):
        extra = f" et {LETTERS}" if number == 13 else ""
        mark = marks.get(number, "")
        paragraphs.append(f"*{lead}* la résolution 70/1{mark} {filler} {filler} {filler}{extra},")
    operative = [
        "1. *Exhorte* les États Membres à agir, en particulier :",
        "a) En renforçant la coopération ;",
        "b) En partageant les informations ;",
        "2. *Prie* le Secrétaire général de lui présenter un rapport.",
    ]
    notes = [
        "¹ Résolution 70/1.",
        "² Nations Unies, *Recueil des Traités*, vol. 2225, no 39574.",
        "³ Ibid., vol. 2237, no 39574.",
        "⁴ Résolution 64/293, que rien ne cite.",
        "⁵ Résolution 71/1.",
        "⁶ Résolution 72/1.",
    ]
    return (
        "\n\n".join(HEADER)
        + "\n\n72/195. Amélioration de la coordination de la lutte contre la traite des personnes"
        + "\n\nL’Assemblée générale,\n\n"
        + "\n\n".join(paragraphs + operative + notes)
        + "\n\n*73e séance plénière\n19 décembre 2017*\n"
    )


@pytest.fixture(scope="module")
def source() -> Document:
    return parse_text(french_text(), source="fr.txt")


@pytest.fixture(scope="module")
def pdf(source: Document) -> bytes:
    return pdf_bytes(source, HEADER, job="17-22858 (F)", text_rule=True)


def test_the_source_is_what_it_should_be(source: Document) -> None:
    assert (source.language, source.count("preambular"), source.count("subitem")) == ("fr", 14, 2)
    assert [f.key for f in source.footnotes] == [f"FN{n}" for n in range(1, 7)]
    assert "FN4" not in {key for p in source.paragraphs for key in p.footnotes}


def test_the_pdf_is_laid_out_as_the_un_does(pdf: bytes) -> None:
    document = pypdfium2.PdfDocument(pdf)
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    noted = [page for page in pages if "Résolution 7" in page]
    assert len(noted) == len(pages) >= 2  # footnotes at the foot of each page, under the rule
    assert all("_" * 18 in page for page in noted)
    lines = [line.strip() for page in pages for line in page.splitlines()]
    assert any(
        line[:2] in ("a)", "b)", "c)", "d)", "e)", "f)") and "article" in line for line in lines
    )


def test_reads_back_every_footnote_and_no_invented_sub_item(source: Document, pdf: bytes) -> None:
    document = read_pdf(pdf, source="fr.pdf")
    assert [p.key for p in document.paragraphs] == [p.key for p in source.paragraphs]
    assert [(f.key, f.text) for f in document.footnotes] == [
        (f.key, f.text) for f in source.footnotes
    ]
    assert [p.footnotes for p in document.paragraphs] == [p.footnotes for p in source.paragraphs]
    assert document.paragraph("PP13").text == source.paragraph("PP13").text
    assert document.warnings == ("footnotes no paragraph cites: FN4",)


@pytest.mark.parametrize(
    "text",
    [
        "*Rappelant* les alinéas\na) et b) de l’article 5,\n\n1. *Décide* d’agir.",
        "*Rappelant* les alinéas\f\na) et b) de l’article 5,\n\n1. *Décide* d’agir.",
    ],
    ids=["line-wrap", "page-end"],
)
def test_a_wrapped_line_that_begins_with_a_letter_is_no_sub_item(text: str) -> None:
    head = "72/1. Titre\n\nL’Assemblée générale,\n\n"
    document = parse_text(head + text + "\n", source="fr.txt")
    assert [p.key for p in document.paragraphs] == ["PP1", "OP1"]
    assert document.paragraph("PP1").text == "Rappelant les alinéas a) et b) de l’article 5,"


@pytest.mark.parametrize("length", range(60, 400, 21))
def test_every_layout_reads_back(length: int) -> None:
    """The same resolution with shorter or longer paragraphs, so pages break elsewhere:
    where a full page sets its footnote rule on the baseline of its last line, the rule
    is still a line of its own, and every footnote, call and paragraph reads back."""
    source = parse_text(french_text((FILLER * 3)[:length]), source="fr.txt")
    laid_out = pdf_bytes(source, HEADER, job="17-22858 (F)", text_rule=True)
    document = read_pdf(laid_out, source="fr.pdf")
    assert [(p.key, p.text, p.footnotes) for p in document.paragraphs] == [
        (p.key, p.text, p.footnotes) for p in source.paragraphs
    ]
    assert [(f.key, f.text) for f in document.footnotes] == [
        (f.key, f.text) for f in source.footnotes
    ]
    assert document.warnings == ("footnotes no paragraph cites: FN4",)
