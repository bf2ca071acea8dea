"""Writers of a carried-forward translation: one module per output format, all reading
the same `Carry`, each one row of `CARRIED`.

`render_carry(carry, format)` imports a writer only when it is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resalign.align.render import Format, format_for

if TYPE_CHECKING:
    from resalign.align.carry import Carry

_HERE = __name__
CARRIED = (
    Format("docx", (".docx",), f"{_HERE}.docx", "render_docx", "the prefilled text", True),
    Format("txt", (".txt",), f"{_HERE}.text", "render_text", "the prefilled text"),
    Format("xliff", (".xliff", ".xlf"), f"{_HERE}.xliff", "render_xliff", "XLIFF 1.2"),
    Format("omt", (".omt",), f"{_HERE}.omegat", "render_omegat", "OmegaT project", True),
    Format("tmx", (".tmx",), f"{_HERE}.tmx", "render_tmx", "the pairs used"),
    Format("html", (".html", ".htm"), f"{_HERE}.html", "render_html", "a report"),
    Format("md", (".md", ".markdown"), f"{_HERE}.markdown", "render_markdown", "a report"),
)
CARRY_FORMATS = {row.name: row for row in CARRIED}


def carry_format_for(path: str | Path) -> str | None:
    """The output format a file name asks for, by its extension."""
    return format_for(path, CARRY_FORMATS)


def render_carry(carry: Carry, format: str) -> bytes:
    return CARRY_FORMATS[format].writer()(carry)
