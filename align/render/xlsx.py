"""The XLSX export, the form translators open in Excel: SpreadsheetML parts built with lxml
and zipped, no spreadsheet library (openpyxl's object per cell made it the slowest writer).

Sheet "Pairs": one row per pair, status coloured, the word diff as rich text in the text
cells (deleted words red and struck through on the left, inserted words green, bold and
underlined on the right), method, word counts, findings, the reviewed mark and an empty
comment column; header frozen, filters on, printed A4 landscape a page wide with the header
on every page. Sheet "Summary": both documents, the mode, counts per status, words,
renumbering, findings and warnings. Every text is an inline string, so no cell is ever a
formula, whatever it begins with (`=HYPERLINK(…)` stays text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree

from resalign.align.comparison import Comparison, PairView
from resalign.align.diff import DELETE, EQUAL, INSERT
from resalign.align.errors import UsageError
from resalign.align.render import opc, xmltree
from resalign.align.render.labels import STATUS_LABELS, renumbered_list, what_happened

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
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
COLOURS = sorted(set(FILLS.values()))
BOLD, TITLE, WRAPPED = 1, 2, 3
"""Cell styles: 0 plain, 1 bold (headings), 2 the summary's title, 3 wrapped text; then
one wrapped style per fill colour, in `COLOURS` order."""
RUNS = {
    DELETE: '<rPr><strike val="1"/><color rgb="00C00000"/></rPr>',
    INSERT: '<rPr><b val="1"/><color rgb="0000803C"/><u val="single"/></rPr>',
}
"""How a deleted and an inserted word are set in a rich-text cell."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot hold (a cell never needs them)."""


CELL_LIMIT = 32_767
"""The most characters an Excel cell holds: Excel cuts a longer text when it opens the file."""


def render_xlsx(comparison: Comparison) -> bytes:
    _refuse_overlong(comparison)
    pairs = _pairs_sheet(comparison)
    summary = _summary_sheet(comparison)
    last = len(comparison.views) + 1
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return opc.package(
        [
            ("[Content_Types].xml", opc.content_types([
                ("/xl/workbook.xml", f"{office}.sheet.main+xml"),
                ("/xl/worksheets/sheet1.xml", f"{office}.worksheet+xml"),
                ("/xl/worksheets/sheet2.xml", f"{office}.worksheet+xml"),
                ("/xl/styles.xml", f"{office}.styles+xml"),
            ])),
            ("_rels/.rels", opc.relationships([("officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", _workbook(last)),
            ("xl/_rels/workbook.xml.rels", opc.relationships([
                ("worksheet", "worksheets/sheet1.xml"),
                ("worksheet", "worksheets/sheet2.xml"),
                ("styles", "styles.xml"),
            ])),
            ("xl/styles.xml", _styles()),
            ("xl/worksheets/sheet1.xml", pairs),
            ("xl/worksheets/sheet2.xml", summary),
        ]
    )  # fmt: skip


def _refuse_overlong(comparison: Comparison) -> None:
    """A UsageError for a text longer than a cell holds: the workbook would lose its end."""
    for view in comparison.views:
        for keys, text in ((view.pair.lefts, view.left_text), (view.pair.rights, view.right_text)):
            size = len(text.encode("utf-16-le")) // 2 if text is not None else 0
            if size > CELL_LIMIT:  # counted as Excel counts: UTF-16 units
                raise UsageError(
                    f"{'+'.join(keys)} has {size:,} characters, more than an Excel cell "
                    f"holds ({CELL_LIMIT:,}): write html, md, json, csv or docx instead"
                )


def _pairs_sheet(comparison: Comparison) -> bytes:
    rows: list[tuple[int, list[Any]]] = [(BOLD, HEADERS)]
    for view in comparison.views:
        pair = view.pair
        rows.append(
            (
                WRAPPED + 1 + COLOURS.index(FILLS[pair.status]),
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
                    "✓" if view.reviewed else "changed since review" if view.stale else "",
                    "",  # the reviser's, to fill in
                ],
            )
        )
    widths = [width for _, width in COLUMNS]
    return _sheet(rows, widths, frozen=True, filtered=f"A1:L{len(rows)}")


def _text(view: PairView, side: str) -> Any:
    """One side's text: the diff's spans of that side (the others' words marked), or the
    plain text where that side has no change."""
    text = (view.left_text if side == "left" else view.right_text) or ""
    shown = DELETE if side == "left" else INSERT
    if view.spans is None or not any(span.op == shown for span in view.spans):
        return text
    return [(span.text, span.op) for span in view.spans if span.op in (EQUAL, shown)]


def _summary_sheet(comparison: Comparison) -> bytes:
    alignment = comparison.alignment
    rows: list[Sequence[Any]] = [("resalign comparison",), ()]
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
    rows += [(STATUS_LABELS[s], n) for s, n in sorted(alignment.row_counts().items())]
    if alignment.mode == "version":
        totals = comparison.totals
        rows += [(), ("Words added", totals.added), ("Words removed", totals.removed)]
        rows += [("Words unchanged", totals.unchanged)]
    reviewed = sum(1 for view in comparison.views if view.reviewed)
    rows += [(), ("Reviewed", f"{reviewed} of {len(comparison.views)}")]
    if stale := sum(1 for view in comparison.views if view.stale):
        rows += [("Changed since review", stale)]
    if renumbered := alignment.renumbered():
        rows += [(), ("Renumbered", renumbered_list(renumbered))]
    if findings := alignment.findings:
        rows += [(), (f"QA findings ({len(findings)})",)]
        rows += [("", finding.message) for finding in findings]
    rows += [("Warning", warning) for warning in alignment.warnings]
    styled = [(TITLE if number == 0 else WRAPPED, list(row)) for number, row in enumerate(rows)]
    return _sheet(styled, [22, 60, 60], frozen=False, filtered=None)


def _sheet(
    rows: Sequence[tuple[int, Sequence[Any]]],
    widths: list[int],
    *,
    frozen: bool,
    filtered: str | None,
) -> bytes:
    """A worksheet's XML. Its tens of thousands of cell elements are written as text
    (every document text through `_escaped`): as lxml elements they took ten times as
    long as the HTML report; the few other parts are built with lxml."""
    pane = (
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        if frozen
        else ""
    )
    columns = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
        for n, width in enumerate(widths, 1)
    )
    data = "".join(
        f'<row r="{number}"{_height(values, widths)}>'
        + "".join(_cell(f"{_column(c)}{number}", style, v) for c, v in enumerate(values))
        + "</row>"
        for number, (style, values) in enumerate(rows, 1)
    )
    autofilter = f'<autoFilter ref="{filtered}"/>' if filtered else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
        f"<cols>{columns}</cols><sheetData>{data}</sheetData>{autofilter}"
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        '<pageSetup orientation="landscape" paperSize="9" fitToHeight="0" fitToWidth="1"/>'
        "</worksheet>"
    ).encode()


LINE = 15.0
"""Points a line of 11-point text takes."""
TALLEST = 409.5
"""The tallest row Excel opens (points)."""


def _height(values: Sequence[Any], widths: list[int]) -> str:
    """A row's height, as the lines of its longest wrapped cell take: spreadsheet programs
    do not grow a row for wrapped text they did not lay out themselves (LibreOffice showed
    one line of each paragraph). A column `width` characters wide holds about as many."""
    lines = max(
        (_lines(value, width) for value, width in zip(values, widths, strict=False)), default=1
    )
    return "" if lines <= 1 else f' ht="{min(TALLEST, lines * LINE):g}" customHeight="1"'


def _lines(value: Any, width: int) -> int:
    """The lines a cell's text takes in a column `width` characters wide."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, list | tuple):  # rich text: (text, op) runs
        text = "".join(part for part, _ in value)
    else:
        return 1
    per_line = max(1, width - 1)
    return sum(max(1, -(-len(line) // per_line)) for line in text.split("\n"))


def _cell(reference: str, style: int, value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = int(value) if float(value).is_integer() else value  # `1`, as Excel writes it
        return f'<c r="{reference}" s="{style}" t="n"><v>{number!r}</v></c>'
    if not value:
        return f'<c r="{reference}" s="{style}" t="inlineStr"/>'
    if isinstance(value, str):
        content = _t(value)
    else:
        content = "".join(f"<r>{RUNS.get(op, '')}{_t(text)}</r>" for text, op in value)
    return f'<c r="{reference}" s="{style}" t="inlineStr"><is>{content}</is></c>'


def _t(text: str) -> str:
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<t{space}>{_escaped(text)}</t>"


def _escaped(text: str) -> str:
    """Text as XML character data: markup characters escaped, those XML cannot hold
    dropped."""
    return escape(_NOT_XML.sub("", text))


def _sub(parent: etree._Element, tag: str, attrib: dict[str, str] | None = None, **kw: str) -> Any:
    """A child in its parent's namespace (every part has one)."""
    namespace = parent.tag[: parent.tag.index("}") + 1]
    return etree.SubElement(parent, namespace + tag, {**(attrib or {}), **kw})


def _column(index: int) -> str:
    """`A` … `Z`, `AA` …: the column's letters."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _workbook(last_row: int) -> bytes:
    book = xmltree.root(MAIN, "workbook", r=opc.OFFICE)
    sheets = _sub(book, "sheets")
    for number, name in enumerate(("Pairs", "Summary"), 1):
        _sub(
            sheets,
            "sheet",
            {"name": name, "sheetId": str(number), f"{{{opc.OFFICE}}}id": f"rId{number}"},
        )
    names = _sub(book, "definedNames")
    _sub(
        names, "definedName", name="_xlnm._FilterDatabase", localSheetId="0", hidden="1"
    ).text = f"'Pairs'!$A$1:$L${last_row}"
    _sub(names, "definedName", name="_xlnm.Print_Titles", localSheetId="0").text = "'Pairs'!$1:$1"
    return xmltree.xml(book)


def _styles() -> bytes:
    sheet = xmltree.root(MAIN, "styleSheet")
    fonts = _sub(sheet, "fonts", count="3")
    plain = _sub(fonts, "font")
    _sub(plain, "sz", val="11")
    _sub(plain, "name", val="Calibri")
    _sub(_sub(fonts, "font"), "b", val="1")
    title = _sub(fonts, "font")
    _sub(title, "b", val="1")
    _sub(title, "sz", val="14")
    fills = _sub(sheet, "fills", count=str(2 + len(COLOURS)))
    _sub(_sub(fills, "fill"), "patternFill", patternType="none")
    _sub(_sub(fills, "fill"), "patternFill", patternType="gray125")
    for colour in COLOURS:
        pattern = _sub(_sub(fills, "fill"), "patternFill")
        pattern.set("patternType", "solid")
        _sub(pattern, "fgColor", rgb=f"00{colour}")
    borders = _sub(sheet, "borders", count="1")
    _sub(borders, "border")
    _sub(
        _sub(sheet, "cellStyleXfs", count="1"),
        "xf", numFmtId="0", fontId="0", fillId="0", borderId="0",
    )  # fmt: skip
    formats = _sub(sheet, "cellXfs", count=str(4 + len(COLOURS)))
    kinds = [("0", "0", False), ("1", "0", False), ("2", "0", True), ("0", "0", True)]
    kinds += [("0", str(2 + number), True) for number in range(len(COLOURS))]
    for font, fill, wrapped in kinds:
        xf = _sub(formats, "xf", numFmtId="0", fontId=font, fillId=fill, borderId="0", xfId="0")
        if wrapped:
            xf.set("applyAlignment", "1")
            _sub(xf, "alignment", vertical="top", wrapText="1")
    styles = _sub(sheet, "cellStyles", count="1")
    _sub(styles, "cellStyle", name="Normal", xfId="0", builtinId="0")
    return xmltree.xml(sheet)
