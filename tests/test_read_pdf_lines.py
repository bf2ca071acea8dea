"""The PDF reader's lines on small pages drawn for the case (reportlab): how the words of
a text object, a footnote marker, a word drawn in two pieces and turned text come out."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen import canvas
from reportlab.pdfgen.textobject import PDFTextObject

from resalign.align.read.blocks import EMPHASIS, marked
from resalign.align.read.pdf import Line, _pages

Draw = Callable[[canvas.Canvas], None]


def lines(draw: Draw) -> list[Line]:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont("Times-Roman", 10)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    [(_, page)] = _pages(out.getvalue(), "case.pdf")
    return page


def texts(draw: Draw) -> list[str]:
    """Each line's text as the text reader makes it from the line's runs."""
    return [marked(line.runs) for line in lines(draw)]


def raised(text: PDFTextObject, mark: str, size: float, rise: float, then: float) -> None:
    """`mark` set in `size`-point type `rise` points up, then `then`-point type again."""
    text.setFont("Times-Roman", size)
    text.setRise(rise)
    text.textOut(mark)
    text.setFont("Times-Roman", then)
    text.setRise(0)


def test_the_words_of_one_text_object_make_one_line_with_single_spaces() -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.drawString(72, 700, "The General   Assembly, recalling its resolution 70/1,")
        pdf.drawString(90, 688, "1. Decides to continue the work;")

    found = lines(draw)
    assert [line.text for line in found] == [
        "The General Assembly, recalling its resolution 70/1,",
        "1. Decides to continue the work;",
    ]
    assert [(line.x, line.baseline, line.size) for line in found] == [
        (72.0, -700.0, 10.0),
        (90.0, -688.0, 10.0),
    ]


def test_a_raised_marker_amid_a_line_is_a_superscript_and_keeps_its_spacing() -> None:
    def draw(pdf: canvas.Canvas) -> None:
        text = pdf.beginText(72, 700)
        text.textOut("the 2030 Agenda for Sustainable Development")
        raised(text, "1,2", 6, 4, then=10)
        text.textOut(", and 12 other texts")
        pdf.drawText(text)

    assert texts(draw) == ["the 2030 Agenda for Sustainable Development¹,², and 12 other texts"]


def test_a_footnote_line_starts_with_its_marker() -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.drawString(72, 700, "Body text of the resolution, long enough to set the body size.")
        text = pdf.beginText(72, 100)
        raised(text, "3", 5, 3, then=8)
        text.textOut(" Resolution 70/1.")
        pdf.drawText(text)

    note = lines(draw)[-1]
    assert (marked(note.runs), note.starts_with_mark, note.size) == (
        "³ Resolution 70/1.",
        True,
        8.0,
    )


def test_a_word_drawn_in_two_pieces_is_one_word() -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.drawString(72, 700, "Sosteni")
        pdf.drawString(72 + pdf.stringWidth("Sosteni", "Times-Roman", 10), 700, "ble y")

    assert texts(draw) == ["Sostenible y"]


def test_turned_text_is_read_word_by_word_and_the_lines_around_it_whole() -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.drawString(72, 700, "The General Assembly,")
        pdf.saveState()
        pdf.translate(40, 300)
        pdf.rotate(90)
        pdf.drawString(0, 0, "Please recycle this paper")
        pdf.restoreState()
        pdf.drawString(72, 688, "1. Decides to continue;")

    assert texts(draw) == [
        "The General Assembly,",
        "1. Decides to continue;",
        "paper",
        "this",
        "recycle",
        "Please",
    ]


def test_a_line_is_runs_with_their_style_and_the_text_reader_marks_them() -> None:
    """The reader hands over what the page shows: each run raised or not, italic or not.
    The text reader makes a raised number a call and leaves raised letters text."""

    def draw(pdf: canvas.Canvas) -> None:
        text = pdf.beginText(72, 700)
        text.textOut("the Agenda for ")
        text.setFont("Times-Italic", 10)
        text.textOut("Sustainable Development")
        raised(text, "1,2", 6, 4, then=10)
        text.textOut(", and 1")
        raised(text, "er", 6, 4, then=10)
        text.textOut(" texts")
        pdf.drawText(text)

    [line] = lines(draw)
    assert [(run.text, run.raised, run.italic) for run in line.runs] == [
        ("the Agenda for ", False, False),
        ("Sustainable Development", False, True),
        ("1,2", True, False),
        (", and 1", False, False),
        ("er", True, False),
        (" texts", False, False),
    ]
    assert marked(line.runs) == (
        f"the Agenda for {EMPHASIS}Sustainable Development{EMPHASIS}¹,², and 1er texts"
    )
