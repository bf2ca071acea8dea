"""The alignment model: which paragraph of one document goes with which of the other.

An `Alignment` is an ordered tuple of `Pair`s covering every header fact, paragraph and
footnote of both documents exactly once. A pair is a bead: usually one key on each side,
several on one side where a paragraph was split (one left, several right) or merged
(several left, one right), none on one side where a paragraph was added or removed.
The header facts (symbol, session, agenda item, report, adoption date, title, opening)
come first; then the paragraphs, in reading order of the left document, paragraphs only
the right document has standing where they occur in it; then the footnotes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from resalign.align.pickling import by_fields

Mode = Literal["language", "version"]
Status = Literal[
    "same",
    "changed",
    "moved",
    "moved+changed",
    "split",
    "merged",
    "added",
    "removed",
    "paired",
    "unpaired",
]
"""Version mode: same, changed, moved, moved+changed, split (one left, several right),
merged (several left, one right), added (right only), removed (left only). Language
mode: paired, unpaired (one side is empty)."""
Method = Literal[
    "header",
    "number",
    "order",
    "content",
    "move",
    "split",
    "merge",
    "citation",
    "reworded",
    "manual",
]
"""How a pair was found; `reworded`: rewritten in place, paired by its place and opening
word where its wording says too little."""
FindingKind = Literal[
    "number", "year", "date", "symbol", "footnote", "unpaired", "subitems", "header"
]


@by_fields
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


def listed(values: Sequence[str]) -> str:
    """Values as a finding's message lists them: `FN1, FN2`, or `none`."""
    return ", ".join(values) if values else "none"


@by_fields
@dataclass(frozen=True, slots=True)
class Pair:
    """A bead: the left keys (none, one, or several merged) that go with the right keys."""

    lefts: tuple[str, ...]
    rights: tuple[str, ...]
    status: Status
    score: float
    """0-1: how sure the aligner is that these belong together (1.0 for `same`; 0.0 when one
    side is missing)."""
    method: Method
    """How the pair was found."""
    findings: tuple[Finding, ...] = ()
    note: str = ""
    """What else happened, as a reviser says it: `moved: was after PP12, now after PP20`,
    `preambular → operative: Welcoming → Welcomes`; empty when nothing did."""

    @property
    def left(self) -> str | None:
        """The first left key: the one that names the pair (None when the left is empty)."""
        return self.lefts[0] if self.lefts else None

    @property
    def right(self) -> str | None:
        return self.rights[0] if self.rights else None

    @property
    def keys(self) -> str:
        """`PP5 → PP6`, `— → OP5`, `PP23 → PP25+PP26`: the pair as a reader names it."""
        return f"{'+'.join(self.lefts) or '—'} → {'+'.join(self.rights) or '—'}"

    @property
    def links(self) -> tuple[tuple[str | None, str | None], ...]:
        """The bead as key-to-key links: `(PP24, PP21), (PP24, PP22)` for a split;
        `(PP11, None)` for a removed paragraph."""
        return tuple(
            (left, right) for left in self.lefts or (None,) for right in self.rights or (None,)
        )

    def holds(self, left: str | None = None, right: str | None = None) -> bool:
        """Whether the bead holds this left key and/or this right key."""
        return (left is None or left in self.lefts) and (right is None or right in self.rights)


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

    @property
    def header(self) -> tuple[Pair, ...]:
        """The pairs of header facts: symbol, session, agenda item, report, date, title…"""
        return tuple(pair for pair in self.pairs if pair.method == "header")

    @property
    def body(self) -> tuple[Pair, ...]:
        """The pairs of paragraphs and footnotes: everything but the header."""
        return tuple(pair for pair in self.pairs if pair.method != "header")

    def pair_for(self, left: str | None = None, right: str | None = None) -> tuple[Pair, ...]:
        """The pairs holding this left key and/or this right key."""
        return tuple(pair for pair in self.pairs if pair.holds(left, right))

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(finding for pair in self.pairs for finding in pair.findings)

    def status_counts(self) -> Counter[str]:
        """How many pairs of paragraphs and footnotes have each status (the header's facts
        are shown, not counted): what the aligner did."""
        return Counter(pair.status for pair in self.body)

    def row_counts(self) -> Counter[str]:
        """How many rows of each status a reviser is shown, the header's rows counted like
        the rest: the one count of pairs the CLI, the UI and every report give."""
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
        """Paragraphs that kept their place but not their printed number or letter:
        operative paragraphs renumbered (`OP5`, `OP6`), sub-items relettered (`PP8(e)`,
        `PP8(f)`). Moves, splits, merges and changes of kind are not renumbering."""
        return tuple(
            (pair.left, pair.right)
            for pair in self.pairs
            if pair.left
            and pair.right
            and pair.status in ("same", "changed")
            and renumbering(pair.left, pair.right)
        )


def renumbering(left: str, right: str) -> str:
    """`renumbered` for `OP5` → `OP6`, `relettered` for `PP8(e)` → `PP8(f)`; empty for
    `OP3(a)` → `OP4(a)`, which only follows its parent, and for `PP5` → `PP6`, whose
    number nobody prints."""
    (left_part, left_label), (right_part, right_label) = _label(left), _label(right)
    if left_label is None or right_label is None or left_label == right_label:
        return ""
    if left_label.startswith("("):
        return "relettered" if right_label.startswith("(") else ""
    return "renumbered" if left_part == right_part else ""


def _label(key: str) -> tuple[str, str | None]:
    """The annex part and the printed label of a key: (``, `(e)`) for `PP8(e)`, (`ANX.`,
    `5`) for `ANX.OP5`, (``, None) for `PP3`, `FN2` or a header fact."""
    part, _, local = key.rpartition(".")
    if "(" in local:
        return part, local[local.index("(") :]
    if local.startswith("OP") and local[2:].isdigit():
        return part, local[2:]
    return part, None
