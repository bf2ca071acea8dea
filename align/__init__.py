"""resalign's core library: read resolutions, align their paragraphs, diff and render them.

Pure functions over frozen dataclasses: read → Document → align → Alignment → diff →
Comparison → render. Nothing here imports a user interface.
"""

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
