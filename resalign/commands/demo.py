"""`resalign demo`: the bundled example pair, in the review UI or as the word diff."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from resalign.console import interactive

if TYPE_CHECKING:
    from resalign.options import Commands

EXAMPLE_PAIR = ("A_RES_70_179.es.modeled.txt", "A_RES_72_195.es.txt")
"""The bundled example pair, old on the left (package `resalign.examples`, from `seeds/`)."""


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "demo",
        help="compare the bundled example pair (70/179, modeled, against 72/195)",
        description="Open the review UI (the word diff when not in a terminal) on the bundled "
        "example documents: a modeled 2015 version of the trafficking resolution (70/179) on "
        "the left, the official Spanish 72/195 of 2017 on the right.",
    )
    parser.add_argument(
        "--state", metavar="FILE", help="review state file (default: a temporary one)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from importlib.resources import as_file, files

    from resalign.cli import main  # the command runs its own command line

    examples = files("resalign.examples")
    with as_file(examples / EXAMPLE_PAIR[0]) as left, as_file(examples / EXAMPLE_PAIR[1]) as right:
        argv = [str(left), str(right)]
        if interactive():
            import tempfile

            state = args.state or str(Path(tempfile.gettempdir()) / "resalign-demo-review.toml")
            return main(["tui", *argv, "--state", state])
        return main(["diff", *argv])
