"""What each command loads: reading never pulls in the aligner, the diff engine, the
writers or an HTTP client. (That no module of `align` imports a UI toolkit, directly or
through others, is import-linter's contract in pyproject.toml, checked by `make test`.)"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from resalign import align


def test_public_surface_is_complete() -> None:
    exported = set(align.__all__)
    assert exported == set(align._PUBLIC)
    submodules = {info.name for info in pkgutil.iter_modules(align.__path__)}
    public = {name for name in dir(align) if not name.startswith("_")} - submodules
    assert public - {"annotations", "import_module", "TYPE_CHECKING"} == exported
    for name in exported:
        value = getattr(align, name)
        assert value is not None
        assert getattr(value, "__module__", "resalign.align").startswith("resalign.align")


def test_reading_a_document_loads_no_aligner_diff_or_writer() -> None:
    code = (
        "import sys\nfrom resalign import align\n"
        "align.read_document(sys.argv[1])\n"
        "print(sorted(m for m in sys.modules if m in {'resalign.align.aligner', "
        "'resalign.align.diff', 'resalign.align.render', 'diff_match_patch', 'lxml'}))"
    )
    from tests.conftest import ES

    result = subprocess.run([sys.executable, "-c", code, str(ES)], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_parse_command_loads_only_what_reading_needs() -> None:
    """The import contract of `resalign parse`: no aligner, diff engine, report writer,
    XML library, UI toolkit or corpus engine (each costs start-up time)."""
    from tests.conftest import ES

    heavy = {
        "resalign.align.aligner",
        "resalign.align.comparison",
        "resalign.align.diff",
        "resalign.align.corpus",
        "diff_match_patch",
        "lxml",
        "textual",
        "rich",
        "pyarrow",
        "distributed",
        "resalign.tui",
    }
    code = (
        "import sys, contextlib, io\n"
        "from resalign.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['parse', sys.argv[1]])\n"
        f"heavy = {sorted(heavy)!r}\n"
        "print(sorted(m for m in sys.modules\n"
        "             if any(m == h or m.startswith(h + '.') for h in heavy)))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(ES)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_commands_on_files_load_no_http_client() -> None:
    """Only a document given as SYMBOL:LANG loads the fetcher and its HTTP client."""
    from tests.conftest import ES, MODELED

    code = (
        "import sys\n"
        "from resalign.cli import main\n"
        "main(sys.argv[1:])\n"
        "print(sorted(m for m in sys.modules if m in {'resalign.align.fetch', 'http.client', "
        "'urllib.request'}), file=sys.stderr)"
    )
    for argv in (["parse", str(ES)], ["diff", str(MODELED), str(ES)]):
        result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)
        assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="from Python 3.12 dataclasses imports inspect itself"
)
@pytest.mark.parametrize("command", ["parse", "diff"])
def test_reading_and_diffing_processes_never_load_inspect(command: str) -> None:
    """`resalign parse` and `resalign diff` as a user runs them: `dataclasses` imports
    `inspect` (and with it ast, dis and tokenize) for a call made only for a dataclass
    without a docstring, so the entry point defers it and every dataclass has one."""
    from tests.conftest import ES, MODELED

    files = [str(ES)] if command == "parse" else [str(MODELED), str(ES), "--color", "never"]
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print(sorted(m for m in ('ast', 'dis', 'tokenize') "
        "if m in sys.modules), file=sys.stderr))\n"
        f"sys.argv = ['resalign', {command!r}, *sys.argv[1:]]\n"
        "import resalign\n"
        "resalign.run()\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert ("34 preambular, 22 operative" if command == "parse" else "OP10+OP11") in result.stdout
    assert result.stderr.strip() == "[]"


def test_every_dataclass_of_the_core_has_a_docstring() -> None:
    """What it is, for the reader; and without one `dataclasses` writes the signature in
    its place through `inspect`, which the commands would then load at every start."""
    undocumented = []
    for path in sorted(Path(align.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ClassDef)
                and any("dataclass" in ast.unparse(d) for d in node.decorator_list)
                and ast.get_docstring(node) is None
            ):
                undocumented.append(f"{path.name}:{node.lineno} {node.name}")
    assert undocumented == []


def test_a_deferred_module_loads_at_its_first_name_and_stays_whole() -> None:
    code = (
        "import sys, resalign\n"
        "resalign._defer('colorsys')\n"
        "import colorsys\n"
        "before = type(sys.modules['colorsys']).__name__\n"
        "print(before, colorsys.rgb_to_hsv(1.0, 0.0, 0.0), colorsys.hsv_to_rgb(0.0, 1.0, 1.0),\n"
        "      sys.modules['colorsys'] is not colorsys, colorsys.__name__)\n"
        "import colorsys as again\n"
        "print(type(again).__name__, again.ONE_THIRD == colorsys.ONE_THIRD)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "_OnFirstUse (0.0, 1.0, 1.0) (1.0, 0.0, 0.0) True colorsys",
        "module True",
    ]
