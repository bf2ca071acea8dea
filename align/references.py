"""What a footnote refers to: the documents and numbers it names, `Ibid.` resolved.

A footnote is known by the document it names, not by its wording: when the references of
a paragraph change order between versions, `See Official Records of the Economic and
Social Council, 2023, … (E/2023/30)` may come back as `Ibid., 2023, … (E/2023/30)`. Its
reference is the symbols and numbers it names; a bare `Ibid.` names what the footnote
before it named.
"""

from __future__ import annotations

from collections.abc import Sequence

from resalign.align.similarity import tokenize

IBID = ("ibid", "там же", "المرجع نفسه", "同上")
"""How a footnote says it names what the one before it named, in the six languages."""


def references(texts: Sequence[str]) -> list[frozenset[str]]:
    """For each footnote text, in order, the symbols and numbers it names (empty where it
    names none: `Resolution adopted without a vote`)."""
    found: list[frozenset[str]] = []
    previous: frozenset[str] = frozenset()
    for text in texts:
        own = tokenize(text, invariants_only=True)
        if not own and text.replace("*", "").lstrip().casefold().startswith(IBID):
            own = previous
        found.append(own)
        previous = own
    return found


class Identities:
    """The references of two versions' footnotes, for telling which may pair."""

    def __init__(self, left: Sequence[str], right: Sequence[str]) -> None:
        self.left, self.right = references(left), references(right)
        by_reference: dict[frozenset[str], list[int]] = {}
        for j, reference in enumerate(self.right):
            if reference:
                by_reference.setdefault(reference, []).append(j)
        self.same = {
            (i, j) for i, reference in enumerate(self.left) for j in by_reference.get(reference, ())
        }
        """Pairs (left index, right index) that name the same reference."""
        self.matched_left = {i for i, _ in self.same}
        self.matched_right = {j for _, j in self.same}

    def apart(self, i: int, j: int) -> bool:
        """Footnotes `i` and `j` name different references and either has a partner that
        names its own: they do not belong together, whatever their wording."""
        a, b = self.left[i], self.right[j]
        return bool(a and b and a != b and (i in self.matched_left or j in self.matched_right))
