"""resalign's core library: read resolutions, align their paragraphs, diff and render them.

Pure functions over frozen dataclasses: read → Document → align → Alignment → diff →
Comparison → render. Nothing here imports a user interface.

The public names below load on first use (PEP 562), so that a command which only reads
a document does not pay for the aligner, the diff engine or the writers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

_PUBLIC = {
    "align": "align.aligner",
    "Alignment": "align.alignment",
    "Finding": "align.alignment",
    "Pair": "align.alignment",
    "Side": "align.alignment",
    "ExitCode": "align.errors",
    "NotAResolutionError": "align.errors",
    "OutputError": "align.errors",
    "ReadError": "align.errors",
    "ResalignError": "align.errors",
    "LANGUAGES": "align.languages",
    "Language": "align.languages",
    "detect": "align.languages",
    "language": "align.languages",
    "Document": "align.model",
    "Footnote": "align.model",
    "FootnoteRef": "align.model",
    "Paragraph": "align.model",
    "Overrides": "align.overrides",
    "OverridesError": "align.overrides",
    "load_overrides": "align.overrides",
    "parse_text": "align.read",
    "read_document": "align.read",
}

__all__ = [
    "LANGUAGES",
    "Alignment",
    "Document",
    "ExitCode",
    "Finding",
    "Footnote",
    "FootnoteRef",
    "Language",
    "NotAResolutionError",
    "OutputError",
    "Overrides",
    "OverridesError",
    "Pair",
    "Paragraph",
    "ReadError",
    "ResalignError",
    "Side",
    "align",
    "detect",
    "language",
    "load_overrides",
    "parse_text",
    "read_document",
]


def __getattr__(name: str) -> object:
    if name in _PUBLIC:
        value = getattr(import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'align' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))


if TYPE_CHECKING:
    from align.aligner import align
    from align.alignment import Alignment, Finding, Pair, Side
    from align.errors import (
        ExitCode,
        NotAResolutionError,
        OutputError,
        ReadError,
        ResalignError,
    )
    from align.languages import LANGUAGES, Language, detect, language
    from align.model import Document, Footnote, FootnoteRef, Paragraph
    from align.overrides import Overrides, OverridesError, load_overrides
    from align.read import parse_text, read_document
