"""An Alignment as JSON-ready data and as a readable listing."""

from __future__ import annotations

from typing import Any

from resalign.align.alignment import Alignment, Finding, Pair, Side
from resalign.align.render.labels import renumbered_list
from resalign.align.render.text import shown


def alignment_dict(alignment: Alignment) -> dict[str, Any]:
    """The alignment as plain data, in the shape `resalign align --json` prints."""
    return {
        "mode": alignment.mode,
        "left": _side(alignment.left),
        "right": _side(alignment.right),
        "pairs": [pair_dict(pair) for pair in alignment.pairs],
        "renumbered": [list(keys) for keys in alignment.renumbered()],
        "warnings": list(alignment.warnings),
    }


def pair_dict(pair: Pair) -> dict[str, Any]:
    return {
        "left": pair.left,
        "right": pair.right,
        "left_keys": list(pair.lefts),
        "right_keys": list(pair.rights),
        "status": pair.status,
        "score": pair.score,
        "method": pair.method,
        "note": pair.note,
        "findings": [finding_dict(f) for f in pair.findings],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "left": finding.left,
        "right": finding.right,
        "left_values": list(finding.left_values),
        "right_values": list(finding.right_values),
        "message": finding.message,
    }


def _side(side: Side) -> dict[str, Any]:
    return {"symbol": side.symbol, "language": side.language, "source": side.source}


def listing(alignment: Alignment) -> str:
    """A readable listing: header, counts, renumbering, then one line per pair."""
    counts = alignment.row_counts()
    lines = [
        alignment.headline,
        f"{len(alignment.pairs)} pairs: "
        + ", ".join(f"{count} {status}" for status, count in sorted(counts.items())),
    ]
    if findings := alignment.findings:
        lines.append(f"{len(findings)} findings")
    if renumbered := alignment.renumbered():
        lines.append(f"renumbered: {renumbered_list(renumbered)}")
    lines += [f"warning: {warning}" for warning in alignment.warnings]
    lines.append("")
    for pair in alignment.pairs:
        line = (
            f"{'+'.join(pair.lefts) or '—':<8} → {'+'.join(pair.rights) or '—':<8} "
            f"{pair.status:<14} {pair.score:4.2f}  {pair.method}"
        )
        lines.append(f"{line}  ({pair.note})" if pair.note else line)
        lines += [f"    ! {finding.message}" for finding in pair.findings]
    return "\n".join(shown(line) for line in lines)
