"""How every report names a status and what else happened to a pair."""

from __future__ import annotations

from align.alignment import Pair

STATUS_LABELS = {
    "same": "same",
    "changed": "changed",
    "moved": "moved",
    "moved+changed": "moved and changed",
    "split": "split",
    "merged": "merged",
    "added": "added (right only)",
    "removed": "removed (left only)",
    "paired": "paired",
    "unpaired": "no counterpart",
}


def renumbered_list(pairs: tuple[tuple[str, str], ...]) -> str:
    """`OP5 → OP6, PP8(e) → PP8(f)`."""
    return ", ".join(f"{a} → {b}" for a, b in pairs)


REVIEWED = "✓ reviewed"
STALE = "≠ changed since review"
"""A pair marked reviewed whose text has changed since (see `align.marks`)."""


def review_label(reviewed: bool, stale: bool) -> str:
    """What a report says of a pair's review: reviewed, changed since, or nothing."""
    return REVIEWED if reviewed else STALE if stale else ""


def what_happened(pair: Pair) -> str:
    """The status as a reviser reads it, with the pair's note: `split`, `moved: was after
    PP12, now after PP20`, `changed; preambular → operative: Welcoming → Welcomes`."""
    label = STATUS_LABELS[pair.status]
    if pair.note.startswith("moved"):
        label = label.replace("moved", pair.note, 1)
        rest = ""
    else:
        rest = pair.note
    return f"{label}; {rest}" if rest else label
