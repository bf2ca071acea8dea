"""Spreadsheet cells that stay text: no formula injection (OWASP, "CSV injection").

A paragraph that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
formula by Excel, LibreOffice or Sheets when the CSV is opened (`=HYPERLINK(…)`). The CSV
writer prefixes such cells with an apostrophe, as OWASP advises; the XLSX writer stores every
text as an inline string, which no spreadsheet runs.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """The text as a CSV cell no spreadsheet will take for a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
