"""The XLSX export (openpyxl, an optional extra): one row per pair, status coloured, text
wrapped, header frozen — the form translators open in Excel. Text is stored as text, even
where it begins like a formula (`cells`)."""

from __future__ import annotations

import io

from align.comparison import Comparison
from align.errors import OutputError
from align.render.cells import is_formula_like
from align.render.labels import what_happened

FILLS = {
    "same": "F2F2F2",
    "changed": "FFF4CE",
    "moved": "DCECFF",
    "moved+changed": "DCECFF",
    "split": "DCECFF",
    "merged": "DCECFF",
    "added": "DCF5DC",
    "removed": "FDE2E1",
    "paired": "FFFFFF",
    "unpaired": "FDE2E1",
}
HEADERS = ["Left key", "Right key", "Status", "Score", "Left text", "Right text", "Findings"]
WIDTHS = [10, 10, 22, 8, 70, 70, 40]


def render_xlsx(comparison: Comparison) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise OutputError("XLSX needs openpyxl: pip install 'resalign[xlsx]'") from None
    book = Workbook()
    sheet = book.active
    sheet.title = "Pairs"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    for view in comparison.views:
        pair = view.pair
        sheet.append(
            [
                "\n".join(pair.lefts),
                "\n".join(pair.rights),
                what_happened(pair),
                pair.score,
                view.left_text or "",
                view.right_text or "",
                "\n".join(f.message for f in pair.findings),
            ]
        )
        fill = PatternFill("solid", fgColor=FILLS[pair.status])
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrapped
            cell.fill = fill
            if is_formula_like(cell.value):
                cell.data_type = "s"  # text that begins with `=` stays text
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
