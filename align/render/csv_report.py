"""The CSV report: one row per pair, for spreadsheets and scripts (UTF-8, with a BOM so
that Excel reads the accents and scripts right)."""

from __future__ import annotations

import csv
import io

from align.comparison import Comparison

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
                view.left_text or "",
                view.right_text or "",
                "; ".join(f.message for f in pair.findings),
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
