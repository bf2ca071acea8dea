"""Writers: one module per output format, all reading the same `Comparison`.

`render(comparison, format)` imports a writer only when it is asked for, so that reading
a document never loads lxml.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from align.comparison import Comparison

FORMATS = {
    "html": ("align.render.html", "render_html"),
    "md": ("align.render.markdown", "render_markdown"),
    "json": ("align.render.json_report", "render_json"),
    "csv": ("align.render.csv_report", "render_csv"),
    "tmx": ("align.render.tmx", "render_tmx"),
    "xlsx": ("align.render.xlsx", "render_xlsx"),
}
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".csv": "csv",
    ".tmx": "tmx",
    ".xlsx": "xlsx",
}


def format_for(path: str | Path, extensions: dict[str, str] = EXTENSIONS) -> str | None:
    """The format a file name asks for, by its extension (in `extensions`: the reports'
    by default)."""
    return extensions.get(Path(path).suffix.lower())


def writer(formats: dict[str, tuple[str, str]], format: str) -> Callable[..., bytes]:
    """The writer function for `format` in a table of formats, its module imported now."""
    module, function = formats[format]
    return getattr(import_module(module), function)  # type: ignore[no-any-return]


def render(comparison: Comparison, format: str, **options: str) -> bytes:
    """The comparison as a report in `format` (one of FORMATS), with that writer's own
    options (the CSV writer's `dialect`)."""
    return writer(FORMATS, format)(comparison, **options)
