"""`resalign align`: listing, JSON shape, overrides file, warnings and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resalign.align import ExitCode
from resalign.cli import main
from tests.conftest import EN, ES, MODELED


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_version_mode(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "align", str(ES), str(MODELED), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["mode"] == "version"
    assert {k: data["left"][k] for k in ("symbol", "language")} == {
        "symbol": "A/RES/72/195",
        "language": "es",
    }
    assert {k: data["right"][k] for k in ("symbol", "language")} == {
        "symbol": "A/RES/70/179",
        "language": "es",
    }
    assert data["pairs"][2] == {
        "left": "AGENDA",
        "right": "AGENDA",
        "left_keys": ["AGENDA"],
        "right_keys": ["AGENDA"],
        "status": "changed",
        "score": 1.0,
        "method": "header",
        "note": "",
        "findings": [],
    }
    assert data["pairs"][7] == {
        "left": "PP1",
        "right": "PP1",
        "left_keys": ["PP1"],
        "right_keys": ["PP1"],
        "status": "same",
        "score": 1.0,
        "method": "content",
        "note": "",
        "findings": [],
    }
    removed = next(p for p in data["pairs"] if p["left"] == "PP12")
    assert {k: removed[k] for k in ("right", "status", "score", "findings")} == {
        "right": None,
        "status": "removed",
        "score": 0.0,
        "findings": [],
    }
    assert data["warnings"] == []
    assert ["OP5", "OP6"] in data["renumbered"]


def test_json_language_mode_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = EN.read_text(encoding="utf-8").replace("on 16 October 2014", "on 16 October 2015")
    changed = tmp_path / "en.txt"
    changed.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "align", str(ES), str(changed), "--json")
    assert code == 0
    (pair,) = [p for p in json.loads(out)["pairs"] if p["findings"]]
    assert pair["left"] == pair["right"] == "PP28"
    assert pair["findings"] == [
        {
            "kind": "date",
            "left": "PP28",
            "right": "PP28",
            "left_values": ["2014-10-16"],
            "right_values": ["2015-10-16"],
            "message": "date: PP28 (es) has 2014-10-16, PP28 (en) has 2015-10-16",
        }
    ]


def test_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "align", str(ES), str(MODELED))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "version mode: A/RES/72/195 [es] ↔ A/RES/70/179 [es]"
    assert lines[1] == (
        "86 pairs: 4 added, 15 changed, 1 merged, 2 moved, 9 removed, 54 same, 1 split"
    )
    assert lines[2] == "renumbered: OP5–OP8 → OP6–OP9, OP13–OP21 → OP11–OP19, OP22 → OP21"
    assert lines[4:7] == [
        "SYMBOL   → SYMBOL   changed        1.00  header",
        "SESSION  → SESSION  changed        1.00  header",
        "AGENDA   → AGENDA   changed        1.00  header",
    ]
    assert (
        "PP22     → PP16     moved          1.00  move  (moved: was after PP21, now after PP15)"
        in lines
    )
    assert "PP24     → PP21+PP22 split          1.00  split" in lines
    assert "OP10+OP11 → OP10     merged         0.98  merge" in lines
    assert "—        → OP5      added          0.00  content" in lines


def test_mode_override_warns_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "align", str(ES), str(EN), "--mode", "version")
    assert code == 0
    assert err.startswith("resalign: warning: the documents are in different languages (es, en)")


def test_pairs_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.toml"
    pairs.write_text('pairs = [["PP12", "OP5"]]\n', encoding="utf-8")
    code, out, _ = run(capsys, "align", str(ES), str(MODELED), "--pairs", str(pairs), "--json")
    assert code == 0
    forced = [p for p in json.loads(out)["pairs"] if p["left"] == "PP12"]
    assert [(p["right"], p["method"]) for p in forced] == [("OP5", "manual")]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["align", str(ES)], "the following arguments are required: RIGHT"),
        (["align", str(ES), str(EN), "--mode", "sideways"], "invalid choice: 'sideways'"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == ExitCode.INPUT
    assert message in capsys.readouterr().err


def test_bad_pairs_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.toml"
    pairs.write_text('pairs = [["PP1", "PP77"]]\n', encoding="utf-8")
    code, out, err = run(capsys, "align", str(ES), str(MODELED), "--pairs", str(pairs))
    assert code == ExitCode.INPUT and out == ""
    assert err == (
        "resalign: pairs file: PP77 is not a paragraph or footnote of the right document "
        f"({MODELED})\n"
    )
    code, _, err = run(capsys, "align", str(ES), str(MODELED), "--pairs", str(tmp_path / "none"))
    assert code == ExitCode.INPUT and "no such pairs file" in err
