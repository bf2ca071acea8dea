"""resalign's core library: read resolutions, align their paragraphs, diff and render them.

Pure functions over frozen dataclasses: read → Document → align → Alignment → diff →
Comparison → render. Nothing here imports a user interface.
"""

from align.errors import (
    ExitCode,
    NotAResolutionError,
    OutputError,
    ReadError,
    ResalignError,
)
from align.languages import LANGUAGES, Language, detect, language
from align.model import Document, Footnote, FootnoteRef, Paragraph
from align.read import parse_text, read_document

__all__ = [
    "LANGUAGES",
    "Document",
    "ExitCode",
    "Footnote",
    "FootnoteRef",
    "Language",
    "NotAResolutionError",
    "OutputError",
    "Paragraph",
    "ReadError",
    "ResalignError",
    "detect",
    "language",
    "parse_text",
    "read_document",
]
