"""Writers of a carried-forward translation: one module per output format, all reading
the same `Carry`.

`render_carry(carry, format)` imports a writer only when it is asked for.
"""

from __future__ import annotations

from pathlib import Path

from align.carry import Carry
from align.render import format_for, writer

CARRY_FORMATS = {
    "docx": ("align.render.carried.docx", "render_docx"),
    "txt": ("align.render.carried.text", "render_text"),
    "xliff": ("align.render.carried.xliff", "render_xliff"),
    "tmx": ("align.render.carried.tmx", "render_tmx"),
    "html": ("align.render.carried.html", "render_html"),
    "md": ("align.render.carried.markdown", "render_markdown"),
}
EXTENSIONS = {
    ".docx": "docx",
    ".txt": "txt",
    ".xliff": "xliff",
    ".xlf": "xliff",
    ".tmx": "tmx",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
}


def carry_format_for(path: str | Path) -> str | None:
    """The output format a file name asks for, by its extension."""
    return format_for(path, EXTENSIONS)


def render_carry(carry: Carry, format: str) -> bytes:
    return writer(CARRY_FORMATS, format)(carry)
