"""Footnotes are known by what they name: `Ibid.` resolved to the reference before it."""

from __future__ import annotations

from resalign.align.references import Identities, references

ECOSOC_2023 = (
    "See Official Records of the Economic and Social Council, 2023, Supplement No. 10 (E/2023/30)."
)
ECOSOC_2018 = "Ibid., 2018, Supplement No. 10 (E/2018/30)."


def test_ibid_names_what_the_footnote_before_it_named() -> None:
    found = references([ECOSOC_2023, ECOSOC_2018, "Ibid.", "*Ibid.*", "Там же.", "同上。"])
    assert found[0] == {"2023", "10", "E/2023/30", "30"}
    assert (
        found[1]
        == found[2]
        == found[3]
        == found[4]
        == found[5]
        == {"2018", "10", "E/2018/30", "30"}
    )


def test_a_footnote_that_names_nothing_has_no_reference() -> None:
    assert references(["Adopted without a vote.", "Ibid."]) == [frozenset(), frozenset()]


def test_footnotes_naming_other_documents_stay_apart_only_where_their_own_is_there() -> None:
    left = [ECOSOC_2023, ECOSOC_2018, "Report A/78/119."]
    right = [
        ECOSOC_2023.replace("2023", "2018"),
        "Ibid., 2023, Supplement No. 10 (E/2023/30).",
        "Report A/80/234.",
    ]
    identities = Identities(left, right)
    assert identities.same == {(0, 1), (1, 0)}
    assert identities.apart(0, 0) and identities.apart(1, 1)
    assert not identities.apart(2, 2)  # last year's report and this year's: a change
