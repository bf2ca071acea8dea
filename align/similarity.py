"""Content similarity between paragraphs of one language: weighted token overlap.

A paragraph is a set of tokens: document symbols whole (`64/293`, `A/72/440`), then words
in lower case (Chinese: pairs of characters). Each token weighs its inverse document
frequency over both documents, so `trata` and `personas`, which every paragraph of a
trafficking resolution has, count for little and `Jartum` counts for much. Case,
punctuation and footnote numbers (already out of the clean text) never matter.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, pairwise, repeat

from align.invariants import symbol_patterns
from align.patterns import lazy

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
        tokens.update(a + b for a, b in pairwise(chars))
        words = [w for w in words if not _HAN.search(w)]
    tokens.update(words)
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
        total = self.left_weight[i] + self.right_weight[j]
        if not total:
            return 0.0
        left, right = self.left[i], self.right[j]
        if left == right:  # exactly 1: a sum over the tokens in another order may fall short
            return 1.0
        return 2 * self.overlap(left, right) / total

    def contained(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of `part` (by weight) is in `whole`, 0-1."""
        weight = sum(map(self.idf.get, part, repeat(0.0)))
        return self.overlap(part, whole) / weight if weight else 0.0

    def rare_candidates(self, cap: int, per_unit: int) -> set[tuple[int, int]]:
        """Pairs (i, j) sharing at least one token that occurs in at most `cap` units:
        the only pairs worth scoring beyond the diagonal band. At most `per_unit` for each
        left unit, through its rarest tokens first, so that the pairs grow with the length
        of the documents and not faster."""
        rare_tokens = frozenset(token for token, count in self.df.items() if count <= cap)
        postings: dict[str, list[int]] = {}
        for j, tokens in enumerate(self.right):
            for token in tokens & rare_tokens:  # intersected in C
                postings.setdefault(token, []).append(j)
        found = postings.keys()
        pairs = set()
        for i, tokens in enumerate(self.left):
            partners: dict[int, None] = {}
            rare = sorted(tokens & found)  # by name, then (the sort
            for token in sorted(rare, key=self.df.__getitem__):  # is stable) rarest first
                partners.update(dict.fromkeys(postings[token]))
                if len(partners) >= per_unit:
                    break
            pairs.update((i, j) for j in list(partners)[:per_unit])
        return pairs
