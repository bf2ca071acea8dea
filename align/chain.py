"""The order-preserving core of every alignment: the heaviest chain of candidate pairs.

Given weighted candidate pairs (i, j, w) between two sequences, find the set of pairs with
the largest total weight in which both i and j strictly increase — a sparse form of the
Needleman-Wunsch dynamic programme that only ever looks at the candidates it is given.
A Fenwick tree over j keeps each step at O(log m), so K candidates cost O(K log m): the
callers band or prune the candidates, and the cost never grows with n·m.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby


def heaviest_chain(
    candidates: Iterable[tuple[int, int, float]], width: int
) -> list[tuple[int, int]]:
    """The (i, j) pairs of the heaviest strictly increasing chain; weights must be > 0.

    `width` is one more than the largest j. Ties go to the chain found first in (i, j)
    order, so the result is deterministic.
    """
    ordered = sorted(candidates)
    best = [0.0] * (width + 1)  # Fenwick tree over j: prefix maximum of chain totals
    where = [-1] * (width + 1)  # ... and the candidate that ends that best chain
    totals = [0.0] * len(ordered)
    parents = [-1] * len(ordered)

    def query(j: int) -> tuple[float, int]:
        """The best chain ending in a column < j."""
        total, index, position = 0.0, -1, j
        while position > 0:
            if best[position] > total:
                total, index = best[position], where[position]
            position -= position & -position
        return total, index

    def update(j: int, total: float, index: int) -> None:
        position = j + 1
        while position <= width:
            if total > best[position]:
                best[position], where[position] = total, index
            position += position & -position

    for _, same_row in groupby(range(len(ordered)), key=lambda k: ordered[k][0]):
        row = list(same_row)  # all of one i first, so that no chain uses two pairs of one row
        for k in row:
            total, parents[k] = query(ordered[k][1])
            totals[k] = total + ordered[k][2]
        for k in row:
            update(ordered[k][1], totals[k], k)
    if not ordered:
        return []
    end = max(range(len(ordered)), key=lambda k: (totals[k], -k))
    chain = []
    while end != -1:
        chain.append((ordered[end][0], ordered[end][1]))
        end = parents[end]
    return chain[::-1]
