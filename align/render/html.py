"""The HTML report: one self-contained page a translator can open, print or e-mail.

No network assets and no script: inline CSS, a side-by-side table with one row per pair
(so the two sides never fall out of step), a summary, a legend, anchors per key, a
"changes only" filter made of a checkbox and CSS, and a print stylesheet for A4
landscape. Every piece of document text goes through `escape`. Arabic reads right to
left (`dir="rtl"` on its side).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from resalign.align.alignment import Finding
from resalign.align.comparison import Comparison, PairView
from resalign.align.diff import DELETE, EQUAL, INSERT
from resalign.align.render.labels import (
    STATUS_LABELS,
    renumbered_ranges,
    review_label,
    what_happened,
)
from resalign.align.render.text import found_values, with_marks
from resalign.align.units import Calls

RTL = {"ar"}
CSS = """
:root { --same:#f6f6f6; --changed:#fff4ce; --moved:#dcecff; --added:#dcf5dc; --removed:#fde2e1;
        --finding:#ffe8cc; --ink:#1b1b1b; --muted:#5c5c5c; }
* { box-sizing: border-box; }
body { font: 15px/1.5 "Noto Sans", "Segoe UI", Arial, sans-serif; color: var(--ink);
       margin: 1.5rem auto; max-width: 1400px; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.sources { color: var(--muted); margin: 0 0 1rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 3rem; align-items: flex-start; }
.renumbered { columns: 1; }
table { border-collapse: collapse; }
.summary td, .summary th, .renumbered td, .renumbered th { padding: .15rem .6rem;
       border-bottom: 1px solid #ddd; text-align: left; }
.pairs { width: 100%; table-layout: fixed; margin-top: .5rem; }
.pairs th { position: sticky; top: 0; background: #fff; text-align: left;
       border-bottom: 2px solid #999; padding: .3rem .5rem; }
.pairs td { vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #ddd;
            white-space: pre-line; }
.pairs col.key { width: 5.5rem; } .pairs col.status { width: 11rem; }
.key a { color: inherit; font-weight: 600; text-decoration: none; }
.status-same { background: var(--same); } .status-changed { background: var(--changed); }
.status-moved, .status-moved\\+changed, .status-split, .status-merged { background: var(--moved); }
.status-added { background: var(--added); } .status-removed { background: var(--removed); }
.status-unpaired { background: var(--removed); } .has-findings { background: var(--finding); }
del { background: #f9c0bd; color: #7a0c05; text-decoration: line-through; }
ins { background: #b6e8b6; color: #0b4d0b; text-decoration: none; }
.score { color: var(--muted); font-size: .85em; }
ul.findings { margin: .3rem 0 0; padding-left: 1rem; font-size: .85em; }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .3rem;
               border: 1px solid #ccc; }
.filter { margin: 1rem 0 0; }
mark { background: var(--finding); padding: 0 .1em; }
sup.call { color: #0b5cad; font-size: .7em; padding: 0 .1em; }
.reviewed { color: #1a7f37; white-space: nowrap; }
.stale { color: #9a6700; font-weight: bold; white-space: nowrap; }
.warning { background: #fff0b3; padding: .3rem .6rem; border-left: 4px solid #c79100; }
#changes-only:checked ~ table.pairs tr.unchanged { display: none; }
[dir=rtl] { text-align: right; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { font-size: 9pt; max-width: none; margin: 0; padding: 0; }
  .filter, #changes-only { display: none; }
  .pairs th { position: static; }
  tr { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render_html(comparison: Comparison) -> bytes:
    left, right = comparison.alignment.left, comparison.alignment.right
    title = (
        f"{left.symbol or left.source} ({left.language}) ↔ "
        f"{right.symbol or right.source} ({right.language})"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>resalign: {escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="sources">{escape(comparison.alignment.mode)} mode · left: '
        f"{escape(left.source)} · right: {escape(right.source)}</p>",
        *_summary(comparison),
        *_legend(comparison),
        '<input type="checkbox" id="changes-only" class="filter">',
        '<label for="changes-only" class="filter">Show changes only</label>',
        *_table(comparison),
        "</body>",
        "</html>",
    ]
    return ("\n".join(parts) + "\n").encode("utf-8")


def _summary(comparison: Comparison) -> list[str]:
    alignment = comparison.alignment
    rows = "".join(
        f'<tr><td class="status-{escape(status)}">{escape(STATUS_LABELS[status])}</td>'
        f"<td>{count}</td></tr>"
        for status, count in sorted(comparison.alignment.row_counts().items())
    )
    parts = ['<section id="summary">', "<h2>Summary</h2>"]
    parts += [f'<p class="warning">Warning: {escape(w)}</p>' for w in alignment.warnings]
    parts.append('<div class="overview"><div>')
    parts.append(f'<table class="summary"><tr><th>Status</th><th>Pairs</th></tr>{rows}</table>')
    if alignment.mode == "version":
        totals = comparison.totals
        parts.append(
            f"<p>Words: {totals.added} added, {totals.removed} removed, {totals.unchanged} "
            f"unchanged (similarity {totals.similarity:.2f}).</p>"
        )
    parts.append("</div>")
    if renumbered := alignment.renumbered():
        ranges = ", ".join(
            f'<a href="#L-{escape(first)}">{escape(text)}</a>'
            for first, text in renumbered_ranges(renumbered)
        )
        parts.append(
            "<div><h3>Renumbered and relettered paragraphs</h3>"
            f'<p class="renumbered">{ranges}</p></div>'
        )
    if findings := alignment.findings:
        items = "".join(f"<li>{_finding_link(f)}</li>" for f in findings)
        parts.append(
            f"<div><h3>Translation QA findings ({len(findings)})</h3><ul>{items}</ul></div>"
        )
    parts += ["</div>", "</section>"]
    return parts


def _finding_link(finding: Finding) -> str:
    anchor = f"L-{finding.left}" if finding.left else f"R-{finding.right}"
    return f'<a href="#{escape(anchor)}">{escape(finding.message)}</a>'


def _legend(comparison: Comparison) -> list[str]:
    statuses = (
        ["same", "changed", "moved", "split", "merged", "added", "removed"]
        if comparison.alignment.mode == "version"
        else ["paired", "unpaired"]
    )
    swatches = "".join(
        f'<span class="status-{s}">{escape(STATUS_LABELS[s])}</span>' for s in statuses
    )
    marks = (
        " Words: <del>deleted</del> <ins>inserted</ins>."
        if comparison.alignment.mode == "version"
        else ' <span class="has-findings">has QA findings</span>'
    )
    return [f'<p class="legend">Legend: {swatches}{marks}</p>']


def _table(comparison: Comparison) -> list[str]:
    left, right = comparison.alignment.left, comparison.alignment.right
    left_attrs, right_attrs = _lang_attrs(left.language), _lang_attrs(right.language)
    parts = [
        '<table class="pairs">',
        '<colgroup><col class="key"><col><col class="key"><col><col class="status"></colgroup>',
        "<thead><tr><th>Key</th>"
        f"<th{left_attrs}>{escape(left.symbol or left.source)} ({escape(left.language)})</th>"
        "<th>Key</th>"
        f"<th{right_attrs}>{escape(right.symbol or right.source)} ({escape(right.language)})</th>"
        "<th>Status</th></tr></thead>",
        "<tbody>",
    ]
    sides = (
        _Side(Calls.of(comparison.left), left.language, left_attrs, "left"),
        _Side(Calls.of(comparison.right), right.language, right_attrs, "right"),
    )
    for view in comparison.views:
        parts.append(_row(view, sides))
    parts += ["</tbody>", "</table>"]
    return parts


@dataclass(frozen=True)
class _Side:
    """What the text cells of one side need: its footnote calls, language, attributes."""

    calls: Calls
    language: str
    attrs: str
    name: str


def _row(view: PairView, sides: tuple[_Side, _Side]) -> str:
    pair = view.pair
    classes = [f"status-{pair.status}"]
    if pair.findings:
        classes.append("has-findings")
    if not view.is_change:
        classes.append("unchanged")
    if view.reviewed:
        classes.append("reviewed")
    if view.stale:
        classes.append("stale")
    findings = (
        '<ul class="findings">'
        + "".join(f"<li>{escape(f.message)}</li>" for f in pair.findings)
        + "</ul>"
        if pair.findings
        else ""
    )
    return (
        f'<tr class="{escape(" ".join(classes))}">'
        f"{_key_cell('L', pair.lefts)}<td{sides[0].attrs}>{_text(view, sides[0])}</td>"
        f"{_key_cell('R', pair.rights)}<td{sides[1].attrs}>{_text(view, sides[1])}</td>"
        f"<td>{escape(what_happened(pair))} "
        f'<span class="score">{pair.score:.2f}</span>{_reviewed(view)}{findings}</td></tr>'
    )


def _reviewed(view: PairView) -> str:
    label = review_label(view.reviewed, view.stale)
    kind = "reviewed" if view.reviewed else "stale"
    return f' <span class="{kind}">{escape(label)}</span>' if label else ""


def _key_cell(prefix: str, keys: tuple[str, ...]) -> str:
    """The keys of one side, each its own anchor: every key stands in one row only."""
    if not keys:
        return '<td class="key">—</td>'
    anchors = [(escape(f"{prefix}-{key}"), escape(key)) for key in keys]
    links = "<br>".join(f'<a id="{a}" href="#{a}">{key}</a>' for a, key in anchors)
    return f'<td class="key">{links}</td>'


TAGS = {
    "del": ("<del>", "</del>"),
    "ins": ("<ins>", "</ins>"),
    "mark": ("<mark>", "</mark>"),
    "call": ('<sup class="call">', "</sup>"),
}


def _text(view: PairView, side: _Side) -> str:
    """One side's text: its diff (version mode) or the values its QA findings name
    (language mode) marked, and a footnote call where each stands."""
    text = view.left_text if side.name == "left" else view.right_text
    if text is None:
        return ""
    chunks: list[tuple[str, str | None]] = []
    if view.spans is None:
        position = 0
        for start, end in found_values(text, view.pair.findings, side.name, side.language):
            chunks += [(text[position:start], None), (text[start:end], "mark")]
            position = end
        chunks.append((text[position:], None))
    else:
        shown, tag = (DELETE, "del") if side.name == "left" else (INSERT, "ins")
        chunks = [
            (s.text, tag if s.op == shown else None) for s in view.spans if s.op in (EQUAL, shown)
        ]
    keys = view.pair.lefts if side.name == "left" else view.pair.rights
    calls = [(ref.offset, (ref.key.removeprefix("FN"), "call")) for ref in side.calls.at(keys)]
    return "".join(
        f"{TAGS[tag][0]}{escape(piece)}{TAGS[tag][1]}" if tag else escape(piece)
        for piece, tag in with_marks(chunks, calls)
        if piece
    )


def _lang_attrs(language: str) -> str:
    direction = "rtl" if language in RTL else "ltr"
    return f' lang="{escape(language)}" dir="{direction}"'
