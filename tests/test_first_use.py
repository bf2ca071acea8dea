"""A new user's first five minutes: the help, one file, the demo from an installed wheel.

The wheel test builds resalign's wheel from this checkout (no build isolation: setuptools
comes with the test extras, so no network is needed), installs it without its dependencies
into a fresh virtual environment outside the checkout, lends that environment the
dependencies already installed here (a `.pth` line, which does not bring the editable
install along), and runs `resalign demo` there.
"""

from __future__ import annotations

import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from resalign.cli import main
from resalign.commands.demo import EXAMPLE_PAIR
from tests.conftest import ES

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_leads_with_the_bare_form(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert out.startswith("usage: resalign OLD NEW [options]\n       resalign FILE\n")
    assert "resalign OLD NEW    compare two documents" in out
    assert "resalign demo" in out


def test_one_file_prints_its_structure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(ES))
    assert (code, err) == (0, "")
    counts = "34 preambular, 22 operative, 6 sub-items, 0 headings, 14 footnotes"
    assert out.splitlines()[2] == counts


def test_demo_compares_old_on_the_left(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert out.splitlines()[0] == "version mode: A/RES/70/179 [es] ↔ A/RES/72/195 [es]"
    assert EXAMPLE_PAIR == ("A_RES_70_179.es.modeled.txt", "A_RES_72_195.es.txt")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the checkout (a build writes into its source tree)."""
    source = tmp_path_factory.mktemp("source") / "resalign"
    skip = (".*", "build", "dist", "*.egg-info", "__pycache__", "tests", "bench")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*skip))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(source)],
        check=True,
        cwd=out,
    )  # fmt: skip
    (built,) = out.glob("resalign-*.whl")
    return built


def test_wheel_carries_the_licence_and_the_examples(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    examples = {name.split("/")[-1] for name in names if name.startswith("resalign/examples/")}
    seeds = {path.name for path in (ROOT / "seeds").iterdir() if path.is_file()}
    assert examples == seeds
    assert "resalign/tui/resalign.tcss" in names
    assert {name.split("/")[0] for name in names if not name.startswith("resalign-")} == {
        "resalign"
    }


def test_demo_from_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "env"
    venv.create(env, with_pip=False)
    (purelib,) = (env / "lib").glob("python3*/site-packages")
    (purelib / "lent-dependencies.pth").write_text(site.getsitepackages()[0] + "\n")
    python = env / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         str(wheel)],
        check=True,
    )  # fmt: skip
    done = subprocess.run(
        [str(env / "bin" / "resalign"), "demo"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[0] == "version mode: A/RES/70/179 [es] ↔ A/RES/72/195 [es]"
    where = subprocess.run(
        [str(python), "-c", "import resalign; print(resalign.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert where.stdout.startswith(str(purelib))
    for other in ("align", "tui"):  # names other projects on the package index own
        taken = subprocess.run(
            [str(python), "-c", f"import {other}"], capture_output=True, text=True, cwd=tmp_path
        )
        assert taken.returncode == 1
        assert taken.stderr.splitlines()[-1] == f"ModuleNotFoundError: No module named '{other}'"
