"""The aligner on the bundled seeds: the English translation and the modeled 70/179."""

from __future__ import annotations

import json

from align import Document
from align.aligner import align
from tests.conftest import GOLD


def test_language_mode_pairs_every_key_with_itself(es: Document, en: Document) -> None:
    alignment = align(es, en)
    assert alignment.mode == "language"
    keys = [p.key for p in es.paragraphs] + [f.key for f in es.footnotes]
    assert [(pair.left, pair.right) for pair in alignment.pairs] == [(k, k) for k in keys]
    assert {pair.status for pair in alignment.pairs} == {"paired"}
    assert alignment.findings == ()
    assert alignment.warnings == ()
    assert min(pair.score for pair in alignment.pairs) >= 0.7
    methods = {pair.left: pair.method for pair in alignment.pairs}
    assert (methods["PP1"], methods["PP8(a)"], methods["OP7"], methods["FN3"]) == (
        "order",
        "number",
        "number",
        "order",
    )


def test_version_mode_matches_gold_exactly(es: Document, modeled: Document) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    alignment = align(es, modeled)
    assert alignment.mode == "version"
    found = {(pair.left, pair.right) for pair in alignment.pairs}
    expected = {tuple(pair) for pair in gold["pairs"]}
    true_positives = len(found & expected)
    precision, recall = true_positives / len(found), true_positives / len(expected)
    assert (precision, recall) == (1.0, 1.0)
    assert len(alignment.pairs) == len(expected) == 81
    statuses = {
        f"{pair.left}|{pair.right}": pair.status
        for pair in alignment.pairs
        if pair.left and pair.right
    }
    assert statuses == gold["status"]
    one_sided = {(p.left, p.right): p.status for p in alignment.pairs if not (p.left and p.right)}
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
    by_keys = {(p.left, p.right): p for p in alignment.pairs}
    assert by_keys["PP22", "PP16"].method == "move"
    assert by_keys["OP12", "OP20"].method == "move"
    assert by_keys["PP24", "PP22"].method == "split"
    assert by_keys["OP11", "OP10"].method == "merge"
    assert by_keys["FN12", "FN12"].method == "citation"
    assert all(p.score == 1.0 for p in alignment.pairs if p.status in ("same", "moved"))
    assert all(p.score == 0.0 for p in alignment.pairs if p.status in ("added", "removed"))
    changed_in_place = [
        p for p in alignment.pairs if p.status == "changed" and p.method == "content"
    ]
    assert len(changed_in_place) == 11
    assert all(0.45 < p.score < 1.0 for p in changed_in_place)


def test_reading_order(es: Document, modeled: Document) -> None:
    keys = [pair.keys for pair in align(es, modeled).pairs]
    assert keys[keys.index("OP4 → OP4") + 1] == "— → OP5"
    assert keys[keys.index("FN1 → FN1") + 1 : keys.index("FN1 → FN1") + 4] == [
        "— → FN2",
        "— → FN3",
        "— → FN4",
    ]
    assert keys.index("PP24 → PP21") + 1 == keys.index("PP24 → PP22")
    assert keys[-1] == "FN14 → FN13"


def test_renumbering_is_visible(es: Document, modeled: Document) -> None:
    renumbered = align(es, modeled).renumbered()
    assert renumbered[:4] == (("OP5", "OP6"), ("OP6", "OP7"), ("OP7", "OP8"), ("OP8", "OP9"))
    assert ("OP12", "OP20") in renumbered
    assert ("OP1", "OP1") not in renumbered
