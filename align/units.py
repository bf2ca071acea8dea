"""Units: what the aligner pairs. Paragraphs and footnotes, seen the same way."""

from __future__ import annotations

from dataclasses import dataclass

from align.model import Document


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph or footnote as the aligner sees it."""

    key: str
    kind: str
    """preambular, operative, subitem or footnote."""
    text: str
    cites: tuple[str, ...]
    """Footnote keys the unit cites (always empty for a footnote)."""
    parent: str | None = None

    @property
    def normalized(self) -> str:
        """The text as `same` compares it: whitespace runs count as one space."""
        return " ".join(self.text.split())


def paragraph_units(document: Document) -> list[Unit]:
    return [Unit(p.key, p.kind, p.text, p.footnotes, p.parent) for p in document.paragraphs]


def footnote_units(document: Document) -> list[Unit]:
    return [Unit(f.key, "footnote", f.text, ()) for f in document.footnotes]
