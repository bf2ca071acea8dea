"""The CSV report: one row per pair, for spreadsheets and scripts (UTF-8, with a BOM so
that Excel reads the accents and scripts right; no cell a spreadsheet would run, see
`cells`)."""

from __future__ import annotations

import csv
import io

from align.comparison import Comparison
from align.render.cells import csv_text

COLUMNS = [
    "left_key",
    "right_key",
    "status",
    "score",
    "method",
    "words_added",
    "words_removed",
    "left_text",
    "right_text",
    "findings",
]


def render_csv(comparison: Comparison) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for view in comparison.views:
        pair = view.pair
        writer.writerow(
            [
                pair.left or "",
                pair.right or "",
                pair.status,
                f"{pair.score:.3f}",
                pair.method,
                view.stats.added,
                view.stats.removed,
                csv_text(view.left_text or ""),
                csv_text(view.right_text or ""),
                csv_text("; ".join(f.message for f in pair.findings)),
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
