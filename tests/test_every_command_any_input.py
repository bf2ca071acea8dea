"""Every command, fed arbitrary bytes or arbitrary text: a documented exit code, at most one
line on stderr when it refuses, no traceback, and nothing written when it fails."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resalign.align.errors import ExitCode
from resalign.align.render import FORMATS as REPORT_FORMATS
from resalign.cli import main
from tests.conftest import ES

EXITS = {ExitCode.OK, ExitCode.INPUT, ExitCode.OUTPUT}
COMMANDS = [
    ["parse", "{file}"],
    ["parse", "{file}", "--json"],
    ["align", str(ES), "{file}"],
    ["diff", "{file}", str(ES)],
    *[["report", str(ES), "{file}", "-o", "{out}", "--format", f] for f in REPORT_FORMATS],
]
INPUT = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            ["72/1. Title", "The General Assembly,", "Recalling,", "1. Decides;", "(a) x;",
             "¹ Note.", "__________", "2/13", "Annex", "II", "", "\f", "50th plenary meeting"]
        ),
        max_size=40,
    ).map(lambda lines: "\n".join(lines).encode()),
)  # fmt: skip


def name(command: list[str]) -> str:
    return " ".join(part for part in command if not part.startswith(("{", "/", "-o")))


@pytest.mark.parametrize("command", COMMANDS, ids=[name(c) for c in COMMANDS])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=INPUT)
def test_any_input(command: list[str], data: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file, out = Path(folder) / "input", Path(folder) / "report"
        file.write_bytes(data)
        argv = [part.format(file=file, out=out) for part in command]
        code = main(argv)
        _, err = capsys.readouterr()
        assert code in EXITS
        assert "Traceback" not in err
        if code != ExitCode.OK:
            assert err.count("\n") <= 1
            assert not out.exists()
