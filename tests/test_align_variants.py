"""Hand-made variants of the seeds: each plants one thing the aligner must find."""

from __future__ import annotations

from pathlib import Path

import pytest

from resalign.align import Document, Overrides, OverridesError, align, load_overrides, parse_text
from resalign.align.comparison import compare
from resalign.align.overrides import overrides_toml
from tests.conftest import EN, ES

ES_TEXT = ES.read_text(encoding="utf-8")
EN_TEXT = EN.read_text(encoding="utf-8")

UNRELATED_ES = """Septuagésimo segundo período de sesiones
Tema 19 del programa

Resolución aprobada por la Asamblea General el 20 de diciembre de 2017

[sobre la base del informe de la Segunda Comisión (A/72/420)]

72/219. Protección del clima mundial para las generaciones presentes y futuras

La Asamblea General,

Recordando el Acuerdo de París sobre el cambio climático y la Convención Marco,

Observando con preocupación el aumento del nivel del mar y la acidificación de los océanos,

1. *Exhorta* a las partes a reducir las emisiones de gases de efecto invernadero;

2. *Decide* incluir el tema en el programa provisional de su septuagésimo tercer período.

*74ª sesión plenaria
20 de diciembre de 2017*
"""

UNRELATED_EN = """Seventy-second session
Agenda item 19

Resolution adopted by the General Assembly on 20 December 2017

72/219. Protection of global climate for present and future generations of humankind

The General Assembly,

Recalling the Paris Agreement and the Framework Convention on Climate Change of 1992,

Noting with concern the rise in sea level and ocean acidification observed since 1990,

1. *Calls upon* parties to reduce emissions of greenhouse gases by 2030;

2. *Decides* to include the item in the provisional agenda of its seventy-third session.

*74th plenary meeting
20 December 2017*
"""


def edited(text: str, old: str, new: str) -> Document:
    assert text.count(old) == 1, old
    return parse_text(text.replace(old, new))


def pairs_of(
    left: Document, right: Document, **options: object
) -> set[tuple[str | None, str | None]]:
    return {(p.left, p.right) for p in align(left, right, **options).pairs}  # type: ignore[arg-type]


def test_paragraph_missing_in_one_language_leaves_a_gap(es: Document) -> None:
    pp10 = (
        "Recalling also Economic and Social Council resolution 2017/18 of 6 July 2017 on the "
        "implementation of the Global Plan of Action and the previous resolutions of the "
        "Council on trafficking in persons,\n"
    )
    en = edited(EN_TEXT, pp10, "")
    alignment = align(es, en)
    expected = {("PP10", None)}
    expected |= {(f"PP{n}", f"PP{n}") for n in range(1, 10)}
    expected |= {(f"PP{n}", f"PP{n - 1}") for n in range(11, 35)}
    found = {(p.left, p.right) for p in alignment.pairs if p.left and p.left.startswith("PP")}
    assert {pair for pair in found if "(" not in (pair[0] or "")} == expected
    (gap,) = alignment.pair_for(left="PP10")
    assert (gap.status, gap.right) == ("unpaired", None)
    assert [f.kind for f in gap.findings] == ["unpaired"]
    assert gap.findings[0].message == "PP10 (es) has no counterpart in the en text"
    assert [f for f in alignment.findings if f.kind != "unpaired"] == []


def test_changed_date_and_number_are_findings(es: Document) -> None:
    en = edited(EN_TEXT, "64/293 of 30 July 2010", "64/293 of 30 July 2011")
    en = parse_text(
        EN_TEXT.replace("64/293 of 30 July 2010", "64/293 of 30 July 2011").replace(
            "vol. 2225, No. 39574", "vol. 2252, No. 39574"
        )
    )
    alignment = align(es, en)
    assert [
        (f.kind, f.left, f.right, f.left_values, f.right_values) for f in alignment.findings
    ] == [
        ("date", "PP7", "PP7", ("2010-07-30",), ("2011-07-30",)),
        ("number", "FN2", "FN2", ("2225",), ("2252",)),
    ]
    assert alignment.findings[0].message == "date: PP7 (es) has 2010-07-30, PP7 (en) has 2011-07-30"
    assert {(p.left, p.right) for p in alignment.body} == {
        (k, k) for k in [p.key for p in es.paragraphs] + [f.key for f in es.footnotes]
    }


def test_dropped_symbol_and_citation_are_findings(es: Document) -> None:
    en = parse_text(
        EN_TEXT.replace("in its resolution 64/293 of", "in its resolution of").replace(
            "Global Plan of Action to Combat Trafficking in Persons,¹⁴", "Global Plan of Action,"
        )
    )
    kinds = {(f.kind, f.left): (f.left_values, f.right_values) for f in align(es, en).findings}
    assert kinds == {
        ("symbol", "PP7"): (("64/293",), ()),
        ("footnote", "OP2"): (("FN14",), ()),
    }


def test_sub_item_list_of_different_length(es: Document) -> None:
    start = EN_TEXT.index("(f) To foster")
    end = EN_TEXT.index("\n", start)
    en = parse_text(EN_TEXT[:start] + EN_TEXT[end:])
    alignment = align(es, en)
    (parent,) = alignment.pair_for(left="PP8")
    assert [(f.kind, f.left_values, f.right_values) for f in parent.findings] == [
        ("subitems", ("6",), ("5",))
    ]
    (orphan,) = alignment.pair_for(left="PP8(f)")
    assert (orphan.right, orphan.status) == (None, "unpaired")


def test_swapped_paragraphs_show_as_a_move(es: Document) -> None:
    op14 = ES_TEXT[ES_TEXT.index("14. *Exhorta*") : ES_TEXT.index("15. *Invita*")]
    op15 = ES_TEXT[ES_TEXT.index("15. *Invita*") : ES_TEXT.index("16. *Exhorta*")]
    swapped = parse_text(
        ES_TEXT.replace(op14 + op15, op15.replace("15.", "14.", 1) + op14.replace("14.", "15.", 1))
    )
    alignment = align(es, swapped)
    by_left = {p.left: p for p in alignment.pairs}
    assert (by_left["OP14"].right, by_left["OP15"].right) == ("OP15", "OP14")
    assert sorted(p.status for p in (by_left["OP14"], by_left["OP15"])) == ["moved", "same"]
    assert {p.status for p in alignment.pairs} == {"same", "moved"}


def test_split_paragraph_pairs_with_both_halves(es: Document) -> None:
    split = edited(
        ES_TEXT,
        "responsables, así como de proteger",
        "responsables,\n\nDestacando la obligación de los Estados de proteger",
    )
    alignment = align(es, split)
    (bead,) = alignment.pair_for(left="PP3")
    assert (bead.keys, bead.status, bead.method) == ("PP3 → PP3+PP4", "split", "split")
    assert alignment.pair_for(right="PP4") == (bead,)
    assert alignment.pair_for(left="PP4")[0].right == "PP5"
    (view,) = [v for v in compare(es, split, alignment).views if v.pair == bead]
    assert view.right_text == split.paragraph("PP3").text + "\n" + split.paragraph("PP4").text
    assert [(s.op, s.text) for s in view.spans if s.op] == [  # the diff of the whole, once
        (-1, " así como"),
        (1, "\nDestacando la obligación de los Estados"),
    ]


def test_merged_paragraphs_pair_with_one(es: Document) -> None:
    merged = edited(
        ES_TEXT,
        "y el desarrollo sostenible,\n\nReiterando su preocupación por el hecho de que",
        "y el desarrollo sostenible, y reiterando su preocupación por el hecho de que",
    )
    (bead,) = align(es, merged).pair_for(right="PP1")
    assert (bead.keys, bead.status, bead.method) == ("PP1+PP2 → PP1", "merged", "merge")


def test_unrelated_documents_warn_in_version_mode(es: Document) -> None:
    alignment = align(es, parse_text(UNRELATED_ES))
    assert alignment.mode == "version"
    assert len(alignment.warnings) == 1
    assert "share little text (0 of 62 paragraphs found a counterpart)" in alignment.warnings[0]
    assert all(p.left is None or p.right is None for p in alignment.body)


def test_unrelated_documents_warn_in_language_mode(es: Document) -> None:
    alignment = align(es, parse_text(UNRELATED_EN))
    assert alignment.mode == "language"
    assert any(
        "A/RES/72/195 and A/RES/72/219 are different resolutions" in w for w in alignment.warnings
    )
    assert max(p.score for p in alignment.pairs) <= 0.5


def test_language_and_version_at_once_is_not_confident(es: Document) -> None:
    modeled_en_like = parse_text(
        EN_TEXT.replace("72/195. Improving", "70/179. Improving").replace(
            "A/RES/72/195\n", "A/RES/70/179\n"
        )
    )
    alignment = align(es, modeled_en_like)
    assert any("different resolutions" in w for w in alignment.warnings)
    assert max(p.score for p in alignment.pairs) <= 0.5
    forced = align(es, parse_text(EN_TEXT), mode="version")
    assert any("different languages (es, en)" in w for w in forced.warnings)
    assert max(p.score for p in forced.pairs) <= 0.5


def test_overrides_are_honoured(es: Document, modeled: Document) -> None:
    overrides = Overrides(pairs=(("PP11", "PP10"),), left_only=("PP13",), right_only=("FN2",))
    alignment = align(es, modeled, overrides=overrides)
    (forced,) = alignment.pair_for(left="PP11")
    assert (forced.right, forced.method, forced.status) == ("PP10", "manual", "changed")
    assert 0 < forced.score < 0.7
    assert alignment.pair_for(left="PP10")[0].right != "PP10"
    (alone,) = alignment.pair_for(left="PP13")
    assert (alone.right, alone.status, alone.method) == (None, "removed", "manual")
    assert [p.status for p in alignment.pair_for(right="PP11")] == ["added"]
    assert [p.method for p in alignment.pair_for(right="FN2")] == ["manual"]


def test_overrides_file_round_trip(tmp_path: Path, es: Document, modeled: Document) -> None:
    overrides = Overrides(pairs=(("PP11", "PP10"), ("PP25", "PP22")), left_only=("PP8(a)",))
    path = tmp_path / "pairs.toml"
    path.write_text(overrides_toml(overrides), encoding="utf-8")
    assert load_overrides(path) == overrides
    json_path = tmp_path / "pairs.json"
    json_path.write_text('{"pairs": [["PP11", "PP10"]], "right_only": ["OP5"]}', encoding="utf-8")
    assert load_overrides(json_path) == Overrides(pairs=(("PP11", "PP10"),), right_only=("OP5",))
    assert overrides_toml(Overrides()).splitlines()[1:] == [
        "pairs = []",
        "left_only = []",
        "right_only = []",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('pairs = [["PP99", "PP1"]]', "PP99 is not a paragraph or footnote of the left document"),
        ('right_only = ["OP40"]', "OP40 is not a paragraph or footnote of the right document"),
        ('pairs = [["PP1", "PP1"]]\nleft_only = ["PP1"]', "left PP1 is both paired"),
        ('pairs = "PP1"', "pairs must be a list"),
        ("colour = 1", "unknown entries ['colour']"),
        ("pairs = [", "not a valid pairs file"),
    ],
)
def test_bad_overrides(
    content: str, message: str, tmp_path: Path, es: Document, modeled: Document
) -> None:
    path = tmp_path / "pairs.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OverridesError, match=message.replace("[", r"\[").replace("(", r"\(")):
        align(es, modeled, overrides=load_overrides(path))


def _became_operative(text: str, lead: str, operative_lead: str, last: str) -> str:
    """The text with the preambular paragraph opening with `lead` made the operative
    paragraph after `last` (the last one), with its new lead in italics."""
    start = text.index(f"\n{lead} ") + 1
    end = text.index("\n", start)
    preambular = text[start:end]
    operative = f"*{operative_lead}* " + preambular[len(lead) + 1 :].rstrip(",") + "."
    text = text[:start] + text[end + 2 :]  # the paragraph and the blank line after it
    at = text.index(last) + len(last)
    number = int(last.split(".")[0]) + 1
    return text[:at] + f"\n\n{number}. {operative}" + text[at:]


@pytest.mark.parametrize(
    ("text", "lead", "operative_lead", "last"),
    [
        (
            ES_TEXT,
            "Acogiendo con beneplácito los esfuerzos",
            "Acoge con beneplácito",
            "22. *Solicita* al Secretario General",
        ),
        (
            EN_TEXT,
            "Welcoming the efforts",
            "Welcomes",
            "22. *Requests* the Secretary-General",
        ),
    ],
)
def test_a_preambular_paragraph_that_became_operative_is_found(
    text: str, lead: str, operative_lead: str, last: str
) -> None:
    old = parse_text(text)
    last_line = text[text.index(last) : text.index("\n", text.index(last))]
    new = parse_text(_became_operative(text, lead, operative_lead, last_line))
    (was,) = [p for p in old.paragraphs if p.text.startswith(lead)]
    alignment = align(old, new)
    (pair,) = alignment.pair_for(left=was.key)
    assert (pair.right, pair.status) == ("OP23", "moved+changed")
    old_lead = was.lead
    assert lead.startswith(old_lead)
    before = old.paragraphs[old.paragraphs.index(was) - 1].key
    assert pair.note == (
        f"moved: was after {before}, now after OP22; "
        f"preambular → operative: {old_lead} → {operative_lead}"
    )
    assert alignment.pair_for(right="OP23") == (pair,)
    back = align(new, old).pair_for(left="OP23")[0]  # and the reverse
    assert (back.right, back.status) == (was.key, "moved+changed")
    assert back.note.endswith(f"operative → preambular: {operative_lead} → {old_lead}")


def test_the_last_preambular_paragraph_become_the_first_operative_is_changed() -> None:
    """In place (no paragraph crosses it), a change of kind is a change, said in the note."""
    import re

    start = ES_TEXT.index("\nReconociendo que, de conformidad") + 1
    end = ES_TEXT.index("\n", start)
    preambular = ES_TEXT[start:end]
    operative = "1. *Reconoce* " + preambular[len("Reconociendo ") :].rstrip(",") + ";"
    rest = re.sub(
        r"(?m)^(\d+)\. ", lambda m: f"{int(m.group(1)) + 1}. ", ES_TEXT[end:]
    )  # every operative paragraph one number down
    new = parse_text(ES_TEXT[:start] + operative + rest)
    old = parse_text(ES_TEXT)
    alignment = align(old, new)
    (pair,) = alignment.pair_for(left="PP34")
    assert (pair.right, pair.status, pair.note) == (
        "OP1",
        "changed",
        "preambular → operative: Reconociendo → Reconoce",
    )
    assert alignment.pair_for(left="OP1")[0].right == "OP2"
    assert ("OP1", "OP2") in alignment.renumbered()
    assert ("PP34", "OP1") not in alignment.renumbered()  # a change of kind is no renumbering


def test_a_new_sub_item_reletters_the_ones_after_it() -> None:
    """A sub-item inserted as (b): the old (b)–(f) are relettered (c)–(g), each said."""
    import re

    start = ES_TEXT.index("\nb) Ayudar") + 1
    tail = re.sub(
        r"(?m)^([b-f])\) ", lambda m: f"{chr(ord(m.group(1)) + 1)}) ", ES_TEXT[start:], count=5
    )
    new = parse_text(
        ES_TEXT[:start] + "b) Reforzar la cooperación entre los organismos regionales,\n\n" + tail
    )
    alignment = align(parse_text(ES_TEXT), new)
    relettered = [(a, b) for a, b in alignment.renumbered() if a.startswith("PP8(")]
    assert relettered == [(f"PP8({x})", f"PP8({chr(ord(x) + 1)})") for x in "bcdef"]
    (pair,) = alignment.pair_for(left="PP8(e)")
    assert pair.note == "relettered PP8(e) → PP8(f)"
    assert [p.right for p in alignment.body if p.status == "added"] == ["PP8(b)"]


def test_a_merge_the_new_text_also_moved_says_so() -> None:
    """Old OP9 and OP10 merged into new OP10, which now stands after old OP11 (new OP9):
    the merge is said moved too, where its status can say only merged."""
    from tests.test_redline import generated_pair

    left, right = generated_pair(568)
    pairs = {(p.lefts, p.rights): p for p in align(left, right).pairs}
    merge = pairs[("OP9", "OP10"), ("OP10",)]
    assert (merge.status, merge.note) == ("merged", "moved: was after OP8, now after OP9")
    assert pairs[("OP11",), ("OP9",)].note == "renumbered OP11 → OP9"
    in_place = [p for p in pairs.values() if p.status in ("merged", "split") and p is not merge]
    assert all("moved" not in p.note for p in in_place)
