"""Content similarity between paragraphs of one language: weighted token overlap.

A paragraph is a set of tokens: document symbols whole (`64/293`, `A/72/440`), then words
in lower case (Chinese: pairs of characters). Each token weighs its inverse document
frequency over both documents, so `trata` and `personas`, which every paragraph of a
trafficking resolution has, count for little and `Jartum` counts for much. Case,
punctuation and footnote numbers (already out of the clean text) never matter.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat

from resalign.align.invariants import symbol_patterns
from resalign.align.patterns import lazy

_WORD = lazy(r"\w+")
_HAN = lazy(r"[\u3400-\u9FFF]")


def tokenize(text: str, *, han: bool = False, invariants_only: bool = False) -> frozenset[str]:
    """The token set of a text. `invariants_only` keeps symbols and numbers alone: all
    that two languages share."""
    tokens = {m.group().rstrip(".") for rx in symbol_patterns(text) for m in rx.finditer(text)}
    words = _WORD.findall(text.casefold())
    if invariants_only:
        return frozenset(tokens | {w for w in words if w.isdigit()})
    if han:
        chars = [c for c in text if _HAN.match(c)]
        words = [a + b for a, b in pairwise(chars)] + [w for w in words if not _HAN.search(w)]
    tokens.update(map(sys.intern, words))  # one string per word, not one per occurrence:
    # a third less memory for a long document, and sets intersect on identity
    return frozenset(tokens)


@dataclass(frozen=True)
class Weighted:
    """Token sets of both sides with inverse-document-frequency weights."""

    left: list[frozenset[str]]
    right: list[frozenset[str]]
    idf: dict[str, float]
    left_weight: list[float]
    right_weight: list[float]
    df: Counter[str]

    @classmethod
    def build(cls, left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> Weighted:
        df = Counter(chain.from_iterable((*left, *right)))  # iterated in C, not in Python
        total = len(left) + len(right)
        idf = {token: math.log(1 + total / count) for token, count in df.items()}
        weight = idf.__getitem__
        return cls(
            list(left),
            list(right),
            idf,
            [sum(map(weight, tokens)) for tokens in left],
            [sum(map(weight, tokens)) for tokens in right],
            df,
        )

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        return sum(map(self.idf.__getitem__, a & b))

    def dice(self, i: int, j: int) -> float:
        """Weighted Dice coefficient of left unit i and right unit j, 0-1."""
        return self.dices([(i, j)])[i, j]

    def dices(
        self, pairs: Iterable[tuple[int, int]], above: float = -1.0
    ) -> dict[tuple[int, int], float]:
        """`dice` of each pair (i, j) whose dice is over `above`, in one loop: a long
        document's aligner scores hundreds of thousands of pairs, most of them of no
        likeness. A pair of units whose weights alone bound it under `above` (the overlap
        weighs at most what the lighter unit does) is not intersected at all."""
        weight = self.idf.__getitem__
        left, right = self.left, self.right
        left_weight, right_weight = self.left_weight, self.right_weight
        found = {}
        for pair in pairs:
            i, j = pair
            total = left_weight[i] + right_weight[j]
            if not total:
                score = 0.0
            elif 2 * min(left_weight[i], right_weight[j]) / total < above - 1e-9:
                continue  # (the hair: a sum over the tokens in another order rounds apart)
            elif left[i] == right[j]:  # exactly 1: a sum in another order may fall short
                score = 1.0
            else:
                score = 2 * sum(map(weight, left[i] & right[j])) / total
            if score > above:
                found[pair] = score
        return found

    def contained(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of `part` (by weight) is in `whole`, 0-1."""
        weight = sum(map(self.idf.get, part, repeat(0.0)))
        return self.overlap(part, whole) / weight if weight else 0.0

    def rare_candidates(self, cap: int, per_unit: int) -> dict[int, list[int]]:
        """For each left unit (that has any), the right units sharing at least one token
        that occurs in at most `cap` units: the only pairs worth scoring beyond the
        diagonal band. At most `per_unit` for each left unit, through its rarest tokens
        first, so that the pairs grow with the length of the documents and not faster."""
        rare_tokens = frozenset(token for token, count in self.df.items() if count <= cap)
        postings: dict[str, list[int]] = {}
        for j, tokens in enumerate(self.right):
            for token in tokens & rare_tokens:  # intersected in C
                postings.setdefault(token, []).append(j)
        found = postings.keys()
        partners_of = {}
        for i, tokens in enumerate(self.left):
            partners: dict[int, None] = {}
            for token in sorted(tokens & found, key=lambda t: (self.df[t], t)):  # rarest first
                partners.update(dict.fromkeys(postings[token]))
                if len(partners) >= per_unit:
                    break
            if partners:
                partners_of[i] = list(partners)[:per_unit]
        return partners_of
