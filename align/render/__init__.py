"""Writers: one module per output format, all reading the same `Comparison`.

Each format is one row of `REPORTS`; the command line's choices and help, the review UI's
export and the tests all read that table. A writer is imported only when it is asked for,
so that reading a document never loads lxml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resalign.align.comparison import Comparison


@dataclass(frozen=True, slots=True)
class Format:
    """An output format: its name, the file extensions that ask for it, whether its bytes
    are binary (never to a terminal) and the function that writes it."""

    name: str
    extensions: tuple[str, ...]
    module: str
    function: str
    what: str
    """What the file is, for help texts."""
    binary: bool = False

    def writer(self) -> Callable[..., bytes]:
        """The writer function, its module imported now."""
        return getattr(import_module(self.module), self.function)  # type: ignore[no-any-return]


REPORTS = (
    Format("html", (".html", ".htm"), f"{__name__}.html", "render_html", "web page"),
    Format("md", (".md", ".markdown"), f"{__name__}.markdown", "render_markdown", "Markdown"),
    Format("json", (".json",), f"{__name__}.json_report", "render_json", "JSON"),
    Format("csv", (".csv",), f"{__name__}.csv_report", "render_csv", "spreadsheet rows"),
    Format("tmx", (".tmx",), f"{__name__}.tmx", "render_tmx", "translation memory"),
    Format("xlsx", (".xlsx",), f"{__name__}.xlsx", "render_xlsx", "Excel workbook", True),
    Format("docx", (".docx",), f"{__name__}.redline", "render_redline", "Word redline", True),
)
FORMATS = {row.name: row for row in REPORTS}


def format_for(path: str | Path, formats: dict[str, Format] = FORMATS) -> str | None:
    """The format a file name asks for, by its extension (among `formats`: the reports'
    by default)."""
    suffix = Path(path).suffix.lower()
    return next((row.name for row in formats.values() if suffix in row.extensions), None)


def extensions(formats: dict[str, Format] = FORMATS) -> str:
    """`.html .md …`: the first extension of each format, for a prompt."""
    return " ".join(row.extensions[0] for row in formats.values())


def render(comparison: Comparison, format: str, **options: str) -> bytes:
    """The comparison as a report in `format` (one of FORMATS), with that writer's own
    options (the CSV writer's `dialect`)."""
    return FORMATS[format].writer()(comparison, **options)
