"""Lists inside paragraphs as the UN prints them: letters (a) to (z), then (aa) to (zz),
and roman items (i), (ii) … under a letter, told apart from the letters (i), (v) and (ii)
by what comes before them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resalign.align import parse_text
from resalign.align.read.paragraphs import latin_letter, roman_value

HEAD = (
    "United Nations A/RES/80/1\n\n80/1. Lists\n\nThe General Assembly,\n\nRecalling its lists,\n\n"
)
CLOSE = "\n\n1st plenary meeting\n1 January 2025\n"


def keys(body: str) -> list[str]:
    return [p.key for p in parse_text(HEAD + body + CLOSE).paragraphs]


def test_roman_items_go_under_their_letter() -> None:
    body = (
        "1. Decides:\n\n(a) To act by:\n\n(i) first means;\n\n(ii) second means;\n\n"
        "(iii) third means;\n\n(b) To report;\n\n(c) To review;"
    )
    assert keys(body) == [
        "PP1",
        "OP1",
        "OP1(a)",
        "OP1(a)(i)",
        "OP1(a)(ii)",
        "OP1(a)(iii)",
        "OP1(b)",
        "OP1(c)",
    ]
    doc = parse_text(HEAD + body + CLOSE)
    (second,) = [p for p in doc.paragraphs if p.key == "OP1(a)(ii)"]
    assert (second.kind, second.parent, second.label, second.text) == (
        "subitem",
        "OP1(a)",
        "(ii)",
        "second means;",
    )
    assert doc.warnings == ()


def test_letters_i_and_v_stay_letters() -> None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    body = "1. Decides:\n\n" + "\n\n".join(f"({c}) Item {c};" for c in letters)
    assert keys(body) == ["PP1", "OP1", *(f"OP1({c})" for c in letters)]


def test_a_roman_list_goes_on_past_v() -> None:
    numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi"]
    body = "1. Decides:\n\n(a) To act:\n\n" + "\n\n".join(f"({n}) means;" for n in numerals)
    assert keys(body)[3:] == [f"OP1(a)({n})" for n in numerals]


def test_double_letters_follow_z() -> None:
    """A/RES/80/184 OP2 runs to (qq); (ii) there is the 35th letter, not a roman two."""
    letters = [latin_letter(i) for i in range(36)]
    assert letters[26:] == ["aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh", "ii", "jj"]
    body = "1. Urges:\n\n" + "\n\n".join(f"({c}) Item;" for c in letters)
    assert keys(body)[2:] == [f"OP1({c})" for c in letters]


@given(st.integers(min_value=1, max_value=39))
def test_roman_values_read_back(value: int) -> None:
    units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
    numeral = "x" * (value // 10) + units[value % 10]
    assert roman_value(numeral) == value


@pytest.mark.parametrize("text", ["iiii", "vv", "ic", "xxxx", "vx", "a", ""])
def test_what_is_no_roman_numeral(text: str) -> None:
    assert roman_value(text) == 0


def test_roman_items_in_the_preamble_are_no_preambular_paragraphs() -> None:
    text = (
        "United Nations A/RES/80/1\n\n80/1. Lists\n\nThe General Assembly,\n\n"
        "Recalling its commitments to:\n\n(a) Act by:\n\n(i) first means;\n\n"
        "(ii) second means,\n\nNoting the lists,\n\n1. Decides to act."
    )
    doc = parse_text(text + CLOSE)
    assert [p.key for p in doc.paragraphs] == [
        "PP1",
        "PP1(a)",
        "PP1(a)(i)",
        "PP1(a)(ii)",
        "PP2",
        "OP1",
    ]
