"""What a translator is told about a unit: its status, why, and what changed in the
source, as the Word comments, XLIFF notes and reports say it."""

from __future__ import annotations

from resalign.align.carry import CarriedUnit, Carry
from resalign.align.diff import DELETE, INSERT

MARKS = {DELETE: "−", INSERT: "+"}


def carry_title(carry: Carry) -> str:
    """`A/RES/72/195 [es] carried into A/RES/74/176 [en]` (file names where no symbol)."""
    target, source = carry.old_target, carry.new_source
    return (
        f"{target.symbol or target.source} [{target.language}] carried into "
        f"{source.symbol or source.source} [{source.language}]"
    )


def comment_text(unit: CarriedUnit) -> str:
    """Lines saying why the unit is flagged; empty for an exact unit nothing happened to.
    A fuzzy unit a reviewer accepted as it stands keeps its lines: last year's words lack
    what the new source added, and the file says so. A translator's own text has none."""
    if (unit.status == "exact" and not unit.reasons) or unit.edited:
        return ""
    if unit.accepted and unit.status != "fuzzy":
        return ""
    accepted = ["accepted as it stands: check what the source added"] if unit.accepted else []
    lines = [headline(unit), *accepted, *unit.reasons]
    if unit.replacements:
        lines.append("replaced: " + ", ".join(str(r) for r in unit.replacements))
    if changes := source_changes(unit):
        lines.append(f"source changes: {changes}")
    return "\n".join(lines)


def headline(unit: CarriedUnit) -> str:
    """`fuzzy · 98 % · from OP8`."""
    parts: list[str] = [unit.status]
    if unit.status in ("fuzzy", "auto-updated") and unit.kind != "header":
        parts.append(f"{unit.match} %")
    if unit.old_keys and unit.old_keys != (unit.key,):
        parts.append(f"from {'+'.join(unit.old_keys)}")
    return " · ".join(parts)


def source_changes(unit: CarriedUnit) -> str:
    """The words the source lost and gained: `−“and” +“and 72/195 of 19 December 2017”`."""
    return " ".join(
        f"{MARKS[span.op]}“{span.text.strip()}”"
        for span in unit.changes
        if span.op in MARKS and span.text.strip()
    )


def dropped_text(carry: Carry) -> str:
    """The old units the new text no longer has, with their old translations."""
    lines = [f"Not in the new text ({len(carry.dropped)}):"]
    for unit in carry.dropped:
        lines.append(f"{unit.key}: {unit.target or unit.source}")
    return "\n".join(lines)
