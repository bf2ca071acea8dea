"""A modeled next version of a real resolution, for benchmarks: its operative paragraphs
reworded, dropped, moved, split and merged as consecutive resolutions of a series are."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from resalign.align.model import Document, Paragraph


def modeled_variant(document: Document, seed: int = 144) -> Document:
    """`document` with, among its operative paragraphs that have no sub-items: 10 %
    reworded, 2 % dropped, 1 % moved to another place, 1 % split in two at a comma and
    1 % merged with the next one; then renumbered."""
    rng = random.Random(seed)
    parents = {p.parent for p in document.paragraphs if p.parent}
    paragraphs = list(document.paragraphs)
    plain = [
        i
        for i, p in enumerate(paragraphs)
        if p.kind == "operative" and p.part is None and p.key not in parents
    ]
    for i in rng.sample(plain, len(plain) // 10):
        paragraphs[i] = replace(paragraphs[i], text=_reworded(paragraphs[i].text, rng))
    edits = rng.sample(plain, len(plain) * 5 // 100)
    drops, moves, splits, merges = (edits[k::5] for k in range(4))
    for i in sorted(splits, reverse=True):
        cut = paragraphs[i].text.find(", ", len(paragraphs[i].text) // 2)
        if cut > 0:
            head, tail = paragraphs[i].text[: cut + 1], paragraphs[i].text[cut + 2 :]
            paragraphs[i : i + 1] = [
                replace(paragraphs[i], text=head, refs=()),
                replace(paragraphs[i], text=tail[:1].upper() + tail[1:], refs=()),
            ]
    for i in sorted(merges, reverse=True):
        after = paragraphs[i + 1]
        if after.kind == "operative" and after.key not in parents:
            joined = paragraphs[i].text.rstrip(";.") + ", and " + after.text
            paragraphs[i : i + 2] = [replace(paragraphs[i], text=joined, refs=())]
    moved = [paragraphs[i] for i in moves if i < len(paragraphs)]
    gone = {id(paragraphs[i]) for i in drops if i < len(paragraphs)} | {id(p) for p in moved}
    paragraphs = [p for p in paragraphs if id(p) not in gone]
    for paragraph in moved:
        paragraphs.insert(rng.randrange(len(paragraphs)), paragraph)
    return replace(document, paragraphs=tuple(_renumbered(paragraphs)), source="modeled")


def _reworded(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 12)):
        spot = rng.randrange(1, max(2, len(words) - 1))
        words[spot] = rng.choice(("further", "also", "all", "relevant", "national"))
    return " ".join(words)


def _renumbered(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Keys again in order: operative paragraphs of the body numbered 1…n, sub-items under
    their parent's new key; preambular paragraphs, headings and annexes keep theirs."""
    out: list[Paragraph] = []
    number = 0
    renamed: dict[str, str] = {}
    for paragraph in paragraphs:
        if paragraph.kind == "operative" and paragraph.part is None:
            number += 1
            key = f"OP{number}"
            renamed[paragraph.key] = key
            out.append(replace(paragraph, key=key, label=f"{number}."))
        elif paragraph.parent in renamed:
            parent = renamed[paragraph.parent]
            key = re.sub(r"^[^(]+", parent, paragraph.key)
            out.append(replace(paragraph, key=key, parent=parent))
        else:
            out.append(paragraph)
    return out
