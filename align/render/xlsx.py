"""The XLSX export (openpyxl, an optional extra), the form translators open in Excel.

Sheet "Pairs": one row per pair, status coloured, the word diff as rich text in the text
cells (deleted words red and struck through on the left, inserted words green and bold on
the right), method, word counts, findings, the reviewed mark and an empty comment column;
header frozen, filters on, printed A4 landscape with the header on every page. Sheet
"Summary": both documents, the mode, counts per status, words, renumbering, findings and
warnings. Text is stored as text, even where it begins like a formula (`cells`).
"""

from __future__ import annotations

import io
from typing import Any

from align.comparison import Comparison, PairView
from align.diff import DELETE, EQUAL, INSERT
from align.errors import OutputError
from align.render.cells import is_formula_like
from align.render.labels import STATUS_LABELS, renumbered_list, what_happened

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
COLUMNS = [  # heading, width
    ("Left key", 10),
    ("Right key", 10),
    ("Status", 24),
    ("Method", 10),
    ("Score", 7),
    ("Words added", 8),
    ("Words removed", 8),
    ("Left text", 70),
    ("Right text", 70),
    ("Findings", 40),
    ("Reviewed", 9),
    ("Comment", 40),
]
HEADERS = [heading for heading, _ in COLUMNS]
TEXT_COLUMNS = (8, 9)
"""The columns (1-based) that hold the two texts, as rich text where there is a diff."""


def render_xlsx(comparison: Comparison) -> bytes:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise OutputError("XLSX needs openpyxl: pip install 'resalign[xlsx]'") from None
    book = Workbook()
    _pairs_sheet(book.active, comparison)
    _summary_sheet(book.create_sheet("Summary"), comparison)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pairs_sheet(sheet: Any, comparison: Comparison) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

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
                pair.method,
                pair.score,
                view.stats.added,
                view.stats.removed,
                _text(view, "left"),
                _text(view, "right"),
                "\n".join(f.message for f in pair.findings),
                "✓" if view.reviewed else "",
                "",  # the reviser's, to fill in
            ]
        )
        fill = PatternFill("solid", fgColor=FILLS[pair.status])
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrapped
            cell.fill = fill
            _as_text(cell)
    for index, (_, width) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet)


def _text(view: PairView, side: str) -> Any:
    """One side's text: rich text with the diff's words marked, or plain text."""
    text = (view.left_text if side == "left" else view.right_text) or ""
    shown = DELETE if side == "left" else INSERT
    if view.spans is None or not any(span.op == shown for span in view.spans):
        return text
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    marked = (
        InlineFont(color="C00000", strike=True)
        if side == "left"
        else InlineFont(color="00803C", b=True, u="single")
    )
    blocks: list[Any] = []
    for span in view.spans:
        if span.op == EQUAL:
            blocks.append(span.text)
        elif span.op == shown:
            blocks.append(TextBlock(marked, span.text))
    return CellRichText(blocks)


def _summary_sheet(sheet: Any, comparison: Comparison) -> None:
    from openpyxl.styles import Alignment, Font

    alignment = comparison.alignment
    rows: list[tuple[Any, ...]] = [("resalign comparison",), ()]
    rows += [("", "Left", "Right")]
    for label, left, right in (
        ("Symbol", alignment.left.symbol, alignment.right.symbol),
        ("Language", alignment.left.language, alignment.right.language),
        ("Source", alignment.left.source, alignment.right.source),
        ("Title", comparison.left.title, comparison.right.title),
        ("Adopted", comparison.left.adopted, comparison.right.adopted),
    ):
        rows.append((label, left or "", right or ""))
    rows += [(), ("Mode", alignment.mode), (), ("Status", "Pairs")]
    rows += [(STATUS_LABELS[s], n) for s, n in sorted(alignment.status_counts().items())]
    if alignment.mode == "version":
        totals = comparison.totals
        rows += [(), ("Words added", totals.added), ("Words removed", totals.removed)]
        rows += [("Words unchanged", totals.unchanged)]
    reviewed = sum(1 for view in comparison.views if view.reviewed)
    rows += [(), ("Reviewed", f"{reviewed} of {len(comparison.views)}")]
    if renumbered := alignment.renumbered():
        rows += [(), ("Renumbered", renumbered_list(renumbered))]
    if findings := alignment.findings:
        rows += [(), (f"QA findings ({len(findings)})",)]
        rows += [("", finding.message) for finding in findings]
    rows += [("Warning", warning) for warning in alignment.warnings]
    for row in rows:
        sheet.append(list(row))
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            _as_text(cell)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 60
    _print_setup(sheet, titles=False)


def _as_text(cell: Any) -> None:
    """Text that begins like a formula (`=HYPERLINK(…)`) stays text."""
    if isinstance(cell.value, str) and is_formula_like(cell.value):
        cell.data_type = "s"


def _print_setup(sheet: Any, *, titles: bool = True) -> None:
    """A4 landscape, a page wide, the header row on every printed page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if titles:
        sheet.print_title_rows = "1:1"
