"""What a reviser is told about each pair in version mode: a paragraph rewritten where it
stood is one changed pair, not one removed and one added; a paragraph replaced by another
is not; numbers that differ are a change."""

from __future__ import annotations

from resalign.align import align, parse_text
from resalign.align.comparison import compare

HEAD = "United Nations A/RES/{n}/1\n\n{n}/1. Oceans\n\nThe General Assembly,\n\n"
CLOSE = "\n\n50th plenary meeting\n7 December 20{y}\n"
PP1 = "Reaffirming its annual resolutions on the law of the sea and on sustainable fisheries,"
OP2 = "2. Calls upon States to become parties to the Convention and its implementing agreements;"


def document(number: int, body: str):  # type: ignore[no-untyped-def]
    return parse_text(HEAD.format(n=number) + body + CLOSE.format(y=number - 55))


def test_a_paragraph_rewritten_in_place_is_one_changed_pair() -> None:
    old = document(
        78,
        f"{PP1}\n\n1. Takes note with appreciation of the report of the Secretary-General on "
        "oceans and the law of the sea, and of the work of the Division for Ocean Affairs;\n\n"
        f"{OP2}",
    )
    new = document(
        79,
        f"{PP1}\n\n1. Takes note with appreciation of the report of the Secretary-General on "
        "capacity-building in marine science, prepared with the Intergovernmental "
        f"Oceanographic Commission;\n\n{OP2}",
    )
    alignment = align(old, new)
    (pair,) = alignment.pair_for(left="OP1")
    assert (pair.rights, pair.status, pair.method) == (("OP1",), "changed", "reworded")
    assert pair.note == "rewritten in place: same opening, same neighbours"
    assert 0.25 <= pair.score < 0.45
    assert [p.status for p in alignment.body] == ["same", "changed", "same"]


def test_a_paragraph_replaced_by_another_with_the_same_verb_is_removed_and_added() -> None:
    old = document(78, f"{PP1}\n\n1. Calls upon Member States to ratify the Protocol;\n\n{OP2}")
    new = document(79, f"{PP1}\n\n1. Calls upon Governments to follow piracy closely;\n\n{OP2}")
    statuses = {p.keys: p.status for p in align(old, new).body}
    assert statuses["OP1 → —"] == "removed"
    assert statuses["— → OP1"] == "added"


def test_a_gap_with_a_paragraph_added_as_well_is_left_as_it_is() -> None:
    """Two paragraphs where one stood: which one replaced it is a guess, not shown."""
    old = document(
        78,
        f"{PP1}\n\n1. Takes note with appreciation of the report of the Secretary-General on "
        f"oceans and the law of the sea;\n\n{OP2}",
    )
    new = document(
        79,
        f"{PP1}\n\n1. Takes note with appreciation of the report of the Secretary-General on "
        "capacity-building, and of its annex;\n\n2. Takes note of the report of the Meeting "
        f"of States Parties;\n\n{OP2.replace('2.', '3.')}",
    )
    methods = {p.keys: p.method for p in align(old, new).body}
    assert "reworded" not in methods.values()


def test_a_number_that_changed_is_a_change() -> None:
    """`3.3 billion people` → `3.2 billion people` (78/168 → 79/227): changed, and the
    number is shown whole."""
    old = document(78, f"{PP1}\n\nNoting that 3.3 billion people live in rural areas,\n\n{OP2}")
    new = document(79, f"{PP1}\n\nNoting that 3.2 billion people live in rural areas,\n\n{OP2}")
    alignment = align(old, new)
    (pair,) = alignment.pair_for(left="PP2")
    assert pair.status == "changed"
    (view,) = [v for v in compare(old, new, alignment).views if v.pair.left == "PP2"]
    assert [(s.op, s.text) for s in view.spans if s.op] == [(-1, "3.3"), (1, "3.2")]


HALF_A = (
    "Requests the Secretary-General to strengthen the coordination of the Inter-Agency "
    "Coordination Group against Trafficking in Persons, including through its working group"
)
HALF_B = (
    "Encourages the United Nations Office on Drugs and Crime to continue to collect data on "
    "trafficking in persons and to publish its Global Report every two years;"
)
NEW_PASSAGE = (
    ", and to report on the outcome of the high-level meeting held in Vienna with the "
    "participation of regional commissions and civil society organizations;"
)


def test_a_split_with_a_new_passage_is_found_whole() -> None:
    """78/165 OP9 → 79/225 OP9 (its first half, with a new passage) and OP10 (its second
    half, word for word): one bead, no `renumbered OP9 → OP10`."""
    old = document(78, f"{PP1}\n\n1. {HALF_A}, and {HALF_B[0].lower()}{HALF_B[1:]}\n\n{OP2}")
    new = document(
        79, f"{PP1}\n\n1. {HALF_A}{NEW_PASSAGE}\n\n2. {HALF_B}\n\n{OP2.replace('2.', '3.')}"
    )
    alignment = align(old, new)
    (bead,) = alignment.pair_for(left="OP1")
    assert (bead.lefts, bead.rights, bead.status) == (("OP1",), ("OP1", "OP2"), "split")
    assert "renumbered" not in bead.note
    assert [p.status for p in alignment.body] == ["same", "split", "same"]


def test_a_merge_is_found_whole() -> None:
    """72/195 OP10 + OP11 → 74/176 OP11: both old paragraphs in one bead."""
    old = document(78, f"{PP1}\n\n1. {HALF_A};\n\n2. {HALF_B}\n\n{OP2.replace('2.', '3.')}")
    new = document(
        79, f"{PP1}\n\n1. {HALF_A}{NEW_PASSAGE[:-1]}, and {HALF_B[0].lower()}{HALF_B[1:]}\n\n{OP2}"
    )
    alignment = align(old, new)
    (bead,) = alignment.pair_for(left="OP1")
    assert (bead.lefts, bead.rights, bead.status) == (("OP1", "OP2"), ("OP1",), "merged")
    assert [p.status for p in alignment.body] == ["same", "merged", "same"]


def test_a_footnote_call_that_moved_or_went_is_a_finding_on_a_same_pair() -> None:
    """The words stay, the call moves to another word, or goes: `same`, and a finding
    says where each version calls its notes (their numbers differ from year to year)."""
    notes = "\n\n__________\n¹ Resolution 70/1.\n² Resolution 71/1.\n"
    before = "1. Welcomes the 2030 Agenda,¹ and calls upon States to act;\n\n2. Decides to act;²"
    moved = "1. Welcomes the 2030 Agenda, and calls upon States¹ to act;\n\n2. Decides to act;²"
    gone = "1. Welcomes the 2030 Agenda, and calls upon States to act;\n\n2. Decides to act;¹"
    old = document(78, before + notes)
    for new, said in (
        (document(79, moved + notes), "OP1 cites FN1 after “States”"),
        (document(79, gone + notes.replace("¹ Resolution 70/1.\n² ", "¹ ")), "OP1 cites none"),
    ):
        pairs = {p.keys: p for p in align(old, new).body}
        assert pairs["OP1 → OP1"].status == "same"
        assert [f.message for f in pairs["OP1 → OP1"].findings] == [
            f"footnote calls: OP1 cited FN1 after “Agenda,”, {said}"
        ]
        assert pairs["OP2 → OP2"].findings == ()  # FN2 → FN1: renumbered, at its place
