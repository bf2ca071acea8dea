"""The aligner on the bundled seeds: the English translation and the modeled 70/179."""

from __future__ import annotations

import json

from resalign.align import Document
from resalign.align.aligner import align
from resalign.align.comparison import compare
from tests.conftest import GOLD


def test_language_mode_pairs_every_key_with_itself(es: Document, en: Document) -> None:
    alignment = align(es, en)
    assert alignment.mode == "language"
    keys = [p.key for p in es.paragraphs] + [f.key for f in es.footnotes]
    assert [(pair.left, pair.right) for pair in alignment.body] == [(k, k) for k in keys]
    header = ["SYMBOL", "SESSION", "AGENDA", "REPORT", "ADOPTED", "TITLE", "OPENING"]
    assert [pair.keys for pair in alignment.header] == [f"{k} → {k}" for k in header]
    assert {pair.status for pair in alignment.pairs} == {"paired"}
    assert alignment.findings == ()
    assert alignment.warnings == ()
    assert min(pair.score for pair in alignment.pairs) >= 0.7
    methods = {pair.left: pair.method for pair in alignment.pairs}
    assert (methods["PP1"], methods["PP8(a)"], methods["OP7"], methods["FN3"]) == (
        "order",
        "number",
        "number",
        "number",  # both texts number the same 14 footnotes
    )


def test_version_mode_matches_gold_exactly(es: Document, modeled: Document) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    alignment = align(es, modeled)
    assert alignment.mode == "version"
    links = [link for pair in alignment.body for link in pair.links]
    expected = {tuple(pair) for pair in gold["pairs"]}
    true_positives = len(set(links) & expected)
    precision, recall = true_positives / len(links), true_positives / len(expected)
    assert (precision, recall) == (1.0, 1.0)
    assert len(links) == len(expected) == 81
    assert len(alignment.body) == 79  # the split and the merge are one bead each
    statuses = {  # the gold calls each half of a split or merge `changed`
        f"{a}|{b}": "changed" if pair.status in ("split", "merged") else pair.status
        for pair in alignment.body
        for a, b in pair.links
        if a and b
    }
    assert statuses == gold["status"]
    one_sided = {(p.left, p.right): p.status for p in alignment.body if not (p.left and p.right)}
    assert one_sided == {
        **{
            (k, None): "removed"
            for k in ["PP11", "PP12", "PP14", "PP33", "OP9", "FN7", "FN8", "FN10", "FN13"]
        },
        **{(None, k): "added" for k in ["OP5", "FN2", "FN3", "FN4"]},
    }
    assert alignment.warnings == ()


def test_version_mode_methods_and_scores(es: Document, modeled: Document) -> None:
    alignment = align(es, modeled)
    by_keys = {pair.keys: pair for pair in alignment.pairs}
    assert by_keys["PP22 → PP16"].method == "move"
    assert by_keys["OP12 → OP20"].method == "move"
    assert (by_keys["PP24 → PP21+PP22"].method, by_keys["PP24 → PP21+PP22"].status) == (
        "split",
        "split",
    )
    assert (by_keys["OP10+OP11 → OP10"].method, by_keys["OP10+OP11 → OP10"].status) == (
        "merge",
        "merged",
    )
    assert by_keys["FN12 → FN12"].method == "citation"  # changed: its citing paragraphs lift it
    kept = {p.method for p in alignment.pairs if p.keys.startswith("FN") and p.status == "same"}
    assert kept == {"content"}  # word for word: found by content, whatever cites it
    assert all(p.score == 1.0 for p in alignment.pairs if p.status in ("same", "moved"))
    assert all(p.score == 0.0 for p in alignment.pairs if p.status in ("added", "removed"))
    changed_in_place = [
        p for p in alignment.pairs if p.status == "changed" and p.method == "content"
    ]
    assert len(changed_in_place) == 9  # and the split and the merge, beads of their own
    assert all(0.45 < p.score < 1.0 for p in changed_in_place)


def test_reading_order(es: Document, modeled: Document) -> None:
    keys = [pair.keys for pair in align(es, modeled).pairs]
    assert keys[keys.index("OP4 → OP4") + 1] == "— → OP5"
    assert keys[keys.index("FN1 → FN1") + 1 : keys.index("FN1 → FN1") + 4] == [
        "— → FN2",
        "— → FN3",
        "— → FN4",
    ]
    assert keys.index("PP23 → PP20") + 1 == keys.index("PP24 → PP21+PP22")
    assert keys[:7] == [f"{k} → {k}" for k in ("SYMBOL", "SESSION", "AGENDA", "REPORT")] + [
        "ADOPTED → ADOPTED",
        "TITLE → TITLE",
        "OPENING → OPENING",
    ]
    assert keys[-1] == "FN14 → FN13"


def test_renumbering_is_visible(es: Document, modeled: Document) -> None:
    renumbered = align(es, modeled).renumbered()
    assert renumbered == (
        ("OP5", "OP6"),
        ("OP6", "OP7"),
        ("OP7", "OP8"),
        ("OP8", "OP9"),
        *((f"OP{n}", f"OP{n - 2}") for n in range(13, 22)),
        ("OP22", "OP21"),
    )  # OP12 → OP20 moved: no renumbering; OP10+OP11 → OP10 merged: none either


def test_moves_say_where_from_and_where_to(es: Document, modeled: Document) -> None:
    alignment = align(es, modeled)
    notes = {pair.keys: pair.note for pair in alignment.pairs if pair.note}
    assert {keys: note for keys, note in notes.items() if not note.startswith("renumbered")} == {
        "PP22 → PP16": "moved: was after PP21, now after PP15",
        "OP12 → OP20": "moved: was after OP11, now after OP19",
    }
    renumbered = [keys for keys, note in notes.items() if note == f"renumbered {keys}"]
    assert renumbered == [f"{a} → {b}" for a, b in alignment.renumbered()]


def test_header_is_compared(es: Document, modeled: Document) -> None:
    alignment = align(es, modeled)
    views = {view.pair.left: view for view in compare(es, modeled, alignment).views}
    assert {p.left: p.status for p in alignment.header} == {
        "SYMBOL": "changed",
        "SESSION": "changed",
        "AGENDA": "changed",
        "REPORT": "changed",
        "ADOPTED": "changed",
        "TITLE": "same",
        "OPENING": "same",
    }
    assert (views["AGENDA"].left_text, views["AGENDA"].right_text) == ("107", "106")
