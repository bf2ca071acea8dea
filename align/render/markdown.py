"""The Markdown report: the HTML report's content for wikis and issue trackers.

Plain CommonMark, as a safe renderer shows it (one that drops raw HTML, as wikis and issue
trackers do): deleted words stand as `[-words-]` and inserted words as `{+words+}`, the
marks of `wdiff` that revisers know, which read the same rendered or not; a deletion next
to an insertion stays two edits (`[-A/RES/78/228-]{+A/RES/80/228+}`). No HTML tags, no
GitHub tables or strike-through. Document text is escaped so that no character of it is
read as Markdown.
"""

from __future__ import annotations

import re

from resalign.align.comparison import Comparison, PairView
from resalign.align.diff import DELETE, EQUAL
from resalign.align.render.labels import renumbered_ranges, review_label, what_happened

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def escape_md(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def render_markdown(comparison: Comparison) -> bytes:
    alignment = comparison.alignment
    left, right = alignment.left, alignment.right
    lines = [
        f"# {escape_md(left.symbol or left.source)} ({left.language}) ↔ "
        f"{escape_md(right.symbol or right.source)} ({right.language})",
        "",
        f"{alignment.mode.capitalize()} mode · left: `{left.source}` · right: `{right.source}`",
        "",
        "## Summary",
        "",
    ]
    lines += [f"> **Warning:** {escape_md(w)}" for w in alignment.warnings]
    if alignment.warnings:
        lines.append("")
    lines += [
        f"- {status}: {count} pair{'s' if count != 1 else ''}"
        for status, count in sorted(comparison.alignment.row_counts().items())
    ]
    lines.append("")
    if alignment.mode == "version":
        totals = comparison.totals
        lines += [
            f"Words: {totals.added} added, {totals.removed} removed, {totals.unchanged} "
            f"unchanged (similarity {totals.similarity:.2f}).",
            "",
        ]
    if renumbered := alignment.renumbered():
        lines += ["### Renumbered and relettered paragraphs", ""]
        lines += [f"- {text}" for _, text in renumbered_ranges(renumbered)]
        lines.append("")
    if findings := alignment.findings:
        lines += [f"### Translation QA findings ({len(findings)})", ""]
        lines += [f"- {escape_md(f.message)}" for f in findings]
        lines.append("")
    lines += ["## Pairs", ""]
    if alignment.mode == "version":
        lines += ["Deleted words stand as \\[-words-\\], inserted words as {+words+}.", ""]
    for view in comparison.views:
        lines += _pair(view, left.language, right.language)
    return "\n".join(lines).rstrip("\n").encode("utf-8") + b"\n"


def _pair(view: PairView, left_language: str, right_language: str) -> list[str]:
    pair = view.pair
    label = review_label(view.reviewed, view.stale)
    mark = f" · {label}" if label else ""
    lines = [f"### {pair.keys} · {escape_md(what_happened(pair))} · {pair.score:.2f}{mark}", ""]
    if view.spans is not None:
        lines.append(_inline(view) or "_(empty)_")
    else:
        lines += [
            f"> **{left_language}:** {escape_md(view.left_text) if view.left_text else '—'}",
            ">",
            f"> **{right_language}:** {escape_md(view.right_text) if view.right_text else '—'}",
        ]
    if pair.findings:
        lines.append("")
        lines += [f"- ⚠ {escape_md(f.message)}" for f in pair.findings]
    lines.append("")
    return lines


def _inline(view: PairView) -> str:
    assert view.spans is not None
    out = []
    for span in view.spans:
        text = escape_md(span.text)
        stripped = text.strip()
        if span.op == EQUAL or not stripped:
            out.append(text)
            continue
        opening, closing = ("[-", "-]") if span.op == DELETE else ("{+", "+}")
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{opening}{stripped}{closing}{trail}")
    return "".join(out)
