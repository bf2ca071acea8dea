"""The JSON report: the alignment JSON of `resalign align --json`, plus diffs and totals."""

from __future__ import annotations

import json

from resalign.align.comparison import Comparison
from resalign.align.render.alignment import alignment_dict


def render_json(comparison: Comparison) -> bytes:
    data = alignment_dict(comparison.alignment)
    for side, document in (("left", comparison.left), ("right", comparison.right)):
        data[side].update(title=document.title, adopted=document.adopted)
    for entry, view in zip(data["pairs"], comparison.views, strict=True):
        entry["diff"] = [[s.op, s.text] for s in view.spans] if view.spans is not None else None
        entry["reviewed"] = view.reviewed
        entry["changed_since_review"] = view.stale
        entry["words"] = {
            "added": view.stats.added,
            "removed": view.stats.removed,
            "unchanged": view.stats.unchanged,
        }
    totals = comparison.totals
    data["summary"] = {
        "statuses": dict(sorted(comparison.alignment.row_counts().items())),
        "words": {
            "added": totals.added,
            "removed": totals.removed,
            "unchanged": totals.unchanged,
            "similarity": round(totals.similarity, 4),
        },
        "findings": len(comparison.alignment.findings),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
