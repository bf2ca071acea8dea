"""Laying out pairs for the terminal: wrapping by cells, counting lines without drawing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from resalign.tui.layout import line_count, side_by_side, wrap_chunks

RED = Style(color="red")


def plain(lines: list[list[tuple[str, Style | None]]]) -> list[str]:
    return ["".join(text for text, _ in line) for line in lines]


def test_wraps_at_spaces_and_keeps_words_across_styles() -> None:
    lines = wrap_chunks(
        [("Recordando la Convención de las ", None), ("Naciones", RED), (", Unidas", None)], 20
    )
    assert plain(lines) == ["Recordando la", "Convención de las", "Naciones, Unidas"]
    assert lines[2][0] == ("Naciones", RED)


def test_wide_characters_take_two_cells_and_break_anywhere() -> None:
    assert plain(wrap_chunks([("重申强烈谴责贩运人口行为", None)], 8)) == [
        "重申强烈",
        "谴责贩运",
        "人口行为",
    ]


def test_overlong_word_is_cut() -> None:
    assert plain(wrap_chunks([("a" * 25, None)], 10)) == ["a" * 10, "a" * 10, "a" * 5]


def test_a_newline_ends_the_line() -> None:
    """The paragraphs of a split or merge, joined by a newline, start lines of their own."""
    lines = wrap_chunks([("Recognizing the potential,", None), ("\nExpressing concern", RED)], 40)
    assert plain(lines) == ["Recognizing the potential,", "Expressing concern"]
    assert lines[1][0] == ("Expressing", RED)
    assert line_count("one\n\ntwo", 40) == 3


def test_columns_keep_in_step() -> None:
    left = wrap_chunks([("uno dos tres cuatro cinco seis", None)], 10)
    right = wrap_chunks([("one", None)], 10)
    strips = side_by_side(left, right, 10, (False, False))
    assert len(strips) == len(left) == 4
    assert [strip.cell_length for strip in strips] == [24] * 4
    assert strips[0].text == " uno dos    │ one       "


WORDS = st.lists(
    st.sampled_from(["a", "bb", "Convención", " ", "  ", "重", "申", "x" * 13, ",", "—", "\n"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.integers(min_value=1, max_value=30))
def test_line_count_agrees_with_wrapping(text: str, width: int) -> None:
    assert line_count(text, width) == len(wrap_chunks([(text, None)], width))
