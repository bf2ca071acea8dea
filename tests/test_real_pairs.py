"""Real pairs of UN documents aligned as delegates and revisers use them: a draft against
the resolution adopted from it and against last year's, consecutive resolutions of a
series, and an English text against the Spanish seed. Each fact here was checked by
reading both documents."""

from __future__ import annotations

import itertools
from collections import Counter

from resalign.align import Alignment, Document, align
from resalign.align.comparison import compare
from tests.conftest import ES
from tests.test_real_documents import NAMES, pdf


def changed_keys(alignment: Alignment) -> list[str]:
    return [p.keys for p in alignment.body if p.status != "same"]


def test_draft_against_its_adopted_resolution() -> None:
    """A/C.3/80/L.4 → A/RES/80/228: the oral revisions made in the Committee, nothing else
    (the adopted text's non-breaking hyphens are no change, nor are the draft's kerned
    letters, `an d` in OP2 and `principle s` in OP9, which PDFium gives a space)."""
    alignment = align(pdf("A_C.3_80_L.4"), pdf("A_RES_80_228"))
    assert {p.left or p.right: p.status for p in alignment.header} == {
        "SYMBOL": "changed",
        "SESSION": "same",
        "AGENDA": "same",
        "REPORT": "added",  # a draft has no report nor date of adoption
        "ADOPTED": "added",
        "TITLE": "same",
        "OPENING": "same",
    }
    assert changed_keys(alignment) == [
        f"{k} → {k}"
        for k in [
            "PP32",
            "PP35",
            "OP8",
            "OP22",
            "OP23",
            "OP24",
            "OP25",
            "FN31",
            "FN32",
        ]
    ]
    assert alignment.renumbered() == ()
    views = {
        v.pair.left: v for v in compare(pdf("A_C.3_80_L.4"), pdf("A_RES_80_228"), alignment).views
    }
    assert [(s.op, s.text) for s in views["PP32"].spans if s.op] == [(-1, "unjustly ")]
    assert [(s.op, s.text) for s in views["FN31"].spans if s.op] == [
        (-1, "A/79/159"),
        (1, "A/80/182"),
    ]


def test_draft_against_last_years_resolution() -> None:
    """A/C.3/80/L.4 against A/RES/78/228: what the delegation changed since the last one."""
    alignment = align(pdf("A_RES_78_228"), pdf("A_C.3_80_L.4"))
    counts = alignment.status_counts()
    assert counts == Counter(
        {"same": 69, "changed": 46, "removed": 4, "added": 11, "moved": 1, "moved+changed": 1}
    )
    (moved,) = alignment.pair_for(left="PP25")
    assert (moved.right, moved.status, moved.note) == (
        "PP20",
        "moved",
        "moved: was after PP24, now after PP19",
    )


def test_draft_against_its_adopted_resolution_with_new_paragraphs() -> None:
    """A/C.3/80/L.20 → A/RES/80/190 (adopted from its revision): paragraphs added and
    dropped in negotiation, the operative paragraphs renumbered from OP8 on."""
    alignment = align(pdf("A_C.3_80_L.20"), pdf("A_RES_80_190"))
    assert sorted(p.right for p in alignment.body if p.status == "added") == sorted(
        ["PP18", "OP8", "OP14", "OP16", "FN27"]
    )
    assert sorted(p.left for p in alignment.body if p.status == "removed") == sorted(
        ["OP13", "OP28", "FN19"]
    )
    assert alignment.renumbered()[:3] == (("OP8", "OP9"), ("OP9", "OP10"), ("OP10", "OP11"))
    assert ("OP13", "OP14") not in alignment.renumbered()  # OP13 was dropped, not renumbered


def test_consecutive_resolutions_trafficking() -> None:
    alignment = align(pdf("A_RES_78_228"), pdf("A_RES_80_228"))
    assert {p.left: p.status for p in alignment.header} == {
        "SYMBOL": "changed",
        "SESSION": "changed",
        "AGENDA": "same",
        "REPORT": "changed",
        "ADOPTED": "changed",
        "TITLE": "same",
        "OPENING": "same",
    }
    (moved,) = alignment.pair_for(left="PP25")
    assert (moved.right, moved.status, moved.note) == (
        "PP20",
        "moved",
        "moved: was after PP24, now after PP19",
    )
    assert alignment.renumbered()[:2] == (("OP9", "OP10"), ("OP10", "OP11"))
    assert [p.keys for p in alignment.body if p.status in ("split", "merged")] == []


def test_consecutive_resolutions_rights_of_the_child_merge() -> None:
    """A/RES/78/187 → A/RES/80/190: OP2 and OP3 became one paragraph (the call to
    implement the Convention), as did OP15 and OP16 (birth registration, digital
    identification); each merge is one bead, diffed once."""
    left, right = pdf("A_RES_78_187"), pdf("A_RES_80_190")
    alignment = align(left, right)
    assert [p.keys for p in alignment.body if p.status == "merged"] == [
        "OP2+OP3 → OP2",
        "OP15+OP16 → OP15",
    ]
    (moved,) = alignment.pair_for(left="OP64")
    assert (moved.right, moved.status, moved.note) == (
        "OP44",
        "moved",
        "moved: was after OP63, now after OP43",
    )
    renumbered = alignment.renumbered()
    assert ("OP64", "OP44") not in renumbered and ("OP3", "OP2") not in renumbered
    (view,) = [v for v in compare(left, right, alignment).views if v.pair.left == "OP15"]
    assert view.left_text == left.paragraph("OP15").text + "\n" + left.paragraph("OP16").text


def test_english_resolution_against_the_spanish_seed() -> None:
    """Two languages and two years: no language pairing can be vouched for, and the user is
    told so; the header's symbol says why."""
    from resalign.align import read_document

    alignment = align(pdf("A_RES_78_228"), read_document(ES))
    assert alignment.mode == "language"
    assert [w.split(":")[0] for w in alignment.warnings] == [
        "A/RES/78/228 and A/RES/72/195 are different resolutions",
        "pairing is weak (mean score 0.40)",
    ]
    assert max(p.score for p in alignment.pairs) <= 0.5
    (symbol,) = alignment.pair_for(left="SYMBOL")
    assert [f.message for f in symbol.findings] == ["symbol: A/RES/78/228 (en) ≠ A/RES/72/195 (es)"]


def _unique_texts(document: Document) -> dict[str, str]:
    counts = Counter(p.text for p in document.paragraphs)
    return {p.text: p.key for p in document.paragraphs if counts[p.text] == 1 and len(p.text) > 40}


def test_twins_pair_with_each_other() -> None:
    """Over every pair of real documents: a paragraph whose text occurs exactly once in
    each is paired with its twin, `same` or `moved`."""
    checked: Counter[tuple[str, str]] = Counter()
    for a, b in itertools.combinations(NAMES, 2):
        left, right = pdf(a), pdf(b)
        left_unique, right_unique = _unique_texts(left), _unique_texts(right)
        twins = left_unique.keys() & right_unique.keys()
        if not twins:
            continue
        by_left = {key: pair for pair in align(left, right).body for key in pair.lefts}
        for text in twins:
            pair = by_left[left_unique[text]]
            assert pair.rights == (right_unique[text],), (a, b, pair)
            assert pair.status in ("same", "moved"), (a, b, pair)
            checked[a, b] += 1
    assert checked == CHECKED


# Kerned letters read whole (`an d`, `principle s`) made five more twins than before.
CHECKED = Counter(
    {
        ("A_80_L.8", "A_RES_80_9"): 46,
        ("A_C.3_80_L.20", "A_RES_78_187"): 21,
        ("A_C.3_80_L.20", "A_RES_80_190"): 48,
        ("A_C.3_80_L.4", "A_RES_78_228"): 47,
        ("A_C.3_80_L.4", "A_RES_80_228"): 86,
        ("A_RES_78_187", "A_RES_80_190"): 22,
        ("A_RES_78_228", "A_RES_80_228"): 45,
    }
)
"""How many twins each pair of real documents has (the pairs that share any): drafts
and their resolutions, consecutive resolutions of a series."""


def test_footnotes_pair_by_the_document_they_name() -> None:
    """78/228 → 80/228: PP14's references changed order, so `See Official Records of the
    Economic and Social Council, 2023, …` came back as `Ibid., 2023, …` and `Ibid., 2018`
    as `See …, 2018`. Each pairs with the footnote naming the same document: the diff
    shows the words `See Official Records…` / `Ibid.` that changed, and no year."""
    left, right = pdf("A_RES_78_228"), pdf("A_RES_80_228")
    alignment = align(left, right)
    views = {v.pair.keys: v for v in compare(left, right, alignment).views if "FN" in v.pair.keys}
    changed = {keys: v.pair.status for keys, v in views.items() if v.pair.status != "same"}
    assert changed == {
        "FN10 → FN10": "changed",
        "— → FN12": "added",
        "FN12 → FN16": "moved+changed",
        "— → FN17": "added",
        "FN13 → FN13": "changed",
        "FN16 → —": "removed",
        "FN19 → FN20": "changed",
        "FN20 → FN21": "changed",
        "FN21 → —": "removed",
        "— → FN24": "added",
        "FN28 → FN29": "changed",
        "FN29 → FN30": "changed",
        "FN30 → FN31": "changed",
        "FN31 → FN32": "changed",
    }
    economic = "See Official Records of the Economic and Social Council"
    assert [(s.op, s.text) for s in views["FN12 → FN16"].spans if s.op] == [
        (-1, economic),
        (1, "Ibid."),
    ]
    assert [(s.op, s.text) for s in views["FN13 → FN13"].spans if s.op] == [
        (-1, "Ibid."),
        (1, economic),
    ]
    for key in ("FN14", "FN15"):  # `Ibid.` twice, after the 2018 report on both sides
        assert views[f"{key} → {key}"].pair.status == "same"


def test_agriculture_2023_against_2024() -> None:
    """78/168 → 79/227: `3.3 billion people` became `3.2 billion people` (a change, shown
    as the numbers whole), and the yearly `Expressing concern … Global Report on Food
    Crises` was rewritten where it stood (one changed pair, not removed and added). OP53
    reads as OP48 did, but no longer calls footnote 39 (resolution 70/259): no word shows
    it, a finding does."""
    left, right = pdf("A_RES_78_168"), pdf("A_RES_79_227")
    alignment = align(left, right)
    views = {v.pair.keys: v for v in compare(left, right, alignment).views}
    billions = views["PP57 → PP58"]
    assert billions.pair.status == "changed"
    assert [(s.op, s.text) for s in billions.spans if s.op] == [(-1, "3.3"), (1, "3.2")]
    assert "3.2 billion people" in right.paragraph("PP58").text
    crises = views["PP51 → PP52"]
    assert (crises.pair.status, crises.pair.method) == ("changed", "reworded")
    assert right.paragraph("PP52").text.startswith(
        "Expressing concern at the findings of the publication entitled 2024 Global Report"
    )
    assert alignment.status_counts() == Counter(
        {"same": 99, "changed": 50, "added": 12, "removed": 7, "moved": 5, "moved+changed": 1}
    )
    decade = views["OP48 → OP53"]  # 2024 dropped the call to 70/259 after `(2016–2025)`
    assert decade.pair.status == "same"
    assert [(f.kind, f.left_values, f.right_values) for f in decade.pair.findings] == [
        ("footnote", ("FN39",), ())
    ]
    assert [p.keys for p in alignment.body if p.findings] == ["OP48 → OP53"]


def _rows(alignment: Alignment) -> list[str]:
    return [
        f"{'+'.join(p.lefts) or '-'} {'+'.join(p.rights) or '-'} {p.status}" for p in alignment.body
    ]


def _unchanged_in_place(rows: list[str]) -> list[str]:
    return [row for row in rows if row.endswith(" same") and row.split()[0] == row.split()[1]]


SERIES_78_80 = """
PP2 PP2 changed; PP6 PP6 changed; PP7 PP7 changed; PP10 PP10 changed; PP11 PP11 changed;
PP13 PP13 changed; PP14 PP14 changed; PP15 PP15 changed; PP16 PP16 changed; PP17 PP17 changed;
PP20 PP21 changed; PP21 - removed; PP22 - removed; PP23 PP22 changed; - PP23 added;
PP24 PP24 changed; PP25 PP20 moved; PP26 PP25 same; - PP26 added; PP27 PP27 changed;
PP32 PP32 changed; PP35 PP35 changed; PP36 PP36 changed; PP40 PP40 changed; PP41 PP41 changed;
PP42 PP42 changed; - PP45 added; PP45 PP46 changed; PP46 PP47 changed; PP47 PP48 changed;
PP48 PP49 same; OP1 OP1 changed; OP4 OP4 changed; OP5 OP5 changed; OP8 OP8 changed;
- OP9 added; OP9 OP10 same; OP10 OP11 same; - OP12 added; OP11 OP13 changed; OP12 OP14 changed;
OP13 OP15 changed; OP14 OP16 same; OP15 OP17 changed; OP16 OP18 same; OP17 OP19 same;
- OP20 added; OP18 OP21 changed; - OP22 added; OP19 OP23 changed; OP20 OP24 changed;
OP21 OP25 changed; OP22 OP26 same; OP23 OP27 same; - OP28 added; OP24 OP29 changed;
OP25 OP30 same; OP26 OP31 changed; OP27 OP32 changed; OP28 OP33 same; OP29 OP34 same;
OP30 OP35 same; OP31 OP36 changed; OP32 OP37 same; OP33 OP38 changed; FN10 FN10 changed;
- FN12 added; FN12 FN16 moved+changed; - FN17 added; FN13 FN13 changed; FN16 - removed;
FN17 FN18 same; FN18 FN19 same; FN19 FN20 changed; FN20 FN21 changed; FN21 - removed;
- FN24 added; FN24 FN25 same; FN25 FN26 same; FN26 FN27 same; FN27 FN28 same;
FN28 FN29 changed; FN29 FN30 changed; FN30 FN31 changed; FN31 FN32 changed; FN32 FN33 same;
FN33 FN34 same; FN34 FN35 same
"""
"""Every unit of 78/228 → 80/228 that does not stay as it was under its own key, checked
by reading both: the Co-Chairs of 2021 and 2022 dropped and those of 2025 added (2023's
became 2024's), six operative paragraphs added and the rest renumbered, PP25 moved
forward unchanged, the reports of the Secretary-General and the special rapporteurs of the
new year in FN28-FN31, and PP14's reference to the Council's 2023 report moved to the end
of its list (FN12 → FN16)."""


def test_every_unit_of_a_series_pair() -> None:
    rows = _rows(align(pdf("A_RES_78_228"), pdf("A_RES_80_228")))
    expected = [row.strip() for row in SERIES_78_80.replace("\n", " ").split(";")]
    assert [row for row in rows if row not in _unchanged_in_place(rows)] == expected
    assert len(_unchanged_in_place(rows)) == 44
    assert len(rows) == 132


def test_every_unit_of_a_draft_and_its_adopted_text() -> None:
    """A/C.3/80/L.4 → A/RES/80/228: each unit keeps its key; the oral revisions of
    `test_draft_against_its_adopted_resolution` are the nine changes."""
    rows = _rows(align(pdf("A_C.3_80_L.4"), pdf("A_RES_80_228")))
    changed = ["PP32", "PP35", "OP8", "OP22", "OP23", "OP24", "OP25", "FN31", "FN32"]
    assert [row for row in rows if row not in _unchanged_in_place(rows)] == [
        f"{key} {key} changed" for key in changed
    ]
    assert len(_unchanged_in_place(rows)) == 119
