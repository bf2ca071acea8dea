"""The weighted token overlap the version aligner scores pairs with."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resalign.align.similarity import Weighted, tokenize

TOKEN_SETS = st.lists(st.frozensets(st.sampled_from("abcdefghij"), max_size=6), min_size=1)


def test_dice_weighs_rare_tokens_more() -> None:
    left = [tokenize("trata de personas en Jartum"), tokenize("trata de personas")]
    right = [tokenize("trata de personas en Jartum"), tokenize("la trata de personas")]
    weighted = Weighted.build(left, right)
    assert weighted.dice(0, 0) == 1.0
    assert weighted.dice(1, 1) < 1.0
    assert weighted.dice(0, 1) < weighted.dice(1, 1)  # Jartum, found once a side, weighs most


@given(TOKEN_SETS, TOKEN_SETS, st.sampled_from([-1.0, 0.0, 0.45, 0.6, 0.99]))
def test_dices_keeps_exactly_the_pairs_over_the_floor_with_their_dice(
    left: list[frozenset[str]], right: list[frozenset[str]], above: float
) -> None:
    weighted = Weighted.build(left, right)
    pairs = [(i, j) for i in range(len(left)) for j in range(len(right))]
    each = {(i, j): weighted.dice(i, j) for i, j in pairs}
    assert weighted.dices(pairs, above) == {pair: d for pair, d in each.items() if d > above}
    assert all(d == 1.0 for (i, j), d in each.items() if left[i] == right[j] and left[i])
