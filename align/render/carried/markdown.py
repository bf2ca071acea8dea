"""The carry as a Markdown report: the summary a translation unit plans with, the units
that need work with the source changes and last year's translation, the dropped units."""

from __future__ import annotations

from resalign.align.carry import CARRY_STATUSES, CarriedUnit, Carry
from resalign.align.render.carried.notes import carry_title, headline, source_changes
from resalign.align.render.markdown import escape_md


def render_markdown(carry: Carry) -> bytes:
    counts, words = carry.counts(), carry.words()
    lines = [
        f"# {escape_md(carry_title(carry))}",
        "",
        "| status | units | words |",
        "|---|---:|---:|",
        *(f"| {status} | {counts[status]} | {words[status]} |" for status in CARRY_STATUSES),
        "",
        f"**Left to translate: {carry.to_translate} words** (every word of the new units, "
        "the new wording of the fuzzy ones).",
        "",
        "## Units",
        "",
        "| key | status | new source | proposed translation | notes |",
        "|---|---|---|---|---|",
        *(_row(unit) for unit in carry.units if unit.status != "exact" or unit.reasons),
    ]
    if carry.dropped:
        lines += ["", "## Not in the new text", ""]
        lines += [f"- **{u.key}**: {escape_md(u.target or u.source)}" for u in carry.dropped]
    lines += [f"\n> warning: {escape_md(w)}" for w in carry.warnings]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _row(unit: CarriedUnit) -> str:
    notes = [*unit.reasons]
    if unit.replacements:
        notes.append("replaced " + ", ".join(str(r) for r in unit.replacements))
    if changes := source_changes(unit):
        notes.append(changes)
    cells = [unit.key, headline(unit), unit.source, unit.target, "; ".join(notes)]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(text: str) -> str:
    return escape_md(text).replace("\n", "<br>")
