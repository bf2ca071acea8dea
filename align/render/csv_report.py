"""The CSV report: one row per pair, for spreadsheets and scripts (UTF-8, with a BOM so
that Excel reads the accents and scripts right; no cell a spreadsheet would run, see
`cells`)."""

from __future__ import annotations

import csv
import io

from resalign.align.comparison import Comparison
from resalign.align.errors import UsageError
from resalign.align.render.cells import csv_text

COLUMNS = [
    "left_key",
    "right_key",
    "status",
    "score",
    "method",
    "note",
    "words_added",
    "words_removed",
    "left_text",
    "right_text",
    "findings",
    "reviewed",
]


DIALECTS = ("excel", "excel-eu")
"""`excel`: commas and decimal points; `excel-eu`: what Excel set to Spanish, French or
Russian opens in columns — semicolons between cells, decimal commas."""


def render_csv(comparison: Comparison, dialect: str = "excel") -> bytes:
    if dialect not in DIALECTS:
        raise UsageError(f"unknown CSV dialect {dialect!r}: use {' or '.join(DIALECTS)}")
    european = dialect == "excel-eu"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if european else ",", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for view in comparison.views:
        pair = view.pair
        writer.writerow(
            [
                "+".join(pair.lefts),
                "+".join(pair.rights),
                pair.status,
                f"{pair.score:.3f}".replace(".", "," if european else "."),
                pair.method,
                csv_text(pair.note),
                view.stats.added,
                view.stats.removed,
                csv_text(view.left_text or ""),
                csv_text(view.right_text or ""),
                csv_text("; ".join(f.message for f in pair.findings)),
                "yes" if view.reviewed else "changed since review" if view.stale else "",
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
