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


def synthetic_pair(paragraphs: int, seed: int = 1) -> tuple[str, str]:
    """Two versions of a made-up resolution with `paragraphs` paragraphs each (about):
    random paragraphs drawn from the seed's vocabulary, then in the second version 2 % of
    them deleted, 2 % inserted, 1 % moved and 10 % reworded."""
    import random

    rng = random.Random(seed)
    raw = SEED.read_text(encoding="utf-8")
    vocabulary = sorted(set(re.findall(r"[a-záéíóúñ]{3,}", raw.lower())))
    head = raw[: raw.index("La Asamblea General,\n")] + "La Asamblea General,\n\n"

    def paragraph() -> str:
        words = rng.choices(vocabulary, k=rng.randint(20, 90))
        return " ".join([words[0].capitalize(), *words[1:]]) + f" {rng.randint(1, 2030)},"

    preamble = int(paragraphs * 0.6)
    left = [paragraph() for _ in range(paragraphs)]
    right = list(left)
    for _ in range(paragraphs // 50):
        right.pop(rng.randrange(len(right)))
    for _ in range(paragraphs // 50):
        right.insert(rng.randrange(len(right)), paragraph())
    for _ in range(paragraphs // 100):
        moved = right.pop(rng.randrange(preamble, len(right)))
        right.insert(rng.randrange(preamble, len(right)), moved)
    for _ in range(paragraphs // 10):
        index = rng.randrange(len(right))
        words = right[index].split()
        words[rng.randrange(len(words) - 1)] = rng.choice(vocabulary)
        right[index] = " ".join(words)

    def render(texts: list[str]) -> str:
        parts = list(texts[:preamble])
        parts += [f"{n}. {text}" for n, text in enumerate(texts[preamble:], 1)]
        return head + "\n\n".join(parts) + "\n"

    return render(left), render(right)
