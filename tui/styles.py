"""Colours and marks for statuses, shared by the navigator and the main view."""

from __future__ import annotations

from rich.style import Style

STATUS_STYLES = {
    "same": Style(color="grey62"),
    "changed": Style(color="yellow"),
    "moved": Style(color="cyan"),
    "moved+changed": Style(color="cyan"),
    "split": Style(color="cyan"),
    "merged": Style(color="cyan"),
    "added": Style(color="green"),
    "removed": Style(color="red"),
    "paired": Style(color="grey62"),
    "unpaired": Style(color="red"),
}
CARRY_STYLES = {
    "exact": Style(color="grey62"),
    "auto-updated": Style(color="cyan"),
    "fuzzy": Style(color="yellow"),
    "new": Style(color="green"),
}
"""Colours of a carried unit's status, as the pair statuses they come from."""
FINDING = Style(color="dark_orange")
MARKS = {
    "same": "=",
    "changed": "~",
    "moved": "↕",
    "moved+changed": "↕",
    "split": "<",
    "merged": ">",
    "added": "+",
    "removed": "−",
    "paired": "·",
    "unpaired": "∅",
}
FINDING_MARK = "!"
REVIEWED_MARK = "✓"
STALE_MARK = "≠"
"""Marked reviewed, but changed since."""
DELETED = Style(color="red", strike=True)
INSERTED = Style(color="green", bold=True)
HIGHLIGHT = Style(color="black", bgcolor="yellow")
SEARCH_HIT = Style(reverse=True, bold=True)
SELECTED = Style(reverse=True, bold=True)
DIM = Style(dim=True)
PART_LABEL = Style(color="cyan", bold=True)
"""The key of each part of a split's or merge's side, where it starts: `OP11`."""
CALL = Style(color="cyan", dim=True)
"""A footnote call shown where it stands in the text: `[14]`."""
