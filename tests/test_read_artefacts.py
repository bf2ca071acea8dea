"""What PDF extraction leaves in a text, one artefact at a time, on small hand-made texts."""

from __future__ import annotations

import codecs

import pytest

from resalign.align import parse_text
from resalign.align.read.text import read_text

HEAD = """United Nations
A/RES/70/1
General Assembly
Distr.: General
21 October 2015

Seventieth session
Agenda items 15 and 116

Resolution adopted by the General Assembly on 25 September 2015

[without reference to a Main Committee (A/70/L.1)]

70/1. Transforming our world

The General Assembly,

"""
TAIL = """
*4th plenary meeting
25 September 2015*
"""


def parse(body: str):  # type: ignore[no-untyped-def]
    return parse_text(HEAD + body + TAIL)


def test_masthead_gives_symbol_and_header_fields() -> None:
    document = parse("1. *Adopts* the following outcome document.\n")
    assert document.symbol == "A/RES/70/1"
    assert (document.agenda_item, document.adopted, document.report, document.draft) == (
        "15 and 116",
        "2015-09-25",
        None,  # adopted without reference to a Main Committee: there is no report
        "A/70/L.1",
    )
    assert document.opening == "The General Assembly,"
    assert document.closing == "4th plenary meeting 25 September 2015"


def test_hard_wrapped_lines_and_hyphenation_mended() -> None:
    """A word divided at a line end is mended where the document uses the whole word;
    otherwise the hyphen is a compound's (`follow-up`), as in UN texts it nearly always is."""
    document = parse(
        "Recalling its resolution 69/315 of 1 Septem-\n"
        "ber 2015, by which it decided that the draft\n"
        "outcome document should be adopted in September,\n"
        "\n"
        "1. *Adopts* the follow-\n"
        "ing outcome document and its follow-\n"
        "up, following the awareness-\n"
        "raising campaign.\n"
    )
    assert document.paragraph("PP1").text == (
        "Recalling its resolution 69/315 of 1 September 2015, by which it decided that the "
        "draft outcome document should be adopted in September,"
    )
    assert document.paragraph("OP1").text == (
        "Adopts the following outcome document and its follow-up, following the "
        "awareness-raising campaign."
    )


def test_hyphen_kept_before_capital() -> None:
    """`Inter-` / `Agency`: a compound cut at its hyphen joins without a space."""
    document = parse("Welcoming the Inter-\nAgency Group,\n\n1. *Adopts* it.\n")
    assert document.paragraph("PP1").text == "Welcoming the Inter-Agency Group,"


def test_pdfium_hyphen_mark_at_a_line_end() -> None:
    """PDFium writes U+FFFE for a hyphen at a line end: never a character of the text."""
    document = parse(
        "Taken by the Secretary\ufffe\nGeneral for its implemen\ufffe\ntation,\n\n"
        "1. *Adopts* its implementation.\n"
    )
    text = document.paragraph("PP1").text
    assert text == "Taken by the Secretary-General for its implementation,"


def test_numbered_lines_without_blank_lines_split() -> None:
    document = parse(
        "Recalling its resolution,\n1. *Adopts* one;\n2. *Decides* two;\n(a) First;\n(b) Second.\n"
    )
    assert [p.key for p in document.paragraphs] == ["PP1", "OP1", "OP2", "OP2(a)", "OP2(b)"]


def test_page_break_with_footnotes_and_furniture() -> None:
    document = parse(
        "Recalling the Convention,¹ the Protocol to Prevent Trafficking and the\n"
        "\n"
        "¹ United Nations, Treaty Series, vol. 2225, No. 39574.\n"
        "\n"
        "15-16301 (E)\n"
        "\f"
        "*1516301*\n"
        "\n"
        "A/RES/70/1\n"
        "\n"
        "Transforming our world\n"
        "\n"
        "2/35\n"
        "\n"
        "Convention on the Rights of the Child,\n"
        "\n"
        "Transforming our world\n"
        "\n"
        "1. *Adopts* the outcome document.\n"
    )
    assert [p.key for p in document.paragraphs] == ["PP1", "OP1"]
    assert document.paragraph("PP1").text == (
        "Recalling the Convention, the Protocol to Prevent Trafficking and the "
        "Convention on the Rights of the Child,"
    )
    assert document.paragraph("PP1").footnotes == ("FN1",)
    assert document.footnote("FN1").text == "United Nations, Treaty Series, vol. 2225, No. 39574."


def test_lowercase_start_continues_the_paragraph_before_whatever_it_ended_with() -> None:
    """No paragraph opens in lower case: a block that does was cut off the one before by a
    page end or a footnote area, even where that one ended with a comma."""
    document = parse(
        "Recognizing the role of the Group,\n\n¹ A footnote.\n\nnoting with appreciation its "
        "work,¹\n\n1. *Adopts* it.\n"
    )
    assert [p.text for p in document.paragraphs[:2]] == [
        "Recognizing the role of the Group, noting with appreciation its work,",
        "Adopts it.",
    ]


def test_several_markers_after_one_word() -> None:
    document = parse(
        "Recalling the Conventions,²,³ and the Protocol,\n\n1. *Adopts* it.\n\n"
        "² First.\n\n³ Second.\n"
    )
    pp1 = document.paragraph("PP1")
    assert pp1.text == "Recalling the Conventions, and the Protocol,"
    assert pp1.footnotes == ("FN2", "FN3")
    assert {ref.offset for ref in pp1.refs} == {len("Recalling the Conventions,")}


def test_unknown_superscript_stays_in_text() -> None:
    document = parse("Noting an area of 5 km² of forest,\n\n1. *Adopts* it.\n")
    assert document.paragraph("PP1").text == "Noting an area of 5 km² of forest,"
    assert document.paragraph("PP1").footnotes == ()


def test_same_footnote_cited_twice() -> None:
    document = parse(
        "Recalling the Agenda¹ and the Agenda again,¹\n\n1. *Adopts* it.\n\n¹ Resolution 70/1.\n"
    )
    assert document.paragraph("PP1").footnotes == ("FN1", "FN1")


def test_no_preamble_no_footnotes_parses() -> None:
    document = parse("1. *Adopts* the outcome document;\n\n2. *Decides* to remain seized.\n")
    assert [p.key for p in document.paragraphs] == ["OP1", "OP2"]
    assert document.footnotes == ()


def test_operative_number_out_of_sequence_is_not_a_new_paragraph() -> None:
    document = parse(
        "1. *Decides* to convene the meeting referred to in paragraph\n\n"
        "1. of the annex;\n\n2. *Requests* a report.\n"
    )
    assert [p.key for p in document.paragraphs] == ["OP1", "OP2"]
    assert document.paragraph("OP1").text.endswith("in paragraph 1. of the annex;")


def test_roman_item_after_letter_is_its_own_unit_under_it() -> None:
    """Printed as an item of (a), read as one: `OP1(a)(i)`, not text joined with a
    warning (and, in the preamble, not a new preambular paragraph)."""
    document = parse("1. *Decides*:\n\n(a) To act as follows:\n\n(i) quickly;\n\n(b) To report.\n")
    assert [p.key for p in document.paragraphs] == ["OP1", "OP1(a)", "OP1(a)(i)", "OP1(b)"]
    assert document.paragraph("OP1(a)").text == "To act as follows:"
    assert document.paragraph("OP1(a)(i)").text == "quickly;"
    assert document.warnings == ()


def test_draft_without_title_line_parses_from_the_opening() -> None:
    document = parse_text(
        "Seventy-second session\nAgenda item 107\n\nThe General Assembly,\n\n"
        "Recalling its resolutions,\n\n1. *Urges* Member States to act.\n"
    )
    assert document.title is None
    assert document.symbol is None
    assert [p.key for p in document.paragraphs] == ["PP1", "OP1"]


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    text = HEAD + "1. *Adopts* it.\n" + TAIL
    document = read_text(bom + text.encode(codec), source="bom.txt")
    assert [p.key for p in document.paragraphs] == ["OP1"]


def test_windows_line_ends_and_named_encoding() -> None:
    text = (HEAD + "Recalling the Agenda of Bogotá,\n\n1. *Adopts* it.\n" + TAIL).replace(
        "\n", "\r\n"
    )
    document = read_text(text.encode("cp1252"), source="win.txt", encoding="cp1252")
    assert document.paragraph("PP1").text == "Recalling the Agenda of Bogotá,"


@pytest.mark.parametrize(
    ("cut", "read"),
    [
        ("las medidas sost-\nenidas de los Estados,", "las medidas sostenidas de los Estados,"),
        ("las medidas sost-\n*enidas* de los Estados,", "las medidas sostenidas de los Estados,"),
        ("las medidas *sost-*\n*enidas* de los Estados,", "las medidas sostenidas de los Estados,"),
        ("el *bien\ufffe*\n*estar* de los Estados,", "el bien-estar de los Estados,"),
        (
            "el seguimiento y *follow-*\n*up* de los Estados,",
            "el seguimiento y follow-up de los Estados,",
        ),
    ],
)
def test_a_word_cut_at_a_line_end_is_whole_where_the_document_has_it_whole(
    cut: str, read: str
) -> None:
    """`sostenidas` stands whole elsewhere in the document, so `sost-` / `enidas` is one
    word, italic or not; `follow-up` and `bien-estar` (PDFium's U+FFFE for the printed
    hyphen) are nowhere whole, so they keep their hyphens."""
    text = (
        "Naciones Unidas A/RES/72/195\n\n72/195. Medidas\n\nLa Asamblea General,\n\n"
        f"Reiterando que las medidas sostenidas son buenas,\n\nReconociendo {cut}\n\n"
        "1. Decide actuar;\n\n73ª sesión plenaria\n19 de diciembre de 2017\n"
    )
    document = parse_text(text)
    assert document.paragraph("PP2").text == f"Reconociendo {read}"
    assert "\ufffe" not in document.paragraph("PP2").text


def test_a_paragraph_without_final_punctuation_ends_at_a_blank_line_on_its_page() -> None:
    """As A/RES/78/8 prints PP1 (its comma missing): the blank line on the same page ends
    it; across a page end (a running head, a job number) the same words go on."""
    same_page = parse_text(
        "80/1. Title\n\nThe General Assembly,\n\nRecalling the Charter of the United Nations\n\n"
        "Reaffirming its resolution 70/1,\n\n1. Decides to act.\n"
    )
    assert [p.key for p in same_page.paragraphs] == ["PP1", "PP2", "OP1"]
    assert same_page.paragraph("PP1").text == "Recalling the Charter of the United Nations"
    over_a_page = parse_text(
        "United Nations A/RES/80/1\n\n80/1. Title\n\nThe General Assembly,\n\n"
        "Recalling the Charter of the United\n\n"
        "23-21472\n\nA/RES/80/1\n\nNations and its resolution 70/1,\n\n1. Decides to act.\n"
    )
    assert [p.key for p in over_a_page.paragraphs] == ["PP1", "OP1"]
    assert over_a_page.paragraph("PP1").text == (
        "Recalling the Charter of the United Nations and its resolution 70/1,"
    )


def test_no_noncharacter_reaches_a_document() -> None:
    """No XML writer takes a noncharacter: U+FFFE (PDFium's mark for a printed hyphen)
    is that hyphen; any other is shown as U+FFFD and said, those the readers use as marks
    among themselves too."""
    document = parse("1. *Decides* that sea\ufffebased and \uffff\ufdd0\ufdda stay out.\n")
    assert document.paragraph("OP1").text == (
        "Decides that sea-based and \ufffd\ufffd\ufffd stay out."
    )
    said = "3 control character(s) or noncharacter(s) in the text, shown as \ufffd"
    assert document.warnings == (said,)


@pytest.mark.parametrize(
    ("cut", "read"),
    [
        ("el follow\u00ad\nup de los Estados,", "el follow-up de los Estados,"),
        (
            "las medidas sos\u00ad\ntenidas de los Estados,",
            "las medidas sostenidas de los Estados,",
        ),
        ("las medidas con\u00ad\ncretas de los Estados,", "las medidas concretas de los Estados,"),
    ],
)
def test_a_soft_hyphen_at_a_line_end_is_a_division_unless_the_compound_is_written(
    cut: str, read: str
) -> None:
    """A soft hyphen (U+00AD) divides a word: joined, unless the document writes the
    compound with its hyphen elsewhere (`follow-up`)."""
    text = (
        "Naciones Unidas A/RES/72/195\n\n72/195. Medidas\n\nLa Asamblea General,\n\n"
        "Reiterando el follow-up y las medidas sostenidas,\n\nReconociendo "
        f"{cut}\n\n1. Decide actuar;\n\n73ª sesión plenaria\n19 de diciembre de 2017\n"
    )
    assert parse_text(text).paragraph("PP2").text == f"Reconociendo {read}"


def test_asterisks_and_superscripts_the_text_prints_stay() -> None:
    """Extracted text marks italics between asterisks and footnote calls as superscripts;
    an asterisk that opens or closes no italics, and the power of a unit, are the text's
    own, even where the document has a footnote of that number."""
    document = parse_text(
        HEAD
        + "Recalling A/79/100* and A/79/101**, a 5 * 3 grid over 300 km² and 12 m³ of land,¹\n\n"
        + "Noting the *Treaty Series*,² and *ibid*.,³\n\n1. *Decides* to act.\n\n__________\n"
        + "¹ Resolution 70/1.\n² Vol. 1.\n³ Vol. 2.\n"
    )
    first, second = document.paragraphs[:2]
    assert first.text == (
        "Recalling A/79/100* and A/79/101**, a 5 * 3 grid over 300 km² and 12 m³ of land,"
    )
    assert [(ref.key, ref.offset) for ref in first.refs] == [("FN1", len(first.text))]
    assert second.text == "Noting the Treaty Series, and ibid.,"
    assert [(ref.key, ref.offset) for ref in second.refs] == [("FN2", 25), ("FN3", 36)]
    assert document.paragraph("OP1").lead == "Decides"
