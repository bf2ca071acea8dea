"""Property tests: the text reader on arbitrary input."""

from __future__ import annotations

import contextlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resalign.align import ReadError, parse_text
from resalign.align.read.blocks import CLOSERS, strip_end
from tests.conftest import noncharacters

PIECES = st.sampled_from(
    [
        "72/195. Title",
        "The General Assembly,",
        "La Asamblea General,",
        "1. *Urges* States;",
        "2. ",
        "(a) To act,",
        "a) Promover,",
        "¹ Resolution 70/1.",
        "¹",
        "²,³",
        "(1)",
        "2/8",
        "17-22858 (E)",
        "*1722858*",
        "A/RES/72/195",
        "Recalling",
        "tomando nota",
        "-",
        "*",
        "\n",
        "\n\n",
        "\f",
        " ",
        "Agenda item 107",
        "19 December 2017",
        "73rd plenary meeting",
        "1 - تحث",
        "(أ)",
        "大会，",
        "а)",
    ]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES | st.text(max_size=20)).map("".join))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS)
def test_arbitrary_text_parses_or_raises_read_error(text: str) -> None:
    try:
        document = parse_text(text)
    except ReadError:
        return
    keys = [p.key for p in document.paragraphs]
    assert keys and len(keys) == len(set(keys))
    for paragraph in document.paragraphs:
        assert all(0 <= ref.offset <= len(paragraph.text) for ref in paragraph.refs)
    assert noncharacters(document) == []


READERS_BY_NAME = ("docx", "pdf", "html")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(READERS_BY_NAME), st.binary(max_size=600), st.booleans())
def test_arbitrary_bytes_in_any_format_raise_only_read_error(
    name: str, data: bytes, with_magic: bool
) -> None:
    from resalign.align.read.docx import read_docx
    from resalign.align.read.html import read_html
    from resalign.align.read.pdf import read_pdf

    reader = {"docx": read_docx, "pdf": read_pdf, "html": read_html}[name]
    magic = {"docx": b"PK\x03\x04", "pdf": b"%PDF-1.7\n", "html": b"<!DOCTYPE html><p>"}[name]
    with contextlib.suppress(ReadError):  # anything else fails the test
        reader(magic + data if with_magic else data, source=f"fuzz.{name}")


TAIL_CHARACTERS = st.sampled_from(list('ab.,;:1٣²⁹*”’"») \t\n\u00a0\u2003\u3000'))


@given(st.text(TAIL_CHARACTERS, max_size=14))
def test_strip_end_takes_off_what_the_closing_class_would(text: str) -> None:
    """`strip_end` is the string test for `[…\\s]+$` (and `[\\d…\\s]+$`) substituted away."""
    closers = re.escape(CLOSERS)
    assert strip_end(text, CLOSERS) == re.sub(rf"[{closers}\s]+$", "", text)
    assert strip_end(text, CLOSERS, digits=True) == re.sub(rf"[{closers}\s\d]+$", "", text)


_LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéñ", min_size=1, max_size=8)


@given(_LETTERS, _LETTERS, st.booleans(), st.booleans())
def test_a_line_end_hyphen_is_settled_by_the_documents_own_words(
    first: str, second: str, whole_elsewhere: bool, soft: bool
) -> None:
    """`a-` / `b` is `ab` where the document writes `ab`, else `a-b`; a soft hyphen `a­` /
    `b` is `a-b` where the document writes `a-b`, else `ab`."""
    from resalign.align.read.blocks import join_lines, mend_hyphens, words_used

    hyphen = "\u00ad" if soft else "-"
    joined = join_lines([f"x {first}{hyphen}", f"{second} y"])
    evidence = f"{first}{second}" if whole_elsewhere else f"{first}-{second}"
    text, _ = mend_hyphens(joined, words_used([evidence]))
    # Either hyphen, the document's own spelling wins.
    assert text == (f"x {first}{second} y" if whole_elsewhere else f"x {first}-{second} y")


WORDS = st.sampled_from(["States", "the", "2030", "A/79/100", "Treaty Series", "ibid.", "km"])
LITERALS = st.sampled_from(["5 * 3", "A/79/L.5*", "**", "* * *", "(*)", "km²"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["plain", "italic", "literal"]), WORDS, LITERALS)))
def test_only_the_asterisks_of_italics_leave_a_text(parts: list[tuple[str, str, str]]) -> None:
    """Words between asterisks lose them (italics); every other asterisk and superscript
    of the text, in any company, stays."""
    shown = {"plain": "{}", "italic": "*{}*", "literal": "{1}"}
    written = " ".join(shown[kind].format(word, literal) for kind, word, literal in parts)
    expected = " ".join((literal if kind == "literal" else word) for kind, word, literal in parts)
    document = parse_text(f"72/195. Title\n\nThe General Assembly,\n\n1. Decides {written} now.\n")
    assert document.paragraphs[0].text == " ".join(f"Decides {expected} now.".split())
