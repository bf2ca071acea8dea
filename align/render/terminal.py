"""The diff for a terminal: inline word diff (version mode), side by side (language mode).

With colour, deleted words are red and struck through and inserted words green; without
colour (piped, or asked), they read `[-deleted-]` and `{+inserted+}` as in wdiff.
"""

from __future__ import annotations

from resalign.align.comparison import Comparison, PairView
from resalign.align.diff import DELETE, INSERT
from resalign.align.render.labels import renumbered_list, review_label, what_happened
from resalign.align.render.text import pad, shown, wrap

RESET = "\x1b[0m"
STYLES = {DELETE: "\x1b[31;9m", INSERT: "\x1b[32m"}
PLAIN_MARKS = {DELETE: ("[-", "-]"), INSERT: ("{+", "+}")}
BOLD, DIM, YELLOW = "\x1b[1m", "\x1b[2m", "\x1b[33m"


def terminal_diff(
    comparison: Comparison, *, color: bool, width: int = 100, everything: bool = False
) -> str:
    """The comparison as terminal text; only pairs worth a look unless `everything`."""
    blocks = [_summary(comparison, color)]
    for view in comparison.views:
        if everything or view.is_change:
            blocks.append(_pair(view, comparison, color, width))
    if len(blocks) == 1:
        blocks.append("no differences" if comparison.alignment.mode == "version" else "no findings")
    return "\n\n".join(blocks) + "\n"


def _summary(comparison: Comparison, color: bool) -> str:
    alignment, totals = comparison.alignment, comparison.totals
    counts = alignment.row_counts()
    lines = [_style(shown(alignment.headline), BOLD, color)]
    lines.append(", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    if alignment.mode == "version":
        lines.append(
            f"words: +{totals.added} −{totals.removed} ={totals.unchanged} "
            f"(similarity {totals.similarity:.2f})"
        )
    if alignment.findings:
        lines.append(f"{len(alignment.findings)} findings")
    if renumbered := alignment.renumbered():
        lines.append(f"renumbered: {renumbered_list(renumbered)}")
    lines += [_style(f"warning: {w}", YELLOW, color) for w in alignment.warnings]
    return "\n".join(lines)


def _pair(view: PairView, comparison: Comparison, color: bool, width: int) -> str:
    pair = view.pair
    head = f"{pair.keys}  {what_happened(pair)}  {pair.score:.2f}"
    if label := review_label(view.reviewed, view.stale):
        head += f"  {label}"
    if view.spans is not None and (view.stats.added or view.stats.removed):
        head += f"  (+{view.stats.added} −{view.stats.removed} words)"
    lines = [_style(head, BOLD, color)]
    if view.spans is not None:
        lines.append("  " + _inline(view, color))
    else:
        lines += _side_by_side(view.left_text or "—", view.right_text or "—", width)
    lines += [_style(shown(f"  ! {finding.message}"), YELLOW, color) for finding in pair.findings]
    return "\n".join(lines)


def _inline(view: PairView, color: bool) -> str:
    assert view.spans is not None
    parts = []
    for span in view.spans:
        if span.op in STYLES:
            if color:
                parts.append(f"{STYLES[span.op]}{shown(span.text)}{RESET}")
            else:
                opening, closing = PLAIN_MARKS[span.op]
                parts.append(f"{opening}{shown(span.text)}{closing}")
        else:
            parts.append(shown(span.text))
    return "".join(parts)


def _side_by_side(left: str, right: str, width: int) -> list[str]:
    column = max(20, (width - 5) // 2)
    left_lines, right_lines = wrap(shown(left), column), wrap(shown(right), column)
    rows = max(len(left_lines), len(right_lines))
    left_lines += [""] * (rows - len(left_lines))
    right_lines += [""] * (rows - len(right_lines))
    return [
        f"  {pad(a, column)} │ {b}".rstrip() for a, b in zip(left_lines, right_lines, strict=True)
    ]


def _style(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{RESET}" if color else text
