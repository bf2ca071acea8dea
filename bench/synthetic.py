"""Synthetic resolutions for benchmarks: the seed's text, its parts repeated."""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "A_RES_72_195.es.txt"


def scaled_seed(factor: int) -> str:
    """The Spanish seed with its preamble repeated `factor` times and its operative part
    repeated `factor` times, renumbered, so the text is about `factor` times larger."""
    raw = SEED.read_text(encoding="utf-8")
    preamble_at = raw.index("La Asamblea General,\n") + len("La Asamblea General,\n")
    operative_at = raw.index("1. *Insta*")
    closing_at = raw.index("*73ª sesión plenaria")
    preamble, operative = raw[preamble_at:operative_at], raw[operative_at:closing_at]
    parts = [raw[:preamble_at], preamble * factor]
    for copy in range(factor):
        parts.append(
            re.sub(
                r"^(\d+)\. ",
                lambda m, shift=copy * 22: f"{int(m[1]) + shift}. ",
                operative,
                flags=re.MULTILINE,
            )
        )
    parts.append(raw[closing_at:])
    return "".join(parts)
