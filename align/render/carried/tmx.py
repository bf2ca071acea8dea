"""The translation memory a carry used: last year's source and translation, one `<tu>` per
pair that went into the new text (exact, auto-updated or fuzzy), for a CAT tool's memory."""

from __future__ import annotations

from dataclasses import replace

from resalign.align.carry import Carry
from resalign.align.comparison import compare
from resalign.align.render import tmx


def render_tmx(carry: Carry) -> bytes:
    used = {key for unit in carry.units if unit.status != "new" for key in unit.old_keys}
    comparison = compare(carry.old_source, carry.old_target, carry.translation)
    views = tuple(view for view in comparison.views if used & set(view.pair.lefts))
    return tmx.render_tmx(replace(comparison, views=views))
