"""How every report names a status and what else happened to a pair."""

from __future__ import annotations

import re

from resalign.align.alignment import Pair

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
    """`OP5 → OP6, OP9–OP20 → OP10–OP21, PP8(e) → PP8(f)`."""
    return ", ".join(text for _, text in renumbered_ranges(pairs))


_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def renumbered_ranges(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The renumberings, a run of paragraphs that moved on by the same step in one
    range (`OP9–OP20 → OP10–OP21`), each with the first left key it names: 306
    renumbered paragraphs of the oceans resolution read in a few lines."""
    runs: list[list[tuple[str, str]]] = []
    for left, right in pairs:
        if runs and _follows(runs[-1][-1], (left, right)):
            runs[-1].append((left, right))
        else:
            runs.append([(left, right)])
    return [
        (run[0][0], f"{run[0][0]} → {run[0][1]}") if len(run) == 1
        else (run[0][0], f"{run[0][0]}–{run[-1][0]} → {run[0][1]}–{run[-1][1]}")
        for run in runs
    ]  # fmt: skip


def _follows(before: tuple[str, str], pair: tuple[str, str]) -> bool:
    """`pair` renumbers the paragraph after `before`'s by the same step."""
    found = [_NUMBERED.match(key) for key in (*before, *pair)]
    matches = [match for match in found if match is not None]
    if len(matches) < len(found):
        return False
    a, b, c, d = matches
    return (
        a[1] == c[1] and b[1] == d[1]
        and int(c[2]) == int(a[2]) + 1 and int(d[2]) == int(b[2]) + 1
    )  # fmt: skip


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
