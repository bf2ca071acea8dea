"""The carry in a few lines for the terminal: units and words of each status, what is left
to translate, what was dropped; with `everything`, each unit that needs work too."""

from __future__ import annotations

from resalign.align.carry import CARRY_STATUSES, Carry
from resalign.align.render.carried.notes import comment_text


def carry_summary(carry: Carry, *, everything: bool) -> str:
    counts, words = carry.counts(), carry.words()
    lines = [
        f"{carry.old_target.symbol or carry.old_target.source} [{carry.old_target.language}] "
        f"→ {carry.new_source.symbol or carry.new_source.source} [{carry.new_source.language}]",
        *(
            f"  {status:<13}{counts[status]:>5} units {words[status]:>7} words"
            for status in CARRY_STATUSES
        ),
        f"  left to translate: {carry.to_translate} words",
    ]
    if carry.dropped:
        lines.append(f"  not in the new text: {', '.join(unit.key for unit in carry.dropped)}")
    if everything:
        for unit in carry.units:
            if unit.needs_work or unit.status == "auto-updated":
                note = comment_text(unit).replace("\n", "\n    ")
                lines += ["", f"{unit.key}: {note}"]
    return "\n".join(lines) + "\n"
