"""Word-level diffs: exact spans on small cases, round trips on arbitrary text."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resalign.align import Document, align, parse_text
from resalign.align.comparison import compare
from resalign.align.diff import DELETE, EQUAL, INSERT, DiffStats, side, stats, word_diff
from tests.conftest import GOLD

CASES = [
    (
        "a word inserted",
        "La Asamblea decide actuar",
        "La Asamblea decide hoy actuar",
        [(EQUAL, "La Asamblea decide "), (INSERT, "hoy "), (EQUAL, "actuar")],
    ),
    (
        "a clause deleted",
        "Insta a los Estados, en particular a los donantes, a actuar;",
        "Insta a los Estados a actuar;",
        [
            (EQUAL, "Insta a los Estados"),
            (DELETE, ", en particular a los donantes,"),
            (EQUAL, " a actuar;"),
        ],
    ),
    (
        "a number changed",
        "el próximo informe en 2018, de conformidad",
        "el próximo informe en 2016, de conformidad",
        [
            (EQUAL, "el próximo informe en "),
            (DELETE, "2018"),
            (INSERT, "2016"),
            (EQUAL, ", de conformidad"),
        ],
    ),
    (
        "whole words, never fragments",
        "Recuerda la reunión de alto nivel",
        "Recuerda las reuniones de alto nivel",
        [
            (EQUAL, "Recuerda "),
            (DELETE, "la reunión"),
            (INSERT, "las reuniones"),
            (EQUAL, " de alto nivel"),
        ],
    ),
    (
        "a symbol is one token",
        "Secretario General A/71/119.",
        "Secretario General A/70/94.",
        [(EQUAL, "Secretario General "), (DELETE, "A/71/119"), (INSERT, "A/70/94"), (EQUAL, ".")],
    ),
    (
        "Chinese by character",
        "重申强烈谴责贩运人口行为",
        "重申谴责贩运人口行为",
        [(EQUAL, "重申"), (DELETE, "强烈"), (EQUAL, "谴责贩运人口行为")],
    ),
    ("empty to text", "", "Nuevo párrafo.", [(INSERT, "Nuevo párrafo.")]),
    ("identical", "Sin cambios.", "Sin cambios.", [(EQUAL, "Sin cambios.")]),
]


@pytest.mark.parametrize(("name", "left", "right", "expected"), CASES, ids=[c[0] for c in CASES])
def test_exact_spans(name: str, left: str, right: str, expected: list[tuple[int, str]]) -> None:
    assert [(s.op, s.text) for s in word_diff(left, right)] == expected


def test_stats_count_words_not_punctuation() -> None:
    spans = word_diff(
        "Insta a los Estados, en particular a los donantes, a actuar;",
        "Insta a los Estados a actuar;",
    )
    assert stats(spans) == DiffStats(added=0, removed=5, unchanged=6)
    assert round(stats(spans).similarity, 3) == round(12 / 17, 3)


def test_renumbered_footnote_is_not_a_change() -> None:
    head = "72/195. Título\n\nLa Asamblea General,\n\n"
    left = parse_text(
        head + "Recordando la Agenda 2030¹,\n\n1. *Decide* actuar.\n\n¹ Resolución 70/1.\n"
    )
    right = parse_text(
        head + "Recordando las metas²,\n\nRecordando la Agenda 2030⁴,\n\n1. *Decide* actuar.\n\n"
        "² Meta 5.2.\n\n⁴ Resolución 70/1.\n"
    )
    comparison = compare(left, right, align(left, right))
    view = next(v for v in comparison.views if v.pair.left == "PP1")
    assert (view.pair.right, view.pair.status) == ("PP2", "same")
    assert [(s.op, s.text) for s in view.spans or ()] == [(EQUAL, "Recordando la Agenda 2030,")]
    footnote = next(v for v in comparison.views if v.pair.left == "FN1")
    assert (footnote.pair.right, footnote.pair.status) == ("FN4", "same")


def test_seed_summary_matches_gold(es: Document, modeled: Document) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    comparison = compare(es, modeled, align(es, modeled))
    implied = {"added": 0, "removed": 0}
    for left, right in gold["pairs"]:
        if left is None:
            implied["added"] += 1
        elif right is None:
            implied["removed"] += 1
    for status in gold["status"].values():
        implied[status] = implied.get(status, 0) + 1
    assert implied == {"added": 4, "removed": 9, "same": 52, "changed": 14, "moved": 2}
    # the gold calls both halves of the split and of the merge `changed`: one bead each here
    implied.update(changed=implied["changed"] - 4, split=1, merged=1)
    assert dict(comparison.alignment.status_counts()) == implied
    for view in comparison.views:
        assert view.spans is not None
        assert side(view.spans, "left") == (view.left_text or "")
        assert side(view.spans, "right") == (view.right_text or "")
        if view.pair.status in ("same", "moved"):
            assert view.stats.added == view.stats.removed == 0
    totals = comparison.totals
    assert totals.added > 0 and totals.removed > totals.added


def test_language_mode_has_no_word_diff(es: Document, en: Document) -> None:
    comparison = compare(es, en, align(es, en))
    assert all(view.spans is None for view in comparison.views)
    assert not any(view.is_change for view in comparison.views)


TEXT = st.lists(
    st.sampled_from([*"abc dé,.;:¹-/12 重申\n\t", "Estados", "A/72/440", " de ", "64/293"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_spans_rebuild_both_sides(left: str, right: str) -> None:
    spans = word_diff(left, right)
    assert side(spans, "left") == left
    assert side(spans, "right") == right
    assert all(span.text for span in spans)
    assert all(a.op != b.op for a, b in pairwise(spans))


def test_the_cpp_build_diffs_as_the_python_build_does(
    es: Document, modeled: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fast-diff-match-patch (Google's C++ build) gives the spans the Python build gives, on
    every paragraph pair of the seeds' version alignment and on every pair of neighbouring
    paragraphs (texts that share little: the diff's hard cases)."""
    from resalign.align import diff

    old, new = {p.key: p.text for p in modeled.paragraphs}, {p.key: p.text for p in es.paragraphs}
    texts = [
        (old[pair.lefts[0]], new[pair.rights[0]])
        for pair in align(modeled, es).pairs
        if len(pair.lefts) == len(pair.rights) == 1 and pair.lefts[0] in old
    ]
    texts += [(a.text, b.text) for a, b in pairwise(es.paragraphs)]
    fast = [word_diff(left, right) for left, right in texts]
    monkeypatch.setattr(diff, "_fast_engine", lambda: None)
    assert [word_diff(left, right) for left, right in texts] == fast
    assert len(texts) == 115 and sum(len(spans) > 1 for spans in fast) == 70


@given(st.text(), st.characters())
def test_reaches_is_a_character_at_or_past(text: str, first: str) -> None:
    from resalign.align.patterns import reaches

    assert reaches(text, first) == (bool(text) and max(text) >= first)


SYMBOLISH = st.text(alphabet=st.sampled_from("A/7RES.a'’-_ 2é中文\u3041"), max_size=40)


@given(st.one_of(st.text(), SYMBOLISH))
def test_word_count_counts_the_words(text: str) -> None:
    """The count without the symbols' patterns (for a text with no `/`) is the words'."""
    from resalign.align.diff import word_count, words

    assert word_count(text) == len(words(text))


def test_word_count_of_symbols_and_joined_words() -> None:
    from resalign.align.diff import word_count

    assert word_count("A/72/440 and 64/293, l’Assemblée's well-known 中文") == 7
    assert word_count("l’Assemblée's well-known 中文") == 4
