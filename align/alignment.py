"""The alignment model: which paragraph of one document goes with which of the other.

An `Alignment` is an ordered tuple of `Pair`s covering every paragraph and footnote of
both documents exactly once — except that a split or a merge shows as two pairs sharing
a key. Pairs come in reading order of the left document; paragraphs only the right
document has stand where they occur in the right document. Footnote pairs follow the
paragraph pairs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

Mode = Literal["language", "version"]
Status = Literal[
    "same", "changed", "moved", "moved+changed", "added", "removed", "paired", "unpaired"
]
"""Version mode: same, changed, moved, moved+changed, added (right only), removed (left
only). Language mode: paired, unpaired (one side is None)."""
Method = Literal["number", "order", "content", "move", "split", "merge", "citation", "manual"]
FindingKind = Literal["number", "year", "date", "symbol", "footnote", "unpaired", "subitems"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A translation-QA finding: something that should survive translation but did not."""

    kind: FindingKind
    left: str | None
    """Key on the left side, None when the finding is about a left-side gap."""
    right: str | None
    left_values: tuple[str, ...]
    """The offending values as they read on the left (normalized: `2017-12-19`, `64/293`)."""
    right_values: tuple[str, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Pair:
    """One left paragraph (or none) with one right paragraph (or none)."""

    left: str | None
    right: str | None
    status: Status
    score: float
    """0-1: how sure the aligner is that these belong together (1.0 for `same`; 0.0 when one
    side is missing)."""
    method: Method
    """How the pair was found."""
    findings: tuple[Finding, ...] = ()

    @property
    def keys(self) -> str:
        """`PP5 → PP6`, `— → OP5`: the pair as a reader names it."""
        return f"{self.left or '—'} → {self.right or '—'}"


@dataclass(frozen=True, slots=True)
class Side:
    """Which document one side of an alignment is."""

    source: str
    symbol: str | None
    language: str


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairing of two documents' paragraphs and footnotes."""

    mode: Mode
    left: Side
    right: Side
    pairs: tuple[Pair, ...]
    warnings: tuple[str, ...] = ()

    def pair_for(self, left: str | None = None, right: str | None = None) -> tuple[Pair, ...]:
        """The pairs holding this left key and/or this right key."""
        return tuple(
            pair
            for pair in self.pairs
            if (left is None or pair.left == left) and (right is None or pair.right == right)
        )

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(finding for pair in self.pairs for finding in pair.findings)

    def status_counts(self) -> Counter[str]:
        """How many pairs have each status."""
        return Counter(pair.status for pair in self.pairs)

    @property
    def headline(self) -> str:
        """`version mode: A/RES/72/195 [es] ↔ A/RES/70/179 [es]`."""
        left, right = self.left, self.right
        return (
            f"{self.mode} mode: {left.symbol or left.source} [{left.language}] ↔ "
            f"{right.symbol or right.source} [{right.language}]"
        )

    def renumbered(self) -> tuple[tuple[str, str], ...]:
        """Operative paragraphs whose number differs between the sides (`OP5`, `OP6`)."""
        return tuple(
            (pair.left, pair.right)
            for pair in self.pairs
            if pair.left
            and pair.right
            and pair.left.startswith("OP")
            and "(" not in pair.left
            and pair.left != pair.right
        )
