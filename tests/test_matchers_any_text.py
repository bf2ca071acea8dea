"""The aligner takes any paragraph text: decimals, separators, every script (no traceback)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resalign.align import Document, align
from resalign.align.invariants import invariants
from resalign.align.languages import language


@pytest.mark.parametrize(
    ("text", "lang", "numbers", "years"),
    [
        ("Meta 16.2 de los Objetivos", "es", ("16.2",), ()),
        ("un aumento del 12,5 por ciento en 2015", "es", ("12.5",), ("2015",)),
        ("a rise of 1.5 per cent", "en", ("1.5",), ()),
        ("بنسبة ٣٫٥ في المائة", "ar", ("3.5",), ()),
        ("30\u00a0000 personas", "es", ("30000",), ()),
    ],
)
def test_decimal_numbers_are_numbers(
    text: str, lang: str, numbers: tuple[str, ...], years: tuple[str, ...]
) -> None:
    found = invariants(text, language(lang))
    assert (found.numbers, found.years) == (numbers, years)


def test_language_mode_on_a_decimal_paragraph(es: Document, en: Document) -> None:
    """`16.2` once crashed language mode with a traceback."""
    first = es.paragraphs[0]
    edited = replace(
        es, paragraphs=(replace(first, text=first.text + " meta 16.2"), *es.paragraphs[1:])
    )
    alignment = align(edited, en)
    (pair,) = alignment.pair_for(left="PP1")
    assert [f.message for f in pair.findings] == ["number: PP1 (es) has 16.2, PP1 (en) has none"]


TEXT = st.text(
    alphabet=st.sampled_from(list("0123456789.,/ -٫٣第号年月日abcXYZабв جم中文")), max_size=80
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(left=TEXT, right=TEXT)
def test_matchers_take_any_text(es: Document, left: str, right: str) -> None:
    a = replace(es.paragraphs[0], text=left)
    b = replace(es.paragraphs[0], text=right)
    one = replace(es, paragraphs=(a,), footnotes=())
    two = replace(es, paragraphs=(b,), footnotes=(), language="en")
    for mode in ("language", "version"):
        alignment = align(one, two, mode=mode)
        assert {pair.left for pair in alignment.body} <= {"PP1", None}
