"""`resalign parse`: output shapes, exit codes and one-line errors on bad input."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from resalign.align import ExitCode
from resalign.cli import main
from tests.conftest import EN, ES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(ES), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert {
        k: data[k] for k in ("symbol", "language", "session", "agenda_item", "adopted", "report")
    } == {
        "symbol": "A/RES/72/195",
        "language": "es",
        "session": 72,
        "agenda_item": "107",
        "adopted": "2017-12-19",
        "report": "A/72/440",
    }
    assert data["title"].startswith("Medidas para mejorar")
    first, sub, op1 = data["paragraphs"][0], data["paragraphs"][8], data["paragraphs"][40]
    assert {k: first[k] for k in ("key", "kind", "label", "lead", "footnotes")} == {
        "key": "PP1",
        "kind": "preambular",
        "label": None,
        "lead": "Reiterando",
        "footnotes": [],
    }
    assert first["text"].startswith("Reiterando su enérgica condena")
    assert {k: sub[k] for k in ("key", "kind", "parent", "label")} == {
        "key": "PP8(a)",
        "kind": "subitem",
        "parent": "PP8",
        "label": "a)",
    }
    assert {k: op1[k] for k in ("key", "kind", "label", "lead", "footnotes")} == {
        "key": "OP1",
        "kind": "operative",
        "label": "1.",
        "lead": "Insta",
        "footnotes": ["FN2", "FN3"],
    }
    assert data["footnotes"][0] == {"key": "FN1", "marker": "1", "text": "Resolución 70/1."}
    assert len(data["paragraphs"]) == 62
    assert len(data["footnotes"]) == 14


def test_outline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(EN))
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == (
        "A/RES/72/195 [en] · session 72 · agenda item 107 · adopted 2017-12-19 · report A/72/440"
    )
    assert lines[2] == "34 preambular, 22 operative, 6 sub-items, 0 headings, 14 footnotes"
    assert lines[8].startswith("PP5       Recalling also")
    assert lines[8].endswith("[FN2, FN3, FN4, FN5]")
    assert lines[12].startswith("  PP8(a)  To")
    assert max(len(line) for line in lines) <= 100
    assert lines[-1] == "FN14      Resolution 64/293."


def test_lang_override(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(ES), "--json", "--lang", "es")
    assert code == 0 and json.loads(out)["language"] == "es"


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


BAD_INPUTS = {
    "empty": (b"", "is empty"),
    "blank": (b"  \n\n \t\n", "is empty"),
    "binary": (bytes(range(256)) * 4, "binary"),
    "latin-1": ("Résolution adoptée\n".encode("latin-1"), "is not UTF-8 (byte 0xe9 at offset 1)"),
    "utf-16 without BOM": ("Hello".encode("utf-16-le"), "binary"),
    "bad BOM": (codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark"),
    "not a resolution": (b"Dear colleagues,\n\nPlease find attached.\n", "not a resolution"),
    "title but no paragraphs": (b"72/195. Title\n\nThe General Assembly,\n", "no paragraphs"),
    "truncated pdf": (b"%PDF-1.7\n%...", "not a readable PDF (corrupt or truncated"),
    "truncated docx": (
        b"PK\x03\x04\x14\x00",
        "not a valid Word document (corrupt or truncated zip)",
    ),
    "html page that is no resolution": (
        b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        "not a resolution",
    ),
    "old word file": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "LibreOffice"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_one_line_exit_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, message = BAD_INPUTS[name]
    code, out, err = run(capsys, "parse", _write(tmp_path / "input.txt", data))
    assert code == ExitCode.INPUT
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("resalign: ")
    assert message in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "/no/such/file.txt"], "/no/such/file.txt: no such file"),
        (["parse", "."], ".: is a directory, not a file"),
        (["parse", str(ES), "--lang", "xx"], "unknown language 'xx'"),
        (["parse", str(ES), "--encoding", "nonsense"], "unknown encoding 'nonsense'"),
        (["parse", str(ES), "--max-size", "1k"], "over the 1,024-byte limit"),
    ],
)
def test_path_and_option_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == ExitCode.INPUT
    assert message in err and err.count("\n") == 1


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["parse"])
    assert exit_info.value.code == ExitCode.INPUT
    assert "the following arguments are required: FILE" in capsys.readouterr().err


def test_version_and_help() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "resalign", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.startswith("resalign ")
    helped = subprocess.run(
        [sys.executable, "-m", "resalign", "--help"], capture_output=True, text=True
    )
    assert helped.returncode == 0 and "parse" in helped.stdout


def test_whole_process_no_traceback_and_light_imports(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "sys.argv = ['resalign', 'parse', sys.argv[1], '--json']\n"
        "from resalign.cli import main\n"
        "code = main()\n"
        "heavy = [m for m in ('textual', 'lxml', 'rich') if m in sys.modules]\n"
        "print('HEAVY', heavy, 'CODE', code, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(ES)], capture_output=True, text=True)
    assert "HEAVY [] CODE 0" in result.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "resalign", "parse", _write(tmp_path / "x.bin", b"\x00\x01")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == ExitCode.INPUT
    assert "Traceback" not in bad.stderr


def test_the_process_skips_teardown_only_when_nothing_waits_for_it() -> None:
    """After a reading command the process ends without the interpreter's teardown, its
    output all written; with an exit handler registered it ends the ordinary way and the
    handler runs."""
    whole = subprocess.run(
        [sys.executable, "-m", "resalign", "parse", str(ES), "--json"],
        capture_output=True,
        text=True,
    )
    assert whole.returncode == ExitCode.OK
    assert json.loads(whole.stdout)["symbol"] == "A/RES/72/195"
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "sys.argv = ['resalign', 'parse', sys.argv[1]]\n"
        "from resalign import run\n"
        "run()\n"
    )
    handled = subprocess.run([sys.executable, "-c", probe, str(ES)], capture_output=True, text=True)
    assert (handled.returncode, handled.stderr) == (ExitCode.OK, "handler ran\n")
    assert (
        handled.stdout
        == subprocess.run(
            [sys.executable, "-m", "resalign", "parse", str(ES)], capture_output=True, text=True
        ).stdout
    )


def test_tui_reports_bad_input_before_starting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "tui", str(ES), _write(tmp_path / "empty.txt", b""))
    assert code == ExitCode.INPUT and out == ""
    assert err == f"resalign: {tmp_path / 'empty.txt'}: is empty\n"
    code, _, err = run(capsys, "tui", str(ES), str(EN))
    assert code == ExitCode.INPUT
    assert "needs a terminal; use resalign diff or resalign report" in err


def test_bare_pair_runs_the_diff_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(ES), str(EN))
    assert code == 0 and out.startswith("language mode: A/RES/72/195 [es] ↔ A/RES/72/195 [en]")
