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
    "align": "resalign.align.aligner",
    "Alignment": "resalign.align.alignment",
    "Finding": "resalign.align.alignment",
    "Pair": "resalign.align.alignment",
    "Side": "resalign.align.alignment",
    "ExitCode": "resalign.align.errors",
    "NotAResolutionError": "resalign.align.errors",
    "OutputError": "resalign.align.errors",
    "ReadError": "resalign.align.errors",
    "ResalignError": "resalign.align.errors",
    "LANGUAGES": "resalign.align.languages",
    "Language": "resalign.align.languages",
    "detect": "resalign.align.languages",
    "language": "resalign.align.languages",
    "Document": "resalign.align.model",
    "Footnote": "resalign.align.model",
    "FootnoteRef": "resalign.align.model",
    "Paragraph": "resalign.align.model",
    "Overrides": "resalign.align.overrides",
    "OverridesError": "resalign.align.overrides",
    "load_overrides": "resalign.align.overrides",
    "parse_text": "resalign.align.read",
    "read_document": "resalign.align.read",
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
    from resalign.align.aligner import align
    from resalign.align.alignment import Alignment, Finding, Pair, Side
    from resalign.align.errors import (
        ExitCode,
        NotAResolutionError,
        OutputError,
        ReadError,
        ResalignError,
    )
    from resalign.align.languages import LANGUAGES, Language, detect, language
    from resalign.align.model import Document, Footnote, FootnoteRef, Paragraph
    from resalign.align.overrides import Overrides, OverridesError, load_overrides
    from resalign.align.read import parse_text, read_document
