"""Input that is not a document, or is built to hurt: refused at once, in one line.

Non-regular files (a named pipe, a directory, a device, a loop of symbolic links) are
refused before any read, each within a second; document types and entity declarations in
Word and HTML are refused (never read around), whether they point at a file, at the
network or at themselves (billion laughs); pairs files get the same checks.
"""

from __future__ import annotations

import http.server
import io
import json
import os
import shutil
import sys
import threading
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from resalign.align.errors import ExitCode
from resalign.cli import main
from tests.conftest import ES, MODELED
from tests.fixtures.docx_builder import docx_bytes
from tests.fixtures.html_builder import html_bytes
from tests.test_read_formats import _zip, header_lines


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must refuse: exit 2, nothing on stdout, one line on stderr."""
    start = time.monotonic()
    code, out, err = run(capsys, *argv)
    assert time.monotonic() - start < 1.0
    assert (code, out) == (ExitCode.INPUT, "")
    assert err.count("\n") == 1 and err.startswith("resalign: ")
    return err


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    return tmp_path / "a"


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda request: request.getfixturevalue("fifo"), "is a named pipe, not a file"),
        (lambda request: request.getfixturevalue("tmp_path"), "is a directory, not a file"),
        (lambda request: Path("/dev/zero"), "is a character device, not a file"),
        (lambda request: request.getfixturevalue("loop"), "a loop of symbolic links"),
    ],
    ids=["fifo", "directory", "device", "symlink-loop"],
)
def test_non_regular_files_refused_before_any_read(
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
    make: Callable[[pytest.FixtureRequest], Path],
    said: str,
) -> None:
    path = make(request)
    assert refused(capsys, "parse", str(path)) == f"resalign: {path}: {said}\n"


def test_pairs_files_get_the_same_checks(
    capsys: pytest.CaptureFixture[str], fifo: Path, tmp_path: Path
) -> None:
    pair = (str(MODELED), str(ES))
    for path in (fifo, Path("/dev/zero")):
        assert "not a pairs file" in refused(capsys, "align", *pair, "--pairs", str(path))
    deep = tmp_path / "deep.json"
    deep.write_text('{"pairs": ' + "[" * 100_000 + "]" * 100_000 + "}")
    err = refused(capsys, "align", *pair, "--pairs", str(deep))
    assert err == f"resalign: {deep}: not a valid pairs file (nested too deeply)\n"


def test_a_pair_given_many_times_counts_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pairs = tmp_path / "pairs.toml"
    pairs.write_text("pairs = [" + '["PP1", "PP1"],' * 100_000 + "]\n")
    code, out, _ = run(capsys, "align", str(MODELED), str(ES), "--pairs", str(pairs))
    assert code == ExitCode.OK
    assert sum(1 for line in out.splitlines() if line.startswith("PP1 ")) == 1


def test_a_size_that_is_infinite_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", str(ES), "--max-size", "1e400M"])
    assert exit_info.value.code == ExitCode.INPUT
    assert "not a size: '1e400M'" in capsys.readouterr().err


class _Listener(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Listener.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<!ENTITY leak 'NETWORK'>")

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def listener() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Listener)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Listener.hits = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def declarations(kind: str, secret: Path, listener: str) -> tuple[str, str]:
    """(the declarations, the reference that would expand them) of one attack."""
    if kind == "external":
        return (
            f'<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY net SYSTEM "{listener}/entity">'
            f'<!ENTITY % remote SYSTEM "{listener}/dtd"> %remote;',
            "&xxe;&net;",
        )
    laughs = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    return laughs, "&lol9;"


def with_document_xml(data: bytes, change: Callable[[str], str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = change(content.decode()).encode()
            target.writestr(item.filename, content)
    return out.getvalue()


@pytest.mark.parametrize("attack", ["external", "billion-laughs"])
@pytest.mark.parametrize("kind", ["docx", "xhtml"])
def test_entity_declarations_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    listener: str,
    es_document: object,
    kind: str,
    attack: str,
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    declared, reference = declarations(attack, secret, listener)
    header = header_lines(ES)
    if kind == "docx":

        def poison(xml: str) -> str:
            xml = xml.replace("?>", f"?><!DOCTYPE w:document [{declared}]>", 1)
            return xml.replace("su enérgica condena", f"su {reference} enérgica condena", 1)

        data = with_document_xml(docx_bytes(es_document, header), poison)  # type: ignore[arg-type]
        said = "word/document.xml declares a document type (DOCTYPE)"
    else:
        page = html_bytes(es_document, header).decode()  # type: ignore[arg-type]
        page = page.replace("<!DOCTYPE html>", f"<!DOCTYPE html [{declared}]>")
        data = page.replace("su enérgica condena", f"su {reference} enérgica condena", 1).encode()
        said = "the page declares entity declarations"
    path = tmp_path / f"attack.{kind}"
    path.write_bytes(data)
    tracemalloc.start()
    err = refused(capsys, "parse", str(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert err == f"resalign: {path}: refused: {said}, which no resolution has\n"
    assert "TOP-SECRET" not in err and "lol" not in err
    assert _Listener.hits == []
    assert peak < 64 * 1024 * 1024


@pytest.fixture(scope="module")
def es_document() -> object:
    from resalign.align import parse_text

    return parse_text(ES.read_text(encoding="utf-8"))


def test_control_characters_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Past the first 8 KB (where they would be refused as binary), an `ESC[2J` is shown
    as U+FFFD, with a warning, whatever --color says."""
    text = ES.read_text(encoding="utf-8")
    at = text.index("Reafirmando la importancia")
    assert at > 8192
    path = tmp_path / "escape.txt"
    path.write_text(text[:at] + "\x1b[2J\x9b2J" + text[at:], encoding="utf-8")
    code, out, err = run(capsys, "diff", str(MODELED), str(path), "--all", "--color", "never")
    assert code == ExitCode.OK
    assert "\x1b" not in out and "\x9b" not in out
    assert "\ufffd[2J\ufffd2J" in out
    said = "2 control character(s) or noncharacter(s) in the text, shown as \ufffd"
    assert err == f"resalign: warning: {path}: {said}\n"


def test_html_nested_too_deep_is_refused_not_cut(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = "<html><body>" + "<div>" * 300 + "<p>deep</p>" + "</div>" * 300 + "</body></html>"
    path = tmp_path / "deep.html"
    path.write_text(page)
    err = refused(capsys, "parse", str(path))
    assert err == f"resalign: {path}: refused: elements nested more than 256 deep\n"


NEVER = "which a Word document never uses"


def patched_entry(data: bytes, name: str, *, method: int | None = None, flags: int = 0) -> bytes:
    """The package with one entry's compression method or flags changed in its headers."""
    import struct

    out = bytearray(data)
    encoded = name.encode()
    for signature, method_at, flags_at, name_at in (
        (b"PK\x03\x04", 8, 6, 30),
        (b"PK\x01\x02", 10, 8, 46),
    ):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            if out[start + name_at : start + name_at + len(encoded)] == encoded:
                if method is not None:
                    struct.pack_into("<H", out, start + method_at, method)
                struct.pack_into("<H", out, start + flags_at, flags)
            start += 4
    return bytes(out)


@pytest.mark.parametrize(
    ("method", "flags", "said"),
    [
        (None, 0x1, "entry 'word/document.xml' is encrypted"),
        (
            9,
            0,
            "entry 'word/document.xml' is compressed with method 9, " + NEVER,
        ),
        (
            99,
            0,
            "entry 'word/document.xml' is compressed with method 99, " + NEVER,
        ),
    ],
    ids=["encrypted", "deflate64", "aes"],
)
def test_word_packages_that_zipfile_cannot_open_are_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    es_document: object,
    method: int | None,
    flags: int,
    said: str,
) -> None:
    data = docx_bytes(es_document, header_lines(ES))  # type: ignore[arg-type]
    path = tmp_path / "odd.docx"
    path.write_bytes(patched_entry(data, "word/document.xml", method=method, flags=flags))
    assert refused(capsys, "parse", str(path)) == f"resalign: {path}: refused: {said}\n"


@pytest.mark.parametrize("value", ["x", "-1", "99", "²", "1e9", "999999999999"])
def test_odd_list_levels_and_starts_read_as_word_reads_them(
    tmp_path: Path, es_document: object, value: str
) -> None:
    from resalign.align.read.docx import read_docx

    def odd(xml: str) -> str:
        return xml.replace('w:ilvl w:val="0"', f'w:ilvl w:val="{value}"')

    data = with_document_xml(docx_bytes(es_document, header_lines(ES)), odd)  # type: ignore[arg-type]
    document = read_docx(data, source="odd.docx")
    assert document.count("operative") == 22


def handmade_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; the first is the catalogue)."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def page_with(stream: bytes, filters: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d %s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
    ]


def _bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A few kilobytes that twice-compressed decompress to 300 MB, and the child's memory
    limit lowered to 96 MiB so the test is quick."""
    import zlib

    import resalign.align.read.isolated

    monkeypatch.setattr(resalign.align.read.isolated, "MEMORY", 96 * 1024 * 1024)
    inner = zlib.compressobj(9)
    spaces = b" " * (1 << 20)
    once = b"".join(inner.compress(spaces) for _ in range(300)) + inner.flush()
    data = handmade_pdf(page_with(zlib.compress(once, 9), b"/Filter [/FlateDecode /FlateDecode]"))
    assert len(data) < 4096
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data)
    return path


def test_a_crash_in_the_reading_child_dumps_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDFium aborting in the isolated child is the parent's to say in one line: with the
    fault handler on (`python -X faulthandler`, as pytest runs), no `Fatal Python error`
    and no traceback reach the terminal (it did, from this passing test, in `make test`)."""
    import subprocess
    import sys

    path = _bomb(tmp_path, monkeypatch)
    script = (
        "import resalign.align.read.isolated as isolated\n"
        "isolated.MEMORY = 96 * 1024 * 1024\n"
        "from resalign.cli import main\n"
        f"raise SystemExit(main(['parse', {str(path)!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", script], capture_output=True, text=True
    )
    assert done.returncode == ExitCode.INPUT
    assert "Fatal Python error" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_pdf_bomb_is_refused_within_the_memory_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDFium works in a child process held to the memory limit."""
    path = _bomb(tmp_path, monkeypatch)
    code, out, err = run(capsys, "parse", str(path))
    assert (code, out) == (ExitCode.INPUT, "")
    assert err == (
        f"resalign: {path}: refused: it cannot be read within 96 MiB of memory "
        "(a PDF bomb, or a broken file)\n"
    )


def test_a_page_tree_that_loops_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]
    path = tmp_path / "loop.pdf"
    path.write_bytes(handmade_pdf(objects))
    code, out, err = run(capsys, "parse", str(path))
    assert (code, out) == (ExitCode.INPUT, "")
    assert err.count("\n") == 1 and err.startswith(f"resalign: {path}: ")


def test_more_pages_than_a_resolution_has_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import resalign.align.read.pdf

    monkeypatch.setattr(resalign.align.read.pdf, "MAX_PAGES", 3)
    kids = b" ".join(b"3 0 R" for _ in range(4))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count 4 >>" % kids,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    path = tmp_path / "pages.pdf"
    path.write_bytes(handmade_pdf(objects))
    err = refused(capsys, "parse", str(path))
    assert err == f"resalign: {path}: refused: 4 pages, over 3\n"


def test_ctrl_c_while_the_program_loads_is_quiet(tmp_path: Path) -> None:
    """Interrupted while it imports (held there by a slow import hook), the command exits
    130 with nothing on stderr: no traceback."""
    import shutil
    import signal
    import subprocess

    hook, held = tmp_path / "hook", tmp_path / "held"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import pathlib, sys, time\n"
        "class Slow:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'resalign.cli':\n"
        f"            pathlib.Path({str(held)!r}).touch()\n"
        "            time.sleep(20)\n"
        "sys.meta_path.insert(0, Slow())\n"
    )
    command = shutil.which("resalign") or str(Path(sys.executable).parent / "resalign")
    env = {**os.environ, "PYTHONPATH": str(hook)}
    process = subprocess.Popen(
        [command, "parse", str(ES)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # as a shell starts it: Ctrl-C not ignored (a test before may leave it ignored
        # in this process, and a child inherits that)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 20
    while not held.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # until the import is held (a loaded machine starts slowly)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert (process.returncode, out, err) == (130, b"", b"")


def test_a_charset_that_lies_is_read_as_what_the_bytes_are(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = (
        '<html><head><meta charset="windows-1252"></head><body><p>72/195. Título</p>'
        "<p>La Asamblea General,</p><p>Recordando la situación de las víctimas,</p>"
        "<p>1. Decide actuar.</p></body></html>"
    )
    path = tmp_path / "lying.html"
    path.write_bytes(page.encode("utf-8"))
    code, out, err = run(capsys, "parse", str(path), "--lang", "es")
    assert code == ExitCode.OK
    assert "Recordando  la situación de las víctimas," in out
    said = "the page says its charset is windows-1252, but it is UTF-8: read as UTF-8"
    assert err == f"resalign: warning: {path}: {said}\n"


def test_pages_that_share_one_huge_stream_are_refused_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """2,000 pages drawing one stream of 20,000 text objects: PDFium would parse the stream
    for every page (minutes); the object count stops it on the first page."""
    import zlib

    line = b"(The General Assembly recalls all of it) Tj 0 -1 Td "
    stream = zlib.compress(b"BT /F1 12 Tf 72 700 Td " + line * 20_000 + b"ET", 9)
    pages = 2000
    kids = b" ".join(b"%d 0 R" % (6 + n) for n in range(pages))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Font << /F1 3 0 R >> >>",
        *[page] * pages,
    ]
    path = tmp_path / "shared.pdf"
    path.write_bytes(handmade_pdf(objects))
    err = refused(capsys, "parse", str(path))
    assert err.startswith(f"resalign: {path}: refused: page 1 brings the drawing objects to ")


@pytest.mark.parametrize("value", ["x", "", "-1", "²", "1e9", " 3 "])
def test_odd_list_starts_read_as_a_browser_reads_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    """`<ol start="x">`: no traceback; a start that is no number counts from 1, as a
    browser counts it."""
    page = (
        "<html><body><p>United Nations A/RES/80/1</p><p>80/1. Title</p>"
        "<p>The General Assembly,</p><p>Recalling its resolutions,</p>"
        f'<ol start="{value}"><li>Decides to act;</li><li value="{value or "x"}²">Requests a '
        "report.</li></ol>"
        "<p>1st plenary meeting</p></body></html>"
    )
    path = tmp_path / "list.html"
    path.write_text(page, encoding="utf-8")
    code, out, err = run(capsys, "parse", str(path))
    first = 3 if value.strip() == "3" else 1
    jump = f"resalign: warning: {path}: operative numbers jump from 0 to 3\n"
    assert (code, err) == (ExitCode.OK, jump if first == 3 else "")
    assert f"OP{first}" in out and f"OP{first + 1}" in out


def _repacked(data: bytes, entries: dict[str, bytes]) -> bytes:
    """The package with `entries` added (or, for a name it has, written again after it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        for name, content in entries.items():
            target.writestr(name, content)
    return out.getvalue()


def test_a_word_file_is_read_from_the_part_its_relationships_name(
    tmp_path: Path, es_document: object
) -> None:
    """`_rels/.rels` names `word/main.xml` as the document, as Word reads it: a decoy
    `word/document.xml` beside it is not what resalign reads."""
    from resalign.align.read.docx import read_docx

    real = docx_bytes(es_document, header_lines(ES))  # type: ignore[arg-type]
    package = zipfile.ZipFile(io.BytesIO(real))
    main = package.read("word/document.xml")
    relations = package.read("_rels/.rels").replace(b"word/document.xml", b"word/main.xml")
    decoy = with_document_xml(real, lambda xml: xml.replace("Reiterando", "Señuelo"))
    parts = {name: data for name, data in _entries(decoy).items() if name != "_rels/.rels"}
    parts |= {"_rels/.rels": relations, "word/main.xml": main}
    if "word/_rels/document.xml.rels" in parts:  # the main part's own relationships
        parts["word/_rels/main.xml.rels"] = parts["word/_rels/document.xml.rels"]
    document = read_docx(_zip(parts), source="decoy.docx")
    assert document.paragraph("PP1").text.startswith("Reiterando su enérgica condena")
    assert document.count("operative") == 22 and len(document.footnotes) == 14


MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
TEXT_BOX = (
    f'<w:r><mc:AlternateContent xmlns:mc="{MC_NS}"><mc:Choice Requires="wps"><w:drawing>'
    "<w:txbxContent><w:p><w:r><w:t>Cuadro de texto.</w:t></w:r></w:p></w:txbxContent>"
    "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
    "<w:t>Cuadro de texto.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)
"""A text box as Word writes it: once as a drawing, again as VML for older readers."""


def test_a_text_box_written_two_ways_is_read_once(es_document: object) -> None:
    from resalign.align.read.docx import read_docx

    real = docx_bytes(es_document, header_lines(ES))  # type: ignore[arg-type]

    def boxed(xml: str) -> str:
        at = xml.index("</w:p>", xml.index("Reiterando"))
        return xml[:at] + TEXT_BOX + xml[at:]

    document = read_docx(with_document_xml(real, boxed), source="box.docx")
    assert sum(p.text.count("Cuadro de texto.") for p in document.paragraphs) == 1


def _with_chunks(real: bytes, chunks: dict[str, bytes]) -> bytes:
    """The Word file with each part of `chunks` imported (`w:altChunk`) after PP1."""
    parts = _entries(real)
    relations = parts["word/_rels/document.xml.rels"].decode()
    xml = parts["word/document.xml"].decode()
    at = xml.index("</w:p>", xml.index("Reiterando")) + len("</w:p>")
    marks = ""
    for number, name in enumerate(chunks, 1):
        relation = (
            f'<Relationship Id="rIdChunk{number}" Target="{name.removeprefix("word/")}" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/>'
        )
        relations = relations.replace("</Relationships>", relation + "</Relationships>")
        marks += f'<w:altChunk r:id="rIdChunk{number}"/>'
    parts["word/document.xml"] = (xml[:at] + marks + xml[at:]).encode()
    parts["word/_rels/document.xml.rels"] = relations.encode()
    return _zip(parts | chunks)


def test_an_imported_page_is_read_where_it_stands(es_document: object) -> None:
    """A `w:altChunk` brings a web page's paragraph in after PP1: it is PP2, not lost; an
    imported RTF part, which resalign cannot read, is said to be missing."""
    from resalign.align.read.docx import read_docx

    real = docx_bytes(es_document, header_lines(ES))  # type: ignore[arg-type]
    page = (
        "<html><body><p>Recordando además el texto importado de otro documento,</p></body></html>"
    )
    chunks = {"word/chunk1.html": page.encode(), "word/chunk2.rtf": rb"{\rtf1 Texto}"}
    document = read_docx(_with_chunks(real, chunks), source="chunks.docx")
    before = read_docx(real, source="plain.docx")
    assert (
        document.paragraph("PP2").text == "Recordando además el texto importado de otro documento,"
    )
    assert document.count("preambular") == before.count("preambular") + 1
    assert document.paragraph("PP3").text == before.paragraph("PP2").text
    assert (
        "imported rtf content (word/chunk2.rtf, w:altChunk) is not read: its text is missing"
        in document.warnings
    )


def _entries(data: bytes) -> dict[str, bytes]:
    package = zipfile.ZipFile(io.BytesIO(data))
    return {item.filename: package.read(item) for item in package.infolist()}


def test_an_entry_twice_in_a_package_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, es_document: object
) -> None:
    real = docx_bytes(es_document, header_lines(ES))  # type: ignore[arg-type]
    path = tmp_path / "twice.docx"
    with pytest.warns(UserWarning, match="Duplicate name"):
        path.write_bytes(_repacked(real, {"word/document.xml": b"<w:document/>"}))
    said = refused(capsys, "parse", str(path))
    assert "entry 'word/document.xml' stands twice" in said


HIDDEN = "Recalling \u202eresolution\u202c 70/1 and\u200b \u2066the Charter\u2069,"
"""Text that reads other than it is: a right-to-left override, isolates, a zero-width
space."""


def _hidden_pair(tmp_path: Path) -> tuple[Path, Path]:
    head = "80/1. Title\n\nThe General Assembly,\n\n"
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(f"{head}Recalling resolution 70/1,\n\n1. Decides to act.\n", encoding="utf-8")
    right.write_text(f"{head}{HIDDEN}\n\n1. Decides to act.\n", encoding="utf-8")
    return left, right


@pytest.mark.parametrize("command", ["parse", "diff", "align"])
def test_characters_that_act_on_the_terminal_are_shown_not_sent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """Bidi overrides, isolates and zero-width characters in a document are written as
    `⟨U+202E⟩` by every command that prints text, and a warning says the document has
    them; the Document keeps them as they are."""
    left, right = _hidden_pair(tmp_path)
    argv = {"parse": [str(right)], "diff": [str(left), str(right), "--color", "never"]}
    code, out, err = run(capsys, command, *argv.get(command, [str(left), str(right)]))
    assert code == ExitCode.OK
    printed = out + err
    assert not any(char in printed for char in "\u202e\u202c\u200b\u2066\u2069")
    if command != "align":  # the listing has no text, only keys
        assert "⟨U+202E⟩resolution⟨U+202C⟩" in out
    assert "5 invisible character(s) that change how text is shown" in err or command == "align"
    from resalign.align.read import read_document

    assert read_document(right).paragraph("PP1").text.count("\u202e") == 1


def test_a_file_name_cannot_forge_a_line_nor_colour_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "a\nresalign: all is well"
    folder.mkdir()
    path = folder / "x\x1b[31m.txt"
    path.write_text("not a resolution at all\n", encoding="utf-8")
    code, out, err = run(capsys, "parse", str(path))
    assert code == ExitCode.INPUT and out == ""
    assert err.count("\n") == 1 and "\x1b" not in err
    assert "⟨U+000A⟩resalign: all is well" in err and "⟨U+001B⟩[31m" in err


TERMINATED = """
import sys, time
import resalign.align.read.pdf as pdf

def slow(*args, **kwargs):
    time.sleep(60)  # a reading child that would go on for a minute

pdf._pages = slow
sys.argv = ["resalign", "parse", sys.argv[1]]
import resalign
resalign.run()
"""


def test_sigterm_while_reading_a_pdf_stops_the_reading_child(tmp_path: Path) -> None:
    """SIGTERM ends `resalign` as Ctrl-C does (exit 143, no traceback) and stops the
    child reading the PDF, which went on alone before."""
    import shutil
    import signal
    import subprocess

    from tests.test_real_documents import REAL

    marker = tmp_path / "terminated-marker.pdf"
    shutil.copy(REAL / "A_RES_78_10.pdf", marker)
    process = subprocess.Popen(
        [sys.executable, "-c", TERMINATED, str(marker)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    time.sleep(1.5)  # the child is reading (sleeping) by now
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 143 and "Traceback" not in err

    def still_running() -> list[str]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if str(marker).encode() in (entry / "cmdline").read_bytes():
                    found.append(entry.name)
            except OSError:
                continue
        return found

    assert still_running() == []


LONG = "x" * 300
"""A file name over every system's limit (255 bytes)."""


def _manifest(tmp_path: Path, line: str) -> str:
    manifest = tmp_path / "manifest.txt"
    manifest.write_text(f"{line}\n", encoding="utf-8")
    return str(manifest)


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (lambda t: ["parse", f"{LONG}:en"], ExitCode.INPUT, "cannot be read (File name too long)"),
        (
            lambda t: ["corpus", _manifest(t, "a.txt\0b"), "-o", str(t / "out")],
            ExitCode.INPUT,
            "manifest.txt:1: a file name cannot hold a NUL character",
        ),
        (
            lambda t: ["corpus", str(t), "-o", str(t / "out"), "--scheduler", "not a url"],
            ExitCode.INPUT,
            "not a Dask scheduler address: 'not a url' (e.g. tcp://host:8786)",
        ),
        (
            lambda t: ["corpus", str(t), "-o", str(t / "out"), "--scheduler", "tcp://127.0.0.1:1"],
            ExitCode.NETWORK,
            "cannot reach the Dask scheduler tcp://127.0.0.1:1",
        ),
    ],
    ids=["name-too-long", "nul-in-manifest", "scheduler-not-an-address", "scheduler-unreachable"],
)
def test_unusable_names_and_addresses_end_in_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: Callable[[Path], list[str]],
    code: ExitCode,
    said: str,
) -> None:
    shutil.copy(ES, tmp_path / "a.txt")
    start = time.monotonic()
    try:
        result, out, err = run(capsys, *argv(tmp_path))
    except SystemExit as usage:  # argparse's own usage errors end the program
        result, (out, err) = usage.code, capsys.readouterr()  # type: ignore[assignment]
    assert (result, out) == (code, "")
    assert said in err and err.count("\n") == 1 and "Traceback" not in err
    assert time.monotonic() - start < 12  # the unreachable scheduler: 10 s, then one line


def test_a_manifest_line_too_long_fails_that_document_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(ES, tmp_path / "a.txt")
    manifest = tmp_path / "manifest.txt"
    manifest.write_text(f"a.txt\n{LONG}.txt\n", encoding="utf-8")
    code, _, _ = run(capsys, "corpus", str(manifest), "-o", str(tmp_path / "out"))
    assert code == ExitCode.PARTIAL
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").open()]
    assert [(e["stage"], e["message"]) for e in errors] == [
        ("read", "cannot read (File name too long)")
    ]


def test_ctrl_c_inside_a_long_diff_ends_within_a_second(tmp_path: Path) -> None:
    """One paragraph of 150,000 words against a reworded copy: diff-match-patch's C++
    takes seconds over it, where Python cannot raise the interruption. Ctrl-C ends the
    program one second after it (exit 130, nothing written), not when the diff ends."""
    import random
    import signal
    import subprocess

    rng = random.Random(1)
    words = ["trafficking", "persons", "States", "coordination", "report", "Nations"]
    text = " ".join(rng.choice(words) for _ in range(150_000))
    edited = " ".join(w if rng.random() > 0.3 else rng.choice(words) for w in text.split())
    head = "80/1. Title\n\nThe General Assembly,\n\n"
    for name, body in (("old.txt", text), ("new.txt", edited)):
        (tmp_path / name).write_text(f"{head}Recalling {body},\n\n1. Decides to act.\n")
    out = tmp_path / "report.html"
    process = subprocess.Popen(
        [sys.executable, "-m", "resalign", "report", str(tmp_path / "old.txt"),
         str(tmp_path / "new.txt"), "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(1.5)  # read and aligned by now: diffing
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (130, "")
    assert time.monotonic() - started < 2.5  # the diff alone goes on for 4 s more
    assert not out.exists() and not list(tmp_path.glob(".report.html.*"))


def test_the_interrupt_guard_runs_its_block_where_signals_cannot_reach_it() -> None:
    """Off the main thread (or where a signal cannot wake a pipe), the comparison runs
    without the guard rather than failing."""
    import threading

    from resalign.interrupt import interruptible as _interruptible

    ran: list[str] = []

    def compare() -> None:
        with _interruptible():
            ran.append(threading.current_thread().name)

    worker = threading.Thread(target=compare, name="not-main")
    worker.start()
    worker.join()
    assert ran == ["not-main"]
